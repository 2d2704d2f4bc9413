/**
 * Who hears about an environment's alerts and its spend, on either cloud: the Azure `Monitoring`
 * construct and the AWS alarms and budget take these, and the environment files set them.
 */
import { Rule } from "./rules";

/** Members of the environment's action group (Azure) or alarm topic (AWS). */
export interface AlertContacts {
  /** E-mail receivers, at least one. */
  readonly emails: readonly string[];
  /** Optional webhook (e.g. the PagerDuty Events API URL) for P1 alerts. @default - none */
  readonly webhookUrl?: string;
}

/** Monthly consumption budget on the environment's resources. */
export interface BudgetConfig {
  /** Amount in USD per month. */
  readonly monthlyAmountUsd: number;
  /** Percentages of the amount at which actual spend notifies (e.g. [80, 100]). */
  readonly actualThresholdsPercent: readonly number[];
  /** Percentages of the amount at which forecast spend notifies (e.g. [100]). */
  readonly forecastThresholdsPercent: readonly number[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** The receivers: at least one e-mail address, each well formed, and an https webhook if any. */
export function alertContactsRules(contacts: AlertContacts): Rule[] {
  return [
    { ok: contacts.emails.length > 0, field: "emails", value: contacts.emails, allowed: "at least one e-mail address" },
    ...contacts.emails.map((e, i) => ({ ok: isEmail(e), field: `emails[${i}]`, value: e, allowed: "an e-mail address" })),
    ...(contacts.webhookUrl === undefined
      ? []
      : [{ ok: /^https:\/\/\S+$/.test(contacts.webhookUrl), field: "webhookUrl", value: contacts.webhookUrl, allowed: "an https:// URL" }]),
  ];
}

/** A positive amount and at least one threshold, each a whole percentage from 1 to 1000. */
export function budgetRules(budget: BudgetConfig): Rule[] {
  const thresholds = (list: "actualThresholdsPercent" | "forecastThresholdsPercent"): Rule[] =>
    budget[list].map((t, i) => ({
      ok: Number.isInteger(t) && t >= 1 && t <= 1000,
      field: `${list}[${i}]`,
      value: t,
      allowed: "an integer from 1 to 1000",
    }));
  return [
    {
      ok: Number.isFinite(budget.monthlyAmountUsd) && budget.monthlyAmountUsd > 0,
      field: "monthlyAmountUsd",
      value: budget.monthlyAmountUsd,
      allowed: "a positive amount in USD",
    },
    {
      ok: budget.actualThresholdsPercent.length + budget.forecastThresholdsPercent.length > 0,
      field: "",
      value: budget,
      allowed: "at least one actual or forecast threshold",
    },
    ...thresholds("actualThresholdsPercent"),
    ...thresholds("forecastThresholdsPercent"),
  ];
}

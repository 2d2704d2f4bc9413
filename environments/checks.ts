/**
 * Building blocks shared by the Azure and AWS environment validators.
 * Pure functions only: no I/O, no constructs.
 */
import { DATA_CLASSIFICATIONS, POLICY_PACKS, PolicyConfig, RequiredTags } from "./types";
import { AlertContacts, BudgetConfig, alertContactsRules, budgetRules } from "../constructs/shared/alerting";
import { AddressBlock, AddressBlockChild, addressPlanRules, cidrsOverlap, parseCidr } from "../constructs/shared/cidr";
import { ConfigIssue, Rule, failedRules, formatIssues } from "../constructs/shared/rules";

export { cidrContains, cidrsOverlap, isPrivateCidr, parseCidr } from "../constructs/shared/cidr";
export type { Cidr } from "../constructs/shared/cidr";

export type { ConfigIssue };

/** Thrown before any construct is built when an environment file is invalid. */
export class EnvironmentConfigError extends Error {
  constructor(
    readonly environment: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`Invalid environment "${environment}" (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` + formatIssues(issues));
    this.name = "EnvironmentConfigError";
  }
}

/** A construct refused its props while one environment's stack was built; the message names the stack. */
export class StackInputError extends Error {
  constructor(
    readonly stackId: string,
    cause: Error,
  ) {
    super(`Invalid input to stack "${stackId}": ${cause.message}`, { cause });
    this.name = "StackInputError";
  }
}

/**
 * Builds one stack, naming it in a construct's validation error (constructs do not know which
 * environment they serve). TypeError, ReferenceError and RangeError are bugs and keep their trace.
 */
export function buildStack<T>(stack: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || !(e instanceof Error)) throw e;
    throw new StackInputError(stack, e);
  }
}

/** Collects issues so that one run reports every problem of a file, not just the first. */
export class IssueCollector {
  private readonly issues: ConfigIssue[] = [];

  /** Records an issue when `ok` is false. Returns `ok` so callers can skip dependent checks. */
  check(ok: boolean, field: string, value: unknown, allowed: string): boolean {
    if (!ok) this.record({ field, value, allowed });
    return ok;
  }

  /** Records every failed row of a rule table (a construct's own rules), each field put after `prefix`. */
  add(rules: readonly Rule[], prefix = ""): boolean {
    const failed = failedRules(rules, prefix);
    failed.forEach((i) => this.record(i));
    return failed.length === 0;
  }

  /** One line per problem: two constructs that receive one field (`secondaryLocation`) report its rule once. */
  private record(issue: ConfigIssue): void {
    const same = (i: ConfigIssue) =>
      i.field === issue.field && i.allowed === issue.allowed && JSON.stringify(i.value) === JSON.stringify(issue.value);
    if (!this.issues.some(same)) this.issues.push(issue);
  }

  /** Checks that `value` is one of `allowed`. */
  oneOf<T>(value: T, allowed: readonly T[], field: string): boolean {
    return this.check(allowed.includes(value), field, value, `one of ${allowed.join(", ")}`);
  }

  /** Checks an integer in [min, max]. */
  intBetween(value: number, min: number, max: number, field: string): boolean {
    return this.check(Number.isInteger(value) && value >= min && value <= max, field, value, `an integer from ${min} to ${max}`);
  }

  /** Throws an `EnvironmentConfigError` naming every issue found. */
  throwIfAny(environment: string): void {
    if (this.issues.length > 0) throw new EnvironmentConfigError(environment, this.issues);
  }
}

/**
 * Validates a set of named CIDRs (syntax, RFC 1918, inside the parent block, prefix bounds, pairwise
 * non-overlap): the rules of `addressPlanRules`, which the network constructs own.
 */
export function checkAddressPlan(issues: IssueCollector, parent: AddressBlock, children: readonly AddressBlockChild[]): void {
  issues.add(addressPlanRules(parent, children));
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Azure and AWS both cap tag values at 256 characters; AWS forbids some characters Azure allows and vice versa. */
export function checkTagValue(issues: IssueCollector, field: string, value: string | undefined): void {
  issues.check(
    typeof value === "string" && value.trim().length > 0 && value.length <= 256 && !/[<>%&\\?/]/.test(value),
    field,
    value,
    "a non-empty string of at most 256 characters without < > % & \\ ? /",
  );
}

/** The tags every environment file carries, on both clouds. */
export function checkRequiredTags(v: IssueCollector, tags: RequiredTags, environmentName: string): void {
  checkTagValue(v, "tags.owner", tags.owner);
  checkTagValue(v, "tags.costCenter", tags.costCenter);
  v.oneOf(tags.dataClassification, DATA_CLASSIFICATIONS, "tags.dataClassification");
  v.check(tags.environment === environmentName, "tags.environment", tags.environment, `"${environmentName}" (the environment's name)`);
}

/** Receivers of the environment's alerts (the rules the alerting constructs own). */
export function checkAlertContacts(v: IssueCollector, contacts: AlertContacts): void {
  v.add(alertContactsRules(contacts), "alertContacts.");
}

/** The monthly budget: required in prod; otherwise the rules the budget constructs own. */
export function checkBudget(v: IssueCollector, budget: BudgetConfig | undefined, prod: boolean): void {
  if (budget === undefined) v.check(!prod, "budget", undefined, "a budget (required in prod)");
  else v.add(budgetRules(budget), "budget.");
}

/** Policy packs and suppressions; prod must evaluate the production pack. */
export function checkPolicyConfig(v: IssueCollector, policy: PolicyConfig, prod: boolean): void {
  policy.packs.forEach((p, i) => v.oneOf(p, POLICY_PACKS, `policy.packs[${i}]`));
  v.check(policy.packs.includes("baseline"), "policy.packs", policy.packs, 'a list that includes "baseline"');
  // What the provider or Azure refuses at apply time: no environment can afford to skip it.
  v.check(policy.packs.includes("deployability"), "policy.packs", policy.packs, 'a list that includes "deployability"');
  if (prod) v.check(policy.packs.includes("production"), "policy.packs", policy.packs, 'a list that includes "production" in prod');
  (policy.suppressions ?? []).forEach((s, i) => {
    v.check(
      /^[A-Z]{2,4}(-[A-Z0-9]+)+$/.test(s.ruleId),
      `policy.suppressions[${i}].ruleId`,
      s.ruleId,
      "a rule id such as AZ-SQL-003 or AWS-S3-003",
    );
    v.check(s.reason.trim().length >= 20, `policy.suppressions[${i}].reason`, s.reason, "a reason of at least 20 characters");
    v.check(s.resource.includes("."), `policy.suppressions[${i}].resource`, s.resource, "a Terraform address <type>.<name>");
  });
}

/**
 * Issues found across environments. Each issue is charged to the environment whose file must change
 * (the later one in the list), so the error names it like a single-file error does.
 */
export class EnvironmentSetIssues {
  private readonly collector = new IssueCollector();
  private readonly offenders = new Set<string>();

  check(environment: string, ok: boolean, field: string, value: unknown, allowed: string): boolean {
    if (!ok) this.offenders.add(environment);
    return this.collector.check(ok, field, value, allowed);
  }

  throwIfAny(): void {
    this.collector.throwIfAny([...this.offenders].join(","));
  }
}

/**
 * No two environments may share a value (a name, a subscription or account, a state object).
 * `what` names the thing in the message, e.g. "a subscription"; `why` says what would go wrong.
 */
export function checkDistinct(
  v: EnvironmentSetIssues,
  field: string,
  envs: readonly { name: string; value: string | undefined }[],
  what: string,
  why: string,
): void {
  const seen = new Map<string, string>();
  for (const e of envs) {
    if (e.value === undefined) continue;
    const first = seen.get(e.value);
    v.check(e.name, first === undefined, field, e.value, `${what} no other environment uses (environment "${first}" has it; ${why})`);
    if (first === undefined) seen.set(e.value, e.name);
  }
}

/** No two environments may share a network range: they are attached to one hub and must stay routable. */
export function checkNetworksDoNotOverlap(v: EnvironmentSetIssues, field: string, envs: readonly { name: string; cidr: string }[]): void {
  for (let i = 0; i < envs.length; i++) {
    for (let j = i + 1; j < envs.length; j++) {
      const a = parseCidr(envs[i].cidr);
      const b = parseCidr(envs[j].cidr);
      if (a && b) {
        v.check(
          envs[j].name,
          !cidrsOverlap(a, b),
          field,
          envs[j].cidr,
          `a range that does not overlap environment "${envs[i].name}" (${envs[i].cidr})`,
        );
      }
    }
  }
}

import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { Construct } from "constructs";
import { BudgetConfig } from "../shared/alerting";
import { AwsNaming } from "./naming";

export interface CostBudgetProps {
  readonly naming: AwsNaming;
  readonly environment: string;
  readonly budget: BudgetConfig;
  /** Receivers of the notifications (the environment's alert e-mails). */
  readonly emails: readonly string[];
}

/** Monthly cost budget of the environment (filtered on its `environment` tag) with actual and forecast notifications. */
export class CostBudget extends Construct {
  readonly budget: BudgetsBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    const b = props.budget;
    this.budget = new BudgetsBudget(this, "budget", {
      name: props.naming.name("budget", "monthly"),
      budgetType: "COST",
      limitAmount: b.monthlyAmountUsd.toFixed(2),
      limitUnit: "USD",
      timeUnit: "MONTHLY",
      costFilter: [{ name: "TagKeyValue", values: [`user:environment$${props.environment}`] }],
      notification: [
        ...b.actualThresholdsPercent.map((t) => ({ threshold: t, notificationType: "ACTUAL" })),
        ...b.forecastThresholdsPercent.map((t) => ({ threshold: t, notificationType: "FORECASTED" })),
      ].map((n) => ({
        comparisonOperator: "GREATER_THAN",
        threshold: n.threshold,
        thresholdType: "PERCENTAGE",
        notificationType: n.notificationType,
        subscriberEmailAddresses: [...props.emails],
      })),
    });
  }
}

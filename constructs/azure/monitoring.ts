import { ConsumptionBudgetSubscription } from "@cdktf/provider-azurerm/lib/consumption-budget-subscription";
import { MonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
import { MonitorMetricAlert } from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
import { MonitorScheduledQueryRulesAlertV2 } from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import { SentinelLogAnalyticsWorkspaceOnboarding } from "@cdktf/provider-azurerm/lib/sentinel-log-analytics-workspace-onboarding";
import { StaticResource } from "@cdktf/provider-time/lib/static-resource";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { AlertContacts, BudgetConfig, alertContactsRules, budgetRules } from "../shared/alerting";
import { Rule, assertRules, prefixed } from "../shared/rules";
import { suppress } from "../shared/suppress";
import { AzurePlacementProps } from "./common";
import { METRICS, MonitoredResource, SLA_TABLE, SlaRow, slaDescription, slaRowsRules } from "./sla";

/**
 * `formatdate` spec of a budget's start: the first day of the month the budget is created in. Azure
 * requires the first of a month and accepts a past start only inside the current month, so a fixed
 * date breaks the first deploy a month later; `start_date` is ForceNew, so it must not move after that.
 */
export const BUDGET_START_FORMAT = "YYYY-MM-01'T'00:00:00Z";
/** Azure allows five notifications per budget. */
export const MAX_BUDGET_NOTIFICATIONS = 5;

export interface MonitoringProps extends AzurePlacementProps {
  /** Action-group short name shown in SMS and e-mail (1-12 characters), e.g. `pay-prod`. */
  readonly shortName: string;
  readonly alertContacts: AlertContacts;
  /** Log Analytics workspace id: scope of the log alerts and the Sentinel workspace. */
  readonly logAnalyticsWorkspaceId: string;
  /** ARM id of each monitored resource (metric alerts are scoped to it). */
  readonly targets: Readonly<Record<Exclude<MonitoredResource, "workspace">, string>>;
  /** The near-real-time flow's trigger is on: arm the data-freshness alert. */
  readonly nearRealTimeFlowEnabled: boolean;
  /** Monthly budget on the environment's resource groups. @default - no budget */
  readonly budget?: {
    readonly config: BudgetConfig;
    /** Subscription id (GUID). */
    readonly subscriptionId: string;
    /** The environment's resource group names the budget filters on. */
    readonly resourceGroupNames: readonly string[];
  };
  /**
   * The SLA rows to alert on, one alert each.
   * @default SLA_TABLE (the brief's table)
   */
  readonly slaTable?: readonly SlaRow[];
  /**
   * Onboard the workspace to Microsoft Sentinel (SIEM for PCI DSS 10.4 log review).
   * @default false
   */
  readonly sentinel?: boolean;
}

/**
 * An Azure budget takes at most five notifications (actual + forecast); the environment validator
 * adds this to the cross-cloud `budgetRules`.
 */
export function azureBudgetRules(config: BudgetConfig): Rule[] {
  const n = config.actualThresholdsPercent.length + config.forecastThresholdsPercent.length;
  return [
    ...budgetRules(config),
    {
      ok: n <= MAX_BUDGET_NOTIFICATIONS,
      field: "",
      value: config,
      allowed: `at most ${MAX_BUDGET_NOTIFICATIONS} thresholds, actual and forecast together (Azure's limit of notifications per budget)`,
    },
  ];
}

/** Every rule of the monitoring props, as rows (`ok` = passes). */
export function monitoringRules(p: Pick<MonitoringProps, "shortName" | "alertContacts" | "budget" | "slaTable">): Rule[] {
  return [
    { ok: /^[A-Za-z0-9-]{1,12}$/.test(p.shortName), field: "shortName", value: p.shortName, allowed: "1-12 letters, digits or hyphens" },
    ...prefixed("alertContacts.", alertContactsRules(p.alertContacts)),
    ...(p.budget === undefined
      ? []
      : [
          ...prefixed("budget.config.", azureBudgetRules(p.budget.config)),
          {
            ok: p.budget.resourceGroupNames.length > 0,
            field: "budget.resourceGroupNames",
            value: p.budget.resourceGroupNames,
            allowed: "the environment's resource groups (at least one)",
          },
        ]),
    ...slaRowsRules(p.slaTable ?? SLA_TABLE),
  ];
}

/**
 * The environment's alerting: one action group from the alert contacts, one alert per row of the
 * brief's SLA table (metric alerts where Azure exposes the metric, log alerts on the diagnostic logs
 * otherwise), the monthly budget with actual and forecast notifications, and Sentinel on request.
 */
export class Monitoring extends Construct {
  readonly actionGroup: MonitorActionGroup;
  /** One alert per SLA row, by row key. */
  readonly alerts: Readonly<Record<string, MonitorMetricAlert | MonitorScheduledQueryRulesAlertV2>>;
  readonly budget?: ConsumptionBudgetSubscription;
  readonly sentinel?: SentinelLogAnalyticsWorkspaceOnboarding;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    assertRules(`Monitoring ${this.node.path}`, monitoringRules(props));

    this.actionGroup = new MonitorActionGroup(this, "action-group", {
      name: props.naming.name("actionGroup", { qualifier: "oncall" }),
      resourceGroupName: props.resourceGroupName,
      location: "global",
      shortName: props.shortName,
      emailReceiver: props.alertContacts.emails.map((emailAddress, i) => ({
        name: `email-${i + 1}`,
        emailAddress,
        useCommonAlertSchema: true,
      })),
      webhookReceiver: props.alertContacts.webhookUrl
        ? [{ name: "webhook", serviceUri: props.alertContacts.webhookUrl, useCommonAlertSchema: true }]
        : undefined,
    });

    const alerts: Record<string, MonitorMetricAlert | MonitorScheduledQueryRulesAlertV2> = {};
    for (const row of props.slaTable ?? SLA_TABLE) alerts[row.key] = this.alertFor(row, props);
    this.alerts = alerts;

    if (props.budget) {
      const { config, subscriptionId, resourceGroupNames } = props.budget;
      const contacts = { contactEmails: [...props.alertContacts.emails], contactGroups: [this.actionGroup.id] };
      // Creation time, recorded once in state: synth stays deterministic and later plans see the same month.
      const created = new StaticResource(this, "budget-created");
      this.budget = new ConsumptionBudgetSubscription(this, "budget", {
        name: props.naming.name("budget", { qualifier: "monthly" }),
        subscriptionId: `/subscriptions/${subscriptionId}`,
        amount: config.monthlyAmountUsd,
        timeGrain: "Monthly",
        timePeriod: { startDate: Fn.formatdate(BUDGET_START_FORMAT, created.rfc3339) },
        // Belt and braces: should the time_static ever be replaced, a new month must not replace the
        // budget (and reset its notification history); the start date is only meaningful on create.
        lifecycle: { ignoreChanges: ["time_period[0].start_date"] },
        filter: { dimension: [{ name: "ResourceGroupName", operator: "In", values: [...resourceGroupNames] }] },
        notification: [
          ...config.actualThresholdsPercent.map((threshold) => ({
            enabled: true,
            threshold,
            operator: "GreaterThanOrEqualTo",
            thresholdType: "Actual",
            ...contacts,
          })),
          ...config.forecastThresholdsPercent.map((threshold) => ({
            enabled: true,
            threshold,
            operator: "GreaterThanOrEqualTo",
            thresholdType: "Forecasted",
            ...contacts,
          })),
        ],
      });
    }

    if (props.sentinel ?? false) {
      this.sentinel = new SentinelLogAnalyticsWorkspaceOnboarding(this, "sentinel", { workspaceId: props.logAnalyticsWorkspaceId });
    }
  }

  private alertFor(row: SlaRow, props: MonitoringProps): MonitorMetricAlert | MonitorScheduledQueryRulesAlertV2 {
    const description = slaDescription(row);
    if (row.kind === "metric") {
      const m = METRICS[row.metric];
      return new MonitorMetricAlert(this, `alert-${row.key}`, {
        name: props.naming.name("metricAlert", { qualifier: row.key }),
        resourceGroupName: props.resourceGroupName,
        scopes: [props.targets[m.resource as Exclude<MonitoredResource, "workspace">]],
        description,
        severity: row.severity,
        windowSize: row.window,
        frequency: row.frequency,
        autoMitigate: true,
        criteria: [
          {
            metricNamespace: m.namespace,
            metricName: m.metric,
            aggregation: m.aggregation,
            operator: row.operator,
            threshold: row.threshold,
          },
        ],
        action: [{ actionGroupId: this.actionGroup.id }],
      });
    }
    const enabled = row.requiresNearRealTimeFlow ? props.nearRealTimeFlowEnabled : true;
    const alert = new MonitorScheduledQueryRulesAlertV2(this, `alert-${row.key}`, {
      name: props.naming.name("scheduledQueryAlert", { qualifier: row.key }),
      displayName: `${row.sla}: ${row.action}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      scopes: [props.logAnalyticsWorkspaceId],
      description,
      severity: row.severity,
      windowDuration: row.window,
      evaluationFrequency: row.frequency,
      enabled,
      autoMitigationEnabled: true,
      // On a first deploy the workspace is new: Azure validates a query against the tables that hold
      // data and refuses the rule while a source has sent nothing (SynapseSqlPoolExecRequests, ADFPipelineRun,
      // AGWAccessLogs...). Creation must not wait for data to arrive.
      skipQueryValidation: true,
      criteria: [
        {
          query: row.query.query,
          timeAggregationMethod: row.aggregation,
          metricMeasureColumn: row.aggregation === "Count" ? undefined : row.measureColumn,
          operator: row.operator,
          threshold: row.threshold,
          failingPeriods: { numberOfEvaluationPeriods: 1, minimumFailingPeriodsToTriggerAlert: 1 },
        },
      ],
      action: { actionGroups: [this.actionGroup.id] },
    });
    if (!enabled) {
      // Created (so turning the flow on is a one-line change) but silent: with its trigger stopped the alert would fire every hour.
      suppress(alert, "AZ-MON-002", `${row.sla} alert is disabled because the flow it watches is switched off in this environment.`);
    }
    return alert;
  }
}

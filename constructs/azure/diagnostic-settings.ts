import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { Construct } from "constructs";

/** Where a construct sends its resource logs and metrics. Every data construct takes it as `diagnostics`. */
export interface DiagnosticsTarget {
  /** Log Analytics workspace id. */
  readonly logAnalyticsWorkspaceId: string;
}

export interface DiagnosticSettingsProps {
  readonly diagnostics: DiagnosticsTarget;
  /** ARM id of the monitored resource. */
  readonly targetResourceId: string;
  /**
   * Log category groups to send. Use `[]` for resources that only emit metrics
   * (e.g. a storage account itself, as opposed to its blob service).
   * @default ["allLogs"]
   */
  readonly logCategoryGroups?: readonly ("allLogs" | "audit")[];
  /**
   * Send platform metrics.
   * @default true
   */
  readonly metrics?: boolean;
  /**
   * Metric categories to send when `metrics` is on. Use the resource's own categories where Azure has
   * no `AllMetrics` (storage accounts and their services: `Capacity` and `Transaction`).
   * @default ["AllMetrics"]
   */
  readonly metricCategories?: readonly string[];
}

/**
 * Resource logs and metrics of one resource to Log Analytics (resource-specific tables).
 * The one place diagnostic settings are written; the policy pass checks every supported resource has one.
 */
export class DiagnosticSettings extends Construct {
  readonly setting: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: DiagnosticSettingsProps) {
    super(scope, id);
    const groups = props.logCategoryGroups ?? ["allLogs"];
    this.setting = new MonitorDiagnosticSetting(this, "setting", {
      name: "diag-to-log-analytics",
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.diagnostics.logAnalyticsWorkspaceId,
      logAnalyticsDestinationType: "Dedicated",
      enabledLog: groups.map((categoryGroup) => ({ categoryGroup })),
      enabledMetric: (props.metrics ?? true) ? (props.metricCategories ?? ["AllMetrics"]).map((category) => ({ category })) : undefined,
    });
  }
}

import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { Construct } from "constructs";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { AzureNaming } from "./naming";
import { preventDestroy } from "../shared/lifecycle";

export interface LogAnalyticsProps {
  readonly naming: AzureNaming;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Interactive retention in days; PCI DSS 10.5.1 wants 90 days immediately available. */
  readonly retentionInDays: number;
  /**
   * Protect the workspace (audit trail) from `terraform destroy`.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/**
 * The environment's Log Analytics workspace: the one destination of every diagnostic setting.
 * Shared-key ingestion is disabled and nothing may ingest over the internet; diagnostic settings
 * travel on the Azure backbone. Queries stay reachable with Entra ID + RBAC from the portal, since
 * an Azure Monitor Private Link Scope is not part of this platform yet (docs/security.md).
 */
export class LogAnalytics extends Construct {
  readonly workspace: LogAnalyticsWorkspace;
  /** What other constructs pass as `diagnostics`. */
  readonly diagnostics: DiagnosticsTarget;

  constructor(scope: Construct, id: string, props: LogAnalyticsProps) {
    super(scope, id);
    this.workspace = new LogAnalyticsWorkspace(this, "workspace", {
      name: props.naming.name("logAnalyticsWorkspace"),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: "PerGB2018",
      retentionInDays: props.retentionInDays,
      localAuthenticationEnabled: false,
      internetIngestionEnabled: false,
      internetQueryEnabled: true,
    });
    preventDestroy(props.deletionProtection ?? true, this.workspace);
    this.diagnostics = { logAnalyticsWorkspaceId: this.workspace.id };
    new DiagnosticSettings(this, "diagnostics", {
      diagnostics: this.diagnostics,
      targetResourceId: this.workspace.id,
      logCategoryGroups: ["audit"],
    });
  }
}

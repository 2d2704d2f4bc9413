import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { Construct } from "constructs";
import { AzurePlacementProps } from "./common";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { preventDestroy } from "../shared/lifecycle";
import { Rule, assertRules, intBetween } from "../shared/rules";

export interface LogAnalyticsProps extends AzurePlacementProps {
  /** Interactive retention in days (90-730): PCI DSS 10.5.1 wants 90 days immediately available, the workspace keeps at most 730. */
  readonly retentionInDays: number;
  /**
   * Protect the workspace (audit trail) from `terraform destroy`.
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/** The props `logAnalyticsRules` reads; the environment validator passes `retention.logAnalyticsDays`. */
export type LogAnalyticsRuleInput = Pick<LogAnalyticsProps, "retentionInDays">;

/** Every rule of the workspace's props, as rows (`ok` = passes). */
export function logAnalyticsRules(props: LogAnalyticsRuleInput): Rule[] {
  return [intBetween(props.retentionInDays, 90, 730, "retentionInDays")];
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
    assertRules(`LogAnalytics ${this.node.path}`, logAnalyticsRules(props));
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

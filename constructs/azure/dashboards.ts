import { PortalDashboard } from "@cdktf/provider-azurerm/lib/portal-dashboard";
import { Construct } from "constructs";
import { AzurePlacementProps } from "./common";
import { LOG_QUERIES, METRICS, MetricKey, MonitoredResource } from "./sla";

/** One tile of a dashboard: a platform metric, a log query, or a note. */
export type DashboardTile =
  | { readonly kind: "metric"; readonly metric: MetricKey }
  | { readonly kind: "log"; readonly query: keyof typeof LOG_QUERIES }
  | { readonly kind: "markdown"; readonly title: string; readonly content: string };

export interface DashboardDefinition {
  /** Name qualifier (stable: part of the resource name). */
  readonly key: string;
  /** Title as in the brief. */
  readonly title: string;
  readonly tiles: readonly DashboardTile[];
}

/** The four dashboards of the brief ("Dashboards Azure Monitor"), from the shared metric definitions. */
export const DASHBOARDS: readonly DashboardDefinition[] = [
  {
    key: "infra-health",
    title: "Infrastructure Health",
    tiles: [
      { kind: "metric", metric: "sqlCpu" },
      { kind: "metric", metric: "synapseCpu" },
      { kind: "metric", metric: "synapseDwu" },
      { kind: "metric", metric: "cosmosRu" },
      { kind: "metric", metric: "sqlIo" },
      { kind: "metric", metric: "lakeTransactions" },
      { kind: "metric", metric: "lakeIngress" },
      { kind: "metric", metric: "lakeEgress" },
    ],
  },
  {
    key: "app-performance",
    title: "Application Performance",
    tiles: [
      { kind: "log", query: "apiErrorRate" },
      { kind: "log", query: "apiAvailability" },
      { kind: "log", query: "oltpLatencyP99" },
      { kind: "metric", metric: "cosmosLatency" },
      { kind: "metric", metric: "cosmosRequests" },
      { kind: "metric", metric: "sqlConnectionsFailed" },
      { kind: "metric", metric: "sqlDeadlocks" },
      { kind: "log", query: "olapSlowQueries" },
    ],
  },
  {
    key: "business",
    title: "Business Metrics",
    tiles: [
      {
        kind: "markdown",
        title: "Where the business figures live",
        content:
          "Transactions per second, revenue and fraud detection rate are computed in Synapse " +
          "(`dw.Fact_Payment`, `agg.Payment_Daily_Currency`, `agg.mv_API_Performance_5min`) and reported in Power BI; " +
          "card and revenue data never leave the cardholder-data environment for Azure Monitor. The tiles below show " +
          "the pipeline health those figures depend on.",
      },
      { kind: "metric", metric: "cosmosRequests" },
      { kind: "metric", metric: "etlSucceededRuns" },
      { kind: "metric", metric: "etlFailedRuns" },
      { kind: "log", query: "etlRuns" },
      { kind: "log", query: "olapFreshness" },
    ],
  },
  {
    key: "cost",
    title: "Cost Management",
    tiles: [
      {
        kind: "markdown",
        title: "Daily spend by service",
        content: "Cost Management > Cost analysis, scope: the environment's resource groups, view *Daily costs*, group by *Service name*.",
      },
      {
        kind: "markdown",
        title: "Budget alerts",
        content: "The monthly budget notifies the on-call action group at the actual and forecast thresholds of the environment file.",
      },
      {
        kind: "markdown",
        title: "Reserved instance utilization",
        content: "Reservations > Utilization (SQL Database vCores, Synapse DWU, Cosmos DB RU/s reservations).",
      },
    ],
  },
];

/** Portal aggregation codes of MonitorChartPart. */
const AGGREGATION_CODE = { Total: 1, Minimum: 2, Maximum: 3, Average: 4, Count: 7 } as const;
const TILE = { colSpan: 6, rowSpan: 4, perRow: 2 } as const;

export interface DashboardsProps extends AzurePlacementProps {
  readonly logAnalyticsWorkspaceId: string;
  /** ARM id of each monitored resource (metric tiles chart it). */
  readonly targets: Readonly<Record<Exclude<MonitoredResource, "workspace">, string>>;
}

/** The `dashboard_properties` JSON of one dashboard. */
export function renderDashboard(d: DashboardDefinition, props: Pick<DashboardsProps, "logAnalyticsWorkspaceId" | "targets">): string {
  const parts: Record<string, unknown> = {};
  d.tiles.forEach((tile, i) => {
    const position = {
      x: (i % TILE.perRow) * TILE.colSpan,
      y: Math.floor(i / TILE.perRow) * TILE.rowSpan,
      colSpan: TILE.colSpan,
      rowSpan: TILE.rowSpan,
    };
    parts[String(i)] = { position, metadata: renderTile(tile, props) };
  });
  return JSON.stringify({
    lenses: { "0": { order: 0, parts } },
    metadata: {
      model: {
        timeRange: {
          value: { relative: { duration: 24, timeUnit: 1 } },
          type: "MsPortalFx.Composition.Configuration.ValueTypes.TimeRange",
        },
      },
    },
  });
}

function renderTile(tile: DashboardTile, props: Pick<DashboardsProps, "logAnalyticsWorkspaceId" | "targets">): unknown {
  switch (tile.kind) {
    case "metric": {
      const m = METRICS[tile.metric];
      return {
        type: "Extension/HubsExtension/PartType/MonitorChartPart",
        inputs: [
          {
            name: "options",
            isOptional: true,
            value: {
              chart: {
                title: m.title,
                titleKind: 2,
                visualization: { chartType: 2 },
                metrics: [
                  {
                    resourceMetadata: { id: props.targets[m.resource as Exclude<MonitoredResource, "workspace">] },
                    name: m.metric,
                    namespace: m.namespace.toLowerCase(),
                    aggregationType: AGGREGATION_CODE[m.aggregation],
                    metricVisualization: { displayName: `${m.title} (${m.unit})` },
                  },
                ],
              },
            },
          },
          { name: "sharedTimeRange", isOptional: true },
        ],
        settings: {},
      };
    }
    case "log": {
      const q = LOG_QUERIES[tile.query];
      return {
        type: "Extension/Microsoft_OperationsManagementSuite_Workspace/PartType/LogsDashboardPart",
        inputs: [
          { name: "resourceTypeMode", isOptional: true, value: "workspace" },
          { name: "ComponentId", isOptional: true, value: props.logAnalyticsWorkspaceId },
          { name: "Scope", isOptional: true, value: { resourceIds: [props.logAnalyticsWorkspaceId] } },
          { name: "Query", isOptional: true, value: q.query },
          { name: "TimeRange", isOptional: true, value: "P1D" },
          { name: "PartTitle", isOptional: true, value: q.title },
          { name: "ControlType", isOptional: true, value: "AnalyticsGrid" },
          { name: "Version", isOptional: true, value: "2.0" },
        ],
        settings: {},
      };
    }
    case "markdown":
      return {
        type: "Extension/HubsExtension/PartType/MarkdownPart",
        inputs: [],
        settings: { content: { settings: { title: tile.title, subtitle: "", content: tile.content } } },
      };
  }
}

/** The four portal dashboards of the brief, built from the same metric and query definitions as the alerts. */
export class Dashboards extends Construct {
  readonly dashboards: Readonly<Record<string, PortalDashboard>>;

  constructor(scope: Construct, id: string, props: DashboardsProps) {
    super(scope, id);
    const out: Record<string, PortalDashboard> = {};
    for (const d of DASHBOARDS) {
      out[d.key] = new PortalDashboard(this, d.key, {
        name: props.naming.name("dashboard", { qualifier: d.key }),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        dashboardProperties: renderDashboard(d, props),
        tags: { "hidden-title": d.title },
      });
    }
    this.dashboards = out;
  }
}

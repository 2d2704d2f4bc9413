import { Rule } from "../shared/rules";

/**
 * The brief's SLA table ("Monitoring et Observabilité") and the metric definitions alerts and
 * dashboards share. One source: alerts, dashboards and tests all read these objects.
 */

/** Which platform resource a metric or log query is about. */
export type MonitoredResource = "oltp" | "olap" | "nosql" | "etl" | "lake" | "workspace";

/** An Azure Monitor platform metric. */
export interface MetricDefinition {
  readonly resource: MonitoredResource;
  readonly namespace: string;
  readonly metric: string;
  readonly aggregation: "Average" | "Maximum" | "Minimum" | "Total" | "Count";
  readonly unit: string;
  readonly title: string;
}

/** Platform metrics used by alerts and dashboard tiles, by stable key. */
export const METRICS = {
  sqlCpu: {
    resource: "oltp",
    namespace: "Microsoft.Sql/servers/databases",
    metric: "cpu_percent",
    aggregation: "Average",
    unit: "%",
    title: "OLTP CPU",
  },
  sqlIo: {
    resource: "oltp",
    namespace: "Microsoft.Sql/servers/databases",
    metric: "physical_data_read_percent",
    aggregation: "Average",
    unit: "%",
    title: "OLTP data IO",
  },
  sqlConnectionsFailed: {
    resource: "oltp",
    namespace: "Microsoft.Sql/servers/databases",
    metric: "connection_failed",
    aggregation: "Total",
    unit: "count",
    title: "OLTP failed connections",
  },
  sqlDeadlocks: {
    resource: "oltp",
    namespace: "Microsoft.Sql/servers/databases",
    metric: "deadlock",
    aggregation: "Total",
    unit: "count",
    title: "OLTP deadlocks",
  },
  synapseCpu: {
    resource: "olap",
    namespace: "Microsoft.Synapse/workspaces/sqlPools",
    metric: "CPUPercent",
    aggregation: "Average",
    unit: "%",
    title: "OLAP CPU",
  },
  synapseDwu: {
    resource: "olap",
    namespace: "Microsoft.Synapse/workspaces/sqlPools",
    metric: "DWUUsedPercent",
    aggregation: "Average",
    unit: "%",
    title: "OLAP DWU used",
  },
  synapseQueued: {
    resource: "olap",
    namespace: "Microsoft.Synapse/workspaces/sqlPools",
    metric: "QueuedQueries",
    aggregation: "Total",
    unit: "count",
    title: "OLAP queued queries",
  },
  cosmosLatency: {
    resource: "nosql",
    namespace: "Microsoft.DocumentDB/databaseAccounts",
    metric: "ServerSideLatencyDirect",
    aggregation: "Average",
    unit: "ms",
    title: "Cosmos DB server-side latency",
  },
  cosmosRequests: {
    resource: "nosql",
    namespace: "Microsoft.DocumentDB/databaseAccounts",
    metric: "TotalRequests",
    aggregation: "Count",
    unit: "count",
    title: "Cosmos DB requests",
  },
  cosmosRu: {
    resource: "nosql",
    namespace: "Microsoft.DocumentDB/databaseAccounts",
    metric: "NormalizedRUConsumption",
    aggregation: "Maximum",
    unit: "%",
    title: "Cosmos DB normalized RU",
  },
  cosmosAvailability: {
    resource: "nosql",
    namespace: "Microsoft.DocumentDB/databaseAccounts",
    metric: "ServiceAvailability",
    aggregation: "Average",
    unit: "%",
    title: "Cosmos DB availability",
  },
  etlFailedRuns: {
    resource: "etl",
    namespace: "Microsoft.DataFactory/factories",
    metric: "PipelineFailedRuns",
    aggregation: "Total",
    unit: "count",
    title: "ETL failed pipeline runs",
  },
  etlSucceededRuns: {
    resource: "etl",
    namespace: "Microsoft.DataFactory/factories",
    metric: "PipelineSucceededRuns",
    aggregation: "Total",
    unit: "count",
    title: "ETL succeeded pipeline runs",
  },
  lakeTransactions: {
    resource: "lake",
    namespace: "Microsoft.Storage/storageAccounts",
    metric: "Transactions",
    aggregation: "Total",
    unit: "count",
    title: "Lake transactions",
  },
  lakeEgress: {
    resource: "lake",
    namespace: "Microsoft.Storage/storageAccounts",
    metric: "Egress",
    aggregation: "Total",
    unit: "bytes",
    title: "Lake egress",
  },
  lakeIngress: {
    resource: "lake",
    namespace: "Microsoft.Storage/storageAccounts",
    metric: "Ingress",
    aggregation: "Total",
    unit: "bytes",
    title: "Lake ingress",
  },
} as const satisfies Record<string, MetricDefinition>;
export type MetricKey = keyof typeof METRICS;

/** A log query over the diagnostic logs in Log Analytics, shared by log alerts and dashboard tiles. */
export interface LogQueryDefinition {
  readonly title: string;
  /** KQL; for alerts it returns one row per breach (or the measure column). */
  readonly query: string;
}

/** Azure Monitor severity: 0 critical (major incident) ... 4 verbose. */
export type Severity = 0 | 1 | 2 | 3 | 4;

interface SlaRowBase {
  /** Stable key: the alert's construct id and name qualifier. */
  readonly key: string;
  /** The row of the brief's table, verbatim meaning. */
  readonly sla: string;
  /** The objective ("Seuil"). */
  readonly objective: string;
  /** The action ("Action"). */
  readonly action: string;
  readonly severity: Severity;
  /** Evaluation window, ISO 8601 (e.g. PT5M). */
  readonly window: string;
  /** How often the rule runs, ISO 8601. */
  readonly frequency: string;
}

/** A row guarded by a metric alert. */
export interface MetricSlaRow extends SlaRowBase {
  readonly kind: "metric";
  readonly metric: MetricKey;
  readonly operator: "GreaterThan" | "LessThan" | "GreaterThanOrEqual" | "LessThanOrEqual";
  readonly threshold: number;
}

/** A row guarded by a scheduled-query (log) alert on the diagnostic logs. */
export interface LogSlaRow extends SlaRowBase {
  readonly kind: "log";
  readonly query: LogQueryDefinition;
  /** Aggregation of the query result (Count = number of rows). */
  readonly aggregation: "Count" | "Average" | "Maximum" | "Minimum" | "Total";
  /** Column aggregated when not Count. */
  readonly measureColumn?: string;
  readonly operator: "GreaterThan" | "LessThan" | "GreaterThanOrEqual" | "LessThanOrEqual" | "Equal";
  readonly threshold: number;
  /** Alert only when the platform's near-real-time flow runs (its trigger is on). */
  readonly requiresNearRealTimeFlow?: boolean;
}

export type SlaRow = MetricSlaRow | LogSlaRow;

/** Log queries used by the SLA alerts (and shown on dashboards). */
export const LOG_QUERIES = {
  oltpLatencyP99: {
    title: "OLTP query latency P99 (ms, Query Store)",
    // Query Store runtime statistics: per plan and interval, duration_d is the total in microseconds.
    // P99 of the per-execution average, weighted by executions, in milliseconds.
    query: [
      "AzureDiagnostics",
      '| where ResourceProvider == "MICROSOFT.SQL" and Category == "QueryStoreRuntimeStatistics"',
      "| where count_executions_d > 0",
      "| extend avg_ms = duration_d / count_executions_d / 1000.0",
      "| summarize p99_ms = percentilew(avg_ms, tolong(count_executions_d), 99) by _ResourceId",
    ].join("\n"),
  },
  olapSlowQueries: {
    title: "OLAP queries slower than 10 s (user queries, ETL excluded)",
    query: [
      "SynapseSqlPoolExecRequests",
      '| where Status == "Completed" and isnotempty(StartTime) and isnotempty(EndTime)',
      '| where Command !has "etl.usp_" and Command !startswith "COPY" and Label !startswith "etl"',
      "| extend duration_s = datetime_diff('millisecond', EndTime, StartTime) / 1000.0",
      "| where duration_s > 10",
      "| project TimeGenerated, RequestId, duration_s, _ResourceId",
    ].join("\n"),
  },
  apiAvailability: {
    title: "API availability (%, Application Gateway access logs)",
    query: [
      "AGWAccessLogs",
      "| summarize total = count(), failed = countif(HttpStatus >= 500)",
      "| where total > 0",
      "| extend availability_pct = 100.0 * (total - failed) / total",
    ].join("\n"),
  },
  apiErrorRate: {
    title: "API error rate (4xx, 5xx) per 5 minutes",
    query: [
      "AGWAccessLogs",
      "| summarize requests = count(), client_errors = countif(HttpStatus between (400 .. 499)), server_errors = countif(HttpStatus >= 500) by bin(TimeGenerated, 5m)",
      "| extend error_rate_pct = 100.0 * (client_errors + server_errors) / requests",
    ].join("\n"),
  },
  olapFreshness: {
    title: "Successful near-real-time loads into Synapse",
    query: ["ADFPipelineRun", '| where PipelineName == "etl_api_logs_to_olap" and Status == "Succeeded"'].join("\n"),
  },
  etlRuns: {
    title: "ETL pipeline runs by status",
    query: [
      "ADFPipelineRun",
      "| where Status in ('Succeeded', 'Failed', 'Cancelled')",
      "| summarize runs = count() by PipelineName, Status, bin(TimeGenerated, 1h)",
    ].join("\n"),
  },
} as const satisfies Record<string, LogQueryDefinition>;

/** The brief's SLA table: one row, one alert. */
export const SLA_TABLE: readonly SlaRow[] = [
  {
    key: "oltp-latency",
    sla: "OLTP Latency P99",
    objective: "< 100ms",
    action: "Alert if > 200ms for 5min",
    kind: "log",
    query: LOG_QUERIES.oltpLatencyP99,
    aggregation: "Maximum",
    measureColumn: "p99_ms",
    operator: "GreaterThan",
    threshold: 200,
    window: "PT5M",
    frequency: "PT5M",
    severity: 1,
  },
  {
    key: "olap-query-time",
    sla: "OLAP Query Time",
    objective: "< 5s",
    action: "Alert if > 10s for 3 queries",
    kind: "log",
    query: LOG_QUERIES.olapSlowQueries,
    aggregation: "Count",
    operator: "GreaterThanOrEqual",
    threshold: 3,
    window: "PT15M",
    frequency: "PT5M",
    severity: 2,
  },
  {
    key: "cosmos-latency",
    sla: "Cosmos DB Latency",
    objective: "< 10ms",
    action: "Alert if > 50ms for 5min",
    kind: "metric",
    metric: "cosmosLatency",
    operator: "GreaterThan",
    threshold: 50,
    window: "PT5M",
    frequency: "PT1M",
    severity: 1,
  },
  {
    key: "etl-success",
    sla: "ETL Success Rate",
    objective: "> 99.9%",
    action: "Alert + rollback on failure",
    kind: "metric",
    metric: "etlFailedRuns",
    operator: "GreaterThan",
    threshold: 0,
    window: "PT5M",
    frequency: "PT1M",
    severity: 1,
  },
  {
    key: "api-availability",
    sla: "API Availability",
    objective: "> 99.95%",
    action: "Major incident if < 99.9%",
    kind: "log",
    query: LOG_QUERIES.apiAvailability,
    aggregation: "Minimum",
    measureColumn: "availability_pct",
    operator: "LessThan",
    threshold: 99.9,
    window: "PT1H",
    frequency: "PT5M",
    severity: 0,
  },
  {
    key: "data-freshness",
    sla: "Data Freshness",
    objective: "< 15min",
    action: "Alert if OLAP data > 1h old",
    kind: "log",
    query: LOG_QUERIES.olapFreshness,
    aggregation: "Count",
    operator: "LessThan",
    threshold: 1,
    window: "PT1H",
    frequency: "PT15M",
    severity: 1,
    requiresNearRealTimeFlow: true,
  },
];

/** ISO 8601 duration (PTnM / PTnH) in minutes. */
export function isoMinutes(d: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(d);
  if (!m || (!m[1] && !m[2])) throw new Error(`Unsupported ISO 8601 duration "${d}"; use PTnH or PTnM.`);
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** The description every alert carries: which SLA row it guards. */
export function slaDescription(row: SlaRow): string {
  return `Guards SLA "${row.sla}" (objective ${row.objective}; action: ${row.action}).`;
}

/**
 * Durations Azure Monitor accepts, in minutes. Source: the ValidateFuncs of hashicorp/terraform-provider-azurerm
 * v4.55.0, `internal/services/monitor/monitor_metric_alert_resource.go` (`frequency`, `window_size`) and
 * `monitor_scheduled_query_rules_alert_v2_resource.go` (`evaluation_frequency`, `window_duration`), and
 * their website/docs pages for the relations between the two.
 */
const DURATION_MINUTES: Readonly<Record<string, number>> = {
  PT1M: 1,
  PT5M: 5,
  PT10M: 10,
  PT15M: 15,
  PT30M: 30,
  PT45M: 45,
  PT1H: 60,
  PT2H: 120,
  PT3H: 180,
  PT4H: 240,
  PT5H: 300,
  PT6H: 360,
  PT12H: 720,
  P1D: 1440,
  P2D: 2880,
};
/** `azurerm_monitor_metric_alert.frequency`. */
export const METRIC_ALERT_FREQUENCIES = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H"] as const;
/** `azurerm_monitor_metric_alert.window_size` ("must be greater than frequency"). */
export const METRIC_ALERT_WINDOWS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D"] as const;
/** `azurerm_monitor_scheduled_query_rules_alert_v2.evaluation_frequency` (at most the look-back window). */
export const LOG_ALERT_FREQUENCIES = [
  "PT1M",
  "PT5M",
  "PT10M",
  "PT15M",
  "PT30M",
  "PT45M",
  "PT1H",
  "PT2H",
  "PT3H",
  "PT4H",
  "PT5H",
  "PT6H",
  "P1D",
] as const;
/** `azurerm_monitor_scheduled_query_rules_alert_v2.window_duration` (PT1M only with a PT1M frequency). */
export const LOG_ALERT_WINDOWS = [...LOG_ALERT_FREQUENCIES, "P2D"] as const;

/**
 * The rules of a set of SLA rows, each naming the row (`slaTable[<i>] (<key>).<field>`), the value and
 * what Azure accepts. Monitoring refuses to build alerts from rows that break one: the provider would
 * refuse some at plan, Azure others at apply, and a NaN threshold would synthesize to `null`.
 */
export function slaRowsRules(rows: readonly SlaRow[]): Rule[] {
  return rows.flatMap((row, i) => {
    const rule = (ok: boolean, field: string, value: unknown, allowed: string): Rule => ({
      ok,
      field: `slaTable[${i}] (${row.key}).${field}`,
      value,
      allowed,
    });
    const [frequencies, windows, resource] =
      row.kind === "metric"
        ? [METRIC_ALERT_FREQUENCIES, METRIC_ALERT_WINDOWS, "azurerm_monitor_metric_alert"]
        : [LOG_ALERT_FREQUENCIES, LOG_ALERT_WINDOWS, "azurerm_monitor_scheduled_query_rules_alert_v2"];
    const freqOk = (frequencies as readonly string[]).includes(row.frequency);
    const windowOk = (windows as readonly string[]).includes(row.window);
    const knownMetric = row.kind !== "metric" || Object.hasOwn(METRICS, row.metric);
    const percent = row.kind === "metric" ? knownMetric && METRICS[row.metric].unit === "%" : (row.measureColumn ?? "").endsWith("_pct");
    return [
      rule(/^[a-z][a-z0-9-]{1,30}$/.test(row.key), "key", row.key, "2-31 lowercase letters, digits or hyphens (part of the alert name)"),
      rule(rows.findIndex((r) => r.key === row.key) === i, "key", row.key, "a key no other row uses (one alert per row)"),
      rule(
        Number.isInteger(row.severity) && row.severity >= 0 && row.severity <= 4,
        "severity",
        row.severity,
        "0 (critical) to 4 (verbose)",
      ),
      rule(freqOk, "frequency", row.frequency, `one of ${frequencies.join(", ")} (${resource})`),
      rule(windowOk, "window", row.window, `one of ${windows.join(", ")} (${resource})`),
      ...(freqOk && windowOk ? durationRules(row, rule) : []),
      ...(row.kind === "metric" ? [rule(knownMetric, "metric", row.metric, `one of ${Object.keys(METRICS).join(", ")}`)] : []),
      rule(
        Number.isFinite(row.threshold) && row.threshold >= 0 && (!percent || row.threshold <= 100),
        "threshold",
        row.threshold,
        percent ? "a percentage from 0 to 100" : "a finite number >= 0 (latencies, durations and counts are never negative)",
      ),
      ...(row.kind === "log"
        ? [
            rule(
              row.aggregation === "Count" || (row.measureColumn ?? "").length > 0,
              "measureColumn",
              row.measureColumn,
              `the query column ${row.aggregation} aggregates`,
            ),
          ]
        : []),
    ];
  });
}

/** Frequency against window: a metric alert's window is longer; a log alert looks back at least one run. */
function durationRules(row: SlaRow, rule: (ok: boolean, field: string, value: unknown, allowed: string) => Rule): Rule[] {
  const [f, w] = [DURATION_MINUTES[row.frequency], DURATION_MINUTES[row.window]];
  if (row.kind === "metric")
    return [rule(w > f, "window", row.window, `a window longer than the frequency ${row.frequency} (metric alerts)`)];
  return [
    rule(f <= w, "frequency", row.frequency, `at most the window ${row.window} (the query look-back of a log alert)`),
    rule(row.window !== "PT1M" || row.frequency === "PT1M", "window", row.window, "PT1M only with a PT1M frequency"),
  ];
}

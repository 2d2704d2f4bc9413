import { DATASETS, LINKED_SERVICES, PIPELINES } from "./catalog";
import { PipelineSpec, expr } from "./model";

/**
 * Flow 3 (near real time): Cosmos DB `api_logs` -> Synapse `stg.ApiLogs` -> `dw.Fact_API_Performance`.
 *
 * A schedule trigger runs the pipeline every few minutes with a window [windowStart, windowEnd) on the
 * documents' server timestamp `_ts`. Windows overlap (look-back of several intervals) so a failed or
 * late run is covered by the next one; `etl.usp_Load_Fact_API_Performance` loads each RequestId once
 * and removes loaded rows from staging. Why not Stream Analytics or Synapse Link: docs/etl-flows.md.
 */

/** The fields of an `api_logs` document the pipeline reads (the application's write contract). */
export const API_LOG_FIELDS = {
  RequestId: "c.requestId",
  MerchantId: "c.merchantId",
  Endpoint: "c.endpoint",
  HttpMethod: "c.method",
  StatusCode: "c.statusCode",
  LatencyMs: "c.latencyMs",
  Region: "c.region",
  EventTimeUtc: "c.timestamp",
  IngestedAtUtc: "TimestampToDateTime(c._ts * 1000)",
} as const;

export const API_LOGS_STEPS = { stage: "Stage_ApiLogs", load: "Load_Fact_API_Performance", fail: "Fail_ApiLogs" } as const;

const epochSeconds = (param: string): string =>
  `string(div(sub(ticks(pipeline().parameters.${param}), ticks('1970-01-01T00:00:00Z')), 10000000))`;

export interface ApiLogsOptions {
  /** `<filesystem>/<folder>` where the staged copy writes its temporary files, e.g. `raw/staging/api_logs`. */
  readonly stagingPath: string;
}

/** Builds the `etl_api_logs_to_olap` pipeline. */
export function buildApiLogsPipeline(options: ApiLogsOptions): PipelineSpec {
  const select = Object.entries(API_LOG_FIELDS)
    .map(([col, path]) => `${path} AS ${col}`)
    .join(", ");
  return {
    name: PIPELINES.apiLogsToOlap,
    description: "Flow 3: API request logs from Cosmos DB api_logs to Synapse Fact_API_Performance every few minutes.",
    folder: "near-real-time",
    parameters: {
      // The trigger passes both; set them by hand to replay a window.
      windowStart: "2026-01-01T00:00:00Z",
      windowEnd: "2026-01-01T00:05:00Z",
    },
    // Runs queue behind each other: staging is appended to and drained by one load at a time.
    concurrency: 1,
    elapsedTimeMetricAfter: "00:05:00",
    activities: [
      {
        name: API_LOGS_STEPS.stage,
        type: "Copy",
        description:
          "Documents whose server timestamp _ts is in the window -> stg.ApiLogs (staged through the lake for the COPY statement).",
        input: { dataset: DATASETS.apiLogs.name },
        output: { dataset: DATASETS.olapTable.name, parameters: { schema: "stg", table: "ApiLogs" } },
        source: {
          type: "CosmosDbSqlApiSource",
          query: expr(
            `@concat('SELECT ${select} FROM c WHERE c._ts >= ', ${epochSeconds("windowStart")}, ' AND c._ts < ', ${epochSeconds("windowEnd")})`,
          ),
        },
        sink: { type: "SqlDWSink", writes: { database: "olap", kind: "table", name: "stg.ApiLogs" } },
        staging: { linkedService: LINKED_SERVICES.lake, path: options.stagingPath },
        policy: { timeout: "0.00:10:00", retry: 1, retryIntervalInSeconds: 30 },
      },
      {
        name: API_LOGS_STEPS.load,
        type: "SqlServerStoredProcedure",
        dependsOn: [{ activity: API_LOGS_STEPS.stage, conditions: ["Succeeded"] }],
        linkedService: LINKED_SERVICES.olap,
        call: {
          procedure: { database: "olap", kind: "procedure", name: "etl.usp_Load_Fact_API_Performance" },
          parameters: { RunId: { value: "@pipeline().RunId", type: "String" } },
        },
        policy: { timeout: "0.00:10:00", retry: 1, retryIntervalInSeconds: 30 },
      },
      {
        name: API_LOGS_STEPS.fail,
        type: "Fail",
        dependsOn: [{ activity: API_LOGS_STEPS.load, conditions: ["Failed", "Skipped"] }],
        message: expr(
          "@concat('etl_api_logs_to_olap window ', pipeline().parameters.windowStart, ' - ', pipeline().parameters.windowEnd, ' failed; the next overlapping window retries it.')",
        ),
        errorCode: "ETL_API_LOGS_FAILED",
      },
    ],
  };
}

import { OLTP_TABLES, OltpTable } from "../cdc-enablement";
import { DATASETS, LINKED_SERVICES, PIPELINES } from "./catalog";
import { Activity, ActivityDependency, AdditionalColumn, PipelineSpec, SqlObjectRef, expr } from "./model";

/**
 * Flow 2 (batch): OLTP change data capture -> lake staging -> Synapse staging -> one warehouse load
 * (dimensions, Fact_Payment, aggregates and the data-quality gate in one transaction) -> watermarks.
 * Built from the environment's CDC list.
 *
 * GetRunLsn (Lookup etl.usp_GetRunLsn): ONE LSN cuts every table's window, so a fact and the members
 * it references are in the same run or in a later one together. Per CDC table T: GetWindow_T (Lookup
 * etl.usp_GetCdcWindow up to the run's LSN) -> Extract_T (Copy etl.usp_ReadNetChanges to lake Parquet)
 * -> Stage_T (Copy lake -> stg.T, COPY statement) ... SetWatermark_T (run's LSN, after Load_Warehouse
 * succeeded). Per reference table that is not captured: Extract_T (full SELECT of the listed columns)
 * -> Stage_T. Load_Warehouse (etl.usp_Load_Warehouse) runs once every staging copy succeeded and
 * publishes only when its quality gate passes; any failure leaves the published tables and every
 * watermark where they were and ends in Fail_ETL (the run fails with an error code the
 * PipelineFailedRuns alert reports).
 */

/** Columns extracted by the full SELECT of a table that CDC does not capture (personal data excluded). */
export const SNAPSHOT_COLUMNS: Readonly<Partial<Record<OltpTable, readonly string[]>>> = {
  Country: ["CountryCode", "Name", "Region", "IsEu"],
  Currency: ["CurrencyCode", "Name", "MinorUnits", "IsActive"],
  Payout: ["PayoutId", "MerchantId", "AmountMinor", "CurrencyCode", "Status", "ArrivalDate", "CreatedAt", "UpdatedAt"],
};

/**
 * The warehouse load: one procedure (sql/warehouse/loads.ts renders it) that runs the dimension,
 * fact and aggregate steps and the data-quality gate in one transaction, and the staging tables it
 * reads.
 */
export const WAREHOUSE_LOAD = {
  key: "Load_Warehouse",
  procedure: "etl.usp_Load_Warehouse",
  reads: ["Currency", "Country", "Merchant", "Customer", "PaymentMethod", "Payment", "Refund", "Dispute"] as readonly OltpTable[],
} as const;
export const RUN_LSN_STEP = "GetRunLsn";
export const FAIL_STEP = "Fail_ETL";

/** How each OLTP table reaches Synapse staging in one run. */
export type LoadPath = "cdc" | "snapshot";

export interface OltpToOlapOptions {
  /** Tables captured by CDC (environment `cdc.tables` when `cdc.enabled`). */
  readonly cdcTables: readonly OltpTable[];
  /** Lake filesystem and folder prefix of the landing zone, e.g. `oltp`. @default "oltp" */
  readonly landingFolder?: string;
}

const succeeded = (activity: string): ActivityDependency => ({ activity, conditions: ["Succeeded"] });
const proc = (database: "oltp" | "olap", name: string): SqlObjectRef & { kind: "procedure" } => ({ database, kind: "procedure", name });
const table = (database: "oltp" | "olap", name: string): SqlObjectRef => ({ database, kind: "table", name });
const runLsn = `@activity('${RUN_LSN_STEP}').output.firstRow.ToLsnHex`;
const lineage: readonly AdditionalColumn[] = [
  { name: "RunId", value: expr("@pipeline().RunId") },
  { name: "ExtractedAtUtc", value: expr("@pipeline().TriggerTime") },
];

/** The path of every OLTP table in a run: CDC for captured tables, snapshot for listed reference tables. */
export function loadPaths(cdcTables: readonly OltpTable[]): ReadonlyMap<OltpTable, LoadPath> {
  const paths = new Map<OltpTable, LoadPath>();
  for (const t of OLTP_TABLES) {
    if (cdcTables.includes(t)) paths.set(t, "cdc");
    else if (SNAPSHOT_COLUMNS[t]) paths.set(t, "snapshot");
  }
  return paths;
}

/** Builds the `etl_oltp_to_olap` pipeline. Throws when a table read by a load step has no path. */
export function buildOltpToOlapPipeline(options: OltpToOlapOptions): PipelineSpec {
  const landing = options.landingFolder ?? "oltp";
  const paths = loadPaths(options.cdcTables);
  for (const t of WAREHOUSE_LOAD.reads) {
    if (!paths.has(t)) {
      throw new Error(
        `${WAREHOUSE_LOAD.procedure} reads stg.${t}, but dbo.${t} is neither in cdc.tables (${options.cdcTables.join(", ") || "none"}) ` +
          `nor a snapshot table (${Object.keys(SNAPSHOT_COLUMNS).join(", ")}). Add it to the environment's cdc.tables.`,
      );
    }
  }

  const activities: Activity[] = [
    {
      name: RUN_LSN_STEP,
      type: "Lookup",
      description: "The run's LSN: one cut for every table's CDC window.",
      dataset: { dataset: DATASETS.oltpQuery.name },
      source: { type: "AzureSqlSource", call: { procedure: proc("oltp", "etl.usp_GetRunLsn") } },
      firstRowOnly: true,
    },
  ];
  const stageOf = (t: OltpTable): string => `Stage_${t}`;
  const folder = (t: OltpTable): string => `${landing}/${t}`;
  const file = expr("@concat(pipeline().RunId, '.parquet')");

  for (const [t, path] of paths) {
    if (path === "cdc") {
      activities.push({
        name: `GetWindow_${t}`,
        type: "Lookup",
        description: `CDC window of dbo.${t}: last watermark + 1 to the run's LSN.`,
        dependsOn: [succeeded(RUN_LSN_STEP)],
        dataset: { dataset: DATASETS.oltpQuery.name },
        source: {
          type: "AzureSqlSource",
          call: {
            procedure: proc("oltp", "etl.usp_GetCdcWindow"),
            parameters: { TableName: { value: t, type: "String" }, ToLsnHex: { value: runLsn, type: "String" } },
          },
        },
        firstRowOnly: true,
      });
      activities.push({
        name: `Extract_${t}`,
        type: "Copy",
        description: `Net changes of dbo.${t} in the window, landed as Parquet in the lake.`,
        dependsOn: [succeeded(`GetWindow_${t}`)],
        input: { dataset: DATASETS.oltpQuery.name },
        output: { dataset: DATASETS.lakeParquet.name, parameters: { folder: folder(t), file } },
        source: {
          type: "AzureSqlSource",
          call: {
            procedure: proc("oltp", "etl.usp_ReadNetChanges"),
            parameters: {
              TableName: { value: t, type: "String" },
              FromLsnHex: { value: `@activity('GetWindow_${t}').output.firstRow.FromLsnHex`, type: "String" },
              ToLsnHex: { value: `@activity('GetWindow_${t}').output.firstRow.ToLsnHex`, type: "String" },
            },
          },
          additionalColumns: lineage,
        },
        sink: { type: "ParquetSink" },
      });
    } else {
      const cols = SNAPSHOT_COLUMNS[t] as readonly string[];
      activities.push({
        name: `Extract_${t}`,
        type: "Copy",
        description: `Full extract of reference table dbo.${t} (not captured by CDC).`,
        input: { dataset: DATASETS.oltpQuery.name },
        output: { dataset: DATASETS.lakeParquet.name, parameters: { folder: folder(t), file } },
        source: {
          type: "AzureSqlSource",
          query: `SELECT ${cols.map((c) => `[${c}]`).join(", ")}, CAST(NULL AS varchar(22)) AS CdcStartLsn, CAST(NULL AS int) AS CdcOperation, CAST(NULL AS datetime2(3)) AS CdcCommitUtc FROM dbo.[${t}];`,
          reads: [table("oltp", `dbo.${t}`)],
          additionalColumns: lineage,
        },
        sink: { type: "ParquetSink" },
      });
    }
    activities.push({
      name: stageOf(t),
      type: "Copy",
      description: `Lake Parquet -> Synapse stg.${t} (truncated first).`,
      dependsOn: [succeeded(`Extract_${t}`)],
      input: { dataset: DATASETS.lakeParquet.name, parameters: { folder: folder(t), file } },
      output: { dataset: DATASETS.olapTable.name, parameters: { schema: "stg", table: t } },
      source: { type: "ParquetSource" },
      sink: {
        type: "SqlDWSink",
        preCopyScript: { sql: `TRUNCATE TABLE stg.[${t}];`, touches: table("olap", `stg.${t}`) },
        writes: table("olap", `stg.${t}`),
      },
    });
  }

  activities.push({
    name: WAREHOUSE_LOAD.key,
    type: "SqlServerStoredProcedure",
    description:
      "Dimensions, Fact_Payment, aggregates and the data-quality gate in one transaction; publishes only when every check passes.",
    // Every staging copy, not only those the load reads (e.g. stg.Payout), must have succeeded.
    dependsOn: [succeeded(RUN_LSN_STEP), ...[...paths.keys()].map((t) => succeeded(stageOf(t)))],
    linkedService: LINKED_SERVICES.olap,
    call: {
      procedure: proc("olap", WAREHOUSE_LOAD.procedure),
      parameters: { RunId: { value: "@pipeline().RunId", type: "String" }, ToLsnHex: { value: runLsn, type: "String" } },
    },
    policy: { timeout: "0.02:00:00", retry: 0, retryIntervalInSeconds: 30 },
  });

  for (const [t, path] of paths) {
    if (path !== "cdc") continue;
    activities.push({
      name: `SetWatermark_${t}`,
      type: "SqlServerStoredProcedure",
      description: `Advance the watermark of dbo.${t} to the run's LSN, only after the load passed its quality gate.`,
      dependsOn: [succeeded(WAREHOUSE_LOAD.key), succeeded(`GetWindow_${t}`)],
      linkedService: LINKED_SERVICES.oltp,
      call: {
        procedure: proc("oltp", "etl.usp_SetCdcWatermark"),
        parameters: {
          TableName: { value: t, type: "String" },
          ToLsnHex: { value: runLsn, type: "String" },
        },
      },
    });
  }

  activities.push({
    name: FAIL_STEP,
    type: "Fail",
    description: "Any failure upstream skips the load, a failed gate rolls it back; fail the run loudly, watermarks untouched.",
    dependsOn: [{ activity: WAREHOUSE_LOAD.key, conditions: ["Failed", "Skipped"] }],
    message: expr(
      "@concat('etl_oltp_to_olap run ', pipeline().RunId, ' failed before or in etl.usp_Load_Warehouse (see etl.Load_Run); nothing was published, CDC watermarks were not advanced and the next run reloads the same changes.')",
    ),
    errorCode: "ETL_OLTP_TO_OLAP_FAILED",
  });

  return {
    name: PIPELINES.oltpToOlap,
    description: "Flow 2: nightly CDC extract from Azure SQL to the lake, load into Synapse, quality checks, watermarks.",
    folder: "batch",
    concurrency: 1,
    // The brief expects ~45 minutes for 1M transactions/day: flag runs over 90 minutes.
    elapsedTimeMetricAfter: "01:30:00",
    activities,
  };
}

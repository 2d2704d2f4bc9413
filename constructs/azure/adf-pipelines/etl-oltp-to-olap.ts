import { OLTP_TABLES, OltpTable } from "../../../environments/types";
import { DATASETS, LINKED_SERVICES, PIPELINES } from "./catalog";
import { Activity, ActivityDependency, AdditionalColumn, PipelineSpec, ProcedureCall, SqlObjectRef, expr } from "./model";

/**
 * Flow 2 (nightly batch): OLTP change data capture -> lake staging -> Synapse staging -> dimensions,
 * Fact_Payment, aggregates -> data-quality checks -> watermarks. Built from the environment's CDC list.
 *
 * Per CDC table T:  GetWindow_T (Lookup etl.usp_GetCdcWindow) -> Extract_T (Copy etl.usp_ReadNetChanges
 * to lake Parquet) -> Stage_T (Copy lake -> stg.T, COPY statement) ... SetWatermark_T (after DQ_Check
 * succeeded). Per reference table that is not captured: Extract_T (full SELECT of the listed columns)
 * -> Stage_T. Load procedures run once every staging table they read is loaded; any failure skips the
 * rest, leaves every watermark where it was, and ends in Fail_ETL (the run fails with an error code
 * the PipelineFailedRuns alert reports).
 */

/** Columns extracted by the full SELECT of a table that CDC does not capture (personal data excluded). */
export const SNAPSHOT_COLUMNS: Readonly<Partial<Record<OltpTable, readonly string[]>>> = {
  Country: ["CountryCode", "Name", "Region", "IsEu"],
  Currency: ["CurrencyCode", "Name", "MinorUnits", "IsActive"],
  Payout: ["PayoutId", "MerchantId", "AmountMinor", "CurrencyCode", "Status", "ArrivalDate", "CreatedAt", "UpdatedAt"],
};

/** One Synapse load step: the procedure, the staging tables it reads and the steps it must follow. */
export interface LoadStep {
  readonly key: string;
  readonly procedure: string;
  readonly reads: readonly OltpTable[];
  readonly after: readonly string[];
}

/** Load order of the star schema (dimensions before the fact, the fact before aggregates). */
export const LOAD_STEPS: readonly LoadStep[] = [
  { key: "Load_Dim_Currency", procedure: "etl.usp_Load_Dim_Currency", reads: ["Currency"], after: [] },
  { key: "Load_Dim_Geography", procedure: "etl.usp_Load_Dim_Geography", reads: ["Country"], after: [] },
  { key: "Load_Dim_Merchant", procedure: "etl.usp_Load_Dim_Merchant", reads: ["Merchant"], after: ["Load_Dim_Geography"] },
  {
    key: "Load_Dim_Customer",
    procedure: "etl.usp_Load_Dim_Customer",
    reads: ["Customer"],
    after: ["Load_Dim_Merchant", "Load_Dim_Geography"],
  },
  { key: "Load_Dim_PaymentMethod", procedure: "etl.usp_Load_Dim_PaymentMethod", reads: ["PaymentMethod"], after: ["Load_Dim_Customer"] },
  {
    key: "Load_Fact_Payment",
    procedure: "etl.usp_Load_Fact_Payment",
    reads: ["Payment", "Refund", "Dispute"],
    after: ["Load_Dim_Currency", "Load_Dim_Geography", "Load_Dim_Merchant", "Load_Dim_Customer", "Load_Dim_PaymentMethod"],
  },
  { key: "Refresh_Aggregates", procedure: "etl.usp_Refresh_Aggregates", reads: [], after: ["Load_Fact_Payment"] },
];
export const DQ_STEP = { key: "DQ_Check", procedure: "etl.usp_DQ_Check" } as const;
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
const runIdParam: ProcedureCall["parameters"] = { RunId: { value: "@pipeline().RunId", type: "String" } };
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
  for (const step of LOAD_STEPS) {
    for (const t of step.reads) {
      if (!paths.has(t)) {
        throw new Error(
          `${step.procedure} reads stg.${t}, but dbo.${t} is neither in cdc.tables (${options.cdcTables.join(", ") || "none"}) ` +
            `nor a snapshot table (${Object.keys(SNAPSHOT_COLUMNS).join(", ")}). Add it to the environment's cdc.tables.`,
        );
      }
    }
  }

  const activities: Activity[] = [];
  const stageOf = (t: OltpTable): string => `Stage_${t}`;
  const folder = (t: OltpTable): string => `${landing}/${t}`;
  const file = expr("@concat(pipeline().RunId, '.parquet')");

  for (const [t, path] of paths) {
    if (path === "cdc") {
      activities.push({
        name: `GetWindow_${t}`,
        type: "Lookup",
        description: `CDC window of dbo.${t}: last watermark + 1 to the current max LSN.`,
        dataset: { dataset: DATASETS.oltpQuery.name },
        source: {
          type: "AzureSqlSource",
          call: { procedure: proc("oltp", "etl.usp_GetCdcWindow"), parameters: { TableName: { value: t, type: "String" } } },
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
          query: `SELECT ${cols.map((c) => `[${c}]`).join(", ")}, CAST(NULL AS varchar(22)) AS CdcStartLsn, CAST(NULL AS int) AS CdcOperation FROM dbo.[${t}];`,
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

  for (const step of LOAD_STEPS) {
    activities.push({
      name: step.key,
      type: "SqlServerStoredProcedure",
      dependsOn: [...step.reads.map((t) => succeeded(stageOf(t))), ...step.after.map(succeeded)],
      linkedService: LINKED_SERVICES.olap,
      call: { procedure: proc("olap", step.procedure), parameters: runIdParam },
      policy: { timeout: "0.02:00:00", retry: 0, retryIntervalInSeconds: 30 },
    });
  }

  const last = LOAD_STEPS[LOAD_STEPS.length - 1].key;
  activities.push({
    name: DQ_STEP.key,
    type: "SqlServerStoredProcedure",
    description: "Row counts, NULL business keys, orphan foreign keys; throws on any failure.",
    // Every staging copy, not only those a load step reads (e.g. stg.Payout), must have succeeded.
    dependsOn: [succeeded(last), ...[...paths.keys()].map((t) => succeeded(stageOf(t)))],
    linkedService: LINKED_SERVICES.olap,
    call: { procedure: proc("olap", DQ_STEP.procedure), parameters: runIdParam },
    policy: { timeout: "0.00:30:00", retry: 0, retryIntervalInSeconds: 30 },
  });

  for (const [t, path] of paths) {
    if (path !== "cdc") continue;
    activities.push({
      name: `SetWatermark_${t}`,
      type: "SqlServerStoredProcedure",
      description: `Advance the watermark of dbo.${t}, only after the whole load and the quality checks succeeded.`,
      dependsOn: [succeeded(DQ_STEP.key), succeeded(`GetWindow_${t}`)],
      linkedService: LINKED_SERVICES.oltp,
      call: {
        procedure: proc("oltp", "etl.usp_SetCdcWatermark"),
        parameters: {
          TableName: { value: t, type: "String" },
          ToLsnHex: { value: `@activity('GetWindow_${t}').output.firstRow.ToLsnHex`, type: "String" },
        },
      },
    });
  }

  activities.push({
    name: FAIL_STEP,
    type: "Fail",
    description: "Any failure upstream skips the quality checks; fail the run loudly, watermarks untouched.",
    dependsOn: [{ activity: DQ_STEP.key, conditions: ["Failed", "Skipped"] }],
    message: expr(
      "@concat('etl_oltp_to_olap run ', pipeline().RunId, ' failed before or in etl.usp_DQ_Check; CDC watermarks were not advanced and the next run reloads the same window.')",
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

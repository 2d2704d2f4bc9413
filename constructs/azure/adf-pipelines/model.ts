/**
 * A typed model of Azure Data Factory pipelines: activities, dependencies and parameters as
 * TypeScript objects, rendered to the pipeline JSON ADF expects (`activities_json`) and validated
 * before synthesis. Nothing here touches cdktf: the model is pure data, so tests read it directly.
 */

/** Outcome of an upstream activity that lets a dependent activity run (ADF `dependencyConditions`). */
export type DependencyCondition = "Succeeded" | "Failed" | "Skipped" | "Completed";

/** "Run after `activity` ended with one of `conditions`" (conditions are OR-ed, dependencies AND-ed). */
export interface ActivityDependency {
  readonly activity: string;
  readonly conditions: readonly DependencyCondition[];
}

/** An ADF expression (rendered as `{ value: "@...", type: "Expression" }` where ADF wants one). */
export interface Expression {
  readonly expression: string;
}

/** Builds an expression; the text must start with `@`. */
export function expr(text: string): Expression {
  if (!text.startsWith("@")) throw new Error(`ADF expression "${text}" must start with "@".`);
  return { expression: text };
}

export type Value = string | Expression;

/** The database a SQL object lives in: `oltp` = Azure SQL Database, `olap` = Synapse dedicated pool. */
export type SqlDatabaseRole = "oltp" | "olap";

/** A SQL object an activity calls or reads; tests check each one is created by a file in `sql/`. */
export interface SqlObjectRef {
  readonly database: SqlDatabaseRole;
  readonly kind: "procedure" | "table";
  /** Two-part name, e.g. `etl.usp_GetCdcWindow`. */
  readonly name: string;
}

/** Retry and timeout of one activity. */
export interface ActivityPolicy {
  /** `D.HH:MM:SS`. */
  readonly timeout: string;
  readonly retry: number;
  readonly retryIntervalInSeconds: number;
}

/** @default policy of every activity: 1 hour, 2 retries 60 s apart, inputs and outputs not logged in clear. */
export const DEFAULT_ACTIVITY_POLICY: ActivityPolicy = { timeout: "0.01:00:00", retry: 2, retryIntervalInSeconds: 60 };

/** A dataset used by an activity, with the values of the dataset's parameters. */
export interface DatasetUse {
  readonly dataset: string;
  readonly parameters?: Readonly<Record<string, Value>>;
}

/** A stored procedure call with typed parameters. */
export interface ProcedureCall {
  readonly procedure: SqlObjectRef & { readonly kind: "procedure" };
  readonly parameters?: Readonly<
    Record<string, { readonly value: Value; readonly type: "String" | "Int32" | "Int64" | "DateTime" | "Boolean" }>
  >;
}

/** Extra columns a Copy source adds to every row (`additionalColumns`). */
export interface AdditionalColumn {
  readonly name: string;
  readonly value: Value;
}

export type CopySource =
  | { readonly type: "AzureSqlSource"; readonly call: ProcedureCall; readonly additionalColumns?: readonly AdditionalColumn[] }
  | {
      readonly type: "AzureSqlSource";
      /** A SELECT; `reads` names the tables it reads so tests can check them. */
      readonly query: Value;
      readonly reads: readonly SqlObjectRef[];
      readonly additionalColumns?: readonly AdditionalColumn[];
    }
  | { readonly type: "ParquetSource" }
  | { readonly type: "CosmosDbSqlApiSource"; readonly query: Value; readonly additionalColumns?: readonly AdditionalColumn[] };

export type CopySink =
  | { readonly type: "ParquetSink" }
  | {
      readonly type: "SqlDWSink";
      /** Runs before the load, e.g. `TRUNCATE TABLE stg.Payment`; `touches` names the table. */
      readonly preCopyScript?: { readonly sql: string; readonly touches: SqlObjectRef };
      /** The table the sink writes (checked against `sql/`). */
      readonly writes: SqlObjectRef;
    };

interface ActivityBase {
  /** Unique in the pipeline, at most 55 characters. */
  readonly name: string;
  readonly description?: string;
  readonly dependsOn?: readonly ActivityDependency[];
}

export interface LookupActivity extends ActivityBase {
  readonly type: "Lookup";
  readonly dataset: DatasetUse;
  readonly source: Extract<CopySource, { type: "AzureSqlSource" }>;
  readonly firstRowOnly: boolean;
  readonly policy?: ActivityPolicy;
}

export interface CopyActivity extends ActivityBase {
  readonly type: "Copy";
  readonly input: DatasetUse;
  readonly output: DatasetUse;
  readonly source: CopySource;
  readonly sink: CopySink;
  /** Staged copy through the lake (needed when the COPY statement cannot read the source). */
  readonly staging?: { readonly linkedService: string; readonly path: string };
  readonly policy?: ActivityPolicy;
}

export interface StoredProcedureActivity extends ActivityBase {
  readonly type: "SqlServerStoredProcedure";
  readonly linkedService: string;
  readonly call: ProcedureCall;
  readonly policy?: ActivityPolicy;
}

export interface FailActivity extends ActivityBase {
  readonly type: "Fail";
  readonly message: Value;
  readonly errorCode: string;
}

export type Activity = LookupActivity | CopyActivity | StoredProcedureActivity | FailActivity;
export type ActivityType = Activity["type"];

/** One pipeline: the unit `azurerm_data_factory_pipeline` deploys. */
export interface PipelineSpec {
  /** ADF entity name: letters, digits and underscores. */
  readonly name: string;
  readonly description: string;
  readonly folder?: string;
  /** String parameters with their default values. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Maximum concurrent runs; later runs queue. */
  readonly concurrency: number;
  /** Emit the "elapsed time" metric when a run exceeds this duration (`HH:MM:SS`). @default - none */
  readonly elapsedTimeMetricAfter?: string;
  readonly activities: readonly Activity[];
}

/** What a factory provides to its pipelines: linked services and datasets by name. */
export interface FactoryCatalog {
  readonly linkedServices: ReadonlySet<string>;
  /** Dataset name -> its linked service and parameter names. */
  readonly datasets: ReadonlyMap<string, { readonly linkedService: string; readonly parameters: readonly string[] }>;
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function renderValue(v: Value): unknown {
  return typeof v === "string" ? v : { value: v.expression, type: "Expression" };
}

/** Procedure parameter values are plain strings; ADF evaluates a leading `@` itself. */
function renderProcedureParameters(call: ProcedureCall): Record<string, unknown> | undefined {
  if (!call.parameters) return undefined;
  return Object.fromEntries(
    Object.entries(call.parameters).map(([k, p]) => [
      k,
      { value: typeof p.value === "string" ? p.value : p.value.expression, type: p.type },
    ]),
  );
}

function renderDatasetUse(u: DatasetUse): unknown {
  return {
    referenceName: u.dataset,
    type: "DatasetReference",
    ...(u.parameters ? { parameters: Object.fromEntries(Object.entries(u.parameters).map(([k, v]) => [k, renderValue(v)])) } : {}),
  };
}

function renderAdditionalColumns(cols?: readonly AdditionalColumn[]): unknown {
  return cols?.map((c) => ({ name: c.name, value: renderValue(c.value) }));
}

function renderSource(s: CopySource): Record<string, unknown> {
  switch (s.type) {
    case "AzureSqlSource":
      return "call" in s
        ? {
            type: s.type,
            sqlReaderStoredProcedureName: s.call.procedure.name,
            storedProcedureParameters: renderProcedureParameters(s.call),
            additionalColumns: renderAdditionalColumns(s.additionalColumns),
            queryTimeout: "02:00:00",
            partitionOption: "None",
          }
        : {
            type: s.type,
            sqlReaderQuery: renderValue(s.query),
            additionalColumns: renderAdditionalColumns(s.additionalColumns),
            queryTimeout: "02:00:00",
            partitionOption: "None",
          };
    case "ParquetSource":
      return { type: s.type, storeSettings: { type: "AzureBlobFSReadSettings", recursive: false } };
    case "CosmosDbSqlApiSource":
      return {
        type: s.type,
        query: renderValue(s.query),
        preferredRegions: [],
        detectDatetime: true,
        additionalColumns: renderAdditionalColumns(s.additionalColumns),
      };
  }
}

function renderSink(s: CopySink): Record<string, unknown> {
  switch (s.type) {
    case "ParquetSink":
      return { type: s.type, storeSettings: { type: "AzureBlobFSWriteSettings" }, formatSettings: { type: "ParquetWriteSettings" } };
    case "SqlDWSink":
      return {
        type: s.type,
        // COPY statement: the fastest load path into a dedicated pool, authenticated as the factory identity.
        allowCopyCommand: true,
        tableOption: "none",
        ...(s.preCopyScript ? { preCopyScript: s.preCopyScript.sql } : {}),
      };
  }
}

function renderPolicy(p: ActivityPolicy | undefined): Record<string, unknown> {
  const policy = p ?? DEFAULT_ACTIVITY_POLICY;
  // secureInput/secureOutput keep card-adjacent values (LSN windows, row samples) out of run history.
  return {
    timeout: policy.timeout,
    retry: policy.retry,
    retryIntervalInSeconds: policy.retryIntervalInSeconds,
    secureInput: false,
    secureOutput: true,
  };
}

/** One activity as ADF JSON. */
export function renderActivity(a: Activity): Record<string, unknown> {
  const base = {
    name: a.name,
    type: a.type,
    ...(a.description ? { description: a.description } : {}),
    dependsOn: (a.dependsOn ?? []).map((d) => ({ activity: d.activity, dependencyConditions: [...d.conditions] })),
    userProperties: [],
  };
  switch (a.type) {
    case "Lookup":
      return {
        ...base,
        policy: renderPolicy(a.policy),
        typeProperties: { source: renderSource(a.source), dataset: renderDatasetUse(a.dataset), firstRowOnly: a.firstRowOnly },
      };
    case "Copy":
      return {
        ...base,
        policy: renderPolicy(a.policy),
        inputs: [renderDatasetUse(a.input)],
        outputs: [renderDatasetUse(a.output)],
        typeProperties: {
          source: renderSource(a.source),
          sink: renderSink(a.sink),
          enableStaging: a.staging !== undefined,
          ...(a.staging
            ? {
                stagingSettings: {
                  linkedServiceName: { referenceName: a.staging.linkedService, type: "LinkedServiceReference" },
                  path: a.staging.path,
                },
              }
            : {}),
          translator: {
            type: "TabularTranslator",
            typeConversion: true,
            typeConversionSettings: { allowDataTruncation: false, treatBooleanAsNumber: false },
          },
        },
      };
    case "SqlServerStoredProcedure":
      return {
        ...base,
        policy: renderPolicy(a.policy),
        linkedServiceName: { referenceName: a.linkedService, type: "LinkedServiceReference" },
        typeProperties: { storedProcedureName: a.call.procedure.name, storedProcedureParameters: renderProcedureParameters(a.call) },
      };
    case "Fail":
      return { ...base, typeProperties: { message: renderValue(a.message), errorCode: a.errorCode } };
  }
}

/** The `activities_json` of a pipeline: deterministic JSON text. */
export function renderActivitiesJson(p: PipelineSpec): string {
  return JSON.stringify(p.activities.map(renderActivity), (_k, v: unknown) => (v === undefined ? undefined : v), 2);
}

// ---------------------------------------------------------------------------------------------
// Graph helpers and validation
// ---------------------------------------------------------------------------------------------

/** Linked services an activity uses directly or through its datasets. */
export function linkedServicesOf(a: Activity, catalog: FactoryCatalog): string[] {
  const viaDatasets = datasetsOf(a)
    .map((d) => catalog.datasets.get(d)?.linkedService)
    .filter((x): x is string => x !== undefined);
  const direct =
    a.type === "SqlServerStoredProcedure" ? [a.linkedService] : a.type === "Copy" && a.staging ? [a.staging.linkedService] : [];
  return [...new Set([...direct, ...viaDatasets])];
}

/** Datasets an activity reads or writes. */
export function datasetsOf(a: Activity): string[] {
  switch (a.type) {
    case "Lookup":
      return [a.dataset.dataset];
    case "Copy":
      return [a.input.dataset, a.output.dataset];
    default:
      return [];
  }
}

function datasetUses(a: Activity): DatasetUse[] {
  return a.type === "Lookup" ? [a.dataset] : a.type === "Copy" ? [a.input, a.output] : [];
}

/** SQL objects an activity calls, reads or writes. */
export function sqlObjectsOf(a: Activity): SqlObjectRef[] {
  const out: SqlObjectRef[] = [];
  const fromSource = (s: CopySource): void => {
    if (s.type === "AzureSqlSource") {
      if ("call" in s) out.push(s.call.procedure);
      else out.push(...s.reads);
    }
  };
  switch (a.type) {
    case "Lookup":
      fromSource(a.source);
      break;
    case "Copy":
      fromSource(a.source);
      if (a.sink.type === "SqlDWSink") {
        out.push(a.sink.writes);
        if (a.sink.preCopyScript) out.push(a.sink.preCopyScript.touches);
      }
      break;
    case "SqlServerStoredProcedure":
      out.push(a.call.procedure);
      break;
    case "Fail":
      break;
  }
  return out;
}

/** Every expression text in an activity (to find `activity('X')` references). */
function expressionsOf(a: Activity): string[] {
  const texts: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === "string") texts.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(renderActivity(a));
  return texts.filter((t) => t.includes("activity("));
}

/** Names of activities an expression reads outputs from. */
export function activityReferences(a: Activity): string[] {
  const refs = new Set<string>();
  for (const t of expressionsOf(a)) for (const m of t.matchAll(/activity\('([^']+)'\)/g)) refs.add(m[1]);
  return [...refs];
}

/** All transitive upstream activities of `name`. */
export function ancestors(p: PipelineSpec, name: string): Set<string> {
  const byName = new Map(p.activities.map((a) => [a.name, a]));
  const seen = new Set<string>();
  const stack = [...(byName.get(name)?.dependsOn ?? []).map((d) => d.activity)];
  while (stack.length > 0) {
    const n = stack.pop() as string;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(byName.get(n)?.dependsOn ?? []).map((d) => d.activity));
  }
  return seen;
}

/** ADF's limit of activities per pipeline (containers' inner activities included). */
export const MAX_ACTIVITIES_PER_PIPELINE = 80;
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,139}$/;
const ACTIVITY_NAME = /^[A-Za-z0-9_][A-Za-z0-9_ -]{0,54}$/;

/** Thrown when a pipeline is inconsistent; the message lists every problem. */
export class PipelineValidationError extends Error {}

/**
 * Checks a pipeline against the factory that will host it: unique activity names, dependencies on
 * activities that exist, no cycles, expression references only to upstream activities, datasets and
 * linked services that exist, dataset parameters that exist, ADF's size and naming limits.
 */
export function validatePipeline(p: PipelineSpec, catalog: FactoryCatalog): void {
  const issues: string[] = [];
  const add = (cond: boolean, msg: string): void => {
    if (!cond) issues.push(msg);
  };
  add(ENTITY_NAME.test(p.name), `pipeline name "${p.name}": use letters, digits and underscores, starting with a letter`);
  add(p.activities.length > 0, `pipeline ${p.name}: has no activities`);
  add(
    p.activities.length <= MAX_ACTIVITIES_PER_PIPELINE,
    `pipeline ${p.name}: ${p.activities.length} activities; ADF allows ${MAX_ACTIVITIES_PER_PIPELINE}`,
  );
  add(Number.isInteger(p.concurrency) && p.concurrency >= 1, `pipeline ${p.name}: concurrency ${p.concurrency}; use an integer >= 1`);

  const names = new Set<string>();
  for (const a of p.activities) {
    add(!names.has(a.name), `pipeline ${p.name}: activity name "${a.name}" is used twice; names must be unique`);
    add(ACTIVITY_NAME.test(a.name), `pipeline ${p.name}: activity name "${a.name}" must be 1-55 letters, digits, spaces, _ or -`);
    names.add(a.name);
  }
  for (const a of p.activities) {
    for (const d of a.dependsOn ?? []) {
      add(names.has(d.activity), `pipeline ${p.name}: activity "${a.name}" depends on "${d.activity}", which does not exist`);
      add(d.activity !== a.name, `pipeline ${p.name}: activity "${a.name}" depends on itself`);
      add(d.conditions.length > 0, `pipeline ${p.name}: dependency ${a.name} -> ${d.activity} has no condition`);
    }
    const upstream = ancestors(p, a.name);
    for (const ref of activityReferences(a)) {
      add(
        upstream.has(ref),
        `pipeline ${p.name}: activity "${a.name}" reads the output of "${ref}", which is not upstream of it (add a dependency)`,
      );
    }
    for (const u of datasetUses(a)) {
      const ds = catalog.datasets.get(u.dataset);
      if (!ds) {
        issues.push(`pipeline ${p.name}: activity "${a.name}" uses dataset "${u.dataset}", which the factory does not define`);
        continue;
      }
      for (const k of Object.keys(u.parameters ?? {})) {
        add(
          ds.parameters.includes(k),
          `pipeline ${p.name}: activity "${a.name}" sets parameter "${k}" that dataset "${u.dataset}" does not declare (${ds.parameters.join(", ")})`,
        );
      }
      for (const k of ds.parameters) {
        add(
          u.parameters?.[k] !== undefined,
          `pipeline ${p.name}: activity "${a.name}" leaves parameter "${k}" of dataset "${u.dataset}" unset`,
        );
      }
    }
    for (const ls of linkedServicesOf(a, catalog)) {
      add(
        catalog.linkedServices.has(ls),
        `pipeline ${p.name}: activity "${a.name}" uses linked service "${ls}", which the factory does not define`,
      );
    }
  }
  // Cycles: a node that is its own ancestor.
  for (const a of p.activities)
    add(!ancestors(p, a.name).has(a.name), `pipeline ${p.name}: activity "${a.name}" is part of a dependency cycle`);

  if (issues.length > 0) throw new PipelineValidationError(`Pipeline ${p.name} is invalid:\n  - ${issues.join("\n  - ")}`);
}

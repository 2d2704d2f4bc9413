/**
 * Renders the warehouse model (./tables.ts, ./loads.ts) to the SQL files of one engine:
 * `sql/synapse/` (T-SQL for a dedicated SQL pool) and `sql/redshift/` are generated and committed
 * (`npm run sql:generate`; a test fails when they drift); the PostgreSQL rendering is what the
 * scenario tests execute.
 */
import { Dialect, DialectName } from "./dialect";
import { LOAD_WAREHOUSE, ProcedureSpec, VIEWS, procedures, seedStatements } from "./loads";
import { AGG_TABLES, ETL_TABLES, STAGING_TABLES, STAR_TABLES, TableSpec } from "./tables";

export interface RenderedFile {
  readonly file: string;
  readonly text: string;
}

const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();

/**
 * PostgreSQL/Redshift spelling of the model's identifiers: every PascalCase word outside string
 * literals and comments becomes snake_case (keywords are written in upper case, so they are left alone).
 */
export function snakeIdentifiers(sql: string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const comment = sql.startsWith("--", i) ? sql.indexOf("\n", i) : sql.startsWith("/*", i) ? sql.indexOf("*/", i) + 1 : -2;
    if (comment !== -2) {
      const end = comment < 0 ? sql.length : comment + 1;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (sql[i] === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i, i + 200));
    if (m) {
      const word = m[0];
      out += /^[A-Z]/.test(word) && /[a-z]/.test(word) ? snake(word) : word;
      i += word.length;
      continue;
    }
    out += sql[i];
    i += 1;
  }
  return out;
}

const indent = (text: string, n: number): string =>
  text
    .split("\n")
    .map((l) => (l.length ? " ".repeat(n) + l : l))
    .join("\n");

const GENERATED = "GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.";

function columnList(d: Dialect, t: TableSpec): string {
  return t.columns.map((c) => `    ${c.name} ${d.type(c.type)}${c.nullable ? " NULL" : " NOT NULL"}`).join(",\n");
}

function tableDdl(d: Dialect, t: TableSpec): string {
  const q = `${t.schema}.${t.name}`;
  const doc = `-- ${q}: ${t.doc}`;
  if (d.name === "tsql") {
    return `${doc}\nIF OBJECT_ID(N'${q}', N'U') IS NULL\nCREATE TABLE ${q} (\n${columnList(d, t)}\n)\nWITH (${t.synapse});\nGO`;
  }
  const attrs = d.name === "redshift" ? `\n${t.redshift}` : "";
  return `${doc}\nCREATE TABLE IF NOT EXISTS ${q} (\n${columnList(d, t)}\n)${attrs};`;
}

const PARAM_TYPES = { RunId: "runid", ToLsnHex: "lsn" } as const;

function validation(d: Dialect, p: ProcedureSpec): string[] {
  return p.params.map((name) => {
    const ref = d.param(name);
    const bad =
      name === "RunId"
        ? `${ref} IS NULL OR ${d.name === "tsql" ? "LEN" : "LENGTH"}(${ref}) = 0`
        : `${ref} IS NULL OR ${ref} NOT LIKE '0x%' OR ${d.name === "tsql" ? "LEN" : "LENGTH"}(${ref}) <> 22`;
    const what = name === "RunId" ? "is required" : "must be ''0x'' followed by 20 hex digits";
    return d.name === "tsql"
      ? `IF ${bad} THROW 50100, N'${p.name}: @${name} ${what}', 1;`
      : `IF ${bad} THEN\n    RAISE EXCEPTION '${p.name}: ${name} ${what}';\nEND IF;`;
  });
}

const terminate = (s: string): string => `${s};`;

function publishBody(d: Dialect, p: ProcedureSpec): { declare: string[]; body: string[] } {
  const R = d.param("RunId");
  const L = d.param("ToLsnHex");
  const failedFilter = `FROM etl.DQ_Result WHERE RunId = ${R} AND Severity = 'error' AND Passed = ${d.false}`;
  const first = `MIN(${d.concat(["CheckName", "' on '", "TableName"])})`;
  const run = (status: string, failed: string, firstFailure: string): string =>
    `INSERT INTO etl.Load_Run (RunId, ToLsn, Status, FailedChecks, FirstFailure, FinishedAtUtc)\nSELECT ${R}, ${L}, '${status}', ${failed}, ${firstFailure}, ${d.now};`;
  if (d.name === "tsql") {
    const calls = (p.calls ?? []).map(
      (c) => `EXEC ${c} ${c === "etl.usp_DQ_Check" ? "@RunId = @RunId, @ToLsnHex = @ToLsnHex" : "@RunId = @RunId"};`,
    );
    return {
      declare: ["DECLARE @Failed bigint;", "DECLARE @First varchar(400);", "DECLARE @Message nvarchar(2048);"],
      body: [
        "BEGIN TRY",
        "    BEGIN TRANSACTION;",
        ...calls.map((c) => `    ${c}`),
        `    SET @Failed = (SELECT COUNT_BIG(*) ${failedFilter});`,
        "    IF @Failed > 0",
        "    BEGIN",
        `        SET @First = (SELECT ${first} ${failedFilter});`,
        "        ROLLBACK TRANSACTION;",
        indent(run("rejected", "@Failed", "@First"), 8),
        `        SET @Message = CONCAT(N'${p.name}: ', @Failed, N' data-quality check(s) failed for run ', @RunId, N', first: ', @First, N'; nothing was published, see etl.Load_Run.');`,
        "        THROW 50200, @Message, 1;",
        "    END;",
        indent(run("published", "0", "NULL"), 4),
        "    COMMIT TRANSACTION;",
        "END TRY",
        "BEGIN CATCH",
        "    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;",
        "    THROW;",
        "END CATCH;",
      ],
    };
  }
  const calls = (p.calls ?? []).map((c) => `CALL ${c}(${c === "etl.usp_DQ_Check" ? `${R}, ${L}` : R});`);
  return {
    declare: ["v_failed bigint;", "v_first varchar(400);"],
    body: [
      ...calls,
      `SELECT COUNT(*), ${first} INTO v_failed, v_first ${failedFilter};`,
      "IF v_failed > 0 THEN",
      "    ROLLBACK;",
      indent(run("rejected", "v_failed", "v_first"), 4),
      "    COMMIT;",
      `    RAISE EXCEPTION '${p.name}: % data-quality check(s) failed for run %, first: %; nothing was published, see etl.Load_Run.', v_failed, ${R}, v_first;`,
      "END IF;",
      run("published", "0", "NULL"),
      "COMMIT;",
    ],
  };
}

function procedureDdl(d: Dialect, p: ProcedureSpec): string {
  const doc = `-- ${p.name}: ${p.doc}`;
  const checks = validation(d, p);
  if (d.name === "tsql") {
    const params = p.params.map((n) => `    @${n} ${d.type(PARAM_TYPES[n])}`).join(",\n");
    let body: string[];
    let declare: string[] = [];
    if (p.kind === "publish") ({ declare, body } = publishBody(d, p));
    else if (p.kind === "transaction")
      body = [
        "BEGIN TRY",
        "    BEGIN TRANSACTION;",
        ...p.statements.map((s) => indent(terminate(s), 4)),
        "    COMMIT TRANSACTION;",
        "END TRY",
        "BEGIN CATCH",
        "    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;",
        "    THROW;",
        "END CATCH;",
      ];
    else body = p.statements.map(terminate);
    return [
      doc,
      `IF OBJECT_ID(N'${p.name}', N'P') IS NOT NULL DROP PROCEDURE ${p.name};`,
      "GO",
      `CREATE PROCEDURE ${p.name}`,
      params,
      "AS",
      "BEGIN",
      "    SET NOCOUNT ON;",
      ...checks.map((c) => indent(c, 4)),
      ...declare.map((c) => indent(c, 4)),
      ...body.map((s) => indent(s, 4)),
      "END;",
      "GO",
    ].join("\n");
  }
  const params = p.params.map((n) => `${d.param(n)} ${d.type(PARAM_TYPES[n])}`).join(", ");
  const { declare, body } = p.kind === "publish" ? publishBody(d, p) : { declare: [], body: p.statements.map(terminate) };
  return [
    doc,
    `CREATE OR REPLACE PROCEDURE ${p.name}(${params})`,
    "LANGUAGE plpgsql",
    "AS $$",
    ...(declare.length ? ["DECLARE", ...declare.map((x) => indent(x, 4))] : []),
    "BEGIN",
    ...checks.map((c) => indent(c, 4)),
    ...body.map((s) => indent(s, 4)),
    "END;",
    "$$;",
  ].join("\n");
}

function viewDdl(d: Dialect): string[] {
  return VIEWS.map((v) => {
    const doc = `-- ${v.name}: ${v.doc}`;
    const select = v.select(d);
    if (d.name === "tsql") {
      return `${doc}\nIF OBJECT_ID(N'${v.name}', N'V') IS NULL\nEXEC (N'\nCREATE MATERIALIZED VIEW ${v.name}\nWITH (${v.synapse})\nAS\n${select};\n');\nGO`;
    }
    if (d.name === "redshift") {
      return `${doc}\nDROP MATERIALIZED VIEW IF EXISTS ${v.name};\nCREATE MATERIALIZED VIEW ${v.name}\nAUTO REFRESH YES\nAS\n${select};`;
    }
    // PostgreSQL has no incrementally maintained materialized view: the tests query a plain view.
    return `${doc}\nCREATE OR REPLACE VIEW ${v.name} AS\n${select};`;
  });
}

const SCHEMAS = ["stg", "dw", "agg", "etl"] as const;

/** Every file of the engine's folder, in apply order. */
export function renderWarehouse(d: Dialect): RenderedFile[] {
  const sep = d.name === "tsql" ? "\n\n" : "\n\n";
  const header = (title: string, lines: string[]): string =>
    [`/*`, `  ${title}`, ...lines.map((l) => `  ${l}`), `  ${GENERATED}`, `*/`].join("\n");
  const batch = (stmts: string[]): string =>
    d.name === "tsql" ? `${stmts.map(terminate).join("\n")}\nGO` : stmts.map(terminate).join("\n\n");
  const schemas =
    d.name === "tsql"
      ? `${SCHEMAS.map((s) => `IF SCHEMA_ID(N'${s}') IS NULL EXEC (N'CREATE SCHEMA ${s}');`).join("\n")}\nGO`
      : SCHEMAS.map((s) => `CREATE SCHEMA IF NOT EXISTS ${s};`).join("\n");
  const files: RenderedFile[] = [
    {
      file: "001_schemas.sql",
      text: [
        header("001_schemas.sql - schemas of the warehouse.", [
          "stg  landing tables filled by Data Factory (flows 2 and 3)",
          "dw   star schema: 6 dimensions, Fact_Payment, Fact_API_Performance",
          "agg  aggregates for BI",
          "etl  load procedures, run log, data-quality results, state and work tables",
        ]),
        schemas,
      ].join("\n"),
    },
    {
      file: "002_staging.sql",
      text: [
        header("002_staging.sql - one landing table per OLTP table (truncated by each run's copy) and stg.ApiLogs.", [
          "CDC columns: CdcStartLsn ('0x' + 20 hex digits), CdcOperation (1 delete, 5 insert/update),",
          "CdcCommitUtc (commit time of the change: the SCD2 version time); NULL for full extracts.",
          "Personal and card data columns are not captured and have no column here.",
        ]),
        ...STAGING_TABLES.map((t) => tableDdl(d, t)),
      ].join(sep),
    },
    {
      file: "003_etl_tables.sql",
      text: [
        header("003_etl_tables.sql - run log, data-quality results, refund/dispute state, work tables.", [
          "Work tables stand in for temp tables: flow 2 runs in one transaction and a dedicated pool",
          "allows no DDL (CTAS included) inside a transaction.",
        ]),
        ...ETL_TABLES.map((t) => tableDdl(d, t)),
      ].join(sep),
    },
    {
      file: "004_dimensions.sql",
      text: [
        header("004_dimensions.sql - the 6 dimensions, their unknown members (-1) and the calendar.", [
          "Surrogate keys: MAX(key) + ROW_NUMBER() in the load procedures (no IDENTITY: not contiguous",
          "across distributions, and no explicit values on load). Keys are not enforced by any engine here:",
          "the data-quality checks of etl.usp_DQ_Check guard them.",
        ]),
        ...STAR_TABLES.filter((t) => t.name.startsWith("Dim_")).map((t) => tableDdl(d, t)),
        batch(seedStatements(d)),
      ].join(sep),
    },
    {
      file: "005_facts.sql",
      text: [
        header("005_facts.sql - the facts.", [
          `Synapse: clustered columnstore, monthly partitions on DateKey through ${"December 2029"} (a yearly`,
          "SPLIT adds the next year, docs/runbook.md). Redshift: DISTKEY + compound SORTKEY on DateKey.",
        ]),
        ...STAR_TABLES.filter((t) => t.name.startsWith("Fact_")).map((t) => tableDdl(d, t)),
      ].join(sep),
    },
    {
      file: "006_aggregates.sql",
      text: [
        header("006_aggregates.sql - aggregates for BI.", [
          "agg.Payment_Daily_Currency is recomputed by the load for every day a run touched.",
          d.name === "postgres"
            ? "PostgreSQL (tests only): plain views stand in for the materialized views."
            : "Materialized views are maintained by the engine; there is no CREATE OR ALTER for them.",
        ]),
        ...AGG_TABLES.map((t) => tableDdl(d, t)),
        ...viewDdl(d),
      ].join(sep),
    },
    {
      file: "007_load_procedures.sql",
      text: [
        header("007_load_procedures.sql - the load procedures.", [
          `Flow 2: the pipeline calls ${LOAD_WAREHOUSE} once (run id, run LSN) after staging; it runs every step`,
          "in one transaction and publishes only when the data-quality gate passes. Flow 3: etl.usp_Load_Fact_API_Performance.",
          d.name === "tsql"
            ? "Dedicated pool: no CREATE OR ALTER (drop, then create), no MERGE, no temp tables in the transaction."
            : "Called with CALL outside an explicit transaction (the publish procedure commits or rolls back).",
        ]),
        ...procedures(d).map((p) => procedureDdl(d, p)),
      ].join(sep),
    },
  ];
  return files.map((f) => ({ file: f.file, text: `${d.name === "tsql" ? f.text : snakeIdentifiers(f.text)}\n` }));
}

/** Where each engine's rendering is committed (PostgreSQL's is only executed by the tests). */
export const OUTPUT_DIRECTORIES: Readonly<Partial<Record<DialectName, string>>> = { tsql: "sql/synapse", redshift: "sql/redshift" };

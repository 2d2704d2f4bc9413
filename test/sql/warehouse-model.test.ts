/**
 * The generated warehouse SQL: committed files equal the model's rendering (staleness), the
 * Synapse rendering passes the dedicated-pool rules, and the Redshift rendering is the same schema
 * and logic as the PostgreSQL one the scenario tests execute, except for a listed set of functions.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { postgres, redshift, tsql } from "../../sql/warehouse/dialect";
import { FLOW2_STEPS, LOAD_API_PERFORMANCE, LOAD_WAREHOUSE } from "../../sql/warehouse/loads";
import { OUTPUT_DIRECTORIES, renderWarehouse } from "../../sql/warehouse/render";
import { dedicatedPoolViolations } from "./dedicated-pool-rules";
import { REPO_ROOT, listProcedures, listTables, listViews, stripComments, toSnakeCase } from "./sql-catalog";

describe("generated SQL is committed and current", () => {
  test.each([
    ["tsql", tsql],
    ["redshift", redshift],
  ] as const)("%s: the committed folder equals the model's rendering (run `npm run sql:generate`)", (name, d) => {
    const dir = path.join(REPO_ROOT, OUTPUT_DIRECTORIES[name]!);
    const rendered = renderWarehouse(d);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".sql"))
        .sort(),
    ).toEqual(rendered.map((f) => f.file).sort());
    for (const f of rendered)
      expect({ file: f.file, text: readFileSync(path.join(dir, f.file), "utf8") }).toEqual({ file: f.file, text: f.text });
  });
});

describe("Synapse dedicated pool restrictions", () => {
  test("sql/synapse breaks none of the rules", () => {
    const files = readdirSync(path.join(REPO_ROOT, "sql/synapse")).filter((f) => f.endsWith(".sql"));
    expect(files.length).toBe(7);
    for (const f of files) {
      expect({ file: f, violations: dedicatedPoolViolations(readFileSync(path.join(REPO_ROOT, "sql/synapse", f), "utf8")) }).toEqual({
        file: f,
        violations: [],
      });
    }
  });

  // Each rule catches the mistake it names (the findings of issue 12 among them).
  test.each<[string, string]>([
    ["no-create-or-alter", "CREATE OR ALTER PROCEDURE etl.p @RunId nvarchar(64) AS BEGIN SELECT 1; END;"],
    ["procedure-dropped-first", "CREATE PROCEDURE etl.p AS BEGIN SELECT 1; END;\nGO"],
    [
      "min-max-view-for-append",
      "EXEC (N'CREATE MATERIALIZED VIEW agg.v WITH (DISTRIBUTION = HASH(a)) AS SELECT a, MAX(b) AS m FROM t GROUP BY a;');",
    ],
    ["no-merge", "MERGE INTO dw.Dim_X AS t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = s.b;"],
    [
      "no-identity",
      "IF OBJECT_ID(N'dw.T', N'U') IS NULL CREATE TABLE dw.T (K int IDENTITY(1,1) NOT NULL) WITH (DISTRIBUTION = ROUND_ROBIN);",
    ],
    [
      "constraints-not-enforced",
      "IF OBJECT_ID(N'dw.T', N'U') IS NULL CREATE TABLE dw.T (K int NOT NULL, PRIMARY KEY (K)) WITH (DISTRIBUTION = ROUND_ROBIN);",
    ],
    ["no-triggers-sequences", "CREATE SEQUENCE etl.s;"],
    ["no-cursor-table-variable", "DECLARE @t TABLE (a int);"],
    ["no-rowcount-output", "IF @@ROWCOUNT = 0 SELECT 1;"],
    ["no-ansi-join-in-update-delete", "UPDATE dw.T SET a = s.a FROM dw.T AS t JOIN s ON s.k = t.k;"],
    ["no-multi-row-values", "INSERT INTO etl.Digits (D) VALUES (0), (1);"],
    ["no-cte-before-dml", "WITH x AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM x;"],
    [
      "no-ddl-in-procedures",
      "IF OBJECT_ID(N'etl.p', N'P') IS NOT NULL DROP PROCEDURE etl.p;\nGO\nCREATE PROCEDURE etl.p AS BEGIN CREATE TABLE #x WITH (DISTRIBUTION = ROUND_ROBIN) AS SELECT 1 AS a; END;\nGO",
    ],
    [
      "one-transaction-no-nesting",
      "IF OBJECT_ID(N'etl.a', N'P') IS NOT NULL DROP PROCEDURE etl.a;\nGO\nCREATE PROCEDURE etl.a AS BEGIN BEGIN TRANSACTION; COMMIT TRANSACTION; END;\nGO\n" +
        "IF OBJECT_ID(N'etl.b', N'P') IS NOT NULL DROP PROCEDURE etl.b;\nGO\nCREATE PROCEDURE etl.b AS BEGIN BEGIN TRANSACTION; EXEC etl.a; COMMIT TRANSACTION; END;\nGO",
    ],
    ["tables-distributed-and-guarded", "CREATE TABLE dw.T (K int NOT NULL);"],
  ])("rule %s catches its mistake", (rule, sql) => {
    expect(dedicatedPoolViolations(sql).map((v) => v.split(":")[0])).toContain(rule);
  });

  test("flow 2 is one procedure the pipeline calls; its steps exist and take @RunId", () => {
    const procs = listProcedures("sql/synapse");
    const byName = new Map(procs.map((p) => [p.qualifiedName, p]));
    expect(byName.get(LOAD_WAREHOUSE)?.parameters).toEqual([
      { name: "RunId", type: "nvarchar(64)" },
      { name: "ToLsnHex", type: "varchar(22)" },
    ]);
    for (const step of FLOW2_STEPS) expect(byName.get(step)?.parameters[0]).toEqual({ name: "RunId", type: "nvarchar(64)" });
    expect(byName.get(LOAD_API_PERFORMANCE)?.parameters).toEqual([{ name: "RunId", type: "nvarchar(64)" }]);
    const views = listViews("sql/synapse").map((v) => v.qualifiedName);
    expect(views.sort()).toEqual(["agg.mv_API_Performance_5min", "agg.mv_Payment_Daily_Merchant"]);
  });

  test("fact partitions reach at least December 2029 (the old boundaries ended in December 2026)", () => {
    const fact = listTables("sql/synapse").find((t) => t.qualifiedName === "dw.Fact_Payment")!;
    const boundaries = [...fact.options.matchAll(/\b(20\d{6})\b/g)].map((m) => Number(m[1]));
    expect(Math.max(...boundaries)).toBeGreaterThanOrEqual(20291201);
  });
});

describe("Redshift parity", () => {
  test("same tables and columns as Synapse (snake_case), same procedures", () => {
    const syn = listTables("sql/synapse").map((t) => ({ table: toSnakeCase(t.qualifiedName), columns: t.columns.map(toSnakeCase) }));
    const rs = listTables("sql/redshift").map((t) => ({ table: t.qualifiedName, columns: [...t.columns] }));
    expect(rs).toEqual(syn);
    const names = (dir: string): string[] => listProcedures(dir).map((p) => p.qualifiedName.toLowerCase());
    expect(names("sql/redshift")).toEqual(names("sql/synapse"));
  });

  test("Redshift differs from the executed PostgreSQL rendering only in the listed functions and table attributes", () => {
    // docs/data-model.md lists these differences and why.
    const normalize = (text: string): string =>
      text
        .replace(/\n(DISTSTYLE|DISTKEY|COMPOUND SORTKEY|SORTKEY)[^;]*;/g, ";")
        .replace(/CAST\(GETDATE\(\) AS timestamp\)/g, "<now>")
        .replace(/CAST\(timezone\('UTC', clock_timestamp\(\)\) AS timestamp\(3\)\)/g, "<now>")
        .replace(/SHA2\([\s\S]*?, 256\)/g, "<hash>")
        .replace(/encode\(sha256\(convert_to\([\s\S]*?, 'UTF8'\)\), 'hex'\)/g, "<hash>")
        .replace(/CAST\(DATEADD\(day, ([^,]+), CAST\('([\d-]+)' AS date\)\) AS date\)/g, "<add-days $2 $1>")
        .replace(/CAST\(CAST\('([\d-]+)' AS date\) \+ CAST\(([^)]+) AS integer\) AS date\)/g, "<add-days $1 $2>")
        .replace(/CAST\(DATEADD\(minute, .*?, CAST\('2000-01-01' AS timestamp\)\) AS timestamp\)/g, "<bucket5>")
        .replace(/CAST\(date_trunc\('hour', [\s\S]*?INTERVAL '5 minutes' AS timestamp\(0\)\)/g, "<bucket5>")
        .replace(
          /COALESCE\(CAST\((\w+) AS varchar\), ''\) \|\| ' on ' \|\| COALESCE\(CAST\((\w+) AS varchar\), ''\)/g,
          "CONCAT($1, ' on ', $2)",
        )
        .replace(/DROP MATERIALIZED VIEW IF EXISTS [\w.]+;\nCREATE MATERIALIZED VIEW ([\w.]+)\nAUTO REFRESH YES\nAS/g, "CREATE VIEW $1 AS")
        .replace(/CREATE OR REPLACE VIEW ([\w.]+) AS/g, "CREATE VIEW $1 AS")
        .replace(/PostgreSQL \(tests only\)[^\n]*|Materialized views are maintained[^\n]*/g, "<mv note>");
    const rs = renderWarehouse(redshift);
    const pg = renderWarehouse(postgres);
    for (const [i, f] of rs.entries())
      expect({ file: f.file, text: normalize(f.text) }).toEqual({ file: pg[i]!.file, text: normalize(pg[i]!.text) });
  });

  test("the Redshift rendering uses no PostgreSQL-only or T-SQL function", () => {
    const text = stripComments(
      renderWarehouse(redshift)
        .map((f) => f.text)
        .join("\n"),
    );
    for (const banned of [
      /\bCONCAT\(/,
      /\bsha256\(/,
      /\bencode\(/,
      /\bgenerate_series\b/,
      /\bclock_timestamp\b/,
      /\bdate_trunc\(/,
      /@\w+/,
      /\bGO\b/,
      /\bSYSUTCDATETIME\b/,
    ])
      expect({ banned: String(banned), found: banned.test(text) }).toEqual({ banned: String(banned), found: false });
  });
});

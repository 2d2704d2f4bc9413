/**
 * The star schema of the warehouse model (./tables.ts, schema `dw`) for Snowflake: ANALYTICS.STAR, the
 * schema the SnowflakeWarehouse construct creates. Only the dimensions and facts: Snowflake is fed by
 * Snowpipe (RAW.LANDING) and merged by the TRANSFORMER, so the Synapse/Redshift staging tables, ETL
 * state and load procedures have no Snowflake rendering.
 */
import { ColumnType, redshift } from "./dialect";
import { RenderedFile } from "./render";
import { STAR_TABLES, TableSpec } from "./tables";

/** Committed output of `npm run sql:generate` (the staleness test compares it with this rendering). */
export const SNOWFLAKE_OUTPUT_DIRECTORY = "sql/snowflake";

function snowflakeType(t: ColumnType): string {
  if (typeof t === "object") return "char" in t ? `char(${t.char})` : `varchar(${"varchar" in t ? t.varchar : t.text})`;
  const map: Record<typeof t, string> = {
    int: "integer",
    bigint: "bigint",
    smallint: "smallint",
    bool: "boolean",
    // timestamp_ntz holds UTC: every timestamp column of the model ends in Utc.
    ts: "timestamp_ntz(3)",
    ts0: "timestamp_ntz(0)",
    date: "date",
    money: "number(19,4)",
    hash: "char(64)",
    lsn: "varchar(22)",
    runid: "varchar(64)",
  };
  return map[t];
}

/**
 * Snowflake has no distribution: micro-partitions are pruned by clustering, so a fact clusters on its
 * Redshift sort key (date first). Dimensions are small and need none.
 */
function clusterBy(t: TableSpec): string {
  if (!t.name.startsWith("Fact_")) return "";
  const sortKey = /SORTKEY \(([^)]+)\)/.exec(t.redshift)?.[1];
  if (sortKey === undefined) throw new Error(`warehouse model: ${t.name} has no Redshift SORTKEY to cluster by`);
  return `\nCLUSTER BY (${sortKey
    .split(",")
    .map((c) => redshift.id(c.trim()))
    .join(", ")})`;
}

function tableDdl(t: TableSpec): string {
  const columns = t.columns.map((c) => `    ${redshift.id(c.name)} ${snowflakeType(c.type)}${c.nullable ? " NULL" : " NOT NULL"}`);
  return `-- star.${redshift.id(t.name)}: ${t.doc}\nCREATE TABLE IF NOT EXISTS star.${redshift.id(t.name)} (\n${columns.join(",\n")}\n)${clusterBy(t)};`;
}

export function renderSnowflakeStar(): RenderedFile[] {
  const header = [
    "/*",
    "  001_star_schema.sql - the star schema of sql/synapse and sql/redshift for Snowflake (ANALYTICS.STAR,",
    "  applied by the pipeline as TRANSFORMER; the schema itself is created by Terraform with managed access).",
    "  Same 6 dimensions and 2 facts, same columns, snake_case as on Redshift. Idempotent (IF NOT EXISTS);",
    "  Time Travel retention is inherited from the database.",
    "  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.",
    "*/",
    "USE DATABASE ANALYTICS;",
    "USE SCHEMA STAR;",
  ].join("\n");
  const tables = STAR_TABLES.filter((t) => t.schema === "dw").map(tableDdl);
  return [{ file: "001_star_schema.sql", text: `${[header, ...tables].join("\n\n")}\n` }];
}

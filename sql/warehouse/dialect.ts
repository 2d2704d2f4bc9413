/**
 * The three engines the warehouse model renders to, and the only places where their SQL differs:
 * types, table options, functions, procedure wrappers and transaction control. Everything else
 * (statement order, joins, predicates) is written once in ./loads.ts and is identical on all three.
 */

/** Logical column types of the model. */
export type ColumnType =
  | "int"
  | "bigint"
  | "smallint"
  | "bool"
  | "ts"
  | "ts0"
  | "date"
  | "money"
  | "hash"
  | "lsn"
  | "runid"
  | { readonly char: number }
  | { readonly varchar: number }
  | { readonly text: number };

export type DialectName = "tsql" | "postgres" | "redshift";

export interface Dialect {
  readonly name: DialectName;
  /** Column type. */
  type(t: ColumnType): string;
  /** An identifier of the model (PascalCase) as the engine spells it. */
  id(name: string): string;
  /** A procedure parameter reference. */
  param(name: string): string;
  /** Boolean literals and a boolean from a predicate. */
  readonly true: string;
  readonly false: string;
  flag(predicate: string): string;
  /** Current UTC time. */
  readonly now: string;
  /** The end of time of an open SCD2 version. */
  readonly endOfTime: string;
  /** yyyymmdd integer of a timestamp or date expression. */
  dateKey(expr: string): string;
  /** `date + days` for a date literal 'yyyy-mm-dd'. */
  addDays(dateLiteral: string, days: string): string;
  /** Calendar parts of a date expression. */
  datePart(part: "year" | "quarter" | "month" | "day" | "isoDow" | "isoWeek" | "monthName" | "dayName", expr: string): string;
  /** Start of the 5-minute bucket of a timestamp. */
  bucket5(expr: string): string;
  /** SHA-256 of the values joined by '|', as 64 hex characters (NULL counts as empty). */
  hash(values: readonly string[]): string;
  /** String concatenation where NULL counts as empty. */
  concat(values: readonly string[]): string;
  /** COUNT of rows as bigint. */
  readonly countBig: string;
}

const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();

export const tsql: Dialect = {
  name: "tsql",
  type(t) {
    if (typeof t === "object") {
      if ("char" in t) return `char(${t.char})`;
      if ("varchar" in t) return `varchar(${t.varchar})`;
      return `nvarchar(${t.text})`;
    }
    const map: Record<typeof t, string> = {
      int: "int",
      bigint: "bigint",
      smallint: "smallint",
      bool: "bit",
      ts: "datetime2(3)",
      ts0: "datetime2(0)",
      date: "date",
      money: "decimal(19,4)",
      hash: "char(64)",
      lsn: "varchar(22)",
      runid: "nvarchar(64)",
    };
    return map[t];
  },
  id: (name) => name,
  param: (name) => `@${name}`,
  true: "1",
  false: "0",
  flag: (p) => `CAST(CASE WHEN ${p} THEN 1 ELSE 0 END AS bit)`,
  now: "SYSUTCDATETIME()",
  endOfTime: "CAST('9999-12-31' AS datetime2(3))",
  dateKey: (e) => `CONVERT(int, CONVERT(char(8), ${e}, 112))`,
  addDays: (d, n) => `DATEADD(day, ${n}, CAST('${d}' AS date))`,
  datePart(part, e) {
    switch (part) {
      case "isoDow":
        return `((DATEDIFF(day, CAST('19000101' AS date), ${e}) % 7) + 1)`; // 1900-01-01 was a Monday
      case "isoWeek":
        return `DATEPART(iso_week, ${e})`;
      case "monthName":
        return `DATENAME(month, ${e})`;
      case "dayName":
        return `DATENAME(weekday, ${e})`;
      default:
        return `DATEPART(${part}, ${e})`;
    }
  },
  bucket5: (e) => `DATEADD(minute, (DATEDIFF(minute, CAST('20000101' AS datetime2(0)), ${e}) / 5) * 5, CAST('20000101' AS datetime2(0)))`,
  hash: (vs) => `CONVERT(char(64), HASHBYTES('SHA2_256', ${tsql.concat(vs.flatMap((v, i) => (i === 0 ? [v] : ["'|'", v])))}), 2)`,
  concat: (vs) => `CONCAT(${vs.join(", ")})`,
  countBig: "COUNT_BIG(*)",
};

/** PostgreSQL 15 (what the scenario tests execute). Identifiers in snake_case, like Redshift. */
export const postgres: Dialect = {
  name: "postgres",
  type(t) {
    if (typeof t === "object") {
      if ("char" in t) return `char(${t.char})`;
      return `varchar(${"varchar" in t ? t.varchar : t.text})`;
    }
    const map: Record<typeof t, string> = {
      int: "integer",
      bigint: "bigint",
      smallint: "smallint",
      bool: "boolean",
      ts: "timestamp(3)",
      ts0: "timestamp(0)",
      date: "date",
      money: "decimal(19,4)",
      hash: "char(64)",
      lsn: "varchar(22)",
      runid: "varchar(64)",
    };
    return map[t];
  },
  id: snake,
  param: (name) => `p_${snake(name)}`,
  true: "TRUE",
  false: "FALSE",
  flag: (p) => `(CASE WHEN ${p} THEN TRUE ELSE FALSE END)`,
  now: "CAST(timezone('UTC', clock_timestamp()) AS timestamp(3))",
  endOfTime: "CAST('9999-12-31' AS timestamp(3))",
  dateKey: (e) => `CAST(TO_CHAR(${e}, 'YYYYMMDD') AS integer)`,
  addDays: (d, n) => `CAST(CAST('${d}' AS date) + CAST(${n} AS integer) AS date)`,
  datePart(part, e) {
    const fmt: Record<typeof part, string> = {
      year: "YYYY",
      quarter: "Q",
      month: "MM",
      day: "DD",
      isoDow: "ID",
      isoWeek: "IW",
      monthName: "Month",
      dayName: "Day",
    };
    return part === "monthName" || part === "dayName"
      ? `TRIM(TO_CHAR(${e}, '${fmt[part]}'))`
      : `CAST(TO_CHAR(${e}, '${fmt[part]}') AS smallint)`;
  },
  bucket5: (e) =>
    `CAST(date_trunc('hour', ${e}) + (CAST(EXTRACT(minute FROM ${e}) AS integer) / 5) * INTERVAL '5 minutes' AS timestamp(0))`,
  hash: (vs) => `encode(sha256(convert_to(${postgres.concat(vs.flatMap((v, i) => (i === 0 ? [v] : ["'|'", v])))}, 'UTF8')), 'hex')`,
  concat: (vs) => `CONCAT(${vs.join(", ")})`,
  countBig: "COUNT(*)",
};

/**
 * Amazon Redshift: the PostgreSQL rendering with Redshift's functions where PostgreSQL's are not
 * available there (CONCAT takes two arguments, SHA2 instead of sha256/encode, GETDATE, DATEADD).
 */
export const redshift: Dialect = {
  ...postgres,
  name: "redshift",
  now: "CAST(GETDATE() AS timestamp)",
  addDays: (d, n) => `CAST(DATEADD(day, ${n}, CAST('${d}' AS date)) AS date)`,
  bucket5: (e) =>
    `CAST(DATEADD(minute, (DATEDIFF(minute, CAST('2000-01-01' AS timestamp), ${e}) / 5) * 5, CAST('2000-01-01' AS timestamp)) AS timestamp)`,
  hash: (vs) => `SHA2(${redshift.concat(vs.flatMap((v, i) => (i === 0 ? [v] : ["'|'", v])))}, 256)`,
  concat: (vs) => vs.map((v) => (/^'.*'$/.test(v) ? v : `COALESCE(CAST(${v} AS varchar), '')`)).join(" || "),
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { tsql, postgres, redshift };

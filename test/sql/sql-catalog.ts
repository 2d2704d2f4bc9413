/**
 * A small, dependency-free catalog of the SQL objects defined under `sql/`.
 *
 * It reads the scripts as text (comments stripped, string literals respected) and lists the
 * tables, procedures, functions and views they create, so tests - this folder's and the ETL
 * pipeline's - can check that every object a pipeline calls exists. It understands the
 * dialects used here: T-SQL (Azure SQL, Synapse), PostgreSQL and Redshift.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";

/** Repository root (test/sql/ -> ../..). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface SqlFile {
  /** Path relative to the repository root, with forward slashes. */
  readonly file: string;
  /** Raw text. */
  readonly text: string;
  /** Text with comments replaced by spaces (string literals kept). */
  readonly code: string;
}

export interface ForeignKey {
  readonly columns: readonly string[];
  readonly refSchema: string | undefined;
  readonly refTable: string;
  readonly refColumns: readonly string[];
}

export interface TableDef {
  readonly file: string;
  readonly schema: string | undefined;
  readonly name: string;
  /** `schema.name` (or `name`), unquoted. */
  readonly qualifiedName: string;
  readonly columns: readonly string[];
  readonly primaryKey: readonly string[] | undefined;
  readonly foreignKeys: readonly ForeignKey[];
  readonly uniqueKeys: readonly (readonly string[])[];
  readonly checks: readonly string[];
  /** The column list text between the parentheses. */
  readonly body: string;
  /** Text after the column list up to the statement end (WITH (...), DISTSTYLE, SORTKEY...). */
  readonly options: string;
  /** The CREATE statement is guarded (IF OBJECT_ID(...) IS NULL, IF NOT EXISTS ...). */
  readonly guarded: boolean;
  /** The CREATE TABLE statement text (column list included). */
  readonly statement: string;
}

export interface RoutineDef {
  readonly file: string;
  readonly kind: "procedure" | "function" | "view" | "materialized view";
  readonly schema: string | undefined;
  readonly name: string;
  readonly qualifiedName: string;
  /** CREATE OR ALTER / CREATE OR REPLACE, or guarded by an existence check. */
  readonly idempotent: boolean;
  /** Parameter names without `@` (procedures and functions), in order. */
  readonly parameters: readonly { readonly name: string; readonly type: string }[];
}

/** Strips `--` and `/* *\/` comments outside string literals, keeping offsets (replaced by spaces). */
export function stripComments(sql: string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'") {
      const end = findQuoteEnd(sql, i, "'");
      out += sql.slice(i, end);
      i = end;
    } else if (c === "$" && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      // PostgreSQL dollar quoting: keep as is
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const close = sql.indexOf(tag, i + tag.length);
      const end = close < 0 ? sql.length : close + tag.length;
      out += sql.slice(i, end);
      i = end;
    } else if (c === "-" && next === "-") {
      const nl = sql.indexOf("\n", i);
      const end = nl < 0 ? sql.length : nl;
      out += " ".repeat(end - i);
      i = end;
    } else if (c === "/" && next === "*") {
      const close = sql.indexOf("*/", i + 2);
      const end = close < 0 ? sql.length : close + 2;
      out += sql.slice(i, end).replace(/[^\n]/g, " ");
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function findQuoteEnd(s: string, start: number, q: string): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === q) {
      if (s[i + 1] === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return s.length;
}

/** Index just after the parenthesis matching the one at `open`, skipping string literals. */
export function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i += 1) {
    const c = s[i];
    if (c === "'") {
      i = findQuoteEnd(s, i, "'") - 1;
    } else if (c === "(") {
      depth += 1;
    } else if (c === ")") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced parenthesis at offset ${open}`);
}

/** Splits on commas at parenthesis depth 0 (outside string literals). */
export function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (c === "'") i = findQuoteEnd(s, i, "'") - 1;
    else if (c === "(") depth += 1;
    else if (c === ")") depth -= 1;
    else if (c === "," && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** Splits a T-SQL script into sqlcmd batches (lines holding only `GO`). */
export function splitBatches(sql: string): string[] {
  return sql
    .split(/^[ \t]*GO[ \t]*;?[ \t]*$/im)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** Removes [brackets] / "double quotes" around identifiers. */
export function unquote(identifier: string): string {
  return identifier
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/^"(.*)"$/, "$1");
}

const IDENT = String.raw`(?:\[[^\]]+\]|"[^"]+"|[A-Za-z_#][\w$#]*)`;
const QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;

function splitQualified(qname: string): { schema: string | undefined; name: string } {
  const parts = qname.split(/\s*\.\s*/).map(unquote);
  return parts.length === 2 ? { schema: parts[0], name: parts[1]! } : { schema: undefined, name: parts[0]! };
}

function columnList(s: string): string[] {
  return splitTopLevel(s).map((c) => unquote(c.replace(/\s+(ASC|DESC)\s*$/i, "")));
}

/** Resolves `dir` against the repository root and reads its `*.sql` files in name order. */
export function readSqlDir(dir: string): SqlFile[] {
  const abs = path.isAbsolute(dir) ? dir : path.join(REPO_ROOT, dir);
  return readdirSync(abs)
    .filter((f) => f.toLowerCase().endsWith(".sql"))
    .sort()
    .map((f) => {
      const full = path.join(abs, f);
      const text = readFileSync(full, "utf8");
      return { file: path.relative(REPO_ROOT, full).split(path.sep).join("/"), text, code: stripComments(text) };
    });
}

/** Every CREATE TABLE in the `*.sql` files of `dir` (temp tables `#x` excluded). */
export function listTables(dir: string): TableDef[] {
  const tables: TableDef[] = [];
  for (const f of readSqlDir(dir)) {
    const re = new RegExp(String.raw`\bCREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(${QNAME})\s*(\(|WITH\b)`, "gi");
    let m: RegExpExecArray | null;
    while ((m = re.exec(f.code)) !== null) {
      const qname = m[2]!;
      if (qname.startsWith("#")) continue;
      if (m[3]!.toUpperCase() === "WITH") continue; // CTAS
      const open = m.index + m[0].length - 1;
      const close = matchParen(f.code, open);
      const body = f.code.slice(open + 1, close - 1);
      const end = findStatementEnd(f.code, close);
      const options = f.code.slice(close, end).trim();
      const { schema, name } = splitQualified(qname);
      const before = f.code.slice(Math.max(0, m.index - 400), m.index);
      const guarded =
        Boolean(m[1]) ||
        new RegExp(
          String.raw`IF\s+OBJECT_ID\s*\(\s*N?'${escapeRe(schema ? `${schema}.${name}` : name)}'[^)]*\)\s+IS\s+NULL\s*(BEGIN\s*)?$`,
          "i",
        ).test(before.trimEnd());
      tables.push({
        file: f.file,
        schema,
        name,
        qualifiedName: schema ? `${schema}.${name}` : name,
        ...parseTableBody(body),
        body,
        options,
        guarded,
        statement: f.code.slice(m.index, close),
      });
    }
  }
  return tables;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** End of the statement that started before `from`: `;`, `GO`, or the next top-level keyword. */
function findStatementEnd(code: string, from: number): number {
  const rest = code.slice(from);
  const m = /;|^\s*GO\s*$|\bCREATE\b|\bIF\b|\bINSERT\b|\bALTER\b/im.exec(rest);
  if (!m) return code.length;
  // a WITH (...) clause may contain parentheses: make sure we do not stop inside it
  let end = from + m.index;
  const withMatch = /^\s*WITH\s*\(/i.exec(rest);
  if (withMatch) {
    const open = from + withMatch[0].length - 1;
    end = Math.max(end, matchParen(code, open));
  }
  return end;
}

function parseTableBody(body: string): Pick<TableDef, "columns" | "primaryKey" | "foreignKeys" | "uniqueKeys" | "checks"> {
  const columns: string[] = [];
  const foreignKeys: ForeignKey[] = [];
  const uniqueKeys: string[][] = [];
  const checks: string[] = [];
  let primaryKey: string[] | undefined;
  for (const raw of splitTopLevel(body)) {
    const item = raw.replace(/\s+/g, " ").trim();
    const def = item.replace(/^CONSTRAINT \S+ /i, "");
    let m: RegExpExecArray | null;
    if ((m = /^PRIMARY KEY(?: (?:NON)?CLUSTERED)? \(([^)]*)\)/i.exec(def))) {
      primaryKey = columnList(m[1]!);
    } else if ((m = new RegExp(String.raw`^FOREIGN KEY \(([^)]*)\) REFERENCES (${QNAME}) ?\(([^)]*)\)`, "i").exec(def))) {
      const ref = splitQualified(m[2]!);
      foreignKeys.push({ columns: columnList(m[1]!), refSchema: ref.schema, refTable: ref.name, refColumns: columnList(m[3]!) });
    } else if ((m = /^UNIQUE(?: (?:NON)?CLUSTERED)? \(([^)]*)\)/i.exec(def))) {
      uniqueKeys.push(columnList(m[1]!));
    } else if (/^CHECK\b/i.test(def)) {
      checks.push(def);
    } else if (/^(INDEX|KEY)\b/i.test(def)) {
      // inline index: ignore
    } else {
      const name = unquote(/^(\[[^\]]+\]|"[^"]+"|\S+)/.exec(item)![1]!);
      columns.push(name);
      if (/\bPRIMARY KEY\b/i.test(item)) primaryKey = [name];
      const ref = new RegExp(String.raw`\bREFERENCES (${QNAME}) ?\(([^)]*)\)`, "i").exec(item);
      if (ref) {
        const r = splitQualified(ref[1]!);
        foreignKeys.push({ columns: [name], refSchema: r.schema, refTable: r.name, refColumns: columnList(ref[2]!) });
      }
      const check = /\bCHECK\s*\((.*)\)/i.exec(item);
      if (check) checks.push(`CHECK (${check[1]})`);
    }
  }
  return { columns, primaryKey, foreignKeys, uniqueKeys, checks };
}

/** Every CREATE [OR ALTER|OR REPLACE] PROCEDURE / FUNCTION / [MATERIALIZED] VIEW in `dir`. */
export function listRoutines(dir: string): RoutineDef[] {
  const out: RoutineDef[] = [];
  for (const f of readSqlDir(dir)) {
    // EXEC (N'CREATE MATERIALIZED VIEW ...') is code too: search the comment-free text including strings
    const re = new RegExp(
      String.raw`\bCREATE\s+(OR\s+(?:ALTER|REPLACE)\s+)?(PROCEDURE|PROC|FUNCTION|MATERIALIZED\s+VIEW|VIEW)\s+(${QNAME})`,
      "gi",
    );
    let m: RegExpExecArray | null;
    while ((m = re.exec(f.code)) !== null) {
      const kindRaw = m[2]!.toUpperCase().replace(/\s+/g, " ");
      const kind: RoutineDef["kind"] =
        kindRaw === "PROC" || kindRaw === "PROCEDURE"
          ? "procedure"
          : kindRaw === "FUNCTION"
            ? "function"
            : kindRaw === "VIEW"
              ? "view"
              : "materialized view";
      const { schema, name } = splitQualified(m[3]!);
      const qualifiedName = schema ? `${schema}.${name}` : name;
      const before = f.code.slice(Math.max(0, m.index - 300), m.index);
      const guarded = new RegExp(String.raw`IF\s+OBJECT_ID\s*\(\s*N?'${escapeRe(qualifiedName)}'[^)]*\)\s+IS\s+NULL`, "i").test(before);
      out.push({
        file: f.file,
        kind,
        schema,
        name,
        qualifiedName,
        idempotent: Boolean(m[1]) || guarded,
        parameters: kind === "procedure" || kind === "function" ? parseParameters(f.code, m.index + m[0].length, kind) : [],
      });
    }
  }
  return out;
}

function parseParameters(code: string, from: number, kind: "procedure" | "function"): { name: string; type: string }[] {
  const rest = code.slice(from);
  if (kind === "function") {
    const open = rest.indexOf("(");
    if (open < 0) return [];
    const inner = rest.slice(open + 1, matchParen(rest, open) - 1);
    return splitTopLevel(inner).map((p) => {
      const [name = "", ...type] = p
        .replace(/\s+DEFAULT\s+.*$/i, "")
        .trim()
        .split(/\s+/);
      return { name: name.replace(/^@/, ""), type: type.join(" ") };
    });
  }
  // T-SQL procedure: parameters up to WITH | AS
  const stop = /\b(WITH\s+(EXECUTE|RECOMPILE|ENCRYPTION)|AS)\b/i.exec(rest);
  let head = (stop ? rest.slice(0, stop.index) : rest).trim();
  if (head.startsWith("(")) head = head.slice(1, matchParen(head, 0) - 1);
  return splitTopLevel(head)
    .filter((p) => p.startsWith("@"))
    .map((p) => {
      const [name = "", ...type] = p
        .replace(/\s*=.*$/, "")
        .trim()
        .split(/\s+/);
      return { name: name.replace(/^@/, ""), type: type.join(" ") };
    });
}

/** Procedures only. */
export function listProcedures(dir: string): RoutineDef[] {
  return listRoutines(dir).filter((r) => r.kind === "procedure");
}

/** Functions only (PostgreSQL). */
export function listFunctions(dir: string): RoutineDef[] {
  return listRoutines(dir).filter((r) => r.kind === "function");
}

/** Views and materialized views. */
export function listViews(dir: string): RoutineDef[] {
  return listRoutines(dir).filter((r) => r.kind === "view" || r.kind === "materialized view");
}

/** Case-insensitive lookup of a table or routine by `schema.name`. */
export function hasObject(dir: string, qualifiedName: string): boolean {
  const wanted = qualifiedName.toLowerCase();
  return [...listTables(dir), ...listRoutines(dir)].some((o) => o.qualifiedName.toLowerCase() === wanted);
}

/** `PaymentMethod` -> `payment_method`. */
export function toSnakeCase(pascal: string): string {
  return pascal
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

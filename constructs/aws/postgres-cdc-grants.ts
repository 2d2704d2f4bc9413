import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The SQL file that creates the `debezium` role, its publication and its SELECT grants (repository-relative). */
export const CDC_GRANTS_FILE = "sql/postgres/003_cdc_publication.sql";
const CDC_GRANTS_SQL = join(__dirname, "..", "..", CDC_GRANTS_FILE);

/** What the `debezium` role may SELECT in one table: every column, or only the listed ones. */
export type CdcTableGrant = { readonly allColumns: true } | { readonly allColumns: false; readonly columns: readonly string[] };

const GRANT = /GRANT\s+SELECT\s*(?:\(([^)]*)\))?\s+ON\s+(?:TABLE\s+)?([\w.,\s]+?)\s+TO\s+(\w+)\s*;/gi;

/**
 * The SELECT grants of `role` in `schema`, read from the SQL that creates them, so the Debezium
 * connector's `table.include.list` and `column.include.list` can never ask for more than the role may
 * read (a snapshot that SELECTs an ungranted column fails with "permission denied").
 */
export function readCdcGrants(role: string, schema: string, sqlText = readFileSync(CDC_GRANTS_SQL, "utf8")): Map<string, CdcTableGrant> {
  const sql = sqlText.replace(/--.*$/gm, "");
  const grants = new Map<string, CdcTableGrant>();
  for (const m of sql.matchAll(GRANT)) {
    if (m[3]!.toLowerCase() !== role) continue;
    const columns = m[1]?.split(",").map((c) => c.trim().toLowerCase());
    for (const qualified of m[2]!.split(",").map((t) => t.trim().toLowerCase())) {
      const [tableSchema, table] = qualified.split(".");
      if (tableSchema !== schema || table === undefined) continue;
      grants.set(table, columns ? { allColumns: false, columns } : { allColumns: true });
    }
  }
  return grants;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Debezium `column.include.list` entries (regular expressions over `schema.table.column`) for the
 * tables, from their grants: `schema\.table\..*` where every column is granted, one entry per granted
 * column otherwise.
 */
export function columnIncludeList(schema: string, tables: readonly string[], grants: ReadonlyMap<string, CdcTableGrant>): string[] {
  return tables.flatMap((table) => {
    const grant = grants.get(table);
    if (grant === undefined) return [];
    const prefix = `${escape(schema)}\\.${escape(table)}\\.`;
    return grant.allColumns ? [`${prefix}.*`] : grant.columns.map((c) => `${prefix}${escape(c)}`);
  });
}

/**
 * What a Synapse dedicated SQL pool rejects or mishandles, as checks over T-SQL text (comments
 * stripped). Sources: Microsoft Learn, "CREATE PROCEDURE" / "CREATE MATERIALIZED VIEW AS SELECT" /
 * "Use transactions with dedicated SQL pool" / "T-SQL feature differences in dedicated SQL pool"
 * (MERGE, IDENTITY, constraints, cursors, table variables), as summarized in issue 12.
 */
import { splitBatches, stripComments } from "./sql-catalog";

export interface Rule {
  readonly id: string;
  readonly why: string;
  /** Violations in one file's comment-free text. */
  check(code: string): string[];
}

const matches = (re: RegExp, code: string): string[] => [...code.matchAll(re)].map((m) => m[0].replace(/\s+/g, " ").slice(0, 80));

/** The procedure bodies: from CREATE PROCEDURE to the end of its batch. */
function procedures(code: string): { name: string; body: string }[] {
  return splitBatches(code)
    .map((b) => /\bCREATE\s+PROC(?:EDURE)?\s+([\w.]+)/i.exec(b))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, body: m.input.slice(m.index) }));
}

export const DEDICATED_POOL_RULES: readonly Rule[] = [
  {
    id: "no-create-or-alter",
    why: "CREATE OR ALTER is not in the dedicated pool's CREATE PROCEDURE syntax",
    check: (c) => matches(/\bCREATE\s+OR\s+ALTER\b/gi, c),
  },
  {
    id: "procedure-dropped-first",
    why: "re-runnable without OR ALTER: IF OBJECT_ID(...,'P') IS NOT NULL DROP PROCEDURE in the batch before, CREATE alone in its batch",
    check: (c) => {
      const batches = splitBatches(c);
      const out: string[] = [];
      batches.forEach((b, i) => {
        const m = /\bCREATE\s+PROC(?:EDURE)?\s+([\w.]+)/i.exec(b);
        if (!m) return;
        const name = m[1]!.replace(/\./g, "\\.");
        const prev = batches[i - 1] ?? "";
        if (
          !new RegExp(
            `IF\\s+OBJECT_ID\\s*\\(\\s*N'${name}'\\s*,\\s*N'P'\\s*\\)\\s+IS\\s+NOT\\s+NULL\\s+DROP\\s+PROCEDURE\\s+${name}\\s*;\\s*$`,
            "i",
          ).test(prev.trim())
        )
          out.push(`${m[1]}: no DROP guard in the previous batch`);
        if (b.slice(0, m.index).trim() !== "") out.push(`${m[1]}: CREATE PROCEDURE is not first in its batch`);
      });
      return out;
    },
  },
  {
    id: "min-max-view-for-append",
    why: "a materialized view with MIN/MAX needs FOR_APPEND (and is then disabled by UPDATE/DELETE of its base table)",
    check: (c) =>
      [...c.matchAll(/CREATE\s+MATERIALIZED\s+VIEW\s+([\w.]+)\s+WITH\s*\(([\s\S]*?)\)\s*AS\s+([\s\S]*?);/gi)]
        .filter((m) => /\b(MIN|MAX)\s*\(/i.test(m[3]!) && !/\bFOR_APPEND\b/i.test(m[2]!))
        .map((m) => `${m[1]} uses MIN/MAX without FOR_APPEND`),
  },
  {
    id: "no-merge",
    why: "MERGE has target restrictions (no REPLICATE target) and is avoided: UPDATE ... FROM + INSERT ... WHERE NOT EXISTS",
    check: (c) => matches(/\bMERGE\s+(INTO\s+)?[\w.]+/gi, c),
  },
  {
    id: "no-identity",
    why: "IDENTITY values are not contiguous across distributions and cannot be set on load: surrogate keys are MAX + ROW_NUMBER",
    check: (c) => matches(/\bIDENTITY\s*\(/gi, c),
  },
  {
    id: "constraints-not-enforced",
    why: "PRIMARY KEY / UNIQUE only NONCLUSTERED ... NOT ENFORCED; no FOREIGN KEY or CHECK constraints",
    check: (code) => {
      const c = code.replace(/'(?:[^']|'')*'/g, "''"); // messages may say "check(s)"
      return [
        ...matches(/\bFOREIGN\s+KEY\b/gi, c),
        ...matches(/\bREFERENCES\s+[\w.]+\s*\(/gi, c),
        ...matches(/\bCHECK\s*\(/gi, c),
        ...[...c.matchAll(/\b(PRIMARY\s+KEY|UNIQUE)\b[^,;]*/gi)]
          .filter((m) => !/NONCLUSTERED[\s\S]*NOT\s+ENFORCED/i.test(m[0]))
          .map((m) => m[0].slice(0, 60)),
      ];
    },
  },
  {
    id: "no-triggers-sequences",
    why: "dedicated pools have no triggers and no sequences",
    check: (c) => matches(/\bCREATE\s+(TRIGGER|SEQUENCE)\b|\bNEXT\s+VALUE\s+FOR\b/gi, c),
  },
  {
    id: "no-cursor-table-variable",
    why: "no cursors, no table variables",
    check: (c) => matches(/\bCURSOR\b|\bDECLARE\s+@\w+\s+TABLE\b/gi, c),
  },
  {
    id: "no-rowcount-output",
    why: "@@ROWCOUNT and OUTPUT inserted/deleted are not supported",
    check: (c) => matches(/@@ROWCOUNT|\bOUTPUT\s+(inserted|deleted)\./gi, c),
  },
  {
    id: "no-ansi-join-in-update-delete",
    why: "UPDATE/DELETE ... FROM allow no ANSI JOIN: implicit join in WHERE",
    check: (c) => matches(/\b(UPDATE|DELETE)\s+[\w.]+\s+(SET[^;]*?)?\bFROM\b[^;]*?\bJOIN\b/gi, c),
  },
  { id: "no-multi-row-values", why: "INSERT ... VALUES takes one row", check: (c) => matches(/\bVALUES\s*\([^)]*\)\s*,\s*\(/gi, c) },
  {
    id: "no-cte-before-dml",
    why: "a CTE cannot precede INSERT/UPDATE/DELETE",
    check: (c) => matches(/\bWITH\s+\w+\s+AS\s*\([\s\S]*?\)\s*(INSERT|UPDATE|DELETE)\b/gi, c),
  },
  {
    id: "no-ddl-in-procedures",
    why: "no DDL (CTAS and temp tables included) inside a user transaction; every load step runs inside usp_Load_Warehouse's transaction",
    check: (c) =>
      procedures(c).flatMap((p) =>
        matches(/\b(CREATE|DROP|ALTER|TRUNCATE)\s+(TABLE|INDEX|VIEW|MATERIALIZED)\b|\bSELECT\b[^;]*?\bINTO\s+#|#\w+/gi, p.body).map(
          (v) => `${p.name}: ${v}`,
        ),
      ),
  },
  {
    id: "one-transaction-no-nesting",
    why: "no nested transactions, no savepoints: at most one BEGIN TRANSACTION per procedure, none in a step a transaction calls",
    check: (c) => {
      const procs = procedures(c);
      const called = new Set(procs.flatMap((p) => [...p.body.matchAll(/\bEXEC\s+([\w.]+)/gi)].map((m) => m[1]!.toLowerCase())));
      return procs.flatMap((p) => {
        const begins = (p.body.match(/\bBEGIN\s+TRAN(SACTION)?\b/gi) ?? []).length;
        const out: string[] = [];
        if (begins > 1) out.push(`${p.name}: ${begins} BEGIN TRANSACTION`);
        if (begins > 0 && called.has(p.name.toLowerCase())) out.push(`${p.name}: called by another procedure but opens a transaction`);
        if (/\bSAVE\s+TRAN/i.test(p.body)) out.push(`${p.name}: SAVE TRANSACTION`);
        return out;
      });
    },
  },
  {
    id: "tables-distributed-and-guarded",
    why: "every table states its distribution (the default ROUND_ROBIN is never intended silently) and is created only when missing",
    check: (c) =>
      [...c.matchAll(/(IF\s+OBJECT_ID\s*\(\s*N'([\w.]+)'\s*,\s*N'U'\s*\)\s+IS\s+NULL\s+)?CREATE\s+TABLE\s+([\w.#]+)\s*\(/gi)]
        .filter((m) => !m[1] || m[2] !== m[3])
        .map((m) => `${m[3]}: not guarded`)
        .concat(
          [...c.matchAll(/CREATE\s+TABLE\s+([\w.]+)\s*\([\s\S]*?\)\s*(WITH\s*\(([^;]*)\))?\s*;/gi)]
            .filter((m) => !/DISTRIBUTION\s*=/i.test(m[3] ?? ""))
            .map((m) => `${m[1]}: no DISTRIBUTION`),
        ),
  },
];

/** Every rule violation in a T-SQL text, as "rule-id: detail". */
export function dedicatedPoolViolations(text: string): string[] {
  const code = stripComments(text);
  return DEDICATED_POOL_RULES.flatMap((r) => r.check(code).map((v) => `${r.id}: ${v}`));
}

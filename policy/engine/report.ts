/** Rendering of a policy report: console table, JSON file, and the violation message synth fails with. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Finding, PolicyReport } from "./types";

export const REPORT_FILE_NAME = "policy-report.json";

/** Writes the JSON report (default `<outdir>/policy-report.json`) and returns its path. */
export function writeReport(report: PolicyReport, file = join(report.outdir, REPORT_FILE_NAME)): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Unsuppressed findings that fail the run. */
export function blockingFindings(report: PolicyReport): Finding[] {
  return report.findings.filter((f) => f.status === "fail" && f.severity === "error");
}

/** The message listing every blocking finding and configuration error, or undefined when there is none. */
export function violationMessage(report: PolicyReport): string | undefined {
  const blocking = blockingFindings(report);
  if (blocking.length === 0 && report.configErrors.length === 0) return undefined;
  const lines: string[] = [];
  if (blocking.length > 0) {
    lines.push(`Policy check failed: ${blocking.length} unsuppressed error finding${blocking.length === 1 ? "" : "s"}:`);
    for (const f of blocking) {
      lines.push(`  - [${f.stack}] ${f.address} ${f.ruleId}: ${f.message}`);
      if (f.fix) lines.push(`      fix: ${f.fix}`);
    }
  }
  if (report.configErrors.length > 0) {
    lines.push(`Policy configuration error${report.configErrors.length === 1 ? "" : "s"}:`);
    for (const e of report.configErrors) lines.push(`  - [${e.stack}] ${e.message}`);
  }
  lines.push(
    "Fix the resource, or suppress one rule on one resource with a reason (policy.suppressions in the environment file, or suppress() next to the construct).",
  );
  return lines.join("\n");
}

export class PolicyViolationError extends Error {
  constructor(
    message: string,
    readonly report: PolicyReport,
  ) {
    super(message);
    this.name = "PolicyViolationError";
  }
}

/** Throws a `PolicyViolationError` naming stack, address, rule id and fix of every blocking finding. */
export function assertNoViolations(report: PolicyReport): void {
  const message = violationMessage(report);
  if (message) throw new PolicyViolationError(message, report);
}

/**
 * A fixed-width table; `below` puts a line under a row, indented, never clipped (resource addresses
 * are longer than a column and must stay whole to be copied into a suppression).
 */
function table(headers: string[], rows: string[][], maxWidths: number[], below: readonly string[] = []): string {
  const clip = (s: string, w: number): string => (s.length > w ? `${s.slice(0, w - 1)}…` : s);
  const cells = [headers, ...rows].map((r) => r.map((c, i) => clip(c, maxWidths[i] ?? 200)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const body = cells.slice(1).flatMap((r, i) => (below[i] ? [line(r), `  ${below[i]}`] : [line(r)]));
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...body].join("\n");
}

/**
 * A console table: per-stack totals, then every failing and suppressed finding (passes too with
 * `all: true`), each with its whole resource address on the line below.
 */
export function formatReport(report: PolicyReport, opts: { all?: boolean } = {}): string {
  const out: string[] = [];
  out.push(
    table(
      ["STACK", "PACKS", "RESOURCES", "PASS", "FAIL(ERROR)", "FAIL(WARN)", "SUPPRESSED"],
      report.stacks.map((s) => {
        const f = report.findings.filter((x) => x.stack === s.name);
        const open = f.filter((x) => x.status === "fail");
        return [
          s.name,
          s.packs.join("+") + (s.defaulted ? " (default: no environment config)" : ""),
          String(s.resources),
          String(f.filter((x) => x.status === "pass").length),
          String(open.filter((x) => x.severity === "error").length),
          String(open.filter((x) => x.severity === "warning").length),
          String(f.filter((x) => x.status === "suppressed").length),
        ];
      }),
      [24, 60, 10, 6, 12, 12, 12],
    ),
  );
  const order = { fail: 0, suppressed: 1, pass: 2 } as const;
  const shown = report.findings
    .filter((f) => opts.all || f.status !== "pass")
    .sort(
      (a, b) =>
        a.stack.localeCompare(b.stack) ||
        order[a.status] - order[b.status] ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.address.localeCompare(b.address),
    );
  if (shown.length > 0) {
    out.push("");
    out.push(
      table(
        ["STACK", "STATUS", "SEVERITY", "RULE", "MESSAGE / SUPPRESSION REASON (resource address below)"],
        shown.map((f) => [
          f.stack,
          f.status.toUpperCase(),
          f.severity,
          f.ruleId,
          f.status === "suppressed" ? `suppressed (${f.suppressionSource}): ${f.suppressionReason}` : f.message,
        ]),
        [20, 10, 8, 12, 160],
        shown.map((f) => `resource: ${f.address}`),
      ),
    );
  }
  for (const e of report.configErrors) out.push(`CONFIG ERROR [${e.stack}] ${e.message}`);
  const s = report.summary;
  out.push("");
  out.push(
    `${report.rules.length} rules, ${report.stacks.length} stack(s): ${s.pass} pass, ${s.errors} error, ${s.warnings} warning, ${s.suppressed} suppressed, ${report.configErrors.length} config error(s) in ${report.durationMs} ms`,
  );
  return out.join("\n");
}

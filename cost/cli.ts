/**
 * npm run cost [-- [outDir] [--compare-to old.json] [--fail-over-budget [--allow-incomplete]] [--stack name] [--usage-dir dir] [--quiet]]
 *
 * Reads cdktf.out/stacks/<stack>/cdk.tf.json, prices every resource with cost/pricebook and the
 * stack's usage file (cost/usage/<stack>.json), prints a breakdown per stack and a side-by-side
 * table, writes <outDir>/cost-report.json. Exit codes: 0 ok, 1 error, 2 with --fail-over-budget
 * when a stack is over budget or incomplete (a billable line not priced, so its total is only a
 * lower bound); --allow-incomplete lets incomplete stacks pass.
 */
import * as fs from "fs";
import * as path from "path";
import { buildReport, estimateStack, listStacks, readStack } from "./engine";
import { loadPriceBook } from "./pricebook";
import { compareReports, formatComparison, formatSideBySide, formatStack, incomplete, overBudget } from "./report";
import { CostReport } from "./types";
import { loadUsageDefaults, loadUsageFile } from "./usage";
import { STACK_SETTINGS_FILE, StackSettingsById } from "../tfjson/stack-settings";

export interface CliOptions {
  readonly outDir: string;
  readonly compareTo?: string;
  readonly failOverBudget: boolean;
  /** With failOverBudget: do not fail on stacks whose estimate is incomplete. @default false */
  readonly allowIncomplete: boolean;
  readonly stacks: readonly string[];
  readonly quiet: boolean;
  /** Folder of the per-stack usage files. @default cost/usage */
  readonly usageDir?: string;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  let outDir = "cdktf.out";
  let compareTo: string | undefined;
  let failOverBudget = false;
  let allowIncomplete = false;
  let quiet = false;
  let usageDir: string | undefined;
  const stacks: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--compare-to") {
      compareTo = argv[++i];
      if (!compareTo) throw new Error("--compare-to needs a file (a cost-report.json from an earlier run)");
    } else if (a.startsWith("--compare-to=")) compareTo = a.slice("--compare-to=".length);
    else if (a === "--fail-over-budget") failOverBudget = true;
    else if (a === "--allow-incomplete") allowIncomplete = true;
    else if (a === "--quiet") quiet = true;
    else if (a === "--stack") stacks.push(argv[++i]);
    else if (a === "--usage-dir") usageDir = argv[++i];
    else if (a === "--help" || a === "-h")
      throw new Error(
        "usage: npm run cost -- [outDir] [--compare-to old.json] [--fail-over-budget [--allow-incomplete]] [--stack name] [--usage-dir dir] [--quiet]",
      );
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else outDir = a;
  }
  if (allowIncomplete && !failOverBudget) throw new Error("--allow-incomplete only qualifies --fail-over-budget");
  return { outDir, compareTo, failOverBudget, allowIncomplete, stacks, quiet, ...(usageDir ? { usageDir } : {}) };
}

/** Budgets from the environment files (owned by the platform team), as synth wrote them beside the stacks. */
export function loadBudgets(outDir: string): Record<string, number> {
  const file = path.join(outDir, STACK_SETTINGS_FILE);
  const settings = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as StackSettingsById) : {};
  const out: Record<string, number> = {};
  for (const [id, s] of Object.entries(settings)) if (s.budgetUsd !== undefined) out[id] = s.budgetUsd;
  return out;
}

export function run(
  opts: CliOptions,
  budgets: Record<string, number>,
  log: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
): { report: CostReport; exitCode: number } {
  const prices = loadPriceBook();
  const usageDefaults = loadUsageDefaults();
  let names = listStacks(opts.outDir);
  if (names.length === 0) throw new Error(`no stacks in ${opts.outDir}: run \`npm run synth\` first`);
  if (opts.stacks.length > 0) names = names.filter((n) => opts.stacks.includes(n));
  const stacks = names.map((name) => {
    const { file, usage } = loadUsageFile(name, opts.usageDir);
    return estimateStack(name, readStack(opts.outDir, name), { prices, usage, usageDefaults, usageFile: file, budgetUsd: budgets[name] });
  });
  const report = buildReport(stacks, prices);
  if (!opts.quiet) for (const s of stacks) log(`${formatStack(s)}\n`);
  log(formatSideBySide(report));
  const outFile = path.join(opts.outDir, "cost-report.json");
  if (opts.compareTo) {
    const old = JSON.parse(fs.readFileSync(opts.compareTo, "utf8")) as CostReport;
    log(`\n${formatComparison(compareReports(old, report), opts.compareTo)}`);
  }
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nWrote ${outFile}`);
  const over = overBudget(report);
  if (over.length > 0)
    log(`Over budget: ${over.map((s) => `${s.stack} ($${s.totalMonthlyCost.toFixed(2)} > $${s.budgetUsd?.toFixed(2)})`).join(", ")}`);
  const partial = incomplete(report);
  if (partial.length > 0)
    log(
      `Incomplete (a billable line not priced, total is a lower bound): ${partial.map((s) => `${s.stack} (${s.unpricedLines.length})`).join(", ")}`,
    );
  const failing = over.length > 0 || (partial.length > 0 && !opts.allowIncomplete);
  return { report, exitCode: opts.failOverBudget && failing ? 2 : 0 };
}

if (require.main === module) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const { exitCode } = run(opts, loadBudgets(opts.outDir));
    process.exitCode = exitCode;
  } catch (e) {
    process.stderr.write(`cost: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

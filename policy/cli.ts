/**
 * npm run policy [-- <cdktf output dir>] [--all]
 *
 * Evaluates every stack listed in <dir>/manifest.json (default cdktf.out) with the packs and
 * suppressions of its environment, as synth wrote them to <dir>/stack-settings.json (baseline for unknown stacks), prints a table, writes
 * <dir>/policy-report.json and exits 1 on unsuppressed error findings or configuration errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { STACK_SETTINGS_FILE, StackSettingsById } from "../tfjson/stack-settings";
import { evaluateOutdir } from "./engine/evaluate";
import { formatReport, violationMessage, writeReport } from "./engine/report";
import type { StackPolicyConfig } from "./engine/types";

function readSettings(dir: string): StackSettingsById {
  const file = join(dir, STACK_SETTINGS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StackSettingsById) : {};
}

function main(argv: string[]): number {
  const all = argv.includes("--all");
  const dir = resolve(argv.find((a) => !a.startsWith("--")) ?? "cdktf.out");
  const configs = Object.fromEntries(Object.entries(readSettings(dir)).map(([id, s]) => [id, s.policy as StackPolicyConfig]));
  const report = evaluateOutdir(dir, configs);
  for (const s of report.stacks.filter((x) => x.defaulted)) {
    console.warn(`note: no environment configures stack "${s.name}"; evaluating it with the baseline pack`);
  }
  console.log(formatReport(report, { all }));
  const file = writeReport(report);
  console.log(`report written to ${file}`);
  const message = violationMessage(report);
  if (message) {
    console.error(`\n${message}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}

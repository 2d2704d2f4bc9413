/**
 * Per-stack settings from the environment files that the tools reading cdktf.out need (policy packs and
 * suppressions, the monthly budget). main.ts, which builds the stacks, writes them beside the manifest, so
 * `npm run policy` and `npm run cost` read the output folder and never load the environment registry.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const STACK_SETTINGS_FILE = "stack-settings.json";

/** What one environment says about its stack; the policy engine validates pack names and suppressions. */
export interface StackSettings {
  readonly policy: {
    readonly packs: readonly string[];
    readonly suppressions?: readonly { readonly ruleId: string; readonly resource: string; readonly reason: string }[];
  };
  /** @default - no budget */
  readonly budgetUsd?: number;
}

/** Stack id (`azure-dev`, `aws-prod`, ...) -> its settings. */
export type StackSettingsById = Readonly<Record<string, StackSettings>>;

export function writeStackSettings(outdir: string, settings: StackSettingsById): string {
  const file = join(outdir, STACK_SETTINGS_FILE);
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return file;
}

export function readStackSettings(outdir: string): StackSettingsById {
  const file = join(outdir, STACK_SETTINGS_FILE);
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run synth\` first (it writes the per-stack settings)`);
  return JSON.parse(readFileSync(file, "utf8")) as StackSettingsById;
}

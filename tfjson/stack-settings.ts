/**
 * Per-stack settings from the environment files that the tools reading cdktf.out need (policy packs and
 * suppressions, the monthly budget). main.ts, which builds the stacks, writes them beside the manifest, so
 * `npm run policy` and `npm run cost` read the output folder and never load the environment registry. A folder
 * without the file (synthesized elsewhere) has no settings: every stack gets the baseline pack and no budget.
 */
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

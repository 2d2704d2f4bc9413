import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { AZURE_ENVIRONMENTS } from "./environments";
import { AWS_ENVIRONMENTS } from "./environments/aws-index";
import { EnvironmentConfigError, StackInputError, buildStack } from "./environments/checks";
import { EnvironmentConfigErrors, validateAllEnvironments } from "./environments/validate-all";
import { evaluateOutdir, formatReport, StackPolicyConfig, violationMessage, writeReport } from "./policy";
import { rerunWithSourceMaps } from "./scripts/crash-trace";
import { synthSummary } from "./scripts/synth-summary";
import { STACK_SETTINGS_FILE, StackSettings } from "./tfjson/stack-settings";

// Wiring only: validate every environment before building anything, one stack per environment,
// then the policy pass over what was synthesized, and where everything was written.
// SYNTH_STACKS=azure-dev,aws-dev synthesizes a subset (used by `npm run bench`); default: all stacks.
const only = (process.env.SYNTH_STACKS ?? "").split(",").filter((s) => s.length > 0);
const wanted = (stackId: string): boolean => only.length === 0 || only.includes(stackId);

function main(): void {
  const valid = validateAllEnvironments(AZURE_ENVIRONMENTS, AWS_ENVIRONMENTS);
  const azure = valid.azure.filter((env) => wanted(`azure-${env.name}`));
  const aws = valid.aws.filter((env) => wanted(`aws-${env.name}`));

  const app = new App();
  // Each cloud's constructs and provider modules load only when one of its stacks is synthesized.
  if (azure.length > 0) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AzurePlatformStack } = require("./stacks/azure-platform-stack") as typeof import("./stacks/azure-platform-stack");
    for (const env of azure) {
      const id = `azure-${env.name}`;
      buildStack(id, () => new AzurePlatformStack(app, id, { environment: env }));
    }
  }
  if (aws.length > 0) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AwsPlatformStack } = require("./stacks/aws-platform-stack") as typeof import("./stacks/aws-platform-stack");
    for (const env of aws) {
      const id = `aws-${env.name}`;
      buildStack(id, () => new AwsPlatformStack(app, id, { environment: env }));
    }
  }
  app.synth();

  // Every validated environment, not only the synthesized subset: a suppression for a stack that was not
  // synthesized is still reported by the policy engine.
  const envs = [
    ...valid.azure.map((env) => [`azure-${env.name}`, env] as const),
    ...valid.aws.map((env) => [`aws-${env.name}`, env] as const),
  ];
  const settings: Record<string, StackSettings> = {};
  const policy: Record<string, StackPolicyConfig> = {};
  for (const [id, env] of envs) {
    policy[id] = env.policy;
    settings[id] = { policy: env.policy, ...(env.budget ? { budgetUsd: env.budget.monthlyAmountUsd } : {}) };
  }
  writeFileSync(join(app.outdir, STACK_SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);

  const report = evaluateOutdir(app.outdir, policy);
  const reportFile = writeReport(report);
  console.log(formatReport(report));
  console.log(`\n${synthSummary(app.outdir, reportFile)}`);
  const violations = violationMessage(report);
  if (violations !== undefined) {
    // Exit non-zero without a stack trace: the message names stack, resource, rule id and the fix.
    console.error(violations);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  // A configuration error already names environment (or stack), field, value and what is allowed: no stack trace needed.
  const explained = error instanceof EnvironmentConfigError || error instanceof EnvironmentConfigErrors || error instanceof StackInputError;
  if (explained) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    const code = rerunWithSourceMaps(error);
    if (code === undefined) console.error(error);
    process.exitCode = code ?? 1;
  }
}

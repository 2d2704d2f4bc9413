import { App } from "cdktf";
import { AZURE_ENVIRONMENTS } from "./environments";
import { AWS_ENVIRONMENTS } from "./environments/aws-index";
import { validateAwsEnvironment } from "./environments/aws-validate";
import { validateAzureEnvironment, validateEnvironmentSet } from "./environments/validate";
import { evaluateOutdir, formatReport, policyConfigs, violationMessage, writeReport } from "./policy";
import { AwsPlatformStack } from "./stacks/aws-platform-stack";
import { AzurePlatformStack } from "./stacks/azure-platform-stack";

// Wiring only: validate every environment before building anything, one stack per environment,
// then the policy pass over what was synthesized.
// SYNTH_STACKS=azure-dev,aws-dev synthesizes a subset (used by `npm run bench`); default: all stacks.
const only = (process.env.SYNTH_STACKS ?? "").split(",").filter((s) => s.length > 0);
const wanted = (stackId: string): boolean => only.length === 0 || only.includes(stackId);

const app = new App();

validateEnvironmentSet(AZURE_ENVIRONMENTS);
for (const env of AZURE_ENVIRONMENTS.map(validateAzureEnvironment)) {
  const id = `azure-${env.name}`;
  if (wanted(id)) new AzurePlatformStack(app, id, { environment: env });
}
for (const env of AWS_ENVIRONMENTS.map(validateAwsEnvironment)) {
  const id = `aws-${env.name}`;
  if (wanted(id)) new AwsPlatformStack(app, id, { environment: env });
}

app.synth();

const report = evaluateOutdir(app.outdir, policyConfigs());
writeReport(report);
console.log(formatReport(report));
const violations = violationMessage(report);
if (violations !== undefined) {
  // Exit non-zero without a stack trace: the message names stack, resource, rule id and the fix.
  console.error(violations);
  process.exitCode = 1;
}

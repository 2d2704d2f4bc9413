import { App } from "cdktf";
import { AZURE_ENVIRONMENTS } from "./environments";
import { validateAzureEnvironment, validateEnvironmentSet } from "./environments/validate";
import { AzurePlatformStack } from "./stacks/azure-platform-stack";
import { AWS_ENVIRONMENTS } from "./environments/aws-index";
import { validateAwsEnvironment } from "./environments/aws-validate";
import { AwsPlatformStack } from "./stacks/aws-platform-stack";

// Wiring only: validate every environment before building anything, then one stack per environment.
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
  if (wanted(`aws-${env.name}`)) new AwsPlatformStack(app, `aws-${env.name}`, { environment: env });
}

app.synth();

import { App } from "cdktf";
import { AZURE_ENVIRONMENTS } from "./environments";
import { validateAzureEnvironment, validateEnvironmentSet } from "./environments/validate";
import { AzurePlatformStack } from "./stacks/azure-platform-stack";

// Wiring only: validate every environment before building anything, then one stack per environment.
const app = new App();

validateEnvironmentSet(AZURE_ENVIRONMENTS);
for (const env of AZURE_ENVIRONMENTS) {
  new AzurePlatformStack(app, `azure-${env.name}`, { environment: validateAzureEnvironment(env) });
}

app.synth();

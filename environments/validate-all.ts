import { AwsEnvironment } from "./aws-types";
import { validateAwsEnvironment, validateAwsEnvironmentSet } from "./aws-validate";
import { AzureEnvironment } from "./types";
import { validateAzureEnvironment, validateEnvironmentSet } from "./validate";

/** The environments that passed every check, per cloud. */
export interface ValidatedEnvironments {
  readonly azure: readonly AzureEnvironment[];
  readonly aws: readonly AwsEnvironment[];
}

/**
 * Every check `main.ts` runs before a construct is built: each file (shape first, then its rules), then
 * each cloud's set (names, subscriptions or accounts, state objects, networks). Throws the first
 * `EnvironmentConfigError`.
 */
export function validateAllEnvironments(azure: readonly AzureEnvironment[], aws: readonly AwsEnvironment[]): ValidatedEnvironments {
  const valid = { azure: azure.map(validateAzureEnvironment), aws: aws.map(validateAwsEnvironment) };
  validateEnvironmentSet(valid.azure);
  validateAwsEnvironmentSet(valid.aws);
  return valid;
}

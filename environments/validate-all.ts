import { AwsEnvironment } from "./aws-types";
import { validateAwsEnvironment } from "./aws-validate";
import { AzureEnvironment } from "./types";
import { validateAzureEnvironment, validateEnvironmentSet } from "./validate";

/** The environments that passed every check, per cloud. */
export interface ValidatedEnvironments {
  readonly azure: readonly AzureEnvironment[];
  readonly aws: readonly AwsEnvironment[];
}

/**
 * Every check `main.ts` runs before a construct is built. Throws the first `EnvironmentConfigError`.
 */
export function validateAllEnvironments(azure: readonly AzureEnvironment[], aws: readonly AwsEnvironment[]): ValidatedEnvironments {
  validateEnvironmentSet(azure);
  return { azure: azure.map(validateAzureEnvironment), aws: aws.map(validateAwsEnvironment) };
}

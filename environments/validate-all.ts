import { AwsEnvironment } from "./aws-types";
import { validateAwsEnvironment, validateAwsEnvironmentSet } from "./aws-validate";
import { EnvironmentConfigError } from "./checks";
import { AzureEnvironment } from "./types";
import { validateAzureEnvironment, validateEnvironmentSet } from "./validate";

/** The environments that passed every check, per cloud. */
export interface ValidatedEnvironments {
  readonly azure: readonly AzureEnvironment[];
  readonly aws: readonly AwsEnvironment[];
}

/** Several environment files are invalid: one block per file, each led by its cloud. */
export class EnvironmentConfigErrors extends Error {
  constructor(readonly errors: readonly { readonly cloud: "azure" | "aws"; readonly error: EnvironmentConfigError }[]) {
    super(errors.map((e) => `[${e.cloud}] ${e.error.message}`).join("\n"));
    this.name = "EnvironmentConfigErrors";
  }
}

/**
 * Every check `main.ts` runs before a construct is built: each file (shape first, then its rules), then
 * each cloud's set (names, subscriptions or accounts, state objects, networks). The set checks run once
 * every file is valid. Throws an `EnvironmentConfigError` for one invalid file, `EnvironmentConfigErrors`
 * for several.
 */
export function validateAllEnvironments(azure: readonly AzureEnvironment[], aws: readonly AwsEnvironment[]): ValidatedEnvironments {
  const failed: { cloud: "azure" | "aws"; error: EnvironmentConfigError }[] = [];
  const each = <T>(cloud: "azure" | "aws", envs: readonly T[], validate: (env: T) => T): T[] =>
    envs.flatMap((env) => {
      try {
        return [validate(env)];
      } catch (error) {
        if (!(error instanceof EnvironmentConfigError)) throw error;
        failed.push({ cloud, error });
        return [];
      }
    });
  const valid = { azure: each("azure", azure, validateAzureEnvironment), aws: each("aws", aws, validateAwsEnvironment) };
  if (failed.length === 1) throw failed[0].error;
  if (failed.length > 1) throw new EnvironmentConfigErrors(failed);
  validateEnvironmentSet(valid.azure);
  validateAwsEnvironmentSet(valid.aws);
  return valid;
}

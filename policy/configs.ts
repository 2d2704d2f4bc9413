/** The policy configuration of every known stack, read from the environment registries. */
import { AZURE_ENVIRONMENTS } from "../environments";
import type { StackPolicyConfig } from "./engine/types";

interface EnvironmentWithPolicy {
  readonly name: string;
  readonly policy?: StackPolicyConfig;
}

/** `azure-<env>` and `aws-<env>` -> the environment's `policy` (AWS registry optional until it exists). */
export function policyConfigs(): Record<string, StackPolicyConfig> {
  const configs: Record<string, StackPolicyConfig> = {};
  for (const env of AZURE_ENVIRONMENTS) configs[`azure-${env.name}`] = env.policy;
  for (const env of awsEnvironments()) if (env.policy) configs[`aws-${env.name}`] = env.policy;
  return configs;
}

/** environments/aws-index.ts exports AWS_ENVIRONMENTS; absent while the AWS side is being written. */
function awsEnvironments(): readonly EnvironmentWithPolicy[] {
  let mod: { AWS_ENVIRONMENTS?: readonly EnvironmentWithPolicy[] };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../environments/aws-index") as typeof mod;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "MODULE_NOT_FOUND" && String(err.message).includes("aws-index")) return [];
    throw e;
  }
  return mod.AWS_ENVIRONMENTS ?? [];
}

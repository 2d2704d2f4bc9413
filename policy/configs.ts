/** The policy configuration of every known stack, read from the environment registries. */
import { AZURE_ENVIRONMENTS } from "../environments";
import { AWS_ENVIRONMENTS } from "../environments/aws-index";
import type { StackPolicyConfig } from "./engine/types";

/** `azure-<env>` and `aws-<env>` -> the environment's `policy`. */
export function policyConfigs(): Record<string, StackPolicyConfig> {
  const configs: Record<string, StackPolicyConfig> = {};
  for (const env of AZURE_ENVIRONMENTS) configs[`azure-${env.name}`] = env.policy;
  for (const env of AWS_ENVIRONMENTS) configs[`aws-${env.name}`] = env.policy;
  return configs;
}

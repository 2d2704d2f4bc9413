/** AWS conveniences over the one synth helper (test/helpers/synth.ts): environments and their variants. */
import { Testing, TerraformStack } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AwsNaming } from "../../constructs/aws/naming";
import { awsDev } from "../../environments/aws-dev";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { AwsEnvironment } from "../../environments/aws-types";

export { AWS_ENVIRONMENTS, awsDev };

/** A deep-cloned dev environment with overrides, for validation tests. */
export function devWith(mutate: (env: any) => void): AwsEnvironment {
  const env = structuredClone(awsDev) as any;
  mutate(env);
  return env as AwsEnvironment;
}

/** Dev switched back to Redshift (dev runs Snowflake; Airflow's nightly DAG needs Redshift). */
export function devOnRedshift(env: any): void {
  env.warehouse = "redshift";
  delete env.snowflake;
  delete env.cdc.snowflakeSinkPlugin;
}

/** An empty AWS stack for construct tests: a provider, a stand-in CMK and dev naming. */
export function awsTestbed() {
  const stack = new TerraformStack(Testing.app(), "t");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const key = new KmsKey(stack, "key", { enableKeyRotation: true });
  const naming = new AwsNaming({ workload: "pay", environment: "dev", region: "eu-west-1", uniqueSeed: "111111111111" });
  return { stack, key, naming };
}

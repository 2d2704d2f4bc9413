/** AWS conveniences over the one synth helper (test/helpers/synth.ts): environments and their variants. */
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

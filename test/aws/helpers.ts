import { TerraformResource, Testing } from "cdktf";
import { awsDev } from "../../environments/aws-dev";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { AwsEnvironment } from "../../environments/aws-types";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";

/** Synthesized Terraform JSON of a stack. */
export interface SynthJson {
  readonly terraform: { readonly backend: Record<string, Record<string, unknown>>; readonly required_version?: string };
  readonly provider: { readonly aws: readonly Record<string, unknown>[] };
  readonly resource: Record<string, Record<string, Record<string, any>>>;
  readonly output?: Record<string, { value: unknown }>;
}

export interface SynthResult {
  readonly text: string;
  readonly json: SynthJson;
  /** Terraform type and logical id of every resource whose provider schema has `tags`. */
  readonly taggable: readonly { readonly type: string; readonly id: string }[];
}

const cache = new Map<string, SynthResult>();

/** Synthesizes an environment's stack once per test file (with construct validations). */
export function synthAws(env: AwsEnvironment): SynthResult {
  const hit = cache.get(env.name);
  if (hit) return hit;
  const app = Testing.app();
  const stack = new AwsPlatformStack(app, `aws-${env.name}`, { environment: validateAwsEnvironment(env) });
  const text = Testing.synth(stack, true);
  const taggable = stack.node
    .findAll()
    .filter((n): n is TerraformResource => n instanceof TerraformResource && "tagsInput" in n)
    .map((r) => ({ type: r.terraformResourceType, id: stack.getLogicalId(r) }));
  const result = { text, json: JSON.parse(text) as SynthJson, taggable };
  cache.set(env.name, result);
  return result;
}

/** Every resource of a type, as [logical id, body] pairs. */
export function resourcesOf(json: SynthJson, type: string): [string, Record<string, any>][] {
  return Object.entries(json.resource[type] ?? {});
}

/** The one resource of a type (fails when there are zero or several). */
export function onlyResource(json: SynthJson, type: string): Record<string, any> {
  const all = resourcesOf(json, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0][1];
}

/** A resource whose logical id starts with a construct path prefix (e.g. `raw-zone_`). */
export function resourceById(json: SynthJson, type: string, idPrefix: string): Record<string, any> {
  const hit = resourcesOf(json, type).find(([id]) => id.startsWith(idPrefix));
  if (!hit) throw new Error(`no ${type} with id starting ${idPrefix}`);
  return hit[1];
}

/** `${aws_x.y.attr}` of a logical id: how one resource references another in the JSON. */
export function ref(type: string, id: string, attr: string): string {
  return `\${${type}.${id}.${attr}}`;
}

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

/**
 * The one way tests synthesize and query stacks. `synthAzure(env)` / `synthAws(env)` build an environment's
 * platform stack the way main.ts does and cache it by the environment's content; `synthesize(stack)` runs the
 * same synth on a stack a test built itself (a construct testbed, a loosened stack). All of them return a
 * `SynthesizedStack`: the JSON, its text and queries over the repository's Terraform-JSON model (tfjson/).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TerraformStack, Testing } from "cdktf";
import type { AwsEnvironment } from "../../environments/aws-types";
import type { AzureEnvironment } from "../../environments/types";
import type { AzurePlatformStack } from "../../stacks/azure-platform-stack";
import { ReferenceFilter, TfResource, TfStack, blocks } from "../../tfjson";

/** A resource or data source of a synthesized stack; `config` is typed loosely for assertions. */
export type SynthResource = TfResource & { readonly config: Record<string, any> };

/** The parsed cdk.tf.json, typed loosely for assertions. */
export interface SynthJson {
  readonly resource: Record<string, Record<string, Record<string, any>>>;
  readonly [block: string]: any;
}

/** Synthesized Terraform JSON of one stack, with queries. */
export class SynthesizedStack {
  /** The parsed cdk.tf.json (without cdktf's `//` metadata), for direct reads such as `json.terraform.backend`. */
  readonly json: SynthJson;
  /** The same document as the policy engine, cost estimator and diagram read it. */
  readonly model: TfStack;

  constructor(
    /** The cdk.tf.json text: what the cdktf jest matchers (`toHaveResourceWithProperties`) take. */
    readonly text: string,
    stackId = "stack",
  ) {
    this.json = JSON.parse(text);
    this.model = new TfStack(stackId, this.json);
  }

  /** Managed resources in document order, optionally of one type. */
  resources(type?: string): SynthResource[] {
    return (type === undefined ? this.model.resources : this.model.ofType(type)) as SynthResource[];
  }

  /** The configurations of every resource of a type. */
  configs(type: string): Record<string, any>[] {
    return this.resources(type).map((r) => r.config);
  }

  /** Every resource of a type as [logical id, configuration] pairs. */
  entries(type: string): [string, Record<string, any>][] {
    return this.resources(type).map((r) => [r.name, r.config]);
  }

  /** The resources of a type whose logical id contains `idPart`. */
  matching(type: string, idPart: string): SynthResource[] {
    return this.resources(type).filter((r) => r.name.includes(idPart));
  }

  /** The one resource of a type whose logical id contains `idPart` (any id when omitted); fails listing what it found otherwise. */
  only(type: string, idPart = ""): SynthResource {
    return exactlyOne(this.matching(type, idPart), `${type}${idPart ? ` with an id containing "${idPart}"` : ""}`);
  }

  /** The one resource of a type whose logical id starts with a construct path prefix (e.g. `raw-zone_`). */
  byIdPrefix(type: string, idPrefix: string): SynthResource {
    const found = this.resources(type).filter((r) => r.name.startsWith(idPrefix));
    return exactlyOne(found, `${type} with an id starting "${idPrefix}"`);
  }

  /** A resource or data source by address (`type.name`, `data.type.name`). */
  get(address: string): SynthResource | undefined {
    return this.model.get(address) as SynthResource | undefined;
  }

  /** Data sources in document order, optionally of one type. */
  data(type?: string): SynthResource[] {
    return this.model.dataSources.filter((d) => type === undefined || d.type === type) as SynthResource[];
  }

  /** The stack's outputs by name. */
  get outputs(): Record<string, { value: any; [key: string]: any }> {
    return this.json.output ?? {};
  }

  /** Resources that reference `target`, optionally only of some types and through an attribute path. */
  referrers(target: TfResource, filter: ReferenceFilter = {}): SynthResource[] {
    return this.model.referrers(target, filter) as SynthResource[];
  }

  /** The resources of `type` whose attribute `attr` references `target` (`${<target address>.<x>}`). */
  referencing(type: string, attr: string, target: TfResource): SynthResource[] {
    return this.referrers(target, { type, attribute: attr });
  }
}

function exactlyOne(found: SynthResource[], what: string): SynthResource {
  if (found.length !== 1)
    throw new Error(`expected exactly one ${what}, found ${found.length}: ${found.map((r) => r.name).join(", ") || "none"}`);
  return found[0]!;
}

/**
 * `${type.id.attr}`: how one resource references another in the JSON. The target is a resource, its
 * address (`type.id`) or its type and id; the attribute defaults to `id`.
 */
export function ref(target: TfResource | string, attr?: string): string;
export function ref(type: string, id: string, attr: string): string;
export function ref(target: TfResource | string, second?: string, third?: string): string {
  if (third !== undefined) return `\${${target as string}.${second}.${third}}`;
  const address = typeof target === "string" ? target : target.address;
  return `\${${address}.${second ?? "id"}}`;
}

/** A nested block that Terraform JSON may carry as an object or a one-element array. */
export function block(value: unknown): Record<string, any> | undefined {
  return blocks(value)[0];
}

/** Synthesizes a stack a test built (construct validations included), uncached. */
export function synthesize(stack: TerraformStack): SynthesizedStack {
  return new SynthesizedStack(Testing.synth(stack, true), stack.node.id);
}

/** Synthesizes a stack's whole app to disk, as `cdktf synth` does; `outdir` holds the assets beside cdk.tf.json. */
export function fullSynthesize(stack: TerraformStack): { outdir: string; synthesized: SynthesizedStack } {
  const outdir = Testing.fullSynth(stack);
  const text = readFileSync(join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8");
  return { outdir, synthesized: new SynthesizedStack(text, stack.node.id) };
}

export type Cloud = "azure" | "aws";

/**
 * The cache key of an environment's stack: a hash of the cloud and the environment's content, so a
 * mutated copy (or an object mutated after its synth) never gets another environment's result. `undefined`
 * values are kept apart from missing keys (JSON.stringify would drop them); anything that is not plain
 * data is refused rather than hashed wrongly.
 */
export function synthCacheKey(cloud: Cloud, env: AzureEnvironment | AwsEnvironment): string {
  const content = JSON.stringify([cloud, env], (_key, value: unknown) => {
    if (value === undefined) return "\u0000undefined";
    if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
      throw new Error(`synthCacheKey: ${typeof value} in environment "${env.name}" cannot be hashed`);
    if (value instanceof Map || value instanceof Set)
      throw new Error(`synthCacheKey: Map/Set in environment "${env.name}" cannot be hashed`);
    return value;
  });
  return createHash("sha256").update(content).digest("hex").slice(0, 32);
}

const synthesized = new Map<string, SynthesizedStack>();
const built = new Map<string, TerraformStack>();

/**
 * Jest gives every test file its own module registry, so the in-memory caches live as long as one file.
 * The run's temp folder (test/run-tmpdir.js, removed at the end of the run) carries the JSON text between
 * files and workers: one synth per distinct environment per run. Every jest run (watch re-runs and each
 * Stryker mutant run, a `runCLI` of its own, included) gets a new folder, so changed code never meets a
 * stack synthesized before the change. Outside jest there is only memory.
 */
function diskCacheFile(key: string): string | undefined {
  const runDir = process.env["PAYMENTS_TEST_RUN_TMPDIR"];
  if (!runDir) return undefined;
  const dir = join(runDir, "synth-cache");
  mkdirSync(dir, { recursive: true });
  return join(dir, `${key}.json`);
}

function readIfPresent(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

type Environment = AzureEnvironment | AwsEnvironment;

function platformStack(cloud: Cloud, env: Environment, key = synthCacheKey(cloud, env)): TerraformStack {
  let stack = built.get(key);
  if (!stack) {
    const id = `${cloud}-${env.name}`;
    // Each cloud's stack module loads on first use: an AWS-only test file does not load the Azure provider classes.
    if (cloud === "azure") {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { AzurePlatformStack } = require("../../stacks/azure-platform-stack") as typeof import("../../stacks/azure-platform-stack");
      stack = new AzurePlatformStack(Testing.app(), id, { environment: env as AzureEnvironment });
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { AwsPlatformStack } = require("../../stacks/aws-platform-stack") as typeof import("../../stacks/aws-platform-stack");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { validateAwsEnvironment } = require("../../environments/aws-validate") as typeof import("../../environments/aws-validate");
      stack = new AwsPlatformStack(Testing.app(), id, { environment: validateAwsEnvironment(env as AwsEnvironment) });
    }
    built.set(key, stack);
  }
  return stack;
}

function synthEnvironment(cloud: Cloud, env: Environment): SynthesizedStack {
  const key = synthCacheKey(cloud, env);
  const hit = synthesized.get(key);
  if (hit) return hit;
  const file = diskCacheFile(key);
  let text = readIfPresent(file);
  if (text === undefined) {
    text = Testing.synth(platformStack(cloud, env, key), true);
    if (file) {
      // Write then rename: another worker never reads a half-written file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
  }
  const result = new SynthesizedStack(text, `${cloud}-${env.name}`);
  synthesized.set(key, result);
  return result;
}

/** The Azure platform stack of an environment, synthesized (the environment as given: validation tests call the validator). */
export function synthAzure(env: AzureEnvironment): SynthesizedStack {
  return synthEnvironment("azure", env);
}

/** The AWS platform stack of an environment, synthesized after `validateAwsEnvironment` (the stack expects a validated one). */
export function synthAws(env: AwsEnvironment): SynthesizedStack {
  return synthEnvironment("aws", env);
}

/**
 * The constructed (not synthesized) Azure platform stack, for tests that read a construct's typed model
 * (e.g. `etl.pipelines`). Shared with `synthAzure`: read it, never change it.
 */
export function azureStack(env: AzureEnvironment): AzurePlatformStack {
  return platformStack("azure", env) as AzurePlatformStack;
}

import { Testing } from "cdktf";
import { AzureEnvironment } from "../../environments/types";
import { AzurePlatformStack } from "../../stacks/azure-platform-stack";

/** A resource in synthesized Terraform JSON, with its address. */
export interface SynthResource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly config: Record<string, any>;
}

/** Parsed `cdk.tf.json` of one stack with small query helpers. */
export class SynthesizedStack {
  readonly json: Record<string, any>;

  constructor(text: string) {
    this.json = JSON.parse(text);
  }

  /** Every resource, optionally of one type. */
  resources(type?: string): SynthResource[] {
    const out: SynthResource[] = [];
    for (const [t, byName] of Object.entries<Record<string, any>>(this.json.resource ?? {})) {
      if (type !== undefined && t !== type) continue;
      for (const [name, config] of Object.entries<Record<string, any>>(byName)) {
        out.push({ type: t, name, address: `${t}.${name}`, config });
      }
    }
    return out;
  }

  /** Exactly one resource of a type (fails loudly otherwise). */
  only(type: string): SynthResource {
    const found = this.resources(type);
    if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
    return found[0];
  }

  /** The resources of `type` whose attribute `attr` references `target` (`${<target address>.<x>}`). */
  referencing(type: string, attr: string, target: SynthResource): SynthResource[] {
    return this.resources(type).filter((r) => JSON.stringify(r.config[attr] ?? "").includes(`\${${target.address}.`));
  }
}

const cache = new Map<string, SynthesizedStack>();

/** Synthesizes the Azure stack of an environment once per test file. */
export function synthAzure(env: AzureEnvironment): SynthesizedStack {
  const key = `azure-${env.name}`;
  let stack = cache.get(key);
  if (!stack) {
    const app = Testing.app();
    stack = new SynthesizedStack(Testing.synth(new AzurePlatformStack(app, key, { environment: env })));
    cache.set(key, stack);
  }
  return stack;
}

/** A nested block that Terraform JSON may carry as an object or a one-element array. */
export function block(value: unknown): Record<string, any> | undefined {
  if (Array.isArray(value)) return value[0];
  return value as Record<string, any> | undefined;
}

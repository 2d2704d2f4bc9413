import { blocks, TerraformJson, TfResource, TfStack } from "../tfjson";
import { Cloud } from "./types";

export type { TerraformJson, TfResource };
export { blocks };

/** The cloud a resource type belongs to, from its provider prefix. */
export function cloudOf(type: string): Cloud | undefined {
  if (type.startsWith("azurerm_")) return "azure";
  if (type.startsWith("aws_")) return "aws";
  return undefined;
}

/** Azure writes "West Europe" and "westeurope" interchangeably. */
export function normalizeRegion(r: string): string {
  return r.toLowerCase().replace(/\s+/g, "");
}

/** A synthesized stack with reference resolution (`${type.name.attr}`) and the region of each resource. */
export class StackModel {
  private readonly tf: TfStack;

  constructor(
    readonly name: string,
    readonly json: TerraformJson,
  ) {
    this.tf = new TfStack(name, json);
  }

  resources(): readonly TfResource[] {
    return this.tf.resources;
  }

  get(address: string): TfResource | undefined {
    return this.tf.get(address);
  }

  ofType(type: string): TfResource[] {
    return this.tf.ofType(type);
  }

  /** The resource a `${type.name.attr}` string points at, if it is in this stack. */
  target(value: unknown): TfResource | undefined {
    return this.tf.target(value)?.resource;
  }

  /** Follow `${type.name.attr}` to a literal when the attribute is set in the stack. */
  resolve(value: unknown, depth = 0): unknown {
    if (depth > 8) return value;
    const hit = this.tf.target(value);
    if (!hit || !(hit.attribute in hit.resource.config)) return value;
    return this.resolve(hit.resource.config[hit.attribute], depth + 1);
  }

  /**
   * Resources referenced in a resource's top-level attributes: well-known parent attributes first
   * (`server_id` before `creation_source_database_id`), then the others in attribute order.
   */
  parents(r: TfResource): TfResource[] {
    const out: TfResource[] = [];
    const keys = Object.keys(r.config).sort((a, b) => rank(a) - rank(b));
    for (const v of keys.map((k) => r.config[k])) {
      for (const p of this.tf.referencedIn(v)) {
        if (p !== r && !p.address.startsWith("data.") && !out.includes(p)) out.push(p);
      }
    }
    return out;
  }

  /** The `region` of the AWS provider a resource uses (aliases honoured). */
  awsProviderRegion(r?: TfResource): string | undefined {
    const raw = this.json.provider?.aws;
    const blocks = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Record<string, unknown>[];
    const alias = typeof r?.config.provider === "string" ? r.config.provider.split(".")[1] : undefined;
    const block = alias ? blocks.find((b) => b.alias === alias) : (blocks.find((b) => b.alias === undefined) ?? blocks[0]);
    const region = block ? this.resolve(block.region) : undefined;
    return typeof region === "string" && !region.includes("${") ? region : undefined;
  }

  /**
   * The region of a resource: its own `location` (Azure), else a referenced parent's (e.g. a
   * database's server), else the AWS provider's region.
   */
  regionOf(r: TfResource, seen: Set<string> = new Set()): { region: string; source: "resource" | "parent" | "provider" } | undefined {
    if (seen.has(r.address)) return undefined;
    seen.add(r.address);
    if (cloudOf(r.type) === "aws") {
      const region = this.awsProviderRegion(r);
      return region ? { region, source: "provider" } : undefined;
    }
    const loc = this.resolve(r.config.location);
    if (typeof loc === "string" && !loc.includes("${")) return { region: normalizeRegion(loc), source: "resource" };
    for (const p of this.parents(r)) {
      const hit = this.regionOf(p, seen);
      if (hit) return { region: hit.region, source: "parent" };
    }
    return undefined;
  }
}

/** Attributes that name a resource's parent, in the order they are trusted for its region. */
const PARENT_ATTRS = [
  "server_id",
  "synapse_workspace_id",
  "account_name",
  "data_factory_id",
  "key_vault_id",
  "workspace_id",
  "log_analytics_workspace_id",
  "storage_account_id",
  "cluster_identifier",
  "resource_group_name",
];

function rank(attr: string): number {
  const i = PARENT_ATTRS.indexOf(attr);
  return i === -1 ? PARENT_ATTRS.length : i;
}

/** First block of a nested block attribute. */
export function block(v: unknown): Record<string, unknown> | undefined {
  return blocks(v)[0];
}

/** A number attribute (numbers may be synthesized as strings). */
export function num(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" && !v.includes("${") ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === "true") return true;
  if (v === "false") return false;
  return undefined;
}

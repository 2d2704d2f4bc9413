/**
 * An index over one stack's cdk.tf.json: resources by address and type, and who references whom,
 * so a rule can find e.g. the diagnostic setting whose `target_resource_id` points at a SQL server.
 */
import type { JsonObject, TfResource } from "./types";
import { isObject, strings } from "./values";

/** The parts of cdk.tf.json the engine reads. */
export interface TerraformJson {
  readonly resource?: { [type: string]: { [name: string]: JsonObject } };
  readonly data?: { [type: string]: { [name: string]: JsonObject } };
  readonly provider?: { [name: string]: JsonObject | JsonObject[] };
  readonly locals?: JsonObject;
  readonly variable?: { [name: string]: JsonObject };
  readonly output?: { [name: string]: JsonObject };
  readonly terraform?: JsonObject;
  readonly [key: string]: unknown;
}

/** A reference from one resource's attribute to another resource. */
export interface Reference {
  readonly from: TfResource;
  /** Dotted attribute path in `from`, e.g. `private_service_connection.private_connection_resource_id`. */
  readonly path: string;
  readonly to: TfResource;
}

const INTERPOLATION = /\$\{([^}]*)\}/g;
const CANDIDATE = /\b(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)/g;

export class StackGraph {
  readonly resources: readonly TfResource[];
  readonly dataSources: readonly TfResource[];
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byType = new Map<string, TfResource[]>();
  private readonly outgoing = new Map<string, Reference[]>();
  private readonly incoming = new Map<string, Reference[]>();

  constructor(
    readonly stack: string,
    readonly doc: TerraformJson,
  ) {
    const resources: TfResource[] = [];
    for (const [type, byName] of Object.entries(doc.resource ?? {})) {
      if (!isObject(byName)) continue;
      for (const [name, config] of Object.entries(byName)) {
        if (!isObject(config)) continue;
        const r: TfResource = { type, name, address: `${type}.${name}`, config };
        resources.push(r);
        this.byAddress.set(r.address, r);
        const list = this.byType.get(type) ?? [];
        list.push(r);
        this.byType.set(type, list);
      }
    }
    const dataSources: TfResource[] = [];
    for (const [type, byName] of Object.entries(doc.data ?? {})) {
      if (!isObject(byName)) continue;
      for (const [name, config] of Object.entries(byName)) {
        if (!isObject(config)) continue;
        const r: TfResource = { type, name, address: `data.${type}.${name}`, config };
        dataSources.push(r);
        this.byAddress.set(r.address, r);
      }
    }
    this.resources = resources;
    this.dataSources = dataSources;
    for (const from of [...resources, ...dataSources]) {
      for (const s of strings(from.config)) {
        for (const to of this.referencedIn(s.value)) {
          if (to === from) continue;
          const ref: Reference = { from, path: s.path, to };
          push(this.outgoing, from.address, ref);
          push(this.incoming, to.address, ref);
        }
      }
    }
  }

  get(address: string): TfResource | undefined {
    return this.byAddress.get(address);
  }

  ofType(...types: string[]): TfResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** Resources and data sources named inside `${...}` expressions of a string. */
  referencedIn(value: unknown): TfResource[] {
    if (typeof value !== "string" || !value.includes("${")) return [];
    const found: TfResource[] = [];
    for (const expr of value.matchAll(INTERPOLATION)) {
      for (const m of (expr[1] ?? "").matchAll(CANDIDATE)) {
        const address = `${m[1] ?? ""}${m[2]}.${m[3]}`;
        const r = this.byAddress.get(address);
        if (r && !found.includes(r)) found.push(r);
      }
    }
    return found;
  }

  /** The first resource a value refers to, e.g. the server of `server_id = "${azurerm_mssql_server.x.id}"`. */
  resolve(value: unknown, type?: string): TfResource | undefined {
    return this.referencedIn(value).find((r) => type === undefined || r.type === type);
  }

  /**
   * Resources that refer to `target`, optionally only of some types and only through an attribute
   * path (exact dotted path or its last segments, e.g. `target_resource_id`).
   */
  referrers(target: TfResource, opts: { type?: string | readonly string[]; attribute?: string } = {}): TfResource[] {
    const types = opts.type === undefined ? undefined : typeof opts.type === "string" ? [opts.type] : opts.type;
    const result: TfResource[] = [];
    for (const ref of this.incoming.get(target.address) ?? []) {
      if (types && !types.includes(ref.from.type)) continue;
      if (opts.attribute && !(ref.path === opts.attribute || ref.path.endsWith(`.${opts.attribute}`))) continue;
      if (!result.includes(ref.from)) result.push(ref.from);
    }
    return result;
  }

  /** Resources `source` refers to, optionally of some types / through an attribute. */
  references(source: TfResource, opts: { type?: string | readonly string[]; attribute?: string } = {}): TfResource[] {
    const types = opts.type === undefined ? undefined : typeof opts.type === "string" ? [opts.type] : opts.type;
    const result: TfResource[] = [];
    for (const ref of this.outgoing.get(source.address) ?? []) {
      if (types && !types.includes(ref.to.type)) continue;
      if (opts.attribute && !(ref.path === opts.attribute || ref.path.endsWith(`.${opts.attribute}`))) continue;
      if (!result.includes(ref.to)) result.push(ref.to);
    }
    return result;
  }

  /** Resolves `${local.x}` and `${var.x}` (its default) to a literal; other values are returned as is. */
  literal(value: unknown, depth = 0): unknown {
    if (typeof value !== "string" || depth > 5) return value;
    const m = /^\$\{(local|var)\.([A-Za-z0-9_-]+)\}$/.exec(value);
    if (!m) return value;
    if (m[1] === "local") {
      const locals = this.doc.locals;
      return isObject(locals) && m[2]! in locals ? this.literal(locals[m[2]!], depth + 1) : value;
    }
    const variable = this.doc.variable?.[m[2]!];
    return isObject(variable) && "default" in variable ? this.literal(variable["default"], depth + 1) : value;
  }

  /** The provider configuration a resource uses (its `provider` alias, or the default one). */
  providerConfig(resource: TfResource, providerName: string): JsonObject | undefined {
    const raw = this.doc.provider?.[providerName];
    const configs = Array.isArray(raw) ? raw.filter(isObject) : isObject(raw) ? [raw] : [];
    const wanted = typeof resource.config["provider"] === "string" ? resource.config["provider"].replace(/^\$\{|\}$/g, "") : undefined;
    const alias = wanted && wanted.includes(".") ? wanted.slice(wanted.indexOf(".") + 1) : undefined;
    return configs.find((c) => (alias ? c["alias"] === alias : c["alias"] === undefined));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

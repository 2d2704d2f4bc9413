/**
 * One synthesized stack's cdk.tf.json as a model: resources and data sources by address and type,
 * and who references whom (through which attribute), so policy rules, the cost estimator and the
 * diagram read the same graph.
 */
import { parseReferences, wholeReference } from "./references";
import type { JsonObject, Reference, TerraformJson, TfResource } from "./types";
import { isObject, strings } from "./values";

/** Narrows references by the type of the other end and by the attribute that holds them. */
export interface ReferenceFilter {
  readonly type?: string | readonly string[];
  /** Exact dotted attribute path, or its last segments (e.g. `target_resource_id`). */
  readonly attribute?: string;
}

export class TfStack {
  /** Managed resources, in document order. */
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
    this.resources = this.index(doc.resource, "");
    this.dataSources = this.index(doc.data, "data.");
    for (const r of this.resources) push(this.byType, r.type, r);
    for (const from of [...this.resources, ...this.dataSources]) {
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

  /** Managed resources of the given types. */
  ofType(...types: string[]): TfResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** Resources and data sources of this stack named inside `${...}` expressions of a string. */
  referencedIn(value: unknown): TfResource[] {
    const found: TfResource[] = [];
    for (const ref of parseReferences(value)) {
      const r = this.byAddress.get(ref.address);
      if (r) found.push(r);
    }
    return found;
  }

  /** The first resource a value refers to, e.g. the server of `server_id = "${azurerm_mssql_server.x.id}"`. */
  resolve(value: unknown, type?: string): TfResource | undefined {
    return this.referencedIn(value).find((r) => type === undefined || r.type === type);
  }

  /** The resource and attribute a value is exactly a reference to (`"${type.name.attr}"`), if it is in this stack. */
  target(value: unknown): { resource: TfResource; attribute: string } | undefined {
    const ref = wholeReference(value);
    const resource = ref ? this.byAddress.get(ref.address) : undefined;
    return ref && resource ? { resource, attribute: ref.attribute } : undefined;
  }

  /** References held by `source`, in document order. */
  outgoingOf(source: TfResource): readonly Reference[] {
    return this.outgoing.get(source.address) ?? [];
  }

  /** Resources that refer to `target`, optionally only of some types and only through an attribute path. */
  referrers(target: TfResource, opts: ReferenceFilter = {}): TfResource[] {
    return distinct((this.incoming.get(target.address) ?? []).filter((ref) => matches(ref, ref.from, opts)).map((ref) => ref.from));
  }

  /** Resources `source` refers to, optionally of some types / through an attribute. */
  references(source: TfResource, opts: ReferenceFilter = {}): TfResource[] {
    return distinct(
      this.outgoingOf(source)
        .filter((ref) => matches(ref, ref.to, opts))
        .map((ref) => ref.to),
    );
  }

  /** Resolves `${local.x}` and `${var.x}` (its default) to a literal; other values are returned as is. */
  literal(value: unknown, depth = 0): unknown {
    if (depth > 5) return value;
    const ref = wholeReference(value);
    if (!ref || ref.attribute !== "" || (ref.kind !== "local" && ref.kind !== "var")) return value;
    const name = ref.address.slice(ref.address.indexOf(".") + 1);
    if (ref.kind === "local") {
      const locals = this.doc.locals;
      return isObject(locals) && name in locals ? this.literal(locals[name], depth + 1) : value;
    }
    const variable = this.doc.variable?.[name];
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

  private index(block: TerraformJson["resource"], prefix: string): TfResource[] {
    const list: TfResource[] = [];
    for (const [type, byName] of Object.entries(block ?? {})) {
      if (!isObject(byName)) continue;
      for (const [name, config] of Object.entries(byName)) {
        if (!isObject(config)) continue;
        const r: TfResource = { type, name, address: `${prefix}${type}.${name}`, config };
        list.push(r);
        this.byAddress.set(r.address, r);
      }
    }
    return list;
  }
}

function matches(ref: Reference, other: TfResource, opts: ReferenceFilter): boolean {
  const types = opts.type === undefined ? undefined : typeof opts.type === "string" ? [opts.type] : opts.type;
  if (types && !types.includes(other.type)) return false;
  return !opts.attribute || ref.path === opts.attribute || ref.path.endsWith(`.${opts.attribute}`);
}

function distinct<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

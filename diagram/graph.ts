import {
  DATA_LAYERS,
  DOCUMENTED_HOPS,
  EXTERNAL_ACTORS,
  FlowRole,
  KEY_TYPES,
  LAYERS,
  LayerId,
  PREFIX_RULES,
  RESOURCE_TYPES,
  TypeEntry,
  literal,
} from "./layers";
import { blocks, TerraformJson, TfResource, TfStack } from "../tfjson";

/** One resource of a synthesized stack (`cdk.tf.json`). */
export interface Resource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly config: Record<string, unknown>;
  /** Addresses of the resources it references anywhere, sorted. */
  readonly refs: readonly string[];
  /** Addresses referenced per top-level attribute. */
  readonly refsByAttr: Readonly<Record<string, readonly string[]>>;
}

export type NodeShape = "store" | "process" | "group" | "endpoint" | "external" | "box";

/** A drawn node. */
export interface DiagramNode {
  readonly id: string;
  readonly layer: LayerId;
  readonly shape: NodeShape;
  readonly role?: FlowRole;
  /** First line. */
  readonly title: string;
  /** Further lines (name, details, folded children). */
  readonly lines: readonly string[];
  /** Resources drawn by this node, primary first. */
  readonly members: readonly Resource[];
}

export type EdgeKind = "flow" | "privateLink" | "cmk" | "link";

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label: string;
  /** Where the edge comes from: resource types that hold the reference, or `documented flow N`. */
  readonly evidence: readonly string[];
}

export interface PrivateEndpointRow {
  readonly endpoint: string;
  readonly target: string;
  readonly subresource: string;
}

export interface InventoryRow {
  readonly layer: LayerId;
  readonly type: string;
  readonly count: number;
  readonly drawnAs: string;
}

/** Everything the Markdown renderer needs, already sorted. */
export interface StackDiagram {
  readonly stack: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly privateEndpoints: readonly PrivateEndpointRow[];
  readonly inventory: readonly InventoryRow[];
  /** Resource types no row of `diagram/layers.ts` covers. */
  readonly unclassified: readonly string[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Mermaid-safe id: letters, digits and underscores, starting with a letter. */
export function safeId(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_]/g, "_").replace(/_+/g, "_");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `n_${cleaned}`;
}

/** Attributes whose references are Terraform plumbing, not relations worth drawing. */
const NOT_RELATIONS = new Set(["depends_on", "lifecycle", "provider"]);

const isManaged = (r: TfResource): boolean => !r.address.startsWith("data.");

/** The managed resources of a stack with the managed resources they reference, sorted by type and name. */
function parseResources(tf: TfStack): Resource[] {
  const sorted = [...tf.resources].sort((a, b) => cmp(a.type, b.type) || cmp(a.name, b.name));
  return sorted.map((r) => {
    const byAttr = new Map<string, Set<string>>();
    for (const ref of tf.outgoingOf(r)) {
      const attr = ref.path.split(".")[0];
      if (NOT_RELATIONS.has(attr) || !isManaged(ref.to)) continue;
      byAttr.set(attr, (byAttr.get(attr) ?? new Set()).add(ref.to.address));
    }
    const refsByAttr: Record<string, string[]> = {};
    for (const [attr, found] of byAttr) refsByAttr[attr] = [...found].sort(cmp);
    const refs = [...new Set(Object.values(refsByAttr).flat())].sort(cmp);
    return { type: r.type, name: r.name, address: r.address, config: r.config, refs, refsByAttr };
  });
}

const UNCLASSIFIED: TypeEntry = { layer: "other", label: "", kind: "group" };

/** The table row that applies to a resource (exact type, then its variants, then the longest prefix). */
export function classify(type: string, name = ""): { entry: TypeEntry; classified: boolean } {
  const exact = RESOURCE_TYPES[type];
  if (exact) {
    const variant = exact.variants?.find((v) => v.match.test(name));
    return { entry: variant?.entry ?? exact, classified: true };
  }
  const rule = PREFIX_RULES.filter((r) => type.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (rule) return { entry: rule.entry, classified: true };
  return { entry: { ...UNCLASSIFIED, label: type }, classified: false };
}

function displayName(r: Resource, entry: TypeEntry): string | undefined {
  return literal(r.config[entry.nameAttr ?? "name"]);
}

interface MutableNode {
  id: string;
  layer: LayerId;
  shape: NodeShape;
  role?: FlowRole;
  title: string;
  baseLines: string[];
  members: Resource[];
  children: Resource[];
}

function shapeOf(entry: TypeEntry): NodeShape {
  if (entry.kind === "privateEndpoint") return "endpoint";
  if (entry.kind === "group") return "group";
  if (entry.role === "engine") return "process";
  if (entry.role) return "store";
  return "box";
}

interface MutableEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  labels: Set<string>;
  evidence: Set<string>;
  documented?: string;
}

/** Builds the diagram model of one synthesized stack. Pure and deterministic. */
export function buildDiagram(stack: string, stackJson: Record<string, unknown>): StackDiagram {
  // The steps run in this order: node ids are numbered as nodes are created.
  const builder = new DiagramBuilder(new TfStack(stack, stackJson as TerraformJson));
  builder.addResourceNodes();
  builder.foldChildren();
  builder.linkPrivateEndpoints();
  builder.deriveEngineFlows();
  builder.addDocumentedFlows();
  builder.addKeyAndTableLinks();
  return builder.result();
}

/** The working state of one diagram: nodes keyed by `node:<address>`, `group:<layer>:<type>` or `external:<id>`. */
class DiagramBuilder {
  private readonly resources: Resource[];
  private readonly byAddress: Map<string, Resource>;
  private readonly entryOf = new Map<string, TypeEntry>();
  private readonly unclassified = new Set<string>();
  /** Resources that reference a resource (reverse index), for children whose parent points at them. */
  private readonly referencedBy = new Map<string, string[]>();
  private readonly nodes = new Map<string, MutableNode>();
  /** Resource address -> key of the node that draws it. */
  private readonly nodeOf = new Map<string, string>();
  private readonly usedIds = new Set<string>();
  private readonly edges = new Map<string, MutableEdge>();
  private readonly privateEndpoints: PrivateEndpointRow[] = [];

  constructor(private readonly tf: TfStack) {
    this.resources = parseResources(tf);
    this.byAddress = new Map(this.resources.map((r) => [r.address, r]));
    for (const r of this.resources) {
      const { entry, classified } = classify(r.type, r.name);
      this.entryOf.set(r.address, entry);
      if (!classified) this.unclassified.add(r.type);
    }
    for (const r of this.resources) {
      for (const a of r.refs) this.referencedBy.set(a, [...(this.referencedBy.get(a) ?? []), r.address]);
    }
  }

  /** 1. One node per `node` and `privateEndpoint` resource; `group` resources share a node per type. */
  addResourceNodes(): void {
    for (const r of this.resources) {
      const e = this.entry(r);
      if (e.kind === "node" || e.kind === "privateEndpoint") {
        const name = displayName(r, e);
        const key = `node:${r.address}`;
        this.nodes.set(key, {
          id: this.newId(r.address.replace(/^(azurerm|aws)_/, "")),
          layer: e.layer,
          shape: shapeOf(e),
          role: e.role,
          title: e.label,
          baseLines: [...(name ? [name] : []), ...(e.details?.(r.config) ?? [])],
          members: [r],
          children: [],
        });
        this.nodeOf.set(r.address, key);
      } else if (e.kind === "group") {
        this.addToGroup(r, e);
      }
    }
  }

  /** 2. Children fold into their parent's node, repeatedly (a rule collection group -> policy -> firewall). */
  foldChildren(): void {
    const pending = this.resources.filter((r) => this.entry(r).kind === "child");
    let progress = true;
    while (pending.length > 0 && progress) {
      progress = false;
      for (let i = 0; i < pending.length; i++) {
        const r = pending[i];
        const parent = this.parentOf(r);
        const parentNode = parent ? this.nodeOf.get(parent.address) : undefined;
        if (parent && parentNode === undefined && this.entry(parent).kind === "child" && pending.includes(parent)) continue;
        if (parentNode !== undefined) {
          this.nodeOf.set(r.address, parentNode);
          this.node(parentNode).children.push(r);
        } else {
          this.addToGroup(r, this.entry(r));
        }
        pending.splice(i, 1);
        i--;
        progress = true;
      }
    }
    for (const r of pending) this.addToGroup(r, this.entry(r)); // cycles: should not happen
  }

  /** 3. Private endpoints -> their targets (Azure: a resource of the stack; AWS: a service). */
  linkPrivateEndpoints(): void {
    for (const r of this.resources) {
      if (this.entry(r).kind !== "privateEndpoint") continue;
      const peKey = this.nodeOf.get(r.address) as string;
      const node = this.node(peKey);
      if (r.type === "azurerm_private_endpoint") {
        const psc = blocks(r.config.private_service_connection)[0] ?? {};
        const found = new Set(
          this.tf
            .referencedIn(psc.private_connection_resource_id)
            .filter(isManaged)
            .map((t) => t.address),
        );
        const sub = Array.isArray(psc.subresource_names) ? psc.subresource_names.map(String).join(", ") : "";
        if (sub) node.baseLines.push(sub);
        for (const target of [...found].sort(cmp)) {
          const targetKey = this.nodeOf.get(target);
          if (targetKey) this.addEdge(peKey, targetKey, "privateLink", "private link", r.type);
          this.privateEndpoints.push({ endpoint: displayName(r, this.entry(r)) ?? r.name, target, subresource: sub });
        }
      } else {
        // AWS interface / gateway endpoints reach a service, not a resource of the stack.
        // `com.amazonaws.<region>.airflow.api` -> `airflow.api`; `aws.sagemaker.<region>.experiments` -> `experiments`.
        const service =
          typeof r.config.service_name === "string" ? r.config.service_name.replace(/^(com\.amazonaws|aws\.[a-z]+)\.[a-z0-9-]+\./, "") : "";
        if (service) node.baseLines.unshift(service);
        this.privateEndpoints.push({
          endpoint: r.name,
          target: `AWS service ${service}`,
          subresource: literal(r.config.vpc_endpoint_type) ?? "Gateway",
        });
      }
    }
  }

  /** 4. Data flows derived from what engines reference. */
  deriveEngineFlows(): void {
    for (const [engineKey, engine] of [...this.nodes.entries()].sort((a, b) => cmp(a[1].id, b[1].id))) {
      if (engine.role === "engine") this.deriveFlowsOf(engineKey, engine);
    }
  }

  /** 5. Documented flows from the briefs, where both ends exist. */
  addDocumentedFlows(): void {
    const typesPresent = new Set(this.resources.map((r) => r.type));
    for (const hop of DOCUMENTED_HOPS) {
      if (hop.unless?.some((t) => typesPresent.has(t))) continue;
      const to = hop.to.flatMap((spec) => this.endpointKeys(spec));
      if (to.length === 0) continue;
      const from = hop.from.flatMap((spec) => this.endpointKeys(spec));
      for (const f of from) if (f.startsWith("external:") && !this.nodes.has(f)) this.addExternalActor(f);
      for (const f of from.filter((k) => this.nodes.has(k))) {
        for (const t of to) {
          // Only the primary resource node of each type (a geo-secondary SQL server is not a flow end).
          const target = this.node(t);
          if (isSecondary(target, this.resources)) continue;
          const source = this.node(f);
          if (isSecondary(source, this.resources)) continue;
          const key = `${source.id}|${target.id}|flow`;
          const existing = this.edges.get(key);
          if (existing) {
            existing.documented = existing.documented ? `${existing.documented} / ${hop.label}` : hop.label;
            existing.evidence.add(`documented flow ${hop.flow}`);
          } else {
            this.edges.set(key, {
              from: source.id,
              to: target.id,
              kind: "flow",
              labels: new Set(),
              evidence: new Set([`documented flow ${hop.flow}`]),
              documented: hop.label,
            });
          }
        }
      }
    }
  }

  /** 6. Customer-managed keys and table-driven links. */
  addKeyAndTableLinks(): void {
    for (const r of this.resources) {
      const fromKey = this.nodeOf.get(r.address);
      const fromNode = fromKey === undefined ? undefined : this.nodes.get(fromKey);
      if (fromNode === undefined) continue;
      if (DATA_LAYERS.includes(fromNode.layer)) {
        for (const a of r.refs) {
          const target = this.byAddress.get(a);
          if (target && KEY_TYPES.includes(target.type)) this.addEdge(fromKey, this.nodeOf.get(a), "cmk", "CMK", r.type);
        }
      }
      for (const link of this.entry(r).links ?? []) {
        const refs = link.attr ? (r.refsByAttr[link.attr] ?? []) : r.refs;
        for (const a of refs) {
          const target = this.byAddress.get(a);
          if (!target || !link.to.includes(target.type)) continue;
          const toKey = this.nodeOf.get(a);
          if (link.reverse) this.addEdge(toKey, fromKey, "link", link.label, r.type);
          else this.addEdge(fromKey, toKey, "link", link.label, r.type);
        }
      }
    }
  }

  /** 7. The final model, every list sorted. */
  result(): StackDiagram {
    const layerOrder = LAYERS.map((l) => l.id as LayerId);
    return {
      stack: this.tf.stack,
      nodes: [...this.nodes.values()]
        .map((n) => this.finalNode(n))
        .sort((a, b) => layerOrder.indexOf(a.layer) - layerOrder.indexOf(b.layer) || cmp(a.id, b.id)),
      edges: this.finalEdges(),
      privateEndpoints: [...this.privateEndpoints].sort((a, b) => cmp(a.endpoint, b.endpoint) || cmp(a.target, b.target)),
      inventory: this.inventory().sort((a, b) => layerOrder.indexOf(a.layer) - layerOrder.indexOf(b.layer) || cmp(a.type, b.type)),
      unclassified: [...this.unclassified].sort(cmp),
    };
  }

  private entry(r: Resource): TypeEntry {
    return this.entryOf.get(r.address) as TypeEntry;
  }

  private node(key: string): MutableNode {
    return this.nodes.get(key) as MutableNode;
  }

  private newId(raw: string): string {
    const base = safeId(raw);
    let id = base;
    for (let i = 2; this.usedIds.has(id); i++) id = `${base}_${i}`;
    this.usedIds.add(id);
    return id;
  }

  /** Adds a resource to the shared node of its type (created on first use). */
  private addToGroup(r: Resource, e: TypeEntry): void {
    const key = `group:${e.layer}:${r.type}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = {
        id: this.newId(`grp_${r.type}`),
        layer: e.layer,
        shape: e.kind === "child" ? "group" : shapeOf(e),
        role: e.role,
        title: e.label,
        baseLines: [],
        members: [],
        children: [],
      };
      this.nodes.set(key, node);
    }
    node.members.push(r);
    this.nodeOf.set(r.address, key);
  }

  private parentOf(r: Resource): Resource | undefined {
    const e = this.entry(r);
    for (const parentType of e.parents ?? []) {
      const forward = (e.parentAttr ? (r.refsByAttr[e.parentAttr] ?? []) : r.refs).filter((a) => a.startsWith(`${parentType}.`));
      const backward = e.parentAttr ? [] : (this.referencedBy.get(r.address) ?? []).filter((a) => a.startsWith(`${parentType}.`));
      const candidate = [...forward, ...backward][0];
      if (candidate) return this.byAddress.get(candidate);
    }
    return undefined;
  }

  private addEdge(fromKey: string | undefined, toKey: string | undefined, kind: EdgeKind, label: string, evidence: string): void {
    if (fromKey === undefined || toKey === undefined || fromKey === toKey) return;
    const from = this.node(fromKey).id;
    const to = this.node(toKey).id;
    const key = `${from}|${to}|${kind}`;
    let edge = this.edges.get(key);
    if (!edge) {
      edge = { from, to, kind, labels: new Set(), evidence: new Set() };
      this.edges.set(key, edge);
    }
    edge.labels.add(label);
    edge.evidence.add(evidence);
  }

  /** References of a resource, following `link` resources (a Glue connection) transitively. */
  private refsThroughLinks(r: Resource): string[] {
    const out = new Set<string>();
    const seen = new Set<string>([r.address]);
    const queue = [...r.refs];
    while (queue.length > 0) {
      const a = queue.shift() as string;
      if (seen.has(a)) continue;
      seen.add(a);
      const target = this.byAddress.get(a);
      if (!target) continue;
      if (this.entry(target).kind === "link") queue.push(...target.refs);
      else out.add(a);
    }
    return [...out].sort(cmp);
  }

  private deriveFlowsOf(engineKey: string, engine: MutableNode): void {
    const roleOfKey = (key: string): FlowRole | undefined => this.nodes.get(key)?.role;
    const targets = new Map<string, Set<string>>();
    for (const member of [...engine.members, ...engine.children]) {
      for (const a of this.refsThroughLinks(member)) {
        const key = this.nodeOf.get(a);
        if (key === undefined || key === engineKey) continue;
        const role = roleOfKey(key);
        if (role === undefined || role === "engine") continue;
        targets.set(key, new Set([...(targets.get(key) ?? []), member.type]));
      }
    }
    const engineEntry = this.entry(engine.members[0]);
    const memberTypes = (key: string): string[] => this.node(key).members.map((m) => m.type);
    const explicitRead = (key: string): boolean => memberTypes(key).some((t) => engineEntry.reads?.includes(t));
    const explicitWrite = (key: string): boolean => memberTypes(key).some((t) => engineEntry.writes?.includes(t));
    const roles = new Set([...targets.keys()].map(roleOfKey));
    // An engine that reads an operational store or a stream lands data in the lake; others read the lake.
    const readsUpstream = roles.has("source") || roles.has("stream") || [...targets.keys()].some(explicitRead);
    for (const [key, types] of [...targets.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      const evidence = [...types].sort(cmp).join(", ");
      if (explicitRead(key)) {
        this.addEdge(key, engineKey, "flow", "read", evidence);
        continue;
      }
      if (explicitWrite(key)) {
        this.addEdge(engineKey, key, "flow", "write", evidence);
        continue;
      }
      switch (roleOfKey(key)) {
        case "source":
          this.addEdge(key, engineKey, "flow", "extract", evidence);
          break;
        case "sink":
          this.addEdge(engineKey, key, "flow", "load", evidence);
          break;
        case "stream":
          if (roles.has("source")) this.addEdge(engineKey, key, "flow", "publish", evidence);
          else this.addEdge(key, engineKey, "flow", "consume", evidence);
          break;
        case "lake":
          if (readsUpstream) this.addEdge(engineKey, key, "flow", "land", evidence);
          else this.addEdge(key, engineKey, "flow", "read", evidence);
          break;
        default:
          break;
      }
    }
  }

  /** Node keys a documented hop's end names: `ext:<actor>` or `<type>[#<name pattern>]`. */
  private endpointKeys(spec: string): string[] {
    if (spec.startsWith("ext:")) {
      const actor = EXTERNAL_ACTORS[spec.slice(4) as keyof typeof EXTERNAL_ACTORS];
      return actor ? [`external:${actor.id}`] : [];
    }
    const [type, pattern] = spec.split("#");
    const match = pattern ? new RegExp(pattern, "i") : undefined;
    const keys = this.resources
      .filter((r) => r.type === type && (!match || match.test(r.name)))
      .map((r) => this.nodeOf.get(r.address) as string);
    return [...new Set(keys)].filter((k) => this.nodes.get(k)?.role !== undefined).sort(cmp);
  }

  private addExternalActor(key: string): void {
    const actor = Object.values(EXTERNAL_ACTORS).find((a) => `external:${a.id}` === key);
    if (!actor) return;
    const [title, ...lines] = actor.label.split("<br/>");
    this.nodes.set(key, {
      id: this.newId(actor.id),
      layer: actor.layer,
      shape: "external",
      title,
      baseLines: lines,
      members: [],
      children: [],
    });
  }

  /** A node's title and lines: a group shows its count, a node its name, folded children one line per label. */
  private finalNode(n: MutableNode): DiagramNode {
    const isGroup = n.members.length > 1;
    const title = isGroup ? `${n.title} ×${n.members.length}` : n.title;
    const single = n.members.length === 1 && n.baseLines.length === 0 ? displayName(n.members[0], this.entry(n.members[0])) : undefined;
    const lines = isGroup ? [] : single ? [single] : [...n.baseLines];
    const childCounts = new Map<string, { count: number; names: string[]; details: string[] }>();
    for (const c of [...n.children].sort((a, b) => cmp(a.address, b.address))) {
      const e = this.entry(c);
      const slot = childCounts.get(e.label) ?? { count: 0, names: [], details: [] };
      slot.count++;
      const name = displayName(c, e);
      if (name) slot.names.push(name);
      slot.details.push(...(e.details?.(c.config) ?? []));
      childCounts.set(e.label, slot);
    }
    for (const [label, slot] of [...childCounts.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      if (slot.count === 1) {
        const extra = [...(slot.names[0] ? [slot.names[0]] : []), ...slot.details].join(", ");
        lines.push(extra ? `+ ${label}: ${extra}` : `+ ${label}`);
      } else {
        lines.push(`+ ${label} ×${slot.count}`);
      }
    }
    return { id: n.id, layer: n.layer, shape: n.shape, role: n.role, title, lines, members: n.members };
  }

  private finalEdges(): DiagramEdge[] {
    const kindOrder: EdgeKind[] = ["flow", "privateLink", "cmk", "link"];
    return [...this.edges.values()]
      .map((e) => ({
        from: e.from,
        to: e.to,
        kind: e.kind,
        label: e.documented ?? [...e.labels].sort(cmp).join(" / "),
        evidence: [...e.evidence].sort(cmp),
      }))
      .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || cmp(a.from, b.from) || cmp(a.to, b.to));
  }

  /** One row per layer and resource type, with how it is drawn. */
  private inventory(): InventoryRow[] {
    const rows = new Map<string, InventoryRow>();
    for (const r of this.resources) {
      const e = this.entry(r);
      const key = `${e.layer}|${r.type}`;
      const drawnAs = e.kind === "child" ? `folded into ${(e.parents ?? []).join(" / ")}` : e.kind;
      const row = rows.get(key);
      rows.set(key, { layer: e.layer, type: r.type, count: (row?.count ?? 0) + 1, drawnAs: row?.drawnAs ?? drawnAs });
    }
    return [...rows.values()];
  }
}

/** A node of a geo-secondary (a SQL server that a failover group names as partner). */
function isSecondary(node: MutableNode, resources: readonly Resource[]): boolean {
  return node.members.some((m) =>
    resources.some((r) => r.type === "azurerm_mssql_failover_group" && (r.refsByAttr.partner_server ?? []).includes(m.address)),
  );
}

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
  blocks,
  literal,
} from "./layers";

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

const TOKEN = /\$\{([^}]*)\}/g;
const ADDRESS = /(?<![\w.])([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g;

function collectRefs(value: unknown, known: ReadonlySet<string>, out: Set<string>): void {
  if (typeof value === "string") {
    for (const token of value.matchAll(TOKEN)) {
      for (const m of token[1].matchAll(ADDRESS)) {
        const address = `${m[1]}.${m[2]}`;
        if (m[1] !== "data" && known.has(address)) out.add(address);
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, known, out);
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== "//") collectRefs(v, known, out);
  }
}

/** Parses the `resource` block of a synthesized stack into resources with their references. */
export function parseResources(stackJson: Record<string, unknown>): Resource[] {
  const byType = (stackJson.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  const raw: { type: string; name: string; address: string; config: Record<string, unknown> }[] = [];
  for (const type of Object.keys(byType).sort(cmp)) {
    for (const name of Object.keys(byType[type]).sort(cmp)) {
      raw.push({ type, name, address: `${type}.${name}`, config: byType[type][name] });
    }
  }
  const known = new Set(raw.map((r) => r.address));
  return raw.map((r) => {
    const refsByAttr: Record<string, string[]> = {};
    const all = new Set<string>();
    for (const [attr, value] of Object.entries(r.config)) {
      if (attr === "//" || attr === "depends_on" || attr === "lifecycle" || attr === "provider") continue;
      const found = new Set<string>();
      collectRefs(value, known, found);
      found.delete(r.address);
      if (found.size > 0) {
        refsByAttr[attr] = [...found].sort(cmp);
        for (const a of found) all.add(a);
      }
    }
    return { ...r, refs: [...all].sort(cmp), refsByAttr };
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

/** Builds the diagram model of one synthesized stack. Pure and deterministic. */
export function buildDiagram(stack: string, stackJson: Record<string, unknown>): StackDiagram {
  const resources = parseResources(stackJson);
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const entryOf = new Map<string, TypeEntry>();
  const unclassified = new Set<string>();
  for (const r of resources) {
    const { entry, classified } = classify(r.type, r.name);
    entryOf.set(r.address, entry);
    if (!classified) unclassified.add(r.type);
  }
  const entry = (r: Resource): TypeEntry => entryOf.get(r.address) as TypeEntry;

  // Resources that reference a resource (reverse index), for children whose parent points at them.
  const referencedBy = new Map<string, string[]>();
  for (const r of resources) for (const a of r.refs) referencedBy.set(a, [...(referencedBy.get(a) ?? []), r.address]);

  const nodes = new Map<string, MutableNode>();
  const nodeOf = new Map<string, string>();
  const usedIds = new Set<string>();
  const newId = (raw: string): string => {
    const base = safeId(raw);
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}_${i}`;
    usedIds.add(id);
    return id;
  };

  // 1. Nodes, private endpoints and groups.
  const groupFallback = (r: Resource, e: TypeEntry): void => {
    const key = `group:${e.layer}:${r.type}`;
    let node = nodes.get(key);
    if (!node) {
      node = {
        id: newId(`grp_${r.type}`),
        layer: e.layer,
        shape: e.kind === "child" ? "group" : shapeOf(e),
        role: e.role,
        title: e.label,
        baseLines: [],
        members: [],
        children: [],
      };
      nodes.set(key, node);
    }
    node.members.push(r);
    nodeOf.set(r.address, key);
  };
  for (const r of resources) {
    const e = entry(r);
    if (e.kind === "node" || e.kind === "privateEndpoint") {
      const name = displayName(r, e);
      const key = `node:${r.address}`;
      nodes.set(key, {
        id: newId(r.address.replace(/^(azurerm|aws)_/, "")),
        layer: e.layer,
        shape: shapeOf(e),
        role: e.role,
        title: e.label,
        baseLines: [...(name ? [name] : []), ...(e.details?.(r.config) ?? [])],
        members: [r],
        children: [],
      });
      nodeOf.set(r.address, key);
    } else if (e.kind === "group") {
      groupFallback(r, e);
    }
  }

  // 2. Children fold into their parent's node, repeatedly (a rule collection group -> policy -> firewall).
  const pending = resources.filter((r) => entry(r).kind === "child");
  const parentOf = (r: Resource): Resource | undefined => {
    const e = entry(r);
    for (const parentType of e.parents ?? []) {
      const forward = (e.parentAttr ? (r.refsByAttr[e.parentAttr] ?? []) : r.refs).filter((a) => a.startsWith(`${parentType}.`));
      const backward = e.parentAttr ? [] : (referencedBy.get(r.address) ?? []).filter((a) => a.startsWith(`${parentType}.`));
      const candidate = [...forward, ...backward][0];
      if (candidate) return byAddress.get(candidate);
    }
    return undefined;
  };
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const r = pending[i];
      const parent = parentOf(r);
      const parentNode = parent ? nodeOf.get(parent.address) : undefined;
      if (parent && parentNode === undefined && entry(parent).kind === "child" && pending.includes(parent)) continue;
      if (parentNode !== undefined) {
        nodeOf.set(r.address, parentNode);
        (nodes.get(parentNode) as MutableNode).children.push(r);
      } else {
        groupFallback(r, entry(r));
      }
      pending.splice(i, 1);
      i--;
      progress = true;
    }
  }
  for (const r of pending) groupFallback(r, entry(r)); // cycles: should not happen

  // References of a resource, following `link` resources (a Glue connection) transitively.
  const refsThroughLinks = (r: Resource): string[] => {
    const out = new Set<string>();
    const seen = new Set<string>([r.address]);
    const queue = [...r.refs];
    while (queue.length > 0) {
      const a = queue.shift() as string;
      if (seen.has(a)) continue;
      seen.add(a);
      const target = byAddress.get(a);
      if (!target) continue;
      if (entry(target).kind === "link") queue.push(...target.refs);
      else out.add(a);
    }
    return [...out].sort(cmp);
  };

  const edges = new Map<
    string,
    { from: string; to: string; kind: EdgeKind; labels: Set<string>; evidence: Set<string>; documented?: string }
  >();
  const addEdge = (fromKey: string | undefined, toKey: string | undefined, kind: EdgeKind, label: string, evidence: string): void => {
    if (fromKey === undefined || toKey === undefined || fromKey === toKey) return;
    const from = (nodes.get(fromKey) as MutableNode).id;
    const to = (nodes.get(toKey) as MutableNode).id;
    const key = `${from}|${to}|${kind}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = { from, to, kind, labels: new Set(), evidence: new Set() };
      edges.set(key, edge);
    }
    edge.labels.add(label);
    edge.evidence.add(evidence);
  };

  // 3. Private endpoints -> their targets.
  const privateEndpoints: PrivateEndpointRow[] = [];
  for (const r of resources) {
    if (entry(r).kind !== "privateEndpoint") continue;
    const peKey = nodeOf.get(r.address) as string;
    if (r.type === "azurerm_private_endpoint") {
      const psc = blocks(r.config.private_service_connection)[0] ?? {};
      const found = new Set<string>();
      collectRefs(psc.private_connection_resource_id, new Set(byAddress.keys()), found);
      const sub = Array.isArray(psc.subresource_names) ? psc.subresource_names.map(String).join(", ") : "";
      const node = nodes.get(peKey) as MutableNode;
      if (sub) node.baseLines.push(sub);
      for (const target of [...found].sort(cmp)) {
        const targetKey = nodeOf.get(target);
        if (targetKey) addEdge(peKey, targetKey, "privateLink", "private link", r.type);
        privateEndpoints.push({ endpoint: displayName(r, entry(r)) ?? r.name, target, subresource: sub });
      }
    } else {
      // AWS interface / gateway endpoints reach a service, not a resource of the stack.
      // `com.amazonaws.<region>.airflow.api` -> `airflow.api`; `aws.sagemaker.<region>.experiments` -> `experiments`.
      const service =
        typeof r.config.service_name === "string" ? r.config.service_name.replace(/^(com\.amazonaws|aws\.[a-z]+)\.[a-z0-9-]+\./, "") : "";
      const node = nodes.get(peKey) as MutableNode;
      if (service) node.baseLines.unshift(service);
      privateEndpoints.push({
        endpoint: r.name,
        target: `AWS service ${service}`,
        subresource: literal(r.config.vpc_endpoint_type) ?? "Gateway",
      });
    }
  }

  // 4. Data flows derived from what engines reference.
  const roleOfKey = (key: string): FlowRole | undefined => nodes.get(key)?.role;
  for (const [engineKey, engine] of [...nodes.entries()].sort((a, b) => cmp(a[1].id, b[1].id))) {
    if (engine.role !== "engine") continue;
    const targets = new Map<string, Set<string>>();
    for (const member of [...engine.members, ...engine.children]) {
      for (const a of refsThroughLinks(member)) {
        const key = nodeOf.get(a);
        if (key === undefined || key === engineKey) continue;
        const role = roleOfKey(key);
        if (role === undefined || role === "engine") continue;
        targets.set(key, new Set([...(targets.get(key) ?? []), member.type]));
      }
    }
    const engineEntry = entry(engine.members[0]);
    const memberTypes = (key: string): string[] => (nodes.get(key) as MutableNode).members.map((m) => m.type);
    const explicitRead = (key: string): boolean => memberTypes(key).some((t) => engineEntry.reads?.includes(t));
    const explicitWrite = (key: string): boolean => memberTypes(key).some((t) => engineEntry.writes?.includes(t));
    const roles = new Set([...targets.keys()].map(roleOfKey));
    // An engine that reads an operational store or a stream lands data in the lake; others read the lake.
    const readsUpstream = roles.has("source") || roles.has("stream") || [...targets.keys()].some(explicitRead);
    for (const [key, types] of [...targets.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      const evidence = [...types].sort(cmp).join(", ");
      if (explicitRead(key)) {
        addEdge(key, engineKey, "flow", "read", evidence);
        continue;
      }
      if (explicitWrite(key)) {
        addEdge(engineKey, key, "flow", "write", evidence);
        continue;
      }
      switch (roleOfKey(key)) {
        case "source":
          addEdge(key, engineKey, "flow", "extract", evidence);
          break;
        case "sink":
          addEdge(engineKey, key, "flow", "load", evidence);
          break;
        case "stream":
          if (roles.has("source")) addEdge(engineKey, key, "flow", "publish", evidence);
          else addEdge(key, engineKey, "flow", "consume", evidence);
          break;
        case "lake":
          if (readsUpstream) addEdge(engineKey, key, "flow", "land", evidence);
          else addEdge(key, engineKey, "flow", "read", evidence);
          break;
        default:
          break;
      }
    }
  }

  // 5. Documented flows from the briefs, where both ends exist.
  const typesPresent = new Set(resources.map((r) => r.type));
  const endpointKeys = (spec: string): string[] => {
    if (spec.startsWith("ext:")) {
      const actor = EXTERNAL_ACTORS[spec.slice(4) as keyof typeof EXTERNAL_ACTORS];
      return actor ? [`external:${actor.id}`] : [];
    }
    const [type, pattern] = spec.split("#");
    const match = pattern ? new RegExp(pattern, "i") : undefined;
    const keys = resources.filter((r) => r.type === type && (!match || match.test(r.name))).map((r) => nodeOf.get(r.address) as string);
    return [...new Set(keys)].filter((k) => roleOfKey(k) !== undefined).sort(cmp);
  };
  for (const hop of DOCUMENTED_HOPS) {
    if (hop.unless?.some((t) => typesPresent.has(t))) continue;
    const to = hop.to.flatMap(endpointKeys);
    if (to.length === 0) continue;
    const from = hop.from.flatMap(endpointKeys);
    for (const f of from) {
      if (f.startsWith("external:") && !nodes.has(f)) {
        const actor = Object.values(EXTERNAL_ACTORS).find((a) => `external:${a.id}` === f);
        if (!actor) continue;
        const [title, ...lines] = actor.label.split("<br/>");
        nodes.set(f, { id: newId(actor.id), layer: actor.layer, shape: "external", title, baseLines: lines, members: [], children: [] });
      }
    }
    for (const f of from.filter((k) => nodes.has(k))) {
      for (const t of to) {
        // Only the primary resource node of each type (a geo-secondary SQL server is not a flow end).
        const target = nodes.get(t) as MutableNode;
        if (isSecondary(target, resources)) continue;
        const source = nodes.get(f) as MutableNode;
        if (isSecondary(source, resources)) continue;
        const fromId = source.id;
        const toId = target.id;
        const key = `${fromId}|${toId}|flow`;
        const existing = edges.get(key);
        if (existing) {
          existing.documented = existing.documented ? `${existing.documented} / ${hop.label}` : hop.label;
          existing.evidence.add(`documented flow ${hop.flow}`);
        } else {
          edges.set(key, {
            from: fromId,
            to: toId,
            kind: "flow",
            labels: new Set(),
            evidence: new Set([`documented flow ${hop.flow}`]),
            documented: hop.label,
          });
        }
      }
    }
  }

  // 6. Customer-managed keys and table-driven links.
  for (const r of resources) {
    const fromKey = nodeOf.get(r.address);
    const fromNode = fromKey === undefined ? undefined : nodes.get(fromKey);
    if (fromNode === undefined) continue;
    if (DATA_LAYERS.includes(fromNode.layer)) {
      for (const a of r.refs) {
        const target = byAddress.get(a);
        if (target && KEY_TYPES.includes(target.type)) addEdge(fromKey, nodeOf.get(a), "cmk", "CMK", r.type);
      }
    }
    for (const link of entry(r).links ?? []) {
      const refs = link.attr ? (r.refsByAttr[link.attr] ?? []) : r.refs;
      for (const a of refs) {
        const target = byAddress.get(a);
        if (!target || !link.to.includes(target.type)) continue;
        const toKey = nodeOf.get(a);
        if (link.reverse) addEdge(toKey, fromKey, "link", link.label, r.type);
        else addEdge(fromKey, toKey, "link", link.label, r.type);
      }
    }
  }

  // 7. Final, sorted model.
  const layerOrder = LAYERS.map((l) => l.id as LayerId);
  const finalNodes: DiagramNode[] = [...nodes.values()]
    .map((n) => {
      const isGroup = n.members.length > 1;
      const title = isGroup ? `${n.title} ×${n.members.length}` : n.title;
      const single = n.members.length === 1 && n.baseLines.length === 0 ? displayName(n.members[0], entry(n.members[0])) : undefined;
      const lines = isGroup ? [] : single ? [single] : [...n.baseLines];
      const childCounts = new Map<string, { count: number; names: string[]; details: string[] }>();
      for (const c of [...n.children].sort((a, b) => cmp(a.address, b.address))) {
        const e = entry(c);
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
    })
    .sort((a, b) => layerOrder.indexOf(a.layer) - layerOrder.indexOf(b.layer) || cmp(a.id, b.id));

  const kindOrder: EdgeKind[] = ["flow", "privateLink", "cmk", "link"];
  const finalEdges: DiagramEdge[] = [...edges.values()]
    .map((e) => ({
      from: e.from,
      to: e.to,
      kind: e.kind,
      label: e.documented ?? [...e.labels].sort(cmp).join(" / "),
      evidence: [...e.evidence].sort(cmp),
    }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || cmp(a.from, b.from) || cmp(a.to, b.to));

  const inventory = new Map<string, InventoryRow>();
  for (const r of resources) {
    const e = entry(r);
    const key = `${e.layer}|${r.type}`;
    const drawnAs = e.kind === "child" ? `folded into ${(e.parents ?? []).join(" / ")}` : e.kind;
    const row = inventory.get(key);
    inventory.set(key, { layer: e.layer, type: r.type, count: (row?.count ?? 0) + 1, drawnAs: row?.drawnAs ?? drawnAs });
  }

  return {
    stack,
    nodes: finalNodes,
    edges: finalEdges,
    privateEndpoints: privateEndpoints.sort((a, b) => cmp(a.endpoint, b.endpoint) || cmp(a.target, b.target)),
    inventory: [...inventory.values()].sort((a, b) => layerOrder.indexOf(a.layer) - layerOrder.indexOf(b.layer) || cmp(a.type, b.type)),
    unclassified: [...unclassified].sort(cmp),
  };
}

/** A node of a geo-secondary (a SQL server that a failover group names as partner). */
function isSecondary(node: MutableNode, resources: readonly Resource[]): boolean {
  return node.members.some((m) =>
    resources.some((r) => r.type === "azurerm_mssql_failover_group" && (r.refsByAttr.partner_server ?? []).includes(m.address)),
  );
}

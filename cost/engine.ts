import * as fs from "fs";
import * as path from "path";
import { EstimateContext, round } from "./estimators/context";
import { ESTIMATORS, freeReason, KNOWN_UNPRICED } from "./estimators";
import { HOURS_PER_MONTH, PriceBook } from "./pricebook";
import { cloudOf, StackModel, TerraformJson, TfResource } from "./stack";
import { Cloud, CostComponent, CostReport, DiscountRule, ResourceCost, StackCost, StackStatus, UnpricedLine, UsageFile } from "./types";
import { globToRegExp, UsageDefaults, UsageReader } from "./usage";

export interface EstimateOptions {
  readonly prices: PriceBook;
  readonly usage: UsageFile;
  readonly usageDefaults: UsageDefaults;
  readonly usageFile?: string;
  /** The environment's monthly budget in USD. @default - no budget */
  readonly budgetUsd?: number;
}

/** Default region per cloud when neither the resource, its parents nor the provider name one. */
export const DEFAULT_REGION: Record<Cloud, string> = { azure: "westeurope", aws: "eu-west-1" };

function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

/** Apply the first matching discount rule to a priced component of the resource at `address`. */
export function applyDiscount(type: string, address: string, c: CostComponent, rules: readonly DiscountRule[]): CostComponent {
  if (c.unitPrice === null || c.monthlyCost === null) return c;
  const rule = rules.find(
    (r) =>
      (r.resourceTypes === undefined || r.resourceTypes.some((p) => typeMatches(p, type))) &&
      (r.componentKinds === undefined || r.componentKinds.includes(c.kind)) &&
      (r.addresses === undefined || r.addresses.some((p) => globToRegExp(p).test(address))),
  );
  if (!rule || rule.percent === 0) return c;
  const f = 1 - rule.percent / 100;
  return {
    ...c,
    listUnitPrice: c.unitPrice,
    listMonthlyCost: c.monthlyCost,
    unitPrice: round(c.unitPrice * f, 6),
    monthlyCost: round(c.monthlyCost * f, 2),
    discount: { label: rule.label, percent: rule.percent },
  };
}

function sum(cs: readonly CostComponent[], list: boolean): number {
  return round(
    cs.reduce((a, c) => a + ((list ? (c.listMonthlyCost ?? c.monthlyCost) : c.monthlyCost) ?? 0), 0),
    2,
  );
}

/** Estimate one resource. */
export function estimateResource(
  r: TfResource,
  stack: StackModel,
  opts: EstimateOptions,
  reader: UsageReader,
  stackCloud: Cloud,
): ResourceCost {
  const cloud = cloudOf(r.type) ?? stackCloud;
  const located = stack.regionOf(r);
  const region = located?.region ?? opts.usage.defaultRegion ?? DEFAULT_REGION[cloud];
  const regionSource: ResourceCost["regionSource"] = located?.source ?? "default";
  const base = { address: r.address, type: r.type, name: r.name, region, regionSource };
  const free = freeReason(r.type);
  const estimator = Object.prototype.hasOwnProperty.call(ESTIMATORS, r.type) ? ESTIMATORS[r.type] : undefined;
  if (!estimator) {
    if (free !== undefined) return { ...base, status: "free", reason: free, components: [], monthlyCost: 0, listMonthlyCost: 0 };
    const reason =
      (Object.prototype.hasOwnProperty.call(KNOWN_UNPRICED, r.type) ? KNOWN_UNPRICED[r.type] : undefined) ??
      "unclassified resource type: write an estimator (cost/estimators) or list it in FREE_TYPES with the reason it is free";
    return { ...base, status: "not-priced", reason, components: [], monthlyCost: 0, listMonthlyCost: 0 };
  }
  const ctx = new EstimateContext(r, stack, cloud, region, opts.prices, reader);
  const raw = estimator(ctx);
  const components = raw.map((c) => applyDiscount(r.type, r.address, c, opts.usage.discounts ?? []));
  if (regionSource === "default") ctx.note(`region not found on the resource, its parents or the provider: assumed ${region}`);
  const unpriced = components.filter((c) => c.notPriced !== undefined).length;
  const status: ResourceCost["status"] = unpriced === 0 ? "priced" : unpriced === components.length ? "not-priced" : "partial";
  return {
    ...base,
    status,
    ...(ctx.notes.length > 0 ? { notes: ctx.notes } : {}),
    components,
    monthlyCost: sum(components, false),
    listMonthlyCost: sum(components, true),
  };
}

/** The stack's cloud, from its resource types (and providers when it has no resources yet). */
function stackCloud(stack: StackModel): Cloud | "mixed" | "unknown" {
  const clouds = new Set(
    stack
      .resources()
      .map((r) => cloudOf(r.type))
      .filter((c): c is Cloud => c !== undefined),
  );
  if (clouds.size === 1) return [...clouds][0];
  if (clouds.size > 1) return "mixed";
  if (stack.json.provider?.azurerm) return "azure";
  if (stack.json.provider?.aws) return "aws";
  return "unknown";
}

/** Estimate every resource of one synthesized stack. */
export function estimateStack(name: string, json: TerraformJson, opts: EstimateOptions): StackCost {
  const stack = new StackModel(name, json);
  const reader = new UsageReader(opts.usage, opts.usageDefaults);
  const cloud = stackCloud(stack);
  const primary: Cloud = cloud === "aws" ? "aws" : "azure";
  const defaultRegion =
    opts.usage.defaultRegion ?? (cloud === "aws" ? (stack.awsProviderRegion() ?? DEFAULT_REGION.aws) : DEFAULT_REGION.azure);
  const resources = stack
    .resources()
    .map((r) => estimateResource(r, stack, opts, reader, primary))
    .sort((a, b) => a.address.localeCompare(b.address));
  const total = round(
    resources.reduce((a, r) => a + r.monthlyCost, 0),
    2,
  );
  const list = round(
    resources.reduce((a, r) => a + r.listMonthlyCost, 0),
    2,
  );
  const comps = resources.flatMap((r) => r.components);
  const unpricedLines = unpricedLinesOf(resources);
  const overBudget = opts.budgetUsd !== undefined ? total > opts.budgetUsd : undefined;
  return {
    stack: name,
    cloud,
    defaultRegion,
    ...(opts.usageFile ? { usageFile: opts.usageFile } : {}),
    totalMonthlyCost: total,
    listMonthlyCost: list,
    ...(opts.budgetUsd !== undefined ? { budgetUsd: opts.budgetUsd, overBudget } : {}),
    notPricedResources: resources.filter((r) => r.status === "not-priced").length,
    notPricedComponents: comps.filter((c) => c.notPriced !== undefined).length,
    referenceRegionLines: comps.filter((c) => c.referenceRegion === true).length,
    unpricedLines,
    status: stackStatus(overBudget, unpricedLines.length > 0),
    resources,
  };
}

/** Every billable line without a price: whole resources first, then lines of partially priced ones. */
function unpricedLinesOf(resources: readonly ResourceCost[]): UnpricedLine[] {
  const out: UnpricedLine[] = [];
  for (const r of resources) {
    if (r.status === "free" || r.status === "priced") continue;
    const lines = r.components.filter((c) => c.notPriced !== undefined);
    if (lines.length === 0) out.push({ address: r.address, type: r.type, reason: r.reason ?? "not priced" });
    for (const c of lines) out.push({ address: r.address, type: r.type, line: c.name, reason: c.notPriced ?? "not priced" });
  }
  return out;
}

/** A total with an unpriced line is a lower bound: it can prove a stack OVER budget, never within it. */
export function stackStatus(overBudget: boolean | undefined, incomplete: boolean): StackStatus {
  if (overBudget === undefined) return incomplete ? "no budget, incomplete" : "no budget";
  if (overBudget) return incomplete ? "OVER, incomplete" : "OVER";
  return incomplete ? "incomplete" : "ok";
}

/** Stack names in `cdktf.out`: from manifest.json, else the folders of `stacks/`. */
export function listStacks(outDir: string): string[] {
  const manifest = path.join(outDir, "manifest.json");
  if (fs.existsSync(manifest)) {
    const m = JSON.parse(fs.readFileSync(manifest, "utf8")) as { stacks?: Record<string, { name?: string }> };
    const names = Object.entries(m.stacks ?? {}).map(([k, v]) => v.name ?? k);
    if (names.length > 0) return names;
  }
  const dir = path.join(outDir, "stacks");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "cdk.tf.json"))) : [];
}

export function readStack(outDir: string, stack: string): TerraformJson {
  return JSON.parse(fs.readFileSync(path.join(outDir, "stacks", stack, "cdk.tf.json"), "utf8")) as TerraformJson;
}

export function buildReport(stacks: readonly StackCost[], prices: PriceBook, now: Date = new Date()): CostReport {
  return { generatedAt: now.toISOString(), priceBookVersions: { ...prices.versions }, hoursPerMonth: HOURS_PER_MONTH, stacks };
}

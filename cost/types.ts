/**
 * Shared types of the cost estimator (`npm run cost`).
 *
 * Data flows one way: price book (cost/pricebook/*.json) + usage file (cost/usage/<stack>.json)
 * + synthesized stack (cdktf.out/stacks/<stack>/cdk.tf.json) -> estimators -> report.
 */

export type Cloud = "azure" | "aws";

/** One price in the price book. Data, not code: every entry carries its provenance. */
export interface PriceEntry {
  /** Service group, e.g. `sql-database`, `rds`. */
  readonly service: string;
  /** Meter within the service, e.g. `compute-bc-gen5` or `instance-aurora-mysql/db.r4.large`. */
  readonly meter: string;
  /** Human-readable SKU / dimension as the source names it. */
  readonly sku?: string;
  /** Region the price was captured in (`Global` for region-less meters). */
  readonly region: string;
  /** Billing unit the price applies to, e.g. `vCore-hour`, `GB-month`, `1k runs`. */
  readonly unit: string;
  /** List price in USD per `unit`. */
  readonly usd: number;
  /** Quantity (in `unit` per month) where this tier starts. @default 0 */
  readonly tierStart?: number;
  /** Where the price comes from (repository/file, page, or "derived"). */
  readonly source: string;
  /** When the source captured the price (YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** Present when the price is arithmetic from other prices: how it was derived. */
  readonly derived?: string;
  /** What was cross-checked against the source, and when. */
  readonly verified?: string;
  readonly notes?: string;
}

/** A price book file (`cost/pricebook/<cloud>.json`). */
export interface PriceBookFile {
  readonly cloud: Cloud;
  readonly version: string;
  readonly currency: "USD";
  /** A month is 730 hours. */
  readonly hoursPerMonth: number;
  /**
   * Regions with no price of their own: the ordered list of reference regions whose price is used
   * instead. Every line priced that way is marked in the output.
   */
  readonly referenceRegions: Readonly<Record<string, readonly string[]>>;
  readonly referenceRegionNotes?: string;
  readonly entries: readonly PriceEntry[];
  /** Meters known to have no price yet, and why (shown on the report's not-priced lines). */
  readonly missing?: readonly MissingPrice[];
}

/** A meter (glob `*`) the price book knowingly lacks, with the reason no price was recorded. */
export interface MissingPrice {
  readonly service: string;
  readonly meter: string;
  readonly reason: string;
}

/** A discount (reserved capacity, savings plan) from a usage file. */
export interface DiscountRule {
  /** Shown next to every discounted line, e.g. "SQL reserved capacity 3y". */
  readonly label: string;
  /** Percentage off the list price (0-100). */
  readonly percent: number;
  /** Resource types it applies to (`*` suffix allowed). @default - every type */
  readonly resourceTypes?: readonly string[];
  /** Component kinds it applies to (e.g. `compute`, `throughput`). @default - every kind */
  readonly componentKinds?: readonly string[];
  /**
   * Resource addresses it applies to (glob `*`, as usage keys): a reservation bought for one
   * instance, e.g. `aws_rds_cluster_instance.oltp_writer*`. @default - every resource of the types
   */
  readonly addresses?: readonly string[];
}

/** A usage file (`cost/usage/<stack>.json`); see cost/usage/README.md. */
export interface UsageFile {
  readonly description?: string;
  /** Region used when a resource has none and its parents have none. */
  readonly defaultRegion?: string;
  /**
   * Usage values keyed by resource type (`azurerm_storage_account`) or address pattern
   * (`azurerm_storage_account.lake*`). An address pattern wins over the type.
   */
  readonly resources?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly discounts?: readonly DiscountRule[];
}

/** What a cost line measures; discounts select lines by kind. */
export type ComponentKind =
  | "compute"
  | "license"
  | "storage"
  | "backup"
  | "throughput"
  | "requests"
  | "data-processed"
  | "ingestion"
  | "retention"
  | "monitoring"
  | "network"
  | "keys"
  | "other";

/** One line of a resource's breakdown, like an Infracost cost component. */
export interface CostComponent {
  readonly name: string;
  readonly kind: ComponentKind;
  readonly monthlyQuantity: number;
  readonly unit: string;
  /** Effective unit price after discount; null when not priced. */
  readonly unitPrice: number | null;
  /** Monthly cost after discount; null when not priced. */
  readonly monthlyCost: number | null;
  /** List price before discount. */
  readonly listUnitPrice?: number | null;
  readonly listMonthlyCost?: number | null;
  readonly discount?: { readonly label: string; readonly percent: number };
  /** Region whose price was used. */
  readonly priceRegion?: string;
  /** True when the resource's region had no price and a reference region's price was used. */
  readonly referenceRegion?: boolean;
  /** `service/meter@region` of the price book entry (provenance). */
  readonly priceRef?: string;
  /** True when the quantity comes from usage assumptions; `usageFrom` tells where. */
  readonly usageBased?: boolean;
  readonly usageFrom?: "usage-file" | "default";
  /** Set when the line could not be priced (no price book entry). */
  readonly notPriced?: string;
}

export type ResourceStatus = "priced" | "partial" | "not-priced" | "free";

export interface ResourceCost {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly region: string;
  /** Where the region came from: the resource, a referenced parent, the provider or the default. */
  readonly regionSource: "resource" | "parent" | "provider" | "default";
  readonly status: ResourceStatus;
  /** For free and not-priced resources: why. */
  readonly reason?: string;
  readonly notes?: readonly string[];
  readonly components: readonly CostComponent[];
  /** Sum of priced components (after discounts). */
  readonly monthlyCost: number;
  readonly listMonthlyCost: number;
}

/** A billable line (or a whole resource) the estimate could not price, and why. */
export interface UnpricedLine {
  readonly address: string;
  readonly type: string;
  /** The component's name; absent when the whole resource has no estimate. */
  readonly line?: string;
  readonly reason: string;
}

/**
 * `ok`: every billable line priced and within budget. `incomplete`: some billable line has no price,
 * so the total is a lower bound and cannot be checked against a budget. `OVER`: the (possibly lower
 * bound) total already exceeds the budget. `no budget`: the environment declares none.
 */
export type StackStatus = "ok" | "OVER" | "incomplete" | "OVER, incomplete" | "no budget" | "no budget, incomplete";

export interface StackCost {
  readonly stack: string;
  readonly cloud: Cloud | "mixed" | "unknown";
  readonly defaultRegion: string;
  readonly usageFile?: string;
  readonly totalMonthlyCost: number;
  readonly listMonthlyCost: number;
  readonly budgetUsd?: number;
  readonly overBudget?: boolean;
  readonly notPricedResources: number;
  readonly notPricedComponents: number;
  readonly referenceRegionLines: number;
  /** Every billable line with no price; empty when the estimate is complete. */
  readonly unpricedLines: readonly UnpricedLine[];
  readonly status: StackStatus;
  readonly resources: readonly ResourceCost[];
}

/** `cdktf.out/cost-report.json`. */
export interface CostReport {
  readonly generatedAt: string;
  readonly priceBookVersions: Readonly<Record<string, string>>;
  readonly hoursPerMonth: number;
  readonly stacks: readonly StackCost[];
}

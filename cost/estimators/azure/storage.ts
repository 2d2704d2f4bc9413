import { str } from "../../stack";
import { CostComponent } from "../../types";
import { EstimateContext, Estimator } from "../context";
import { UsageValue } from "../../usage";

const SERVICE = "storage";

/** The operation kinds Azure bills separately, with the usage key holding each count (in 10k). */
const OPERATIONS = [
  ["write", "writeOps10k"],
  ["list", "listOps10k"],
  ["read", "readOps10k"],
  ["other", "otherOps10k"],
] as const;

/**
 * azurerm_storage_account, priced by `account_kind`, `account_tier` and
 * `account_replication_type` (meters as in the Infracost storage_account golden):
 * - StorageV2 / BlobStorage, Standard: capacity per access tier (usage `hotGb`, `coolGb`, `archiveGb`;
 *   data moved by lifecycle rules is counted where it lives), hot capacity in volume tiers (first
 *   50 TB, next 450 TB, over 500 TB), and write / list / read / other operations at the account's
 *   default access tier;
 * - StorageV2 Premium and BlockBlobStorage (Premium): premium capacity and premium operations;
 * - Storage (general-purpose v1): one capacity rate and one rate for every operation;
 * - FileStorage (Premium): provisioned share capacity (usage `provisionedGb`) and snapshots.
 */
export const storageAccount: Estimator = (ctx) => {
  const c = ctx.config;
  const kind = str(c.account_kind) ?? "StorageV2";
  const redundancy = (str(c.account_replication_type) ?? "LRS").toLowerCase();
  const premium = str(c.account_tier) === "Premium";
  if (c.is_hns_enabled === true) ctx.note("hierarchical namespace (ADLS Gen2): priced at the blob capacity and operation rates");
  if (kind === "FileStorage") return fileStorage(ctx, redundancy);
  if (kind === "Storage") return generalPurposeV1(ctx, redundancy);
  if (kind === "BlockBlobStorage" || premium) {
    const prefix = kind === "BlockBlobStorage" ? "blockblob" : "v2";
    const capacityMeter =
      kind === "BlockBlobStorage" ? `blockblob/capacity/premium/${redundancy}` : `v2/blob-capacity/premium/${redundancy}`;
    const hot = ctx.usage("hotGb");
    return [
      ...ctx.line({
        name: `Capacity (${kind} Premium ${redundancy.toUpperCase()})`,
        kind: "storage",
        service: SERVICE,
        meter: capacityMeter,
        quantity: hot.value,
        usage: [hot],
        unitIfNotPriced: "GB-month",
      }),
      ...operations(ctx, prefix, "premium", redundancy),
    ];
  }
  const defaultTier = (str(c.access_tier) ?? "Hot").toLowerCase();
  const out: CostComponent[] = [];
  const tiers: [string, UsageValue][] = [
    ["hot", ctx.usage("hotGb")],
    ["cool", ctx.usage("coolGb")],
    ["archive", ctx.usage("archiveGb")],
  ];
  for (const [tier, u] of tiers) {
    if (u.value === 0 && tier !== defaultTier) continue;
    out.push(
      ...ctx.line({
        name: `Capacity (${tier} ${redundancy.toUpperCase()})`,
        kind: "storage",
        service: SERVICE,
        meter: `v2/blob-capacity/${tier}/${redundancy}`,
        quantity: u.value,
        usage: [u],
        unitIfNotPriced: "GB-month",
      }),
    );
  }
  out.push(...operations(ctx, "v2", defaultTier, redundancy));
  return out;
};

function operations(ctx: EstimateContext, prefix: string, tier: string, redundancy: string): CostComponent[] {
  const out: CostComponent[] = [];
  for (const [op, key] of OPERATIONS) {
    const u = ctx.usage(key);
    if (u.value === 0) continue;
    out.push(
      ...ctx.line({
        name: `${op[0].toUpperCase()}${op.slice(1)} operations (${tier} ${redundancy.toUpperCase()})`,
        kind: "requests",
        service: SERVICE,
        meter: `${prefix}/${op}-ops/${tier}/${redundancy}`,
        quantity: u.value,
        usage: [u],
        unitIfNotPriced: "10k operations",
      }),
    );
  }
  return out;
}

/** General-purpose v1: capacity at one rate whatever the volume, every operation at one rate. */
function generalPurposeV1(ctx: EstimateContext, redundancy: string): CostComponent[] {
  const hot = ctx.usage("hotGb");
  const ops = OPERATIONS.map(([, key]) => ctx.usage(key));
  return [
    ...ctx.line({
      name: `Capacity (general-purpose v1 ${redundancy.toUpperCase()})`,
      kind: "storage",
      service: SERVICE,
      meter: `v1/capacity/${redundancy}`,
      quantity: hot.value,
      usage: [hot],
      unitIfNotPriced: "GB-month",
    }),
    ...ctx.line({
      name: `Operations, all kinds (general-purpose v1 ${redundancy.toUpperCase()})`,
      kind: "requests",
      service: SERVICE,
      meter: `v1/operations/${redundancy}`,
      quantity: ops.reduce((a, u) => a + u.value, 0),
      usage: ops,
      unitIfNotPriced: "10k operations",
    }),
  ];
}

/** FileStorage (premium file shares): billed on provisioned capacity, not on data written. */
function fileStorage(ctx: EstimateContext, redundancy: string): CostComponent[] {
  const provisioned = ctx.usage("provisionedGb");
  const snapshots = ctx.usage("snapshotsGb");
  return [
    ...ctx.line({
      name: `Provisioned shares (Premium ${redundancy.toUpperCase()})`,
      kind: "storage",
      service: SERVICE,
      meter: `file/data-at-rest/premium/${redundancy}`,
      quantity: provisioned.value,
      usage: [provisioned],
      unitIfNotPriced: "GB-month",
    }),
    ...(snapshots.value > 0
      ? ctx.line({
          name: `Snapshots (Premium ${redundancy.toUpperCase()})`,
          kind: "backup",
          service: SERVICE,
          meter: `file/snapshots/premium/${redundancy}`,
          quantity: snapshots.value,
          usage: [snapshots],
          unitIfNotPriced: "GB-month",
        })
      : []),
  ];
}

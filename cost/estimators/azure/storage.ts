import { str } from "../../stack";
import { CostComponent } from "../../types";
import { Estimator } from "../context";

const SERVICE = "storage";

/**
 * azurerm_storage_account (blob / ADLS Gen2): capacity per access tier (usage `hotGb`, `coolGb`,
 * `archiveGb`; data moved to cool by lifecycle rules is counted in `coolGb` whatever the account's
 * default tier), write and read operations (usage, in 10k), priced by `account_tier` and
 * `account_replication_type`. Files, queues and tables are not estimated.
 */
export const storageAccount: Estimator = (ctx) => {
  const c = ctx.config;
  const redundancy = (str(c.account_replication_type) ?? "LRS").toLowerCase();
  const premium = str(c.account_tier) === "Premium";
  const out: CostComponent[] = [];
  const hot = ctx.usage("hotGb");
  const cool = ctx.usage("coolGb");
  const archive = ctx.usage("archiveGb");
  const writes = ctx.usage("writeOps10k");
  const reads = ctx.usage("readOps10k");
  if (c.is_hns_enabled === true)
    ctx.note("hierarchical namespace (ADLS Gen2): capacity priced at flat-namespace blob rates; ADLS operation meters differ slightly");
  if (premium) {
    out.push(
      ...ctx.line({
        name: `Capacity (Premium ${redundancy.toUpperCase()})`,
        kind: "storage",
        service: SERVICE,
        meter: `blob-capacity/premium/${redundancy}`,
        quantity: hot.value,
        usage: [hot],
        unitIfNotPriced: "GB-month",
      }),
    );
    return out;
  }
  const defaultTier = (str(c.access_tier) ?? "Hot").toLowerCase();
  const tiers: [string, typeof hot][] = [
    ["hot", hot],
    ["cool", cool],
    ["archive", archive],
  ];
  for (const [tier, u] of tiers) {
    if (u.value === 0 && tier !== defaultTier) continue;
    out.push(
      ...ctx.line({
        name: `Capacity (${tier} ${redundancy.toUpperCase()})`,
        kind: "storage",
        service: SERVICE,
        meter: `blob-capacity/${tier}/${redundancy}`,
        quantity: u.value,
        usage: [u],
        unitIfNotPriced: "GB-month",
      }),
    );
  }
  if (writes.value > 0) {
    out.push(
      ...ctx.line({
        name: `Write operations (${defaultTier} ${redundancy.toUpperCase()})`,
        kind: "requests",
        service: SERVICE,
        meter: `write-ops/${defaultTier}/${redundancy}`,
        quantity: writes.value,
        usage: [writes],
        unitIfNotPriced: "10k operations",
      }),
    );
  }
  if (reads.value > 0) {
    out.push(
      ...ctx.line({
        name: `Read operations (${defaultTier} ${redundancy.toUpperCase()})`,
        kind: "requests",
        service: SERVICE,
        meter: `read-ops/${defaultTier}/${redundancy}`,
        quantity: reads.value,
        usage: [reads],
        unitIfNotPriced: "10k operations",
      }),
    );
  }
  return out;
};

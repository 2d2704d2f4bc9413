import { block, blocks, bool, normalizeRegion, num, str, TfResource } from "../../stack";
import { CostComponent } from "../../types";
import { EstimateContext, Estimator } from "../context";

const SERVICE = "cosmos-db";

interface CosmosRegion {
  readonly location: string;
  readonly zoneRedundant: boolean;
}

/** The account a database/container belongs to (its `account_name` reference). */
function accountOf(ctx: EstimateContext): TfResource | undefined {
  const direct = ctx.stack.target(ctx.config.account_name);
  if (direct) return direct;
  return ctx.stack.parents(ctx.resource).find((p) => p.type === "azurerm_cosmosdb_account");
}

function regionsOf(ctx: EstimateContext, account: TfResource | undefined): CosmosRegion[] {
  const geo = account ? blocks(account.config.geo_location) : [];
  const list = geo
    .map((g) => ({ location: str(ctx.stack.resolve(g.location)), zoneRedundant: g.zone_redundant === true }))
    .filter((g): g is { location: string; zoneRedundant: boolean } => g.location !== undefined)
    .map((g) => ({ location: normalizeRegion(g.location), zoneRedundant: g.zoneRedundant }));
  return list.length > 0 ? list : [{ location: ctx.region, zoneRedundant: false }];
}

function isServerless(account: TfResource | undefined): boolean {
  return blocks(account?.config.capabilities).some((c) => c.name === "EnableServerless");
}

function multiWrite(account: TfResource | undefined): boolean {
  return bool(account?.config.multiple_write_locations_enabled) === true || bool(account?.config.enable_multiple_write_locations) === true;
}

/**
 * Throughput of azurerm_cosmosdb_sql_database / _sql_container (and the other APIs' databases):
 * manual `throughput` or `autoscale_settings.max_throughput`, billed in every region of the
 * account; autoscale bills the hourly peak at 1.5x the manual rate (usage `autoscaleUtilization` =
 * average hourly peak / max, 1 = every hour reaches the max). Zone-redundant regions cost 1.25x for
 * manual throughput on single-write accounts only: "the premium pricing for availability zones is
 * waived for accounts configured with multi-region writes and/or for collections configured with
 * autoscale mode" (learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql, SLA improvements).
 */
export const cosmosThroughput: Estimator = (ctx) => {
  const account = accountOf(ctx);
  const regions = regionsOf(ctx, account);
  const out: CostComponent[] = [];
  if (isServerless(account)) {
    const ru = ctx.usage("serverlessMillionRu");
    out.push(
      ...ctx.line({
        name: "Serverless request units",
        kind: "throughput",
        service: SERVICE,
        meter: "serverless-ru",
        quantity: ru.value,
        usage: [ru],
        unitIfNotPriced: "1M RU",
      }),
    );
    return out;
  }
  const autoscale = block(ctx.config.autoscale_settings);
  const maxRu = num(autoscale?.max_throughput);
  const manualRu = num(ctx.config.throughput);
  if (maxRu === undefined && manualRu === undefined) {
    ctx.note("no dedicated throughput: uses the database's shared throughput (priced there)");
    return out;
  }
  const writeMode = multiWrite(account) ? "multi-write" : "single-write";
  for (const r of regions) {
    const zonePremium = r.zoneRedundant && maxRu === undefined && writeMode === "single-write";
    if (r.zoneRedundant && !zonePremium) ctx.note("availability-zone premium waived (autoscale or multi-region writes)");
    const zr = zonePremium ? "-zr" : "";
    if (maxRu !== undefined) {
      const util = ctx.usage("autoscaleUtilization");
      const factor = Math.min(1, Math.max(0.1, util.value)); // autoscale never bills below 10% of max
      out.push(
        ...ctx.line({
          name: `Throughput (autoscale max ${maxRu.toLocaleString("en-US")} RU/s x ${factor}, ${r.location}${r.zoneRedundant ? ", zone-redundant, no AZ premium" : ""})`,
          kind: "throughput",
          service: SERVICE,
          meter: `throughput-autoscale-${writeMode}`,
          quantity: (maxRu / 100) * factor,
          region: r.location,
          usage: [util],
          unitIfNotPriced: "100 RU/s-month",
        }),
      );
    } else if (manualRu !== undefined) {
      out.push(
        ...ctx.line({
          name: `Throughput (manual ${manualRu.toLocaleString("en-US")} RU/s, ${r.location}${r.zoneRedundant ? ", zone-redundant" : ""})`,
          kind: "throughput",
          service: SERVICE,
          meter: `throughput-manual-${writeMode}${zr}`,
          quantity: manualRu / 100,
          region: r.location,
          unitIfNotPriced: "100 RU/s-month",
        }),
      );
    }
  }
  return out;
};

/**
 * azurerm_cosmosdb_account: the account is free; its data is billed per region: transactional
 * storage, analytical storage (when enabled) and backup storage (periodic copies beyond two, or
 * continuous backup), all from usage `transactionalStorageGb` / `analyticalStorageGb`.
 */
export const cosmosAccount: Estimator = (ctx) => {
  const regions = regionsOf(ctx, ctx.resource);
  const storage = ctx.usage("transactionalStorageGb");
  const analytical = ctx.usage("analyticalStorageGb");
  const out: CostComponent[] = [];
  const backup = block(ctx.config.backup);
  const backupType = str(backup?.type) ?? "Periodic";
  let periodicExtraCopies = 0;
  if (backupType === "Periodic") {
    const interval = num(backup?.interval_in_minutes) ?? 240;
    const retentionH = num(backup?.retention_in_hours) ?? 8;
    periodicExtraCopies = Math.max(0, Math.floor((retentionH * 60) / interval) - 2);
  }
  for (const r of regions) {
    out.push(
      ...ctx.line({
        name: `Transactional storage (${r.location})`,
        kind: "storage",
        service: SERVICE,
        meter: "transactional-storage",
        quantity: storage.value,
        region: r.location,
        usage: [storage],
        unitIfNotPriced: "GB-month",
      }),
    );
    if (ctx.config.analytical_storage_enabled === true) {
      out.push(
        ...ctx.line({
          name: `Analytical storage (${r.location})`,
          kind: "storage",
          service: SERVICE,
          meter: "analytical-storage",
          quantity: analytical.value,
          region: r.location,
          usage: [analytical],
          unitIfNotPriced: "GB-month",
        }),
      );
    }
    if (backupType === "Continuous") {
      out.push(
        ...ctx.line({
          name: `Continuous backup (${r.location})`,
          kind: "backup",
          service: SERVICE,
          meter: "continuous-backup",
          quantity: storage.value,
          region: r.location,
          usage: [storage],
          unitIfNotPriced: "GB-month",
        }),
      );
    } else if (periodicExtraCopies > 0) {
      out.push(
        ...ctx.line({
          name: `Periodic backup, ${periodicExtraCopies} copies beyond 2 (${r.location})`,
          kind: "backup",
          service: SERVICE,
          meter: "periodic-backup",
          quantity: storage.value * periodicExtraCopies,
          region: r.location,
          usage: [storage],
          unitIfNotPriced: "GB-month",
        }),
      );
    }
  }
  return out;
};

import { HOURS_PER_MONTH } from "../../pricebook";
import { num, str } from "../../stack";
import { CostComponent } from "../../types";
import { EstimateContext, Estimator } from "../context";

const SERVICE = "sql-database";

/** `GP_S_Gen5_2` -> serverless GP Gen5 2 vCores; `BC_Gen5_8`; `HS_Gen5_4`; `BC_M_8`. */
export function parseVcoreSku(sku: string): { tier: "GP" | "BC" | "HS"; serverless: boolean; family: string; vcores: number } | undefined {
  const m = /^(GP_S|GP|BC|HS|HS_S)_([A-Za-z0-9]+)_(\d+)$/.exec(sku);
  if (!m) return undefined;
  const serverless = m[1].endsWith("_S");
  return { tier: m[1].slice(0, 2) as "GP" | "BC" | "HS", serverless, family: m[2], vcores: Number(m[3]) };
}

const DTU_SKUS = /^(Basic|S\d+|P\d+)$/;

/** "If no MAXSIZE value is set when using the vCore model, the default is 32 GB" (T-SQL CREATE DATABASE). */
const DEFAULT_VCORE_MAX_SIZE_GB = 32;

/** Backup storage redundancy (`storage_account_type`) -> price book suffix; azurerm defaults to Geo. */
const BACKUP_REDUNDANCY: Record<string, string> = { Geo: "ra-grs", GeoZone: "ra-gzrs", Local: "lrs", Zone: "zrs" };

/**
 * azurerm_mssql_database: vCore (provisioned and serverless) and DTU SKUs, SQL license unless
 * `license_type = "BasePrice"` (Azure Hybrid Benefit) and never on Hyperscale replicas, GP zone
 * redundancy, Hyperscale replicas, data storage (`max_size_gb`, 32 GB when unset), PITR and LTR
 * backup storage (usage) at the backup redundancy's rate, geo-secondaries priced as a full
 * database in their own region. Reserved capacity comes from the usage file's discounts.
 */
export const mssqlDatabase: Estimator = (ctx) => {
  const c = ctx.config;
  const out: CostComponent[] = [];
  const secondary = str(c.create_mode) === "Secondary" || str(c.create_mode) === "OnlineSecondary";
  if (secondary) ctx.note("geo-secondary: billed as a full database at its SKU in its own region; no backup storage of its own");

  if (c.elastic_pool_id !== undefined && c.elastic_pool_id !== null) {
    ctx.note("in an elastic pool: compute and storage are billed on the pool");
  } else {
    const sku = str(c.sku_name);
    const vc = sku ? parseVcoreSku(sku) : undefined;
    if (!sku) {
      out.push(ctx.notPriced("Compute", "compute", HOURS_PER_MONTH, "hours", "sku_name not set (or not a literal)"));
    } else if (vc) {
      out.push(...vcoreLines(ctx, sku, vc));
    } else if (DTU_SKUS.test(sku)) {
      out.push(
        ...ctx.line({
          name: `Compute (${sku})`,
          kind: "compute",
          service: SERVICE,
          meter: `dtu/${sku}`,
          quantity: 1,
          unitIfNotPriced: "months",
        }),
      );
      ctx.note("DTU tier: storage up to the tier's included size is part of the DTU price; extra storage is not estimated");
    } else {
      out.push(ctx.notPriced(`Compute (${sku})`, "compute", HOURS_PER_MONTH, "hours", `unrecognised sku_name ${sku}`));
    }
  }

  if (!secondary) {
    const redundancy = str(c.storage_account_type) ?? "Geo";
    const suffix = BACKUP_REDUNDANCY[redundancy] ?? redundancy.toLowerCase();
    const pitr = ctx.usage("pitrBackupStorageGb");
    const ltr = ctx.usage("ltrBackupStorageGb");
    for (const [label, meter, u] of [
      ["PITR backup storage", "pitr-backup", pitr],
      ["Long-term retention", "ltr-backup", ltr],
    ] as const) {
      if (u.value === 0) continue;
      out.push(
        ...ctx.line({
          name: `${label} (${suffix.toUpperCase()})`,
          kind: "backup",
          service: SERVICE,
          meter: `${meter}/${suffix}`,
          quantity: u.value,
          usage: [u],
          unitIfNotPriced: "GB-month",
        }),
      );
    }
  }
  return out;
};

function vcoreLines(ctx: EstimateContext, sku: string, vc: NonNullable<ReturnType<typeof parseVcoreSku>>): CostComponent[] {
  const c = ctx.config;
  const out: CostComponent[] = [];
  const zoneRedundant = c.zone_redundant === true;
  const fam = vc.family.toLowerCase();
  const tier = vc.tier.toLowerCase();

  if (vc.serverless) {
    const u = ctx.usage("serverlessVcoreHours");
    const minCap = num(c.min_capacity) ?? 0.5;
    const neverPauses = num(c.auto_pause_delay_in_minutes) === -1;
    // A database that never pauses bills at least its minimum capacity every hour.
    const floor = neverPauses ? minCap * HOURS_PER_MONTH : 0;
    const qty = Math.min(Math.max(u.value, floor), vc.vcores * HOURS_PER_MONTH);
    out.push(
      ...ctx.line({
        name: `Compute (serverless, ${sku})`,
        kind: "compute",
        service: SERVICE,
        meter: `compute-serverless/${tier}/${fam}`,
        quantity: qty,
        usage: [u],
        unitIfNotPriced: "vCore-hours",
      }),
    );
    if (zoneRedundant) {
      out.push(
        ...ctx.line({
          name: `Zone redundancy (serverless, ${sku})`,
          kind: "compute",
          service: SERVICE,
          meter: `zone-redundancy-serverless/${tier}/${fam}`,
          quantity: qty,
          usage: [u],
          unitIfNotPriced: "vCore-hours",
        }),
      );
    }
    ctx.note("serverless compute price includes the SQL license");
  } else {
    const vcoreHours = vc.vcores * HOURS_PER_MONTH;
    out.push(
      ...ctx.line({
        name: `Compute (provisioned, ${sku})`,
        kind: "compute",
        service: SERVICE,
        meter: `compute/${tier}/${fam}`,
        quantity: vcoreHours,
        unitIfNotPriced: "vCore-hours",
      }),
    );
    if (zoneRedundant) {
      if (vc.tier === "GP") {
        out.push(
          ...ctx.line({
            name: `Zone redundancy (provisioned, ${sku})`,
            kind: "compute",
            service: SERVICE,
            meter: `zone-redundancy/${tier}/${fam}`,
            quantity: vcoreHours,
            unitIfNotPriced: "vCore-hours",
          }),
        );
      } else if (vc.tier === "BC") {
        ctx.note("zone redundancy is included in the Business Critical price");
      } else {
        out.push(
          ctx.notPriced(
            `Zone redundancy (provisioned, ${sku})`,
            "compute",
            vcoreHours,
            "vCore-hours",
            "Hyperscale zone redundancy is not in the price book",
          ),
        );
      }
    }
    let replicas = 0;
    if (vc.tier === "HS") {
      replicas = (num(c.read_replica_count) ?? 0) + (num(c.high_availability_replica_count) ?? 0);
      if (replicas > 0) {
        out.push(
          ...ctx.line({
            name: `Replicas (${replicas} x ${sku})`,
            kind: "compute",
            service: SERVICE,
            meter: `compute/${tier}/${fam}`,
            quantity: replicas * vcoreHours,
            unitIfNotPriced: "vCore-hours",
          }),
        );
      }
    }
    if (vc.tier === "BC" && c.read_scale === true) ctx.note("read scale-out uses the built-in Business Critical replica: no extra charge");
    if (str(c.license_type) === "BasePrice") {
      ctx.note("license_type BasePrice (Azure Hybrid Benefit): no SQL license line");
    } else {
      // Hyperscale replicas bill compute only: the license covers the primary's vCores.
      if (replicas > 0) ctx.note("Hyperscale replicas: compute only, no SQL license");
      const meter = vc.tier === "BC" ? "license/bc" : "license/gp-hs";
      out.push(
        ...ctx.line({
          name: "SQL license",
          kind: "license",
          service: SERVICE,
          meter,
          quantity: vcoreHours,
          unitIfNotPriced: "vCore-hours",
        }),
      );
    }
  }

  // Data storage: billed on the configured maximum size (as Infracost does); a vCore database
  // created without one gets 32 GB (T-SQL CREATE DATABASE, MAXSIZE).
  const configured = num(c.max_size_gb);
  if (configured === undefined) ctx.note(`max_size_gb unset: the vCore default maximum, ${DEFAULT_VCORE_MAX_SIZE_GB} GB`);
  const maxGb = configured ?? DEFAULT_VCORE_MAX_SIZE_GB;
  const storageMeter = vc.tier === "GP" ? (zoneRedundant ? "storage/gp-zr" : "storage/gp") : vc.tier === "BC" ? "storage/bc" : "storage/hs";
  out.push(
    ...ctx.line({
      name: "Storage (max_size_gb)",
      kind: "storage",
      service: SERVICE,
      meter: storageMeter,
      quantity: maxGb,
      unitIfNotPriced: "GB-month",
    }),
  );
  return out;
}

/**
 * What an Azure SQL Database SKU can do. One table, read by `sqlDatabaseRules` (which the environment
 * validator composes) and by the `SqlDatabase` construct, so a combination is refused in one wording.
 *
 * Sources (learn.microsoft.com):
 * - CDC: "Change data capture (CDC) with Azure SQL Database", section "Azure SQL Database compute
 *   requirements": any vCore service tier (single databases and elastic pools, serverless included);
 *   DTU model only S3 and above; the subcore tiers Basic, S0, S1 and S2 are not supported.
 *   A paused serverless database does not run the CDC scan until it resumes.
 * - Zone redundancy: Premium, Business Critical, General Purpose (provisioned and serverless) and
 *   Hyperscale; not Basic or Standard ("High availability for Azure SQL Database", zone-redundant availability).
 * - Read scale-out (`read_scale`): Premium and Business Critical; Hyperscale uses named/HA replicas instead
 *   ("Read scale-out" article).
 * - Point-in-time retention: 1-35 days, Basic at most 7 ("Automated backups", backup retention).
 * - Max data size: see `VCORE_MAX_DATA_GB` and `DTU_MAX_SIZES_GB`.
 */

/** vCore counts Azure SQL Database offers for Gen5 hardware. */
export const SQL_VCORES = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80] as const;

/**
 * Documented max data size (GB) per vCore count, standard-series (Gen5). Source: "Resource limits for
 * single databases using the vCore purchasing model" (learn.microsoft.com/azure/azure-sql/database/
 * resource-limits-vcore-single-databases), row "Max data size (GB)": General Purpose and Business
 * Critical provisioned 2-4: 1024, 6: 1536, 8-10: 2048, 12-20: 3072, 24-80: 4096; serverless the same
 * except GP_S_Gen5_6: 1024. Hyperscale: 100 TB whatever the size.
 */
const VCORE_MAX_DATA_GB: Readonly<Record<number, number>> = {
  2: 1024,
  4: 1024,
  6: 1536,
  8: 2048,
  10: 2048,
  12: 3072,
  14: 3072,
  16: 3072,
  18: 3072,
  20: 3072,
  24: 4096,
  32: 4096,
  40: 4096,
  80: 4096,
};
const SERVERLESS_MAX_DATA_GB: Readonly<Record<number, number>> = { ...VCORE_MAX_DATA_GB, 6: 1024 };
const HYPERSCALE_MAX_DATA_GB = 100 * 1024;

/**
 * Max sizes (GB) a DTU database accepts: discrete steps, not any integer. Source: "Resource limits for
 * single databases using the DTU purchasing model" (max storage: Basic 2 GB, S0-S2 250 GB, S3-S12 and
 * P1-P6 1 TB, P11-P15 4 TB) and the supported max sizes `az sql db list-editions --show-details max-size`
 * reports per service objective (sizes below 1 GB left out: the environment takes whole GB).
 */
const DTU_STANDARD_STEPS_GB = [1, 2, 5, 10, 20, 30, 40, 50, 100, 150, 200, 250];
const DTU_TO_1TB_STEPS_GB = [...DTU_STANDARD_STEPS_GB, 300, 400, 500, 750, 1024];
const DTU_MAX_SIZES_GB: Readonly<Record<string, readonly number[]>> = {
  Basic: [1, 2],
  ...Object.fromEntries(["S0", "S1", "S2"].map((s) => [s, DTU_STANDARD_STEPS_GB])),
  ...Object.fromEntries(["S3", "S4", "S6", "S7", "S9", "S12", "P1", "P2", "P4", "P6"].map((s) => [s, DTU_TO_1TB_STEPS_GB])),
  ...Object.fromEntries(["P11", "P15"].map((s) => [s, [...DTU_TO_1TB_STEPS_GB, ...Array.from({ length: 12 }, (_, i) => 1280 + i * 256)]])),
};

/** vCore SKU families: serverless General Purpose, General Purpose, Business Critical, Hyperscale (Gen5). */
export const SQL_VCORE_FAMILIES = ["GP_S_Gen5", "GP_Gen5", "BC_Gen5", "HS_Gen5"] as const;
/** DTU service objectives of single databases. */
export const SQL_DTU_SKUS = ["Basic", "S0", "S1", "S2", "S3", "S4", "S6", "S7", "S9", "S12", "P1", "P2", "P4", "P6", "P11", "P15"] as const;
/**
 * An Azure SQL Database SKU, typed like the Synapse pool SKU: the compiler refuses `GP_Gen5_3` or `S5`
 * in an environment file; `sqlSkuCapabilities` refuses them at synth (files are not type-checked there).
 */
export type SqlSkuName = `${(typeof SQL_VCORE_FAMILIES)[number]}_${(typeof SQL_VCORES)[number]}` | (typeof SQL_DTU_SKUS)[number];

const VCORE_SKU = new RegExp(`^(${SQL_VCORE_FAMILIES.join("|")})_(\\d+)$`);
const DTU_SKU = new RegExp(`^(${SQL_DTU_SKUS.join("|")})$`);

export type SqlPurchasingModel = "vCore" | "DTU";
export type SqlServiceTier = "GeneralPurpose" | "BusinessCritical" | "Hyperscale" | "Basic" | "Standard" | "Premium";

export interface SqlSkuCapabilities {
  readonly skuName: string;
  readonly model: SqlPurchasingModel;
  readonly tier: SqlServiceTier;
  /** vCores of a vCore SKU (max vCores when serverless); undefined for DTU SKUs. */
  readonly vCores?: number;
  readonly serverless: boolean;
  /** Change data capture can be enabled (vCore, or DTU S3 and above). */
  readonly supportsCdc: boolean;
  readonly supportsZoneRedundancy: boolean;
  /** `read_scale` (read-only routing to an HA replica). */
  readonly supportsReadScale: boolean;
  /** Longest point-in-time restore window in days. */
  readonly maxPointInTimeDays: number;
  /** Largest `max_size_gb` the service objective accepts. */
  readonly maxDataSizeGb: number;
  /** DTU SKUs: the only `max_size_gb` values accepted; vCore SKUs take any whole GB up to `maxDataSizeGb`. */
  readonly maxSizeStepsGb?: readonly number[];
}

/** Human-readable rule for error messages. */
export const SQL_CDC_RULE =
  "any vCore SKU (GP_S_Gen5_*, GP_Gen5_*, BC_Gen5_*, HS_Gen5_*) or DTU S3 and above (S3-S12, P1-P15); Basic, S0, S1 and S2 do not support CDC";
export const SQL_SKU_FORMAT =
  "a vCore SKU <GP_S_Gen5|GP_Gen5|BC_Gen5|HS_Gen5>_<vCores> (e.g. BC_Gen5_8) or a DTU SKU (Basic, S0-S12, P1-P15)";

/** Parses a SKU name; undefined when it is not one Azure SQL Database offers. */
export function sqlSkuCapabilities(skuName: string): SqlSkuCapabilities | undefined {
  const v = VCORE_SKU.exec(skuName);
  if (v) {
    const vCores = Number(v[2]);
    if (!(SQL_VCORES as readonly number[]).includes(vCores)) return undefined;
    const tier: SqlServiceTier = v[1] === "BC_Gen5" ? "BusinessCritical" : v[1] === "HS_Gen5" ? "Hyperscale" : "GeneralPurpose";
    return {
      skuName,
      model: "vCore",
      tier,
      vCores,
      serverless: v[1] === "GP_S_Gen5",
      supportsCdc: true,
      supportsZoneRedundancy: true,
      supportsReadScale: tier === "BusinessCritical",
      maxPointInTimeDays: 35,
      maxDataSizeGb:
        tier === "Hyperscale" ? HYPERSCALE_MAX_DATA_GB : (v[1] === "GP_S_Gen5" ? SERVERLESS_MAX_DATA_GB : VCORE_MAX_DATA_GB)[vCores],
    };
  }
  if (DTU_SKU.test(skuName)) {
    const tier: SqlServiceTier = skuName === "Basic" ? "Basic" : skuName.startsWith("S") ? "Standard" : "Premium";
    const subcore = ["Basic", "S0", "S1", "S2"].includes(skuName);
    return {
      skuName,
      model: "DTU",
      tier,
      serverless: false,
      supportsCdc: !subcore,
      supportsZoneRedundancy: tier === "Premium",
      supportsReadScale: tier === "Premium",
      maxPointInTimeDays: tier === "Basic" ? 7 : 35,
      maxDataSizeGb: Math.max(...DTU_MAX_SIZES_GB[skuName]),
      maxSizeStepsGb: DTU_MAX_SIZES_GB[skuName],
    };
  }
  return undefined;
}

/**
 * What an Azure SQL Database SKU can do. One table, read by the environment validator and by the
 * `SqlDatabase` construct, so both reject the same combinations with the same words.
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
 */

/** vCore counts Azure SQL Database offers for Gen5 hardware. */
export const SQL_VCORES = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80] as const;

const VCORE_SKU = /^(GP_S_Gen5|GP_Gen5|BC_Gen5|HS_Gen5)_(\d+)$/;
/** DTU service objectives of single databases. */
const DTU_SKU = /^(Basic|S0|S1|S2|S3|S4|S6|S7|S9|S12|P1|P2|P4|P6|P11|P15)$/;

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
    };
  }
  return undefined;
}

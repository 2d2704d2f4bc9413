import { Rule } from "../shared/rules";

/** Azure regions this platform is allowed to deploy to (data residency: EU first). */
export const AZURE_LOCATIONS = [
  "westeurope",
  "northeurope",
  "francecentral",
  "francesouth",
  "germanywestcentral",
  "swedencentral",
  "uksouth",
  "ukwest",
  "eastus",
  "eastus2",
  "westus2",
  "centralus",
] as const;
export type AzureLocation = (typeof AZURE_LOCATIONS)[number];

/**
 * The allowed regions that have availability zones. Zone-redundant SQL, Cosmos DB, ZRS/GZRS storage,
 * zone-redundant backups and the zonal Azure Firewall cannot be created elsewhere.
 * Source: learn.microsoft.com "Azure regions list" / "Azure regions with availability zone support"
 * (reliability/regions-list): France South and UK West have no availability zones; the others do.
 */
export const AZURE_ZONAL_LOCATIONS: readonly AzureLocation[] = AZURE_LOCATIONS.filter((l) => l !== "francesouth" && l !== "ukwest");

/**
 * A setting that needs availability zones (`needed`) is used only in a region that has them. `region`
 * names the prop holding the region (`location` or `secondaryLocation`, the same words in the
 * environment file); an unset region is not judged here.
 */
export function zonalRule(
  needed: boolean,
  region: { readonly field: "location" | "secondaryLocation"; readonly value: AzureLocation | undefined },
  setting: { readonly field: string; readonly value: unknown; readonly otherwise: string },
): Rule {
  return {
    ok: !needed || region.value === undefined || AZURE_ZONAL_LOCATIONS.includes(region.value),
    field: setting.field,
    value: setting.value,
    allowed: `${setting.otherwise}: ${region.field} ${region.value} has no availability zones (regions with zones: ${AZURE_ZONAL_LOCATIONS.join(", ")})`,
  };
}

/** The secondary (failover) region differs from the primary; one rule for every construct that takes both. */
export function secondaryLocationRule(location: AzureLocation, secondaryLocation: AzureLocation | undefined): Rule {
  return {
    ok: secondaryLocation === undefined || secondaryLocation !== location,
    field: "secondaryLocation",
    value: secondaryLocation,
    allowed: `a region other than location (${location})`,
  };
}

/** Short codes used in resource names (CAF recommends a region abbreviation). */
export const AZURE_LOCATION_SHORT: Record<AzureLocation, string> = {
  westeurope: "weu",
  northeurope: "neu",
  francecentral: "frc",
  francesouth: "frs",
  germanywestcentral: "gwc",
  swedencentral: "sdc",
  uksouth: "uks",
  ukwest: "ukw",
  eastus: "eus",
  eastus2: "eus2",
  westus2: "wus2",
  centralus: "cus",
};

import { sqlSkuCapabilities } from "../../constructs/azure/sql-sku";
import { AzureEnvironment, SqlDatabaseSizing } from "../../environments/types";
import { validateAzureEnvironment } from "../../environments/validate";
import { dev } from "../../environments/dev";
import { prod } from "../../environments/prod";
import { staging } from "../../environments/staging";
import { ENVIRONMENTS, ENV_NAMES } from "../helpers/azure";

/** An environment with one store setting changed. */
function withSql(env: AzureEnvironment, sql: Partial<SqlDatabaseSizing>, rest: Partial<AzureEnvironment> = {}): AzureEnvironment {
  return { ...env, ...rest, sizing: { ...env.sizing, sqlDatabase: { ...env.sizing.sqlDatabase, ...sql } } };
}
function withSizing(env: AzureEnvironment, sizing: Partial<AzureEnvironment["sizing"]>): AzureEnvironment {
  return { ...env, sizing: { ...env.sizing, ...sizing } };
}

describe("store validation of the environment files", () => {
  test.each(ENV_NAMES)("%s passes", (name) => {
    expect(() => validateAzureEnvironment(ENVIRONMENTS[name])).not.toThrow();
  });

  describe("CDC tier rule (vCore any tier; DTU S3 and above)", () => {
    test.each(["Basic", "S0", "S1", "S2"] as const)("CDC on %s fails naming cdc.enabled and the SKU", (skuName) => {
      // GIVEN staging with a subcore DTU SKU and CDC on  WHEN validated  THEN the error names the field and the rule
      const env = withSql(staging, { skuName }, { retention: { ...staging.retention, sqlPointInTimeDays: 7 } });
      expect(() => validateAzureEnvironment(env)).toThrow(
        new RegExp(`cdc\\.enabled: got true; allowed: false for the SKU ${skuName} \\((Basic|Standard)\\); CDC needs any vCore SKU`),
      );
    });

    // 250 GB: a max size every one of these SKUs offers (DTU SKUs take fixed steps only).
    test.each(["S3", "S12", "P1", "GP_S_Gen5_2", "HS_Gen5_4"] as const)("CDC on %s passes", (skuName) => {
      expect(() => validateAzureEnvironment(withSql(staging, { skuName, maxSizeGb: 250 }))).not.toThrow();
    });

    test("a subcore SKU without CDC passes", () => {
      expect(() =>
        validateAzureEnvironment(withSql(staging, { skuName: "S1", maxSizeGb: 250 }, { cdc: { enabled: false, tables: [] } })),
      ).not.toThrow();
    });

    test("the capability table follows the documented rule", () => {
      expect(["Basic", "S0", "S1", "S2"].map((s) => sqlSkuCapabilities(s)?.supportsCdc)).toEqual([false, false, false, false]);
      expect(
        ["S3", "S4", "P15", "GP_S_Gen5_2", "GP_Gen5_4", "BC_Gen5_8", "HS_Gen5_2"].every((s) => sqlSkuCapabilities(s)?.supportsCdc),
      ).toBe(true);
      expect(sqlSkuCapabilities("S5")).toBeUndefined();
    });
  });

  test.each([
    [
      "zone redundancy on a Standard SKU",
      withSql(staging, { skuName: "S3", zoneRedundant: true }),
      /sizing\.sqlDatabase\.zoneRedundant: got true; allowed: false for S3 \(Standard\)/,
    ],
    ["read scale-out on General Purpose", withSql(staging, { readScaleOut: true }), /sizing\.sqlDatabase\.readScaleOut: got true/],
    [
      "serverless fields on a provisioned SKU",
      withSql(staging, { minCapacity: 1 }),
      /sizing\.sqlDatabase\.minCapacity\/autoPauseDelayMinutes/,
    ],
    [
      "serverless min capacity above the SKU's vCores",
      withSql(dev, { minCapacity: 4 }),
      /sizing\.sqlDatabase\.minCapacity: got 4; allowed: 0\.5 to 2 vCores/,
    ],
    [
      "serverless auto-pause below 15 minutes",
      withSql(dev, { autoPauseDelayMinutes: 5 }),
      /sizing\.sqlDatabase\.autoPauseDelayMinutes: got 5/,
    ],
    [
      "a 14-day PITR window on Basic",
      withSql(staging, { skuName: "Basic" }, { cdc: { enabled: false, tables: [] } }),
      /retention\.sqlPointInTimeDays: got 14; allowed: an integer from 1 to 7 days \(the point-in-time window Basic keeps\)/,
    ],
    ["an unknown SKU", withSql(staging, { skuName: "GP_Gen5_7" as never }), /sizing\.sqlDatabase\.skuName: got "GP_Gen5_7"/],
    [
      "serverless in prod",
      withSql(prod, { skuName: "GP_S_Gen5_8", readScaleOut: false }),
      /sizing\.sqlDatabase\.skuName: got "GP_S_Gen5_8"; allowed: a provisioned SKU in prod/,
    ],
    [
      "a geo-replica without a secondary region",
      withSql({ ...dev, secondaryLocation: undefined }, { geoReplica: true }),
      /sizing\.sqlDatabase\.geoReplica/,
    ],
    [
      "prod without a geo-replica",
      withSql(prod, { geoReplica: false }),
      /sizing\.sqlDatabase\.geoReplica: got false; allowed: true in prod/,
    ],
    [
      "prod without zone redundancy",
      withSql(prod, { zoneRedundant: false }),
      /sizing\.sqlDatabase\.zoneRedundant: got false; allowed: true in prod/,
    ],
    ["prod without long-term retention", withSql(prod, { longTermRetention: undefined }), /sizing\.sqlDatabase\.longTermRetention/],
    [
      "prod with locally redundant backups",
      withSql(prod, { backupStorageRedundancy: "Local" }),
      /sizing\.sqlDatabase\.backupStorageRedundancy: got "Local"; allowed: Geo or GeoZone in prod/,
    ],
    [
      "a single-region prod Cosmos DB",
      withSizing(prod, { cosmos: { ...prod.sizing.cosmos, multiRegion: false } }),
      /sizing\.cosmos\.multiRegion: got false; allowed: true in prod/,
    ],
    [
      "prod Cosmos DB without zone redundancy",
      withSizing(prod, { cosmos: { ...prod.sizing.cosmos, zoneRedundant: false } }),
      /sizing\.cosmos\.zoneRedundant: got false/,
    ],
    [
      "Cosmos DB throughput not a multiple of 1000",
      withSizing(staging, { cosmos: { ...staging.sizing.cosmos, autoscaleMaxThroughput: 1500 } }),
      /sizing\.cosmos\.autoscaleMaxThroughput: got 1500/,
    ],
    [
      "Cosmos DB throughput below the autoscale minimum",
      withSizing(staging, { cosmos: { ...staging.sizing.cosmos, autoscaleMaxThroughput: 400 } }),
      /sizing\.cosmos\.autoscaleMaxThroughput: got 400/,
    ],
    [
      "multi-region Cosmos DB without a secondary region",
      withSizing({ ...dev, secondaryLocation: undefined }, { cosmos: { ...dev.sizing.cosmos, multiRegion: true } }),
      /sizing\.cosmos\.multiRegion: got true; allowed: false unless secondaryLocation is set/,
    ],
    [
      "prod Cosmos DB with a 7-day restore window",
      withSizing(prod, { cosmos: { ...prod.sizing.cosmos, continuousBackupTier: "Continuous7Days" } }),
      /sizing\.cosmos\.continuousBackupTier: got "Continuous7Days"; allowed: Continuous30Days in prod/,
    ],
    [
      "an unknown Synapse pool SKU",
      withSizing(staging, { synapse: { ...staging.sizing.synapse, sqlPoolSku: "DW5000" as never } }),
      /sizing\.synapse\.sqlPoolSku: got "DW5000"/,
    ],
    [
      "prod Synapse without geo-backup",
      withSizing(prod, { synapse: { ...prod.sizing.synapse, geoBackup: false } }),
      /sizing\.synapse\.geoBackup: got false; allowed: true in prod/,
    ],
    [
      "prod data lake without geo-redundancy",
      withSizing(prod, { synapse: { ...prod.sizing.synapse, dataLakeReplication: "ZRS" } }),
      /sizing\.synapse\.dataLakeReplication: got "ZRS"; allowed: GRS or GZRS in prod/,
    ],
    [
      "an unknown data lake replication",
      withSizing(staging, { synapse: { ...staging.sizing.synapse, dataLakeReplication: "RAGRS" as never } }),
      /sizing\.synapse\.dataLakeReplication: got "RAGRS"/,
    ],
  ] as const)("rejects %s", (_label, env, message) => {
    expect(() => validateAzureEnvironment(env)).toThrow(message);
  });
});

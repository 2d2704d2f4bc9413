/**
 * What the Azure stack passes to a construct where an environment's fields do not map one to one onto
 * its props. The stack builds the construct from it and the validator judges the same values with the
 * construct's rules, so the two cannot drift apart.
 */
import { AzureEnvironment } from "./types";
import { CosmosAccountRuleInput } from "../constructs/azure/cosmos-db";
import { SqlDatabaseRuleInput } from "../constructs/azure/sql-database";

/** The database's sizing, PITR window, CDC list, and the secondary region only when `geoReplica` is on. */
export function sqlDatabaseInput(env: AzureEnvironment): SqlDatabaseRuleInput {
  return {
    location: env.location,
    sizing: env.sizing.sqlDatabase,
    pointInTimeRetentionDays: env.retention.sqlPointInTimeDays,
    secondaryLocation: env.sizing.sqlDatabase.geoReplica ? env.secondaryLocation : undefined,
    cdc: { enabled: env.cdc.enabled, tables: env.cdc.tables },
  };
}

/** The account's sizing, and the secondary region only when `multiRegion` is on. */
export function cosmosAccountInput(env: AzureEnvironment): CosmosAccountRuleInput {
  const c = env.sizing.cosmos;
  return {
    location: env.location,
    secondaryLocation: c.multiRegion ? env.secondaryLocation : undefined,
    zoneRedundant: c.zoneRedundant,
    autoscaleMaxThroughput: c.autoscaleMaxThroughput,
    continuousBackupTier: c.continuousBackupTier,
  };
}

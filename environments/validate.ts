import {
  AzureEnvironment,
  AzureSizing,
  CdcConfig,
  CosmosSizing,
  DataFactoryConfig,
  ENVIRONMENT_TIERS,
  EntraAdminGroup,
  NetworkConfig,
  OLTP_TABLES,
  RetentionConfig,
  SYNAPSE_SQL_POOL_SKUS,
  SqlDatabaseSizing,
  StateBackendConfig,
  SynapseSizing,
} from "./types";
import { AZURE_LOCATIONS, AZURE_ZONAL_LOCATIONS } from "../constructs/azure/locations";
import { AzureNaming } from "../constructs/azure/naming";
import {
  GUID,
  IssueCollector,
  checkAddressPlan,
  checkAlertContacts,
  checkBudget,
  checkPolicyConfig,
  checkRequiredTags,
  checkNetworksDoNotOverlap,
  checkDistinct,
  EnvironmentSetIssues,
} from "./checks";
import { SQL_CDC_RULE, SQL_SKU_FORMAT, sqlSkuCapabilities } from "../constructs/azure/sql-sku";
import {
  ALERT_CONTACTS_SHAPE,
  BUDGET_SHAPE,
  POLICY_SHAPE,
  REQUIRED_TAGS_SHAPE,
  bool,
  checkShape,
  environmentLabel,
  list,
  num,
  object,
  optional,
  tagged,
  text,
} from "./shape";

const ISO_DURATION = /^P(\d+[DWMY])$/;

/** The runtime shape of `AzureEnvironment` (the compiler keeps it complete). */
const AZURE_ENVIRONMENT_SHAPE = object<AzureEnvironment>({
  name: text,
  tier: text,
  workload: text,
  location: text,
  secondaryLocation: optional(text),
  tenantId: text,
  subscriptionId: text,
  network: object<NetworkConfig>({
    addressSpace: text,
    privateEndpointSubnet: text,
    integrationSubnet: text,
    firewallSubnet: optional(text),
    ddosProtection: optional(bool),
  }),
  tags: REQUIRED_TAGS_SHAPE,
  retention: object<RetentionConfig>({ logAnalyticsDays: num, sqlPointInTimeDays: num, keyVaultSoftDeleteDays: num }),
  alertContacts: ALERT_CONTACTS_SHAPE,
  budget: optional(BUDGET_SHAPE),
  stateBackend: tagged<StateBackendConfig>({
    local: { kind: text, path: optional(text) },
    azurerm: {
      kind: text,
      resourceGroupName: text,
      storageAccountName: text,
      containerName: text,
      key: text,
      tenantId: optional(text),
      subscriptionId: optional(text),
    },
  }),
  sqlAdminGroup: object<EntraAdminGroup>({ displayName: text, objectId: text }),
  sizing: object<AzureSizing>({
    sqlDatabase: object<SqlDatabaseSizing>({
      skuName: text,
      maxSizeGb: num,
      zoneRedundant: bool,
      readScaleOut: bool,
      backupStorageRedundancy: text,
      longTermRetention: optional(
        object<NonNullable<SqlDatabaseSizing["longTermRetention"]>>({ weekly: text, monthly: text, yearly: text, weekOfYear: num }),
      ),
      geoReplica: optional(bool),
      minCapacity: optional(num),
      autoPauseDelayMinutes: optional(num),
    }),
    synapse: object<SynapseSizing>({ sqlPoolSku: text, geoBackup: bool, dataLakeReplication: optional(text) }),
    cosmos: object<CosmosSizing>({
      autoscaleMaxThroughput: num,
      multiRegion: bool,
      zoneRedundant: bool,
      continuousBackupTier: optional(text),
    }),
    dataFactory: object<DataFactoryConfig>({
      scheduledFlowsEnabled: bool,
      git: optional(
        object<NonNullable<DataFactoryConfig["git"]>>({ accountName: text, repositoryName: text, branchName: text, rootFolder: text }),
      ),
    }),
  }),
  cdc: object<CdcConfig>({ enabled: bool, tables: list(text) }),
  policy: POLICY_SHAPE,
  deletionProtection: bool,
});

/**
 * Validates an Azure environment before any construct is built.
 * Throws one `EnvironmentConfigError` that lists every problem with its field, value and what is allowed.
 */
export function validateAzureEnvironment(env: AzureEnvironment): AzureEnvironment {
  // Types first: every later check may dereference any field.
  const shape = new IssueCollector();
  checkShape(shape, env, AZURE_ENVIRONMENT_SHAPE, "");
  shape.throwIfAny(environmentLabel(env));

  const v = new IssueCollector();
  const prod = env.tier === "prod";

  v.check(/^[a-z][a-z0-9]{1,7}$/.test(env.name), "name", env.name, "2-8 lowercase letters or digits, starting with a letter");
  v.oneOf(env.tier, ENVIRONMENT_TIERS, "tier");
  v.check(/^[a-z][a-z0-9]{1,5}$/.test(env.workload), "workload", env.workload, "2-6 lowercase letters or digits, starting with a letter");
  v.oneOf(env.location, AZURE_LOCATIONS, "location");
  v.check(GUID.test(env.tenantId), "tenantId", env.tenantId, "a GUID");
  v.check(GUID.test(env.subscriptionId), "subscriptionId", env.subscriptionId, "a GUID");

  // The tightest service limits (Key Vault and storage: 24 characters) bound workload + name.
  if (/^[a-z][a-z0-9]{1,7}$/.test(env.name) && /^[a-z][a-z0-9]{1,5}$/.test(env.workload) && AZURE_LOCATIONS.includes(env.location)) {
    const naming = new AzureNaming({ workload: env.workload, environment: env.name, location: env.location, uniqueSeed: env.tenantId });
    for (const kind of ["keyVault", "storageAccount"] as const) {
      try {
        naming.name(kind, { qualifier: kind === "storageAccount" ? "dl" : undefined });
      } catch (e) {
        v.check(
          false,
          "workload/name",
          `${env.workload}/${env.name}`,
          `a combination short enough for every service: ${(e as Error).message}`,
        );
      }
    }
  }

  if (env.secondaryLocation !== undefined) {
    v.oneOf(env.secondaryLocation, AZURE_LOCATIONS, "secondaryLocation");
    v.check(
      env.secondaryLocation !== env.location,
      "secondaryLocation",
      env.secondaryLocation,
      `a region other than location (${env.location})`,
    );
  }
  if (prod) {
    v.check(
      env.secondaryLocation !== undefined,
      "secondaryLocation",
      env.secondaryLocation,
      "a region (required in prod for geo-replicas and failover)",
    );
  }

  // Network
  const n = env.network;
  checkAddressPlan(v, { field: "network.addressSpace", cidr: n.addressSpace }, [
    { field: "network.privateEndpointSubnet", cidr: n.privateEndpointSubnet, maxPrefix: 28 },
    // Data Factory / compute integration needs room for scale-out: at least a /27.
    { field: "network.integrationSubnet", cidr: n.integrationSubnet, maxPrefix: 27 },
    // Azure Firewall requires AzureFirewallSubnet of /26 or larger.
    ...(n.firewallSubnet !== undefined ? [{ field: "network.firewallSubnet", cidr: n.firewallSubnet, maxPrefix: 26 }] : []),
  ]);
  if (prod) {
    v.check(
      n.firewallSubnet !== undefined,
      "network.firewallSubnet",
      n.firewallSubnet,
      "a /26 or larger range (Azure Firewall is required in prod)",
    );
    v.check(n.ddosProtection === true, "network.ddosProtection", n.ddosProtection, "true (DDoS Network Protection is required in prod)");
  }

  // Tags
  checkRequiredTags(v, env.tags, env.name);

  // Retention
  v.intBetween(env.retention.logAnalyticsDays, 90, 730, "retention.logAnalyticsDays");
  v.intBetween(env.retention.sqlPointInTimeDays, prod ? 35 : 7, 35, "retention.sqlPointInTimeDays");
  v.intBetween(env.retention.keyVaultSoftDeleteDays, prod ? 90 : 7, 90, "retention.keyVaultSoftDeleteDays");

  // Alerts and budget
  checkAlertContacts(v, env.alertContacts);
  checkBudget(v, env.budget, prod);

  // State
  const s = env.stateBackend;
  if (s.kind === "local") {
    v.check(
      env.tier === "dev",
      "stateBackend.kind",
      s.kind,
      `"azurerm" (local state is allowed for dev only; ${env.tier} state must be shared and locked)`,
    );
  } else {
    v.check(
      /^[a-z0-9]{3,24}$/.test(s.storageAccountName),
      "stateBackend.storageAccountName",
      s.storageAccountName,
      "3-24 lowercase letters or digits",
    );
    v.check(
      /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(s.containerName),
      "stateBackend.containerName",
      s.containerName,
      "3-63 lowercase letters, digits and single hyphens",
    );
    v.check(/^[A-Za-z0-9._/-]+\.tfstate$/.test(s.key), "stateBackend.key", s.key, "a blob name ending in .tfstate");
    v.check(s.resourceGroupName.length > 0, "stateBackend.resourceGroupName", s.resourceGroupName, "a resource group name");
  }

  // Identity
  v.check(
    GUID.test(env.sqlAdminGroup.objectId),
    "sqlAdminGroup.objectId",
    env.sqlAdminGroup.objectId,
    "the Entra ID group's object id (a GUID)",
  );
  v.check(
    env.sqlAdminGroup.displayName.trim().length > 0,
    "sqlAdminGroup.displayName",
    env.sqlAdminGroup.displayName,
    "the Entra ID group's display name",
  );

  // Sizing: SQL Database
  const sql = env.sizing.sqlDatabase;
  const sku = sqlSkuCapabilities(sql.skuName);
  if (v.check(sku !== undefined, "sizing.sqlDatabase.skuName", sql.skuName, SQL_SKU_FORMAT)) {
    const caps = sku as NonNullable<typeof sku>;
    const serverless = caps.serverless;
    v.check(
      !sql.readScaleOut || caps.supportsReadScale,
      "sizing.sqlDatabase.readScaleOut",
      sql.readScaleOut,
      `false unless the SKU is Business Critical (BC_Gen5_*) or Premium (P*); ${sql.skuName} has no readable HA replica`,
    );
    v.check(
      serverless || (sql.minCapacity === undefined && sql.autoPauseDelayMinutes === undefined),
      "sizing.sqlDatabase.minCapacity/autoPauseDelayMinutes",
      { minCapacity: sql.minCapacity, autoPauseDelayMinutes: sql.autoPauseDelayMinutes },
      "unset unless the SKU is serverless (GP_S_Gen5_*)",
    );
    if (serverless && sql.minCapacity !== undefined) {
      v.check(
        sql.minCapacity >= 0.5 && sql.minCapacity <= (caps.vCores ?? 0),
        "sizing.sqlDatabase.minCapacity",
        sql.minCapacity,
        `0.5 to ${caps.vCores} vCores (the SKU's maximum)`,
      );
    }
    if (serverless && sql.autoPauseDelayMinutes !== undefined) {
      const d = sql.autoPauseDelayMinutes;
      v.check(
        d === -1 || (Number.isInteger(d) && d >= 15 && d <= 10080),
        "sizing.sqlDatabase.autoPauseDelayMinutes",
        d,
        "-1 (never pause) or 15 to 10080 minutes",
      );
    }
    v.check(
      !sql.zoneRedundant || caps.supportsZoneRedundancy,
      "sizing.sqlDatabase.zoneRedundant",
      sql.zoneRedundant,
      `false for ${sql.skuName} (${caps.tier}); zone redundancy needs General Purpose, Business Critical, Hyperscale or Premium`,
    );
    v.check(
      !env.cdc.enabled || caps.supportsCdc,
      "cdc.enabled",
      env.cdc.enabled,
      `false for sizing.sqlDatabase.skuName ${sql.skuName}; CDC needs ${SQL_CDC_RULE}`,
    );
    v.check(
      env.retention.sqlPointInTimeDays <= caps.maxPointInTimeDays,
      "retention.sqlPointInTimeDays",
      env.retention.sqlPointInTimeDays,
      `at most ${caps.maxPointInTimeDays} days for sizing.sqlDatabase.skuName ${sql.skuName}`,
    );
    const size = sql.maxSizeGb;
    v.check(
      caps.maxSizeStepsGb ? caps.maxSizeStepsGb.includes(size) : Number.isInteger(size) && size >= 1 && size <= caps.maxDataSizeGb,
      "sizing.sqlDatabase.maxSizeGb",
      size,
      caps.maxSizeStepsGb
        ? `one of ${caps.maxSizeStepsGb.join(", ")} GB (the max sizes ${sql.skuName} offers)`
        : `an integer from 1 to ${caps.maxDataSizeGb} GB (the documented max data size of ${sql.skuName})`,
    );
    if (prod) {
      v.check(
        !serverless,
        "sizing.sqlDatabase.skuName",
        sql.skuName,
        "a provisioned SKU in prod (serverless auto-pause adds cold-start latency to the payment write path)",
      );
    }
  }
  v.oneOf(sql.backupStorageRedundancy, ["Local", "Zone", "Geo", "GeoZone"] as const, "sizing.sqlDatabase.backupStorageRedundancy");
  if (sql.longTermRetention) {
    const l = sql.longTermRetention;
    v.check(ISO_DURATION.test(l.weekly), "sizing.sqlDatabase.longTermRetention.weekly", l.weekly, "an ISO 8601 duration such as P12W");
    v.check(ISO_DURATION.test(l.monthly), "sizing.sqlDatabase.longTermRetention.monthly", l.monthly, "an ISO 8601 duration such as P12M");
    v.check(ISO_DURATION.test(l.yearly), "sizing.sqlDatabase.longTermRetention.yearly", l.yearly, "an ISO 8601 duration such as P7Y");
    v.intBetween(l.weekOfYear, 1, 52, "sizing.sqlDatabase.longTermRetention.weekOfYear");
  }
  if (sql.geoReplica) {
    v.check(env.secondaryLocation !== undefined, "sizing.sqlDatabase.geoReplica", sql.geoReplica, "false unless secondaryLocation is set");
  }
  if (prod) {
    v.check(sql.zoneRedundant, "sizing.sqlDatabase.zoneRedundant", sql.zoneRedundant, "true in prod");
    v.check(
      sql.backupStorageRedundancy === "Geo" || sql.backupStorageRedundancy === "GeoZone",
      "sizing.sqlDatabase.backupStorageRedundancy",
      sql.backupStorageRedundancy,
      "Geo or GeoZone in prod",
    );
    v.check(
      sql.longTermRetention !== undefined,
      "sizing.sqlDatabase.longTermRetention",
      sql.longTermRetention,
      "weekly/monthly/yearly retention (required in prod)",
    );
    v.check(sql.geoReplica === true, "sizing.sqlDatabase.geoReplica", sql.geoReplica, "true in prod (failover group in secondaryLocation)");
  }

  // Sizing: Synapse
  v.oneOf(env.sizing.synapse.sqlPoolSku, SYNAPSE_SQL_POOL_SKUS, "sizing.synapse.sqlPoolSku");
  if (prod) v.check(env.sizing.synapse.geoBackup, "sizing.synapse.geoBackup", env.sizing.synapse.geoBackup, "true in prod");
  const lakeReplication = env.sizing.synapse.dataLakeReplication ?? "ZRS";
  v.oneOf(lakeReplication, ["LRS", "ZRS", "GRS", "GZRS"] as const, "sizing.synapse.dataLakeReplication");
  if (prod)
    v.check(
      lakeReplication === "GRS" || lakeReplication === "GZRS",
      "sizing.synapse.dataLakeReplication",
      lakeReplication,
      "GRS or GZRS in prod (the lake holds the warehouse's staged data)",
    );

  // Sizing: Cosmos DB
  const c = env.sizing.cosmos;
  v.check(
    Number.isInteger(c.autoscaleMaxThroughput) &&
      c.autoscaleMaxThroughput >= 1000 &&
      c.autoscaleMaxThroughput <= 1_000_000 &&
      c.autoscaleMaxThroughput % 1000 === 0,
    "sizing.cosmos.autoscaleMaxThroughput",
    c.autoscaleMaxThroughput,
    "a multiple of 1000 from 1000 to 1000000 RU/s",
  );
  if (c.multiRegion) {
    v.check(env.secondaryLocation !== undefined, "sizing.cosmos.multiRegion", c.multiRegion, "false unless secondaryLocation is set");
  }
  if (prod) {
    v.check(c.multiRegion, "sizing.cosmos.multiRegion", c.multiRegion, "true in prod (two regions with automatic failover)");
    v.check(c.zoneRedundant, "sizing.cosmos.zoneRedundant", c.zoneRedundant, "true in prod");
  }
  const cosmosBackup = c.continuousBackupTier ?? "Continuous7Days";
  v.oneOf(cosmosBackup, ["Continuous7Days", "Continuous30Days"] as const, "sizing.cosmos.continuousBackupTier");
  if (prod) v.check(cosmosBackup === "Continuous30Days", "sizing.cosmos.continuousBackupTier", cosmosBackup, "Continuous30Days in prod");

  // Data Factory
  const git = env.sizing.dataFactory.git;
  if (git) {
    for (const [k, val] of Object.entries(git)) {
      v.check(typeof val === "string" && val.trim().length > 0, `sizing.dataFactory.git.${k}`, val, "a non-empty string");
    }
  }

  // CDC
  const seen = new Set<string>();
  for (const [i, t] of env.cdc.tables.entries()) {
    v.oneOf(t, OLTP_TABLES, `cdc.tables[${i}]`);
    v.check(!seen.has(t), `cdc.tables[${i}]`, t, "a table listed once");
    seen.add(t);
  }
  if (env.cdc.enabled) v.check(env.cdc.tables.length > 0, "cdc.tables", env.cdc.tables, "at least one table when cdc.enabled is true");

  // Settings that need availability zones in the region they are deployed to.
  const zoneNeeds: [needed: boolean, where: "location" | "secondaryLocation", field: string, value: unknown, otherwise: string][] = [
    [n.firewallSubnet !== undefined, "location", "network.firewallSubnet", n.firewallSubnet, "unset (Azure Firewall is zonal)"],
    [sql.zoneRedundant, "location", "sizing.sqlDatabase.zoneRedundant", sql.zoneRedundant, "false"],
    [sql.zoneRedundant && sql.geoReplica === true, "secondaryLocation", "sizing.sqlDatabase.zoneRedundant", sql.zoneRedundant, "false"],
    [
      ["Zone", "GeoZone"].includes(sql.backupStorageRedundancy),
      "location",
      "sizing.sqlDatabase.backupStorageRedundancy",
      sql.backupStorageRedundancy,
      "Local or Geo",
    ],
    [c.zoneRedundant, "location", "sizing.cosmos.zoneRedundant", c.zoneRedundant, "false"],
    [c.zoneRedundant && c.multiRegion, "secondaryLocation", "sizing.cosmos.zoneRedundant", c.zoneRedundant, "false"],
    [["ZRS", "GZRS"].includes(lakeReplication), "location", "sizing.synapse.dataLakeReplication", lakeReplication, "LRS or GRS"],
  ];
  for (const [needed, where, field, value, otherwise] of zoneNeeds) {
    const region = env[where];
    if (needed && region !== undefined) {
      v.check(
        (AZURE_ZONAL_LOCATIONS as readonly string[]).includes(region),
        field,
        value,
        `${otherwise}: ${where} ${region} has no availability zones (regions with zones: ${AZURE_ZONAL_LOCATIONS.join(", ")})`,
      );
    }
  }

  // Policy
  checkPolicyConfig(v, env.policy, prod);

  if (prod) v.check(env.deletionProtection, "deletionProtection", env.deletionProtection, "true in prod");

  v.throwIfAny(env.name);
  return env;
}

/**
 * Checks what no single file can: unique names, subscriptions and state blobs, and address spaces that
 * do not overlap (environments are peered to a hub, so overlapping ranges cannot be routed). Run it on
 * environments that passed `validateAzureEnvironment`.
 */
export function validateEnvironmentSet(envs: readonly AzureEnvironment[]): void {
  const v = new EnvironmentSetIssues();
  const names = new Set<string>();
  for (const env of envs) {
    v.check(env.name, !names.has(env.name), "name", env.name, "a name no other environment uses");
    names.add(env.name);
  }
  checkDistinct(
    v,
    "subscriptionId",
    envs.map((e) => ({ name: e.name, value: e.subscriptionId })),
    "a subscription",
    "subscription-level budgets, policy assignments and Defender plans of one environment would govern the other",
  );
  checkDistinct(
    v,
    "stateBackend.key",
    envs.map((e) => ({ name: e.name, value: stateLocation(e) })),
    "a state blob",
    "two stacks writing one state destroy each other's resources on apply",
  );
  checkNetworksDoNotOverlap(
    v,
    "network.addressSpace",
    envs.map((e) => ({ name: e.name, cidr: e.network.addressSpace })),
  );
  v.throwIfAny();
}

/** Where the environment's state lives, comparable across environments. */
function stateLocation(env: AzureEnvironment): string {
  const s = env.stateBackend;
  return s.kind === "local"
    ? `local:${s.path ?? `terraform.azure-${env.name}.tfstate`}`
    : `${s.storageAccountName}/${s.containerName}/${s.key}`;
}

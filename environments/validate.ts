import {
  AzureEnvironment,
  AzureSizing,
  CdcConfig,
  CosmosSizing,
  ENVIRONMENT_TIERS,
  NetworkConfig,
  RetentionConfig,
  SqlDatabaseSizing,
  StateBackendConfig,
} from "./types";
import { cosmosAccountInput, sqlDatabaseInput } from "./azure-inputs";
import { EntraAdminGroup } from "../constructs/azure/common";
import { cosmosAccountRules } from "../constructs/azure/cosmos-db";
import { DataFactoryConfig, dataFactoryGitRules } from "../constructs/azure/data-factory";
import { DEFAULT_DATA_LAKE_FILESYSTEMS, dataLakeRules } from "../constructs/azure/data-lake";
import { keyVaultRules } from "../constructs/azure/key-vault";
import { AZURE_LOCATIONS, secondaryLocationRule } from "../constructs/azure/locations";
import { logAnalyticsRules } from "../constructs/azure/log-analytics";
import { azureBudgetRules } from "../constructs/azure/monitoring";
import { azureNamingRules } from "../constructs/azure/naming-rules";
import { networkRules } from "../constructs/azure/network";
import { sqlDatabaseRules } from "../constructs/azure/sql-database";
import { sqlSkuCapabilities } from "../constructs/azure/sql-sku";
import { SynapseSizing, synapseWarehouseRules } from "../constructs/azure/synapse-warehouse";
import { renamed } from "../constructs/shared/rules";
import {
  GUID,
  IssueCollector,
  checkAlertContacts,
  checkPolicyConfig,
  checkRequiredTags,
  checkNetworksDoNotOverlap,
  checkDistinct,
  EnvironmentSetIssues,
} from "./checks";
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
 *
 * Each section composes the rules the constructs own for the props the stack passes them (renamed to
 * the environment's fields) and adds only what no construct can know: what a tier requires, and how
 * the environment's fields map onto the constructs (docs/architecture.md, "Validation: where a rule lives").
 */
export function validateAzureEnvironment(env: AzureEnvironment): AzureEnvironment {
  // Types first: every later check may dereference any field.
  const shape = new IssueCollector();
  checkShape(shape, env, AZURE_ENVIRONMENT_SHAPE, "");
  shape.throwIfAny(environmentLabel(env));

  const v = new IssueCollector();
  const prod = env.tier === "prod";
  checkIdentity(v, env, prod);
  checkNetwork(v, env, prod);
  checkRequiredTags(v, env.tags, env.name);
  checkRetention(v, env, prod);
  checkAlerts(v, env, prod);
  checkStateBackend(v, env);
  checkSqlDatabase(v, env, prod);
  checkSynapse(v, env, prod);
  checkCosmos(v, env, prod);
  checkDataFactory(v, env);
  checkPolicyConfig(v, env.policy, prod);
  if (prod) v.check(env.deletionProtection, "deletionProtection", env.deletionProtection, "true in prod");
  v.throwIfAny(env.name);
  return env;
}

/** Name, tier, regions, tenant, subscription and the SQL admin group; the naming module's rules on workload and name. */
function checkIdentity(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  v.add(
    renamed(azureNamingRules({ workload: env.workload, environment: env.name, location: env.location, uniqueSeed: env.tenantId }), {
      environment: "name",
      "workload/environment": "workload/name",
    }),
  );
  v.oneOf(env.tier, ENVIRONMENT_TIERS, "tier");
  v.oneOf(env.location, AZURE_LOCATIONS, "location");
  v.check(GUID.test(env.tenantId), "tenantId", env.tenantId, "a GUID");
  v.check(GUID.test(env.subscriptionId), "subscriptionId", env.subscriptionId, "a GUID");
  if (env.secondaryLocation !== undefined) {
    v.oneOf(env.secondaryLocation, AZURE_LOCATIONS, "secondaryLocation");
    // The constructs that take the region judge it too (same rule, reported once); this covers a region no construct receives.
    v.add([secondaryLocationRule(env.location, env.secondaryLocation)]);
  }
  if (prod) {
    v.check(
      env.secondaryLocation !== undefined,
      "secondaryLocation",
      env.secondaryLocation,
      "a region (required in prod for geo-replicas and failover)",
    );
  }
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
}

/** The `Network` construct's rules on the address plan; prod requires Azure Firewall and DDoS Network Protection. */
function checkNetwork(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  const n = env.network;
  v.add(networkRules({ location: env.location, ...n }), "network.");
  if (prod) {
    v.check(
      n.firewallSubnet !== undefined,
      "network.firewallSubnet",
      n.firewallSubnet,
      "a /26 or larger range (Azure Firewall is required in prod)",
    );
    v.check(n.ddosProtection === true, "network.ddosProtection", n.ddosProtection, "true (DDoS Network Protection is required in prod)");
  }
}

/**
 * The workspace's and the vault's own ranges, and the floors a tier sets: SQL point-in-time restore at
 * least 7 days (35 in prod), Key Vault soft delete 90 days in prod. The SQL window's ceiling is the
 * SKU's (`checkSqlDatabase`).
 */
function checkRetention(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  const r = env.retention;
  v.add(renamed(logAnalyticsRules({ retentionInDays: r.logAnalyticsDays }), { retentionInDays: "retention.logAnalyticsDays" }));
  v.add(
    renamed(keyVaultRules({ softDeleteRetentionDays: r.keyVaultSoftDeleteDays, keys: {} }), {
      softDeleteRetentionDays: "retention.keyVaultSoftDeleteDays",
    }),
  );
  if (prod) v.check(r.keyVaultSoftDeleteDays === 90, "retention.keyVaultSoftDeleteDays", r.keyVaultSoftDeleteDays, "90 in prod");
  const pitrFloor = prod ? 35 : 7;
  v.check(r.sqlPointInTimeDays >= pitrFloor, "retention.sqlPointInTimeDays", r.sqlPointInTimeDays, prod ? "35 in prod" : "at least 7 days");
}

/** Alert receivers, and the budget: required in prod, within what an Azure budget takes. */
function checkAlerts(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  checkAlertContacts(v, env.alertContacts);
  if (env.budget === undefined) v.check(!prod, "budget", undefined, "a budget (required in prod)");
  else v.add(azureBudgetRules(env.budget), "budget.");
}

/** Local state for dev only; a remote state blob with names Azure Storage accepts. */
function checkStateBackend(v: IssueCollector, env: AzureEnvironment): void {
  const s = env.stateBackend;
  if (s.kind === "local") {
    v.check(
      env.tier === "dev",
      "stateBackend.kind",
      s.kind,
      `"azurerm" (local state is allowed for dev only; ${env.tier} state must be shared and locked)`,
    );
    return;
  }
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

/**
 * The `SqlDatabase` construct's rules (SKU capabilities, sizes, backups, failover region, CDC on the
 * SKU and the captured tables), and what prod requires: a provisioned, zone-redundant SKU with
 * geo-redundant backups, long-term retention and a geo-replica.
 */
function checkSqlDatabase(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  v.add(
    renamed(sqlDatabaseRules(sqlDatabaseInput(env)), {
      sizing: "sizing.sqlDatabase",
      pointInTimeRetentionDays: "retention.sqlPointInTimeDays",
    }),
  );
  if (!prod) return;
  const sql = env.sizing.sqlDatabase;
  v.check(
    sqlSkuCapabilities(sql.skuName)?.serverless !== true,
    "sizing.sqlDatabase.skuName",
    sql.skuName,
    "a provisioned SKU in prod (serverless auto-pause adds cold-start latency to the payment write path)",
  );
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

/** The `SynapseWarehouse` and `DataLake` constructs' rules; prod keeps geo-redundant pool backups and a geo-redundant lake. */
function checkSynapse(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  const syn = env.sizing.synapse;
  v.add(
    renamed(synapseWarehouseRules({ sqlPoolSku: syn.sqlPoolSku, dataLake: { filesystemNames: DEFAULT_DATA_LAKE_FILESYSTEMS } }), {
      sqlPoolSku: "sizing.synapse.sqlPoolSku",
    }),
  );
  v.add(
    renamed(dataLakeRules({ location: env.location, replication: syn.dataLakeReplication }), {
      replication: "sizing.synapse.dataLakeReplication",
    }),
  );
  if (!prod) return;
  v.check(syn.geoBackup, "sizing.synapse.geoBackup", syn.geoBackup, "true in prod");
  const lakeReplication = syn.dataLakeReplication ?? "ZRS";
  v.check(
    lakeReplication === "GRS" || lakeReplication === "GZRS",
    "sizing.synapse.dataLakeReplication",
    lakeReplication,
    "GRS or GZRS in prod (the lake holds the warehouse's staged data)",
  );
}

/**
 * The `CosmosDb` construct's account rules; `multiRegion` needs `secondaryLocation` (the stack passes
 * the region only when it is on); prod is multi-region, zone-redundant, with a 30-day restore window.
 */
function checkCosmos(v: IssueCollector, env: AzureEnvironment, prod: boolean): void {
  const c = env.sizing.cosmos;
  v.add(
    renamed(cosmosAccountRules(cosmosAccountInput(env)), {
      autoscaleMaxThroughput: "sizing.cosmos.autoscaleMaxThroughput",
      zoneRedundant: "sizing.cosmos.zoneRedundant",
      continuousBackupTier: "sizing.cosmos.continuousBackupTier",
    }),
  );
  if (c.multiRegion) {
    v.check(env.secondaryLocation !== undefined, "sizing.cosmos.multiRegion", c.multiRegion, "false unless secondaryLocation is set");
  }
  if (!prod) return;
  v.check(c.multiRegion, "sizing.cosmos.multiRegion", c.multiRegion, "true in prod (two regions with automatic failover)");
  v.check(c.zoneRedundant, "sizing.cosmos.zoneRedundant", c.zoneRedundant, "true in prod");
  const backup = c.continuousBackupTier ?? "Continuous7Days";
  v.check(backup === "Continuous30Days", "sizing.cosmos.continuousBackupTier", backup, "Continuous30Days in prod");
}

/** The `EtlFactory` construct's rules on the GitHub integration. */
function checkDataFactory(v: IssueCollector, env: AzureEnvironment): void {
  const git = env.sizing.dataFactory.git;
  if (git !== undefined) v.add(dataFactoryGitRules(git), "sizing.dataFactory.git.");
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

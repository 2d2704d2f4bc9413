import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Aspects, AzurermBackend, LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzureEnvironment } from "../environments/types";
import { CosmosDb } from "../constructs/azure/cosmos-db";
import { DataLake } from "../constructs/azure/data-lake";
import { SqlDatabase } from "../constructs/azure/sql-database";
import { SynapseWarehouse } from "../constructs/azure/synapse-warehouse";
import { KeyVault } from "../constructs/azure/key-vault";
import { LogAnalytics } from "../constructs/azure/log-analytics";
import { AzureNaming } from "../constructs/azure/naming";
import { Network } from "../constructs/azure/network";
import { PlatformResourceGroup } from "../constructs/azure/resource-group";
import { WorkloadIdentity } from "../constructs/azure/workload-identity";
import { TagsAspect, toResourceTags } from "../constructs/shared/tags";

export interface AzurePlatformStackProps {
  /** A validated environment (see `validateAzureEnvironment`). */
  readonly environment: AzureEnvironment;
}

/** Workloads that encrypt with their own customer-managed key and run as their own identity. */
export const AZURE_CMK_WORKLOADS = ["sql", "cosmos", "synapse", "datalake", "adf"] as const;
export type AzureCmkWorkload = (typeof AZURE_CMK_WORKLOADS)[number];

/**
 * One environment of the platform on Azure. Composition only: every resource comes from a construct,
 * every value from the environment file.
 */
export class AzurePlatformStack extends TerraformStack {
  readonly naming: AzureNaming;
  /** OLTP: Azure SQL server + database (ids, FQDNs, failover group listener, CDC wiring). */
  readonly oltp: SqlDatabase;
  /** NoSQL: Cosmos DB account, database and containers. */
  readonly nosql: CosmosDb;
  /** ADLS Gen2 account of the analytical side (Synapse default storage, raw/curated zones). */
  readonly dataLake: DataLake;
  /** OLAP: Synapse workspace and dedicated SQL pool. */
  readonly olap: SynapseWarehouse;

  constructor(scope: Construct, id: string, props: AzurePlatformStackProps) {
    super(scope, id);
    const env = props.environment;
    const protect = env.deletionProtection;

    new AzurermProvider(this, "azurerm", {
      subscriptionId: env.subscriptionId,
      tenantId: env.tenantId,
      // Storage data-plane calls (data lake filesystems) use Entra ID; shared keys are disabled.
      storageUseAzuread: true,
      features: [
        {
          keyVault: [{ purgeSoftDeleteOnDestroy: false, recoverSoftDeletedKeyVaults: true, recoverSoftDeletedKeys: true }],
          resourceGroup: [{ preventDeletionIfContainsResources: true }],
        },
      ],
    });
    this.configureBackend(id, env);

    const naming = new AzureNaming({
      workload: env.workload,
      environment: env.name,
      location: env.location,
      uniqueSeed: env.tenantId,
    });
    this.naming = naming;
    const location = env.location;
    const client = new DataAzurermClientConfig(this, "current");

    const rg = {
      network: new PlatformResourceGroup(this, "rg-network", { naming, qualifier: "network", location }),
      security: new PlatformResourceGroup(this, "rg-security", { naming, qualifier: "security", location, deletionProtection: protect }),
      monitoring: new PlatformResourceGroup(this, "rg-monitoring", { naming, qualifier: "monitoring", location, deletionProtection: protect }),
      data: new PlatformResourceGroup(this, "rg-data", { naming, qualifier: "data", location, deletionProtection: protect }),
      integration: new PlatformResourceGroup(this, "rg-integration", { naming, qualifier: "integration", location }),
    };

    const logs = new LogAnalytics(this, "log-analytics", {
      naming,
      resourceGroupName: rg.monitoring.name,
      location,
      retentionInDays: env.retention.logAnalyticsDays,
      deletionProtection: protect,
    });

    const network = new Network(this, "network", {
      naming,
      resourceGroupName: rg.network.name,
      location,
      addressSpace: env.network.addressSpace,
      privateEndpointSubnet: env.network.privateEndpointSubnet,
      integrationSubnet: env.network.integrationSubnet,
      firewallSubnet: env.network.firewallSubnet,
      ddosProtection: env.network.ddosProtection,
      diagnostics: logs.diagnostics,
    });

    const keyVault = new KeyVault(this, "key-vault", {
      naming,
      resourceGroupName: rg.security.name,
      location,
      tenantId: env.tenantId,
      softDeleteRetentionDays: env.retention.keyVaultSoftDeleteDays,
      privateAccess: network.privateAccess,
      diagnostics: logs.diagnostics,
      deployerObjectId: client.objectId,
      keys: Object.fromEntries(AZURE_CMK_WORKLOADS.map((w) => [w, {}])),
      deletionProtection: protect,
    });

    const identities = {} as Record<AzureCmkWorkload, WorkloadIdentity>;
    for (const workload of AZURE_CMK_WORKLOADS) {
      const identity = new WorkloadIdentity(this, `identity-${workload}`, {
        naming,
        resourceGroupName: rg.security.name,
        location,
        workload,
      });
      identity.grantKeyEncryption(keyVault.keys[workload]);
      identities[workload] = identity;
    }

    // Data stores: every one private (endpoint + DNS), CMK-encrypted, diagnosed, protected in prod.
    const storeCommon = {
      naming,
      resourceGroupName: rg.data.name,
      location,
      privateAccess: network.privateAccess,
      diagnostics: logs.diagnostics,
      deletionProtection: protect,
    };
    this.oltp = new SqlDatabase(this, "oltp", {
      ...storeCommon,
      tenantId: env.tenantId,
      administrator: env.sqlAdminGroup,
      identity: identities.sql,
      encryptionKey: keyVault.keys.sql,
      sizing: env.sizing.sqlDatabase,
      pointInTimeRetentionDays: env.retention.sqlPointInTimeDays,
      secondaryLocation: env.sizing.sqlDatabase.geoReplica ? env.secondaryLocation : undefined,
      cdc: { enabled: env.cdc.enabled, tables: env.cdc.tables },
      securityAlertEmails: env.alertContacts.emails,
      tags: { "data-store": "oltp" },
    });
    this.nosql = new CosmosDb(this, "nosql", {
      ...storeCommon,
      secondaryLocation: env.sizing.cosmos.multiRegion ? env.secondaryLocation : undefined,
      zoneRedundant: env.sizing.cosmos.zoneRedundant,
      autoscaleMaxThroughput: env.sizing.cosmos.autoscaleMaxThroughput,
      continuousBackupTier: env.sizing.cosmos.continuousBackupTier,
      identity: identities.cosmos,
      encryptionKey: keyVault.keys.cosmos,
      tags: { "data-store": "nosql" },
    });
    this.dataLake = new DataLake(this, "data-lake", {
      ...storeCommon,
      replication: env.sizing.synapse.dataLakeReplication,
      identity: identities.datalake,
      encryptionKey: keyVault.keys.datalake,
      deployerObjectId: client.objectId,
      tags: { "data-store": "lake" },
    });
    this.olap = new SynapseWarehouse(this, "olap", {
      ...storeCommon,
      tenantId: env.tenantId,
      administrator: env.sqlAdminGroup,
      dataLake: this.dataLake,
      identity: identities.synapse,
      encryptionKey: keyVault.keys.synapse,
      sqlPoolSku: env.sizing.synapse.sqlPoolSku,
      geoBackup: env.sizing.synapse.geoBackup,
      tags: { "data-store": "olap" },
    });

    Aspects.of(this).add(new TagsAspect(toResourceTags(env.tags)));
  }

  private configureBackend(stackId: string, env: AzureEnvironment): void {
    const s = env.stateBackend;
    if (s.kind === "local") {
      // Relative to cdktf.out/stacks/<stack>: the state file lands at the repository root (git-ignored).
      new LocalBackend(this, { path: s.path ?? `../../../terraform.${stackId}.tfstate` });
      return;
    }
    new AzurermBackend(this, {
      resourceGroupName: s.resourceGroupName,
      storageAccountName: s.storageAccountName,
      containerName: s.containerName,
      key: s.key,
      tenantId: s.tenantId,
      subscriptionId: s.subscriptionId,
      // Entra ID auth to the state blob: no storage account key in any pipeline.
      useAzureadAuth: true,
    });
  }
}

import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { Aspects, AzurermBackend, LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { cosmosAccountInput, sqlDatabaseInput } from "../environments/azure-inputs";
import { AzureEnvironment } from "../environments/types";
import { CosmosDb } from "../constructs/azure/cosmos-db";
import { DataLake } from "../constructs/azure/data-lake";
import { Dashboards } from "../constructs/azure/dashboards";
import { EtlFactory } from "../constructs/azure/data-factory";
import { Monitoring } from "../constructs/azure/monitoring";
import { SqlDatabase } from "../constructs/azure/sql-database";
import { SynapseWarehouse } from "../constructs/azure/synapse-warehouse";
import { KeyVault } from "../constructs/azure/key-vault";
import { LogAnalytics } from "../constructs/azure/log-analytics";
import { AzureNaming } from "../constructs/azure/naming";
import { Network } from "../constructs/azure/network";
import { PlatformResourceGroup } from "../constructs/azure/resource-group";
import { WorkloadIdentity } from "../constructs/azure/workload-identity";
import { TagsAspect, toResourceTags } from "../constructs/shared/tags";
import { addMovedBlocks } from "./azure-moved";

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
  /** ETL: Data Factory with flows 2 (nightly CDC batch) and 3 (near-real-time API logs). */
  readonly etl: EtlFactory;
  /** Action group, one alert per SLA row, budget, Sentinel (prod). */
  readonly monitoring: Monitoring;

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
          // The data lake is private: with the default (true) the provider polls its blob, queue, file and
          // web endpoints on create and reads queue properties on every refresh, and the account answers
          // 403 (hashicorp/terraform-provider-azurerm#33454). Off, the provider manages the account
          // through Azure Resource Manager only; filesystems still use the dfs private endpoint.
          storage: [{ dataPlaneAvailable: false }],
        },
      ],
    });
    // time_sleep / time_offset: RBAC propagation waits and key expiry dates.
    new TimeProvider(this, "time");
    this.configureBackend(id, env);
    // terraform_data (the CDC deployment step) needs 1.4; the platform's documented floor is 1.5.
    this.addOverride("terraform.required_version", ">= 1.5.0");

    const naming = new AzureNaming({
      workload: env.workload,
      environment: env.name,
      location: env.location,
      uniqueSeed: env.tenantId,
    });
    this.naming = naming;
    const location = env.location;
    const client = new DataAzurermClientConfig(this, "current");

    // Network and integration hold only what code rebuilds (VNets, DNS zones, Data Factory): no lock.
    const rg = {
      network: new PlatformResourceGroup(this, "rg-network", { naming, qualifier: "network", location, deletionProtection: false }),
      security: new PlatformResourceGroup(this, "rg-security", { naming, qualifier: "security", location, deletionProtection: protect }),
      monitoring: new PlatformResourceGroup(this, "rg-monitoring", {
        naming,
        qualifier: "monitoring",
        location,
        deletionProtection: protect,
      }),
      data: new PlatformResourceGroup(this, "rg-data", { naming, qualifier: "data", location, deletionProtection: protect }),
      integration: new PlatformResourceGroup(this, "rg-integration", {
        naming,
        qualifier: "integration",
        location,
        deletionProtection: false,
      }),
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
      ...sqlDatabaseInput(env),
      securityAlertEmails: env.alertContacts.emails,
      tags: { "data-store": "oltp" },
    });
    this.nosql = new CosmosDb(this, "nosql", {
      ...storeCommon,
      ...cosmosAccountInput(env),
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
      securityAlertEmails: env.alertContacts.emails,
      tags: { "data-store": "olap" },
    });

    // ETL (flows 2 and 3): the factory reaches every store through managed private endpoints as the adf identity.
    const triggersOn = env.sizing.dataFactory.scheduledFlowsEnabled;
    this.etl = new EtlFactory(this, "etl", {
      naming,
      resourceGroupName: rg.integration.name,
      location,
      identity: identities.adf,
      encryptionKey: { keyId: keyVault.keys.adf.versionlessId },
      privateAccess: network.privateAccess,
      diagnostics: logs.diagnostics,
      git: env.sizing.dataFactory.git,
      oltp: {
        serverId: this.oltp.serverId,
        // The failover group's listener (the primary's FQDN without one): flow 2 keeps working after a failover.
        serverFqdn: this.oltp.listenerFqdn,
        secondaryServerId: this.oltp.secondaryServer?.id,
        databaseName: this.oltp.databaseName,
      },
      olap: { workspaceId: this.olap.workspaceId, sqlEndpoint: this.olap.sqlEndpoint, sqlPoolName: this.olap.sqlPoolName },
      nosql: {
        accountId: this.nosql.accountId,
        accountName: this.nosql.accountName,
        resourceGroupName: rg.data.name,
        endpoint: this.nosql.endpoint,
        databaseName: this.nosql.databaseName,
        apiLogsContainerResource: this.nosql.containers.api_logs,
      },
      dataLake: {
        storageAccountId: this.dataLake.accountId,
        dfsEndpoint: this.dataLake.dfsEndpoint,
        stagingFileSystem: "raw",
        stagingFileSystemResource: this.dataLake.filesystems.raw,
      },
      keyVault: { id: keyVault.vault.id, uri: keyVault.vault.vaultUri },
      cdcTables: env.cdc.enabled ? env.cdc.tables : [],
      batchTriggerEnabled: triggersOn,
      // Dev runs flows on demand: both triggers follow the environment's scheduledFlowsEnabled switch.
      apiLogs: { enabled: triggersOn },
    });

    const targets = {
      oltp: this.oltp.databaseId,
      olap: this.olap.sqlPoolId,
      nosql: this.nosql.accountId,
      etl: this.etl.id,
      lake: this.dataLake.accountId,
    };
    this.monitoring = new Monitoring(this, "monitoring", {
      naming,
      resourceGroupName: rg.monitoring.name,
      location,
      shortName: `${env.workload}-${env.name}`.slice(0, 12),
      alertContacts: env.alertContacts,
      logAnalyticsWorkspaceId: logs.workspace.id,
      targets,
      nearRealTimeFlowEnabled: triggersOn,
      budget: env.budget
        ? { config: env.budget, subscriptionId: env.subscriptionId, resourceGroupNames: Object.values(rg).map((g) => g.name) }
        : undefined,
      sentinel: env.tier === "prod",
    });
    new Dashboards(this, "dashboards", {
      naming,
      resourceGroupName: rg.monitoring.name,
      location,
      logAnalyticsWorkspaceId: logs.workspace.id,
      targets,
    });

    Aspects.of(this).add(new TagsAspect(toResourceTags(env.tags)));
    addMovedBlocks(this);
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

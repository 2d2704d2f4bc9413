import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { SynapseSqlPool } from "@cdktf/provider-azurerm/lib/synapse-sql-pool";
import { SynapseSqlPoolExtendedAuditingPolicy } from "@cdktf/provider-azurerm/lib/synapse-sql-pool-extended-auditing-policy";
import { SynapseWorkspace } from "@cdktf/provider-azurerm/lib/synapse-workspace";
import { SynapseWorkspaceAadAdmin } from "@cdktf/provider-azurerm/lib/synapse-workspace-aad-admin";
import { SynapseWorkspaceExtendedAuditingPolicy } from "@cdktf/provider-azurerm/lib/synapse-workspace-extended-auditing-policy";
import { SynapseWorkspaceKey } from "@cdktf/provider-azurerm/lib/synapse-workspace-key";
import { SynapseWorkspaceSecurityAlertPolicy } from "@cdktf/provider-azurerm/lib/synapse-workspace-security-alert-policy";
import { Construct } from "constructs";
import { AzureDataStoreProps, EntraAdminGroup } from "./common";
import { DataLake, DataLakeReplication } from "./data-lake";
import { DiagnosticSettings } from "./diagnostic-settings";
import { PrivateEndpoint } from "./private-endpoint";
import { preventDestroy } from "../shared/lifecycle";
import { Rule, assertRules, oneOf } from "../shared/rules";

/** Performance levels of a Synapse dedicated SQL pool (Gen2). */
export const SYNAPSE_SQL_POOL_SKUS = [
  "DW100c",
  "DW200c",
  "DW300c",
  "DW400c",
  "DW500c",
  "DW1000c",
  "DW1500c",
  "DW2000c",
  "DW2500c",
  "DW3000c",
  "DW5000c",
  "DW6000c",
  "DW7500c",
  "DW10000c",
  "DW15000c",
  "DW30000c",
] as const;
export type SynapseSqlPoolSku = (typeof SYNAPSE_SQL_POOL_SKUS)[number];

/** Azure Synapse dedicated SQL pool (OLAP) sizing, with the redundancy of the lake it stages through. */
export interface SynapseSizing {
  /** Performance level, `DW100c` to `DW30000c`. */
  readonly sqlPoolSku: SynapseSqlPoolSku;
  /** Keep geo-redundant backups of the dedicated pool. */
  readonly geoBackup: boolean;
  /**
   * Redundancy of the workspace's ADLS Gen2 account (Synapse default filesystem and lake zones).
   * @default "ZRS"
   */
  readonly dataLakeReplication?: DataLakeReplication;
}

/** Name of the workspace's customer-managed key entry (workspace block and key activation must agree). */
const WORKSPACE_KEY_NAME = "cmk";

export interface SynapseWarehouseProps extends AzureDataStoreProps {
  /** Entra tenant of the administrator group; also the only tenant managed private endpoints may link to. */
  readonly tenantId: string;
  /** The Entra ID group that administers the workspace and its SQL pools (Entra-only authentication). */
  readonly administrator: EntraAdminGroup;
  /** The ADLS Gen2 account whose filesystem becomes the workspace's default storage. */
  readonly dataLake: DataLake;
  /**
   * Filesystem of `dataLake` the workspace uses as its default.
   * @default "synapse"
   */
  readonly defaultFilesystem?: string;
  /** Dedicated SQL pool performance level (DW100c ... DW30000c; cDWU, e.g. DW500c is 500 cDWU). */
  readonly sqlPoolSku: SynapseSqlPoolSku;
  /** Geo-redundant backups of the dedicated pool (GRS storage); false keeps locally redundant backups. */
  readonly geoBackup: boolean;
  /**
   * Addresses that receive Defender for SQL threat alerts of the workspace (besides subscription admins).
   * @default - subscription admins only
   */
  readonly securityAlertEmails?: readonly string[];
}

/**
 * The props `synapseWarehouseRules` reads. The environment validator passes `sizing.synapse.sqlPoolSku`
 * and the lake's default filesystems (what the stack builds).
 */
export type SynapseWarehouseRuleInput = Pick<SynapseWarehouseProps, "sqlPoolSku" | "defaultFilesystem"> & {
  readonly dataLake: Pick<DataLake, "filesystemNames">;
};

/** Every rule of the warehouse's props, as rows (`ok` = passes). */
export function synapseWarehouseRules(props: SynapseWarehouseRuleInput): Rule[] {
  const defaultFilesystem = props.defaultFilesystem ?? "synapse";
  return [
    oneOf(props.sqlPoolSku, SYNAPSE_SQL_POOL_SKUS, "sqlPoolSku"),
    {
      ok: props.dataLake.filesystemNames.includes(defaultFilesystem),
      field: "defaultFilesystem",
      value: defaultFilesystem,
      allowed: `a filesystem of the data lake (${props.dataLake.filesystemNames.join(", ")})`,
    },
  ];
}

/**
 * The OLAP store: a Synapse workspace and one dedicated SQL pool.
 *
 * Workspace: Entra ID-only authentication (no SQL administrator login or password), managed virtual
 * network with data exfiltration protection (outbound only to approved managed private endpoints in
 * this tenant), no public network access (private endpoints Sql, SqlOnDemand and Dev with DNS),
 * customer-managed key through the `synapse` identity (activated by `azurerm_synapse_workspace_key`),
 * default storage on the data lake with Storage Blob Data Contributor for the workspace identity.
 * Pool: TDE on, geo-backup per environment, diagnostics to Log Analytics.
 * Auditing (PCI DSS 10.2): workspace and pool SQL audit to Log Analytics (the SQLSecurityAuditEvents
 * category of their diagnostic settings), and a threat detection (security alert) policy on the workspace.
 */
export class SynapseWarehouse extends Construct {
  readonly workspace: SynapseWorkspace;
  readonly sqlPool: SynapseSqlPool;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly sqlPoolId: string;
  readonly sqlPoolName: string;
  /** `<workspace>.sql.azuresynapse.net` (dedicated SQL endpoint; private inside the VNet). */
  readonly sqlEndpoint: string;

  constructor(scope: Construct, id: string, props: SynapseWarehouseProps) {
    super(scope, id);
    const defaultFilesystem = props.defaultFilesystem ?? "synapse";
    assertRules(`SynapseWarehouse ${this.node.path}`, synapseWarehouseRules(props));
    const protect = props.deletionProtection ?? true;
    const workspaceName = props.naming.name("synapseWorkspace");

    this.workspace = new SynapseWorkspace(this, "workspace", {
      name: workspaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      storageDataLakeGen2FilesystemId: props.dataLake.filesystems[defaultFilesystem].id,
      managedResourceGroupName: props.naming.name("resourceGroup", { qualifier: "synapse-managed" }),
      // Entra-only: no sql_administrator_login / password at all; the admin group is set below.
      azureadAuthenticationOnly: true,
      managedVirtualNetworkEnabled: true,
      dataExfiltrationProtectionEnabled: true,
      linkingAllowedForAadTenantIds: [props.tenantId],
      publicNetworkAccessEnabled: false,
      sqlIdentityControlEnabled: false,
      identity: { type: "SystemAssigned, UserAssigned", identityIds: [props.identity.id] },
      customerManagedKey: {
        keyVersionlessId: props.encryptionKey.versionlessId,
        keyName: WORKSPACE_KEY_NAME,
        userAssignedIdentityId: props.identity.id,
      },
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: [...props.identity.keyAccessReady],
    });
    preventDestroy(protect, this.workspace);
    this.workspaceId = this.workspace.id;
    this.workspaceName = this.workspace.name;
    this.sqlEndpoint = `${workspaceName}.sql.azuresynapse.net`;

    // A CMK workspace stays "pending" until its key is activated.
    const key = new SynapseWorkspaceKey(this, "workspace-key", {
      synapseWorkspaceId: this.workspace.id,
      customerManagedKeyName: WORKSPACE_KEY_NAME,
      customerManagedKeyVersionlessId: props.encryptionKey.versionlessId,
      active: true,
    });

    const admin = new SynapseWorkspaceAadAdmin(this, "entra-admin", {
      synapseWorkspaceId: this.workspace.id,
      login: props.administrator.displayName,
      objectId: props.administrator.objectId,
      tenantId: props.tenantId,
      dependsOn: [key],
    });

    new RoleAssignment(this, "workspace-storage", {
      scope: props.dataLake.accountId,
      roleDefinitionName: "Storage Blob Data Contributor",
      principalId: this.workspace.identity.principalId,
      principalType: "ServicePrincipal",
      description: "Synapse workspace identity reads and writes its default storage and the lake zones.",
    });

    const endpoints = [
      { id: "private-endpoint-sql", service: "synapseSql", qualifier: "syn-sql" },
      { id: "private-endpoint-sql-ondemand", service: "synapseSqlOnDemand", qualifier: "syn-sqlod" },
      { id: "private-endpoint-dev", service: "synapseDev", qualifier: "syn-dev" },
    ] as const;
    for (const e of endpoints) {
      new PrivateEndpoint(this, e.id, {
        naming: props.naming,
        privateAccess: props.privateAccess,
        service: e.service,
        targetResourceId: this.workspace.id,
        qualifier: e.qualifier,
      });
    }
    const workspaceDiagnostics = new DiagnosticSettings(this, "diagnostics", {
      diagnostics: props.diagnostics,
      targetResourceId: this.workspace.id,
    });
    // Audit records reach Log Analytics through the diagnostic setting (allLogs includes SQLSecurityAuditEvents);
    // no storage account target, so no storage key in config or state.
    new SynapseWorkspaceExtendedAuditingPolicy(this, "auditing", {
      synapseWorkspaceId: this.workspace.id,
      logMonitoringEnabled: true,
      dependsOn: [workspaceDiagnostics.setting],
    });
    new SynapseWorkspaceSecurityAlertPolicy(this, "threat-detection", {
      synapseWorkspaceId: this.workspace.id,
      policyState: "Enabled",
      emailAccountAdminsEnabled: true,
      emailAddresses: props.securityAlertEmails ? [...props.securityAlertEmails] : undefined,
    });

    this.sqlPool = new SynapseSqlPool(this, "sql-pool", {
      name: props.naming.name("synapseSqlPool", { qualifier: "dw" }),
      synapseWorkspaceId: this.workspace.id,
      skuName: props.sqlPoolSku,
      createMode: "Default",
      storageAccountType: props.geoBackup ? "GRS" : "LRS",
      geoBackupPolicyEnabled: props.geoBackup,
      dataEncrypted: true,
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: [key, admin],
    });
    preventDestroy(protect, this.sqlPool);
    this.sqlPoolId = this.sqlPool.id;
    this.sqlPoolName = this.sqlPool.name;
    const poolDiagnostics = new DiagnosticSettings(this, "sql-pool-diagnostics", {
      diagnostics: props.diagnostics,
      targetResourceId: this.sqlPool.id,
    });
    new SynapseSqlPoolExtendedAuditingPolicy(this, "sql-pool-auditing", {
      sqlPoolId: this.sqlPool.id,
      logMonitoringEnabled: true,
      dependsOn: [poolDiagnostics.setting],
    });
  }
}

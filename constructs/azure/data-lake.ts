import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageDataLakeGen2Filesystem } from "@cdktf/provider-azurerm/lib/storage-data-lake-gen2-filesystem";
import { Construct } from "constructs";
import { AzureDataStoreProps } from "./common";
import { zonalRule } from "./locations";
import { DiagnosticSettings } from "./diagnostic-settings";
import { PrivateEndpoint } from "./private-endpoint";
import { RbacPropagationWait } from "./rbac-propagation-wait";
import { preventDestroy } from "../shared/lifecycle";
import { Rule, assertRules, oneOf } from "../shared/rules";

/**
 * Metric categories of a storage account and of its services. Azure has no `AllMetrics` there: it
 * rejects it on the account ("Metric category 'AllMetrics' is not supported, supported categories are:
 * 'Capacity;Transaction'") and stores it as these on a service, so a plan never comes out clean.
 */
export const STORAGE_METRIC_CATEGORIES = ["Capacity", "Transaction"] as const;

/**
 * Filesystems of the lake: `synapse` is the workspace's default filesystem; `raw` receives ETL
 * extracts (CDC batches, Cosmos change feed), `curated` holds conformed data loaded into the pool.
 */
export const DEFAULT_DATA_LAKE_FILESYSTEMS = ["synapse", "raw", "curated"] as const;

export const DATA_LAKE_REPLICATIONS = ["LRS", "ZRS", "GRS", "GZRS"] as const;
export type DataLakeReplication = (typeof DATA_LAKE_REPLICATIONS)[number];

export interface DataLakeProps extends AzureDataStoreProps {
  /**
   * Account redundancy.
   * @default "ZRS"
   */
  readonly replication?: DataLakeReplication;
  /**
   * Filesystem names (part of the state contract).
   * @default DEFAULT_DATA_LAKE_FILESYSTEMS
   */
  readonly filesystems?: readonly string[];
  /**
   * Object id of the principal running Terraform: it creates filesystems through the data plane with
   * Entra ID (shared keys are off), so it gets Storage Blob Data Owner on this account.
   */
  readonly deployerObjectId: string;
  /**
   * Soft-delete retention of blobs and containers in days (1-365).
   * @default 30
   */
  readonly softDeleteDays?: number;
}

/** The props `dataLakeRules` reads; the environment validator passes `sizing.synapse.dataLakeReplication`. */
export type DataLakeRuleInput = Pick<DataLakeProps, "location" | "replication" | "filesystems" | "softDeleteDays">;

/** Every rule of the lake's props, as rows (`ok` = passes). */
export function dataLakeRules(props: DataLakeRuleInput): Rule[] {
  const softDeleteDays = props.softDeleteDays ?? 30;
  const names = props.filesystems ?? DEFAULT_DATA_LAKE_FILESYSTEMS;
  const replication = props.replication ?? "ZRS";
  return [
    oneOf(replication, DATA_LAKE_REPLICATIONS, "replication"),
    zonalRule(
      replication === "ZRS" || replication === "GZRS",
      { field: "location", value: props.location },
      { field: "replication", value: replication, otherwise: "LRS or GRS" },
    ),
    {
      ok: Number.isInteger(softDeleteDays) && softDeleteDays >= 1 && softDeleteDays <= 365,
      field: "softDeleteDays",
      value: softDeleteDays,
      allowed: "an integer from 1 to 365",
    },
    {
      ok: names.length > 0 && new Set(names).size === names.length,
      field: "filesystems",
      value: names,
      allowed: "at least one name, each once",
    },
    {
      ok: names.every((n) => /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(n)),
      field: "filesystems",
      value: names,
      allowed: "names of 3-63 lowercase letters, digits and single hyphens",
    },
  ];
}

/**
 * ADLS Gen2 account for the analytical side: hierarchical namespace, Entra ID only (shared keys and
 * local users off), TLS 1.2, no public network access (blob and dfs private endpoints with DNS),
 * infrastructure (double) encryption plus a customer-managed key through the `datalake` identity,
 * soft delete, diagnostics: metrics on the account, logs on its blob service.
 */
export class DataLake extends Construct {
  readonly account: StorageAccount;
  readonly accountId: string;
  readonly accountName: string;
  /** `https://<account>.dfs.core.windows.net/`. */
  readonly dfsEndpoint: string;
  readonly filesystems: Readonly<Record<string, StorageDataLakeGen2Filesystem>>;
  readonly filesystemNames: readonly string[];

  constructor(scope: Construct, id: string, props: DataLakeProps) {
    super(scope, id);
    const softDeleteDays = props.softDeleteDays ?? 30;
    const names = props.filesystems ?? DEFAULT_DATA_LAKE_FILESYSTEMS;
    assertRules(`DataLake ${this.node.path}`, dataLakeRules(props));
    const protect = props.deletionProtection ?? true;

    this.account = new StorageAccount(this, "account", {
      name: props.naming.name("storageAccount", { qualifier: "dl" }),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: props.replication ?? "ZRS",
      accessTier: "Hot",
      isHnsEnabled: true,
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      localUserEnabled: false,
      sftpEnabled: false,
      publicNetworkAccessEnabled: false,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      allowedCopyScope: "PrivateLink",
      infrastructureEncryptionEnabled: true,
      // Queues and tables use the account key (the CMK) too, not a Microsoft-managed service key.
      queueEncryptionKeyType: "Account",
      tableEncryptionKeyType: "Account",
      identity: { type: "UserAssigned", identityIds: [props.identity.id] },
      customerManagedKey: {
        keyVaultKeyId: props.encryptionKey.versionlessId,
        userAssignedIdentityId: props.identity.id,
      },
      networkRules: { defaultAction: "Deny", bypass: ["AzureServices"] },
      blobProperties: {
        deleteRetentionPolicy: { days: softDeleteDays },
        containerDeleteRetentionPolicy: { days: softDeleteDays },
      },
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: [...props.identity.keyAccessReady],
    });
    preventDestroy(protect, this.account);
    this.accountId = this.account.id;
    this.accountName = this.account.name;
    this.dfsEndpoint = this.account.primaryDfsEndpoint;

    const blob = new PrivateEndpoint(this, "private-endpoint-blob", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "blob",
      targetResourceId: this.account.id,
      qualifier: "dl-blob",
    });
    const dfs = new PrivateEndpoint(this, "private-endpoint-dfs", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "dfs",
      targetResourceId: this.account.id,
      qualifier: "dl-dfs",
    });
    // The storage account resource emits metrics only; resource logs live on its services.
    new DiagnosticSettings(this, "diagnostics", {
      diagnostics: props.diagnostics,
      targetResourceId: this.account.id,
      logCategoryGroups: [],
      metricCategories: STORAGE_METRIC_CATEGORIES,
    });
    new DiagnosticSettings(this, "blob-diagnostics", {
      diagnostics: props.diagnostics,
      targetResourceId: `${this.account.id}/blobServices/default`,
      metricCategories: STORAGE_METRIC_CATEGORIES,
    });

    const deployer = new RoleAssignment(this, "deployer-blob-owner", {
      scope: this.account.id,
      roleDefinitionName: "Storage Blob Data Owner",
      principalId: props.deployerObjectId,
      description: "Lets the deployment principal create the lake's filesystems with Entra ID (shared keys are disabled).",
    });
    const deployerReady = new RbacPropagationWait(this, "deployer-propagation", { assignments: [deployer] });

    const filesystems: Record<string, StorageDataLakeGen2Filesystem> = {};
    for (const name of names) {
      const fs = new StorageDataLakeGen2Filesystem(this, `filesystem-${name}`, {
        name,
        storageAccountId: this.account.id,
        // Data-plane call: needs the role above in force and DNS through the dfs private endpoint.
        dependsOn: [deployerReady.sleep, dfs.endpoint, blob.endpoint],
      });
      preventDestroy(protect, fs);
      filesystems[name] = fs;
    }
    this.filesystems = filesystems;
    this.filesystemNames = [...names];
  }
}

/**
 * The typed contract of an Azure environment file (`environments/<name>.ts`).
 *
 * Config flows one way: environment file -> stack props -> construct props.
 * Every field is validated by `validateAzureEnvironment` before a construct is built.
 */

import { OltpTable } from "../constructs/azure/cdc-enablement";
import { EntraAdminGroup } from "../constructs/azure/common";
import { COSMOS_CONTINUOUS_BACKUP_TIERS } from "../constructs/azure/cosmos-db";
import { DataFactoryConfig } from "../constructs/azure/data-factory";
import { AzureLocation } from "../constructs/azure/locations";
import { SqlDatabaseSizing } from "../constructs/azure/sql-database";
import { SynapseSizing } from "../constructs/azure/synapse-warehouse";
import { AlertContacts, BudgetConfig } from "../constructs/shared/alerting";

// Construct prop types an environment file fills in live beside their constructs (a construct's props
// are its contract, the environment file one caller); re-exported for the files and tests that read them here.
export { OLTP_TABLES } from "../constructs/azure/cdc-enablement";
export type { SqlDatabaseSizing } from "../constructs/azure/sql-database";
export type { SynapseSqlPoolSku } from "../constructs/azure/synapse-warehouse";
export type { AlertContacts, BudgetConfig } from "../constructs/shared/alerting";

export const ENVIRONMENT_TIERS = ["dev", "staging", "prod"] as const;
/** The tier decides which invariants apply; `prod` is the strictest. */
export type EnvironmentTier = (typeof ENVIRONMENT_TIERS)[number];

export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Tags every taggable resource carries; the policy `required-tags` rule checks the same keys. */
export interface RequiredTags {
  /** Team or person accountable for the resources (an e-mail or a team alias). */
  readonly owner: string;
  /** Finance cost center the spend is charged to. */
  readonly costCenter: string;
  /** Highest data classification stored; card data makes it `restricted`. */
  readonly dataClassification: DataClassification;
  /** Environment name; must equal the environment's `name`. */
  readonly environment: string;
}

/** Where Terraform keeps this environment's state. */
export type StateBackendConfig =
  | {
      /** Local file state; acceptable for a personal dev environment only. */
      readonly kind: "local";
      /** @default - `terraform.<stack>.tfstate` in the stack's output folder */
      readonly path?: string;
    }
  | {
      /** Remote state in an Azure Storage blob, authenticated with Entra ID (no account key). */
      readonly kind: "azurerm";
      readonly resourceGroupName: string;
      readonly storageAccountName: string;
      readonly containerName: string;
      /** Blob name; one per environment. */
      readonly key: string;
      /** Tenant of the state account. @default - the tenant of the signed-in principal */
      readonly tenantId?: string;
      /** Subscription of the state account. @default - the current subscription */
      readonly subscriptionId?: string;
    };

/** Address plan of the environment's virtual network. */
export interface NetworkConfig {
  /** The VNet address space, e.g. `10.10.0.0/16`. */
  readonly addressSpace: string;
  /** Subnet for private endpoints of every PaaS service. */
  readonly privateEndpointSubnet: string;
  /** Subnet delegated to integration workloads (Data Factory SHIR / compute). */
  readonly integrationSubnet: string;
  /**
   * Subnet for Azure Firewall (named `AzureFirewallSubnet`, at least /26).
   * Presence deploys Azure Firewall with a firewall policy.
   * @default - no firewall (dev and staging save about $3,900/month with the DDoS plan)
   */
  readonly firewallSubnet?: string;
  /**
   * Deploy a DDoS Network Protection plan on the VNet.
   * @default false
   */
  readonly ddosProtection?: boolean;
}

/** Retention of logs and backups, in days. */
export interface RetentionConfig {
  /** Log Analytics interactive retention (PCI DSS 10.5.1 needs 90 days online). */
  readonly logAnalyticsDays: number;
  /** Azure SQL point-in-time restore window (1-35 days). */
  readonly sqlPointInTimeDays: number;
  /** Key Vault soft-delete retention (7-90 days). */
  readonly keyVaultSoftDeleteDays: number;
}

/** Change data capture on the OLTP database. */
export interface CdcConfig {
  /** Enable CDC on the database and the listed tables. */
  readonly enabled: boolean;
  /** Tables in `dbo` to capture, by name (e.g. `Payment`). */
  readonly tables: readonly OltpTable[];
}

/** Azure Cosmos DB (NoSQL) sizing. */
export interface CosmosSizing {
  /** Autoscale maximum RU/s of the shared database throughput (multiple of 1000, >= 1000). */
  readonly autoscaleMaxThroughput: number;
  /** Replicate to `secondaryLocation` with automatic failover. */
  readonly multiRegion: boolean;
  /** Zone redundancy in every region. */
  readonly zoneRedundant: boolean;
  /**
   * Continuous backup (point-in-time restore) window.
   * @default "Continuous7Days"
   */
  readonly continuousBackupTier?: (typeof COSMOS_CONTINUOUS_BACKUP_TIERS)[number];
}

/** Per-role sizing of the platform's stateful services. */
export interface AzureSizing {
  readonly sqlDatabase: SqlDatabaseSizing;
  readonly synapse: SynapseSizing;
  readonly cosmos: CosmosSizing;
  readonly dataFactory: DataFactoryConfig;
}

/** A policy rule switched off for one resource, with the reason reviewers will read. */
export interface PolicySuppression {
  /** The rule's stable id, e.g. `AZ-SQL-003`. */
  readonly ruleId: string;
  /** Terraform address of the resource, e.g. `azurerm_mssql_server.oltp_server_1A2B3C4D`. */
  readonly resource: string;
  /** Why this is acceptable (at least 20 characters). */
  readonly reason: string;
}

export const POLICY_PACKS = ["baseline", "deployability", "production"] as const;
export type PolicyPack = (typeof POLICY_PACKS)[number];

/** Guardrails evaluated on the synthesized stack. */
export interface PolicyConfig {
  /** Packs to evaluate; every environment includes `deployability`, prod also `production`. */
  readonly packs: readonly PolicyPack[];
  /** @default - none */
  readonly suppressions?: readonly PolicySuppression[];
}

/** One Azure environment: everything a stack needs, nothing it reads from elsewhere. */
export interface AzureEnvironment {
  /** Environment name, 2-8 lowercase letters/digits; becomes part of every resource name. */
  readonly name: string;
  readonly tier: EnvironmentTier;
  /** Short workload code in every name, 2-6 lowercase letters/digits (e.g. `pay`). */
  readonly workload: string;
  /** Primary region. */
  readonly location: AzureLocation;
  /** Paired region for geo-replicas and Cosmos DB failover. Required in prod. @default - single region */
  readonly secondaryLocation?: AzureLocation;
  /** Microsoft Entra tenant id (GUID); Key Vault trusts it and the provider refuses another. */
  readonly tenantId: string;
  /** Subscription id (GUID) the stack deploys into; pinned so prod can never land in dev's subscription. */
  readonly subscriptionId: string;
  readonly network: NetworkConfig;
  readonly tags: RequiredTags;
  readonly retention: RetentionConfig;
  readonly alertContacts: AlertContacts;
  /** Required in prod. @default - no budget */
  readonly budget?: BudgetConfig;
  readonly stateBackend: StateBackendConfig;
  readonly sqlAdminGroup: EntraAdminGroup;
  readonly sizing: AzureSizing;
  readonly cdc: CdcConfig;
  readonly policy: PolicyConfig;
  /**
   * Protect stateful resources from `terraform destroy`: lifecycle `prevent_destroy`
   * and CanNotDelete locks on data resource groups. Must be true in prod.
   */
  readonly deletionProtection: boolean;
}

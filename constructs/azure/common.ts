/**
 * Props the Azure constructs share, named as in `constructs/aws/common.ts` (`encryptionKey`,
 * `diagnostics`, `privateAccess`, `deletionProtection`, `tags`) so an engineer who knows one cloud
 * reads the other.
 */
import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { DiagnosticsTarget } from "./diagnostic-settings";
import { AzureLocation } from "./locations";
import { AzureNaming } from "./naming";
import { PrivateAccess } from "./private-endpoint";
import { WorkloadIdentity } from "./workload-identity";

/** Where a construct puts its resources and how it names them. */
export interface AzurePlacementProps {
  readonly naming: AzureNaming;
  /** Resource group of the construct's resources. */
  readonly resourceGroupName: string;
  /** Region of the construct's resources (the environment's primary region). */
  readonly location: AzureLocation;
}

/** Props every Azure data store takes (SQL Database, Cosmos DB, data lake, Synapse). */
export interface AzureDataStoreProps extends AzurePlacementProps {
  /** The store's workload identity: account identity and CMK access (already granted on `encryptionKey`). */
  readonly identity: WorkloadIdentity;
  /** Customer-managed key of the store's data (an RSA key in the platform Key Vault). */
  readonly encryptionKey: KeyVaultKey;
  /** Subnet and private DNS zones of the store's private endpoints. */
  readonly privateAccess: PrivateAccess;
  /** Log Analytics target of the store's diagnostic settings (and auditing, where the service has it). */
  readonly diagnostics: DiagnosticsTarget;
  /**
   * `lifecycle.prevent_destroy` on the store's stateful resources.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Extra tags on the store's resources (e.g. `data-store`); the stack's tags aspect adds the required ones.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A Microsoft Entra ID group that administers a SQL server or Synapse workspace (Entra-only authentication). */
export interface EntraAdminGroup {
  /** The group's display name (SQL login name). */
  readonly displayName: string;
  /** The group's object id (a GUID). */
  readonly objectId: string;
}

import { KeyVault as AzKeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Construct } from "constructs";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { AzureNaming } from "./naming";
import { PrivateAccess, PrivateEndpoint } from "./private-endpoint";

/** One customer-managed key. */
export interface CustomerManagedKeySpec {
  /**
   * RSA key size. Azure SQL TDE, Cosmos DB, Storage, Synapse and Data Factory all accept 3072.
   * @default 3072
   */
  readonly keySize?: 2048 | 3072 | 4096;
  /**
   * ISO 8601 lifetime of a key version; a new version is created 30 days before it expires.
   * PCI DSS 3.6.1.4 asks for a defined cryptoperiod.
   * @default "P1Y"
   */
  readonly rotateEvery?: string;
}

export interface KeyVaultProps {
  readonly naming: AzureNaming;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tenantId: string;
  /** Soft-delete retention, 7-90 days. */
  readonly softDeleteRetentionDays: number;
  readonly privateAccess: PrivateAccess;
  readonly diagnostics: DiagnosticsTarget;
  /** Object id of the principal running Terraform; it gets Key Vault Crypto Officer to manage keys. */
  readonly deployerObjectId: string;
  /** Customer-managed keys by stable name (the name is part of the state contract). */
  readonly keys: Readonly<Record<string, CustomerManagedKeySpec>>;
  /**
   * `prevent_destroy` on the vault and its keys: deleting a CMK makes the data it protects unreadable.
   * @default false
   */
  readonly deletionProtection?: boolean;
}

/**
 * Key Vault for customer-managed keys: RBAC authorization, purge protection, soft delete, no public
 * network access (private endpoint only), default-deny network ACLs, HSM-backed keys with rotation.
 *
 * Terraform creates keys through the vault's data plane, so `cdktf deploy` must run from a network
 * that reaches the private endpoint (a self-hosted runner in the VNet or a peered hub).
 */
export class KeyVault extends Construct {
  readonly vault: AzKeyVault;
  readonly keys: Readonly<Record<string, KeyVaultKey>>;

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);
    const protect = props.deletionProtection ?? false;
    this.vault = new AzKeyVault(this, "vault", {
      name: props.naming.name("keyVault"),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: props.tenantId,
      // Premium: keys live in HSMs (FIPS 140 Level 3), which PCI DSS assessors expect for CMKs.
      skuName: "premium",
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: props.softDeleteRetentionDays,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
    });
    if (protect) this.vault.addOverride("lifecycle.prevent_destroy", true);

    new PrivateEndpoint(this, "private-endpoint", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "keyVault",
      targetResourceId: this.vault.id,
      qualifier: "kv",
    });
    new DiagnosticSettings(this, "diagnostics", {
      diagnostics: props.diagnostics,
      targetResourceId: this.vault.id,
      logCategoryGroups: ["audit", "allLogs"],
    });

    const deployer = new RoleAssignment(this, "deployer-crypto-officer", {
      scope: this.vault.id,
      roleDefinitionName: "Key Vault Crypto Officer",
      principalId: props.deployerObjectId,
      description: "Lets the deployment principal create and rotate the platform's customer-managed keys.",
    });

    const keys: Record<string, KeyVaultKey> = {};
    for (const [name, spec] of Object.entries(props.keys)) {
      const key = new KeyVaultKey(this, `key-${name}`, {
        name: props.naming.name("keyVaultKey", { qualifier: name }),
        keyVaultId: this.vault.id,
        keyType: "RSA-HSM",
        keySize: spec.keySize ?? 3072,
        keyOpts: ["wrapKey", "unwrapKey"],
        rotationPolicy: {
          expireAfter: spec.rotateEvery ?? "P1Y",
          notifyBeforeExpiry: "P30D",
          automatic: { timeBeforeExpiry: "P30D" },
        },
        dependsOn: [deployer],
      });
      if (protect) key.addOverride("lifecycle.prevent_destroy", true);
      keys[name] = key;
    }
    this.keys = keys;
  }
}

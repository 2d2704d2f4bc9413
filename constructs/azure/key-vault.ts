import { KeyVault as AzKeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Offset } from "@cdktf/provider-time/lib/offset";
import { Construct } from "constructs";
import { AzurePlacementProps } from "./common";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { PrivateAccess, PrivateEndpoint } from "./private-endpoint";
import { RbacPropagationWait } from "./rbac-propagation-wait";
import { preventDestroy } from "../shared/lifecycle";
import { Rule, assertRules, intBetween } from "../shared/rules";

/** One customer-managed key. */
export interface CustomerManagedKeySpec {
  /**
   * RSA key size. Azure SQL TDE, Cosmos DB, Storage, Synapse and Data Factory all accept 3072.
   * @default 3072
   */
  readonly keySize?: 2048 | 3072 | 4096;
  /**
   * ISO 8601 lifetime of a key version (`P<n>Y`, `P<n>M` or `P<n>D`, longer than the 30-day rotation
   * lead); a new version is created 30 days before it expires. The first version's expiration date is
   * its creation time plus this period. PCI DSS 3.6.1.4 asks for a defined cryptoperiod.
   * @default "P1Y"
   */
  readonly rotateEvery?: string;
}

export interface KeyVaultProps extends AzurePlacementProps {
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
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/** Days before expiry that Key Vault creates the next version (and notifies). */
const ROTATION_LEAD_DAYS = 30;

/** `P1Y` -> `{ offsetYears: 1 }`: the `time_offset` arguments of one cryptoperiod, or undefined if unsupported. */
export function cryptoperiodOffset(period: string): { offsetYears?: number; offsetMonths?: number; offsetDays?: number } | undefined {
  const m = /^P([1-9][0-9]*)([YMD])$/.exec(period);
  if (!m) return undefined;
  const n = Number(m[1]);
  const approxDays = { Y: 365 * n, M: 30 * n, D: n }[m[2] as "Y" | "M" | "D"];
  // Key Vault accepts expire_after from P28D; the rotation lead must fit inside it.
  if (approxDays <= ROTATION_LEAD_DAYS) return undefined;
  return m[2] === "Y" ? { offsetYears: n } : m[2] === "M" ? { offsetMonths: n } : { offsetDays: n };
}

/** The props `keyVaultRules` reads; the environment validator passes `retention.keyVaultSoftDeleteDays`. */
export type KeyVaultRuleInput = Pick<KeyVaultProps, "softDeleteRetentionDays" | "keys">;

/** Every rule of the vault's props, as rows (`ok` = passes): the soft-delete window Azure accepts and each key's cryptoperiod. */
export function keyVaultRules(props: KeyVaultRuleInput): Rule[] {
  return [
    intBetween(props.softDeleteRetentionDays, 7, 90, "softDeleteRetentionDays"),
    ...Object.entries(props.keys).map(([name, spec]) => ({
      ok: cryptoperiodOffset(spec.rotateEvery ?? "P1Y") !== undefined,
      field: `keys.${name}.rotateEvery`,
      value: spec.rotateEvery,
      allowed: `P<n>Y, P<n>M or P<n>D longer than ${ROTATION_LEAD_DAYS} days, e.g. "P1Y"`,
    })),
  ];
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
    assertRules(`KeyVault ${this.node.path}`, keyVaultRules(props));
    const protect = props.deletionProtection ?? true;
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
    preventDestroy(protect, this.vault);

    const endpoint = new PrivateEndpoint(this, "private-endpoint", {
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
    // Keys are created through the vault's data plane: only once the vault resolves to its private
    // endpoint (the endpoint carries its DNS zone group) and the deployer's role is enforced.
    const deployerReady = new RbacPropagationWait(this, "deployer-propagation", { assignments: [deployer] });

    const keys: Record<string, KeyVaultKey> = {};
    for (const [name, spec] of Object.entries(props.keys)) {
      const period = spec.rotateEvery ?? "P1Y";
      // The first version expires one cryptoperiod after its creation, like every version rotation creates.
      const expiry = new Offset(this, `key-${name}-expiry`, cryptoperiodOffset(period) ?? {});
      const key = new KeyVaultKey(this, `key-${name}`, {
        name: props.naming.name("keyVaultKey", { qualifier: name }),
        keyVaultId: this.vault.id,
        keyType: "RSA-HSM",
        keySize: spec.keySize ?? 3072,
        keyOpts: ["wrapKey", "unwrapKey"],
        expirationDate: expiry.rfc3339,
        rotationPolicy: {
          expireAfter: period,
          notifyBeforeExpiry: `P${ROTATION_LEAD_DAYS}D`,
          automatic: { timeBeforeExpiry: `P${ROTATION_LEAD_DAYS}D` },
        },
        // After a rotation the provider reads the new version's later expiry; writing the first
        // version's date back would shorten the new version's life, so the date is set on create only.
        lifecycle: { ignoreChanges: ["expiration_date"] },
        dependsOn: [deployerReady.sleep, endpoint.endpoint],
      });
      preventDestroy(protect, key);
      keys[name] = key;
    }
    this.keys = keys;
  }
}

import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Construct } from "constructs";
import { AzureNaming } from "./naming";

export interface WorkloadIdentityProps {
  readonly naming: AzureNaming;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Workload name, e.g. `sql`; part of the identity's name. */
  readonly workload: string;
}

/**
 * A user-assigned managed identity for one workload. Access is granted through methods that scope
 * each role to one resource, never to a resource group or subscription.
 */
export class WorkloadIdentity extends Construct {
  readonly identity: UserAssignedIdentity;
  readonly id: string;
  readonly principalId: string;
  readonly clientId: string;
  private grants = 0;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    this.identity = new UserAssignedIdentity(this, "identity", {
      name: props.naming.name("managedIdentity", { qualifier: props.workload }),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    this.id = this.identity.id;
    this.principalId = this.identity.principalId;
    this.clientId = this.identity.clientId;
  }

  /** Wrap and unwrap with one key (customer-managed-key encryption), scoped to that key only. */
  grantKeyEncryption(key: KeyVaultKey): RoleAssignment {
    return this.grant(key.resourceVersionlessId, "Key Vault Crypto Service Encryption User");
  }

  /** Assigns a built-in role on one resource. */
  grant(scope: string, roleDefinitionName: string): RoleAssignment {
    this.grants += 1;
    return new RoleAssignment(this, `grant-${this.grants}`, {
      scope,
      roleDefinitionName,
      principalId: this.identity.principalId,
      principalType: "ServicePrincipal",
      description: `${this.node.id}: ${roleDefinitionName}`,
    });
  }
}

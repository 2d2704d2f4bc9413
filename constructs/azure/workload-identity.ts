import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AzureNaming } from "./naming";
import { RbacPropagationWait } from "./rbac-propagation-wait";

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
  /**
   * What a customer-managed-key consumer must depend on: the propagation wait after each key grant
   * (`grantKeyEncryption`). Empty until a key is granted.
   */
  get keyAccessReady(): readonly ITerraformDependable[] {
    return this.keyWaits;
  }
  private readonly keyWaits: ITerraformDependable[] = [];
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

  /**
   * Wrap and unwrap with one key (customer-managed-key encryption), scoped to that key only. The
   * grant is followed by an RBAC propagation wait that consumers reach through `keyAccessReady`: a
   * store created right after the grant fails its first wrap with 403.
   */
  grantKeyEncryption(key: KeyVaultKey): RoleAssignment {
    const assignment = this.grant(key.resourceVersionlessId, "Key Vault Crypto Service Encryption User");
    const wait = new RbacPropagationWait(this, `key-access-propagation-${this.grants}`, { assignments: [assignment] });
    this.keyWaits.push(wait.sleep);
    return assignment;
  }

  /**
   * Assigns a built-in role on one resource.
   * @param dependsOn what must exist before the assignment, e.g. the container a container-scope grant names
   */
  grant(scope: string, roleDefinitionName: string, dependsOn: readonly ITerraformDependable[] = []): RoleAssignment {
    this.grants += 1;
    return new RoleAssignment(this, `grant-${this.grants}`, {
      scope,
      roleDefinitionName,
      principalId: this.identity.principalId,
      principalType: "ServicePrincipal",
      description: `${this.node.id}: ${roleDefinitionName}`,
      dependsOn: dependsOn.length > 0 ? [...dependsOn] : undefined,
    });
  }
}

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

/** One built-in role on one resource, for `WorkloadIdentity.grant`. */
export interface RoleGrant {
  /**
   * Stable name of the resource `scope` points at (lowercase, digits, hyphens), e.g. `key-sql` or
   * `staging-filesystem`. With the role it forms the assignment's id, so it must not change
   * between deployments.
   */
  readonly target: string;
  /** Resource id the role is scoped to. */
  readonly scope: string;
  /** Built-in role name, e.g. `Storage Blob Data Contributor`. */
  readonly role: string;
  /**
   * What must exist before the assignment, e.g. the container a container-scope grant names.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
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
    const target = key.node.id;
    const assignment = this.grant({ target, scope: key.resourceVersionlessId, role: "Key Vault Crypto Service Encryption User" });
    const wait = new RbacPropagationWait(this, `key-access-propagation-${target}`, { assignments: [assignment] });
    this.keyWaits.push(wait.sleep);
    return assignment;
  }

  /**
   * Assigns a built-in role on one resource. The assignment's construct id (and so its Terraform
   * logical id) is `<role>-on-<target>`, so adding, removing or reordering other grants never
   * replaces it.
   */
  grant(grant: RoleGrant): RoleAssignment {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(grant.target)) {
      throw new Error(
        `WorkloadIdentity ${this.node.path}: grant target "${grant.target}" must be lowercase letters, digits and single hyphens (it becomes the assignment's id)`,
      );
    }
    const id = `${grant.role.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-on-${grant.target}`;
    if (this.node.tryFindChild(id) !== undefined) {
      throw new Error(
        `WorkloadIdentity ${this.node.path}: "${grant.role}" is already granted on "${grant.target}"; grant each role once per target`,
      );
    }
    const dependsOn = grant.dependsOn ?? [];
    return new RoleAssignment(this, id, {
      scope: grant.scope,
      roleDefinitionName: grant.role,
      principalId: this.identity.principalId,
      principalType: "ServicePrincipal",
      description: `${this.node.id}: ${grant.role}`,
      dependsOn: dependsOn.length > 0 ? [...dependsOn] : undefined,
    });
  }
}

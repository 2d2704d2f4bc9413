import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { ResourceGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/resource-group-policy-assignment";
import { Construct } from "constructs";
import { AzurePlacementProps } from "./common";
import { preventDestroy } from "../shared/lifecycle";

/** Built-in "PCI DSS v4" initiative (Microsoft.Authorization/policySetDefinitions). */
export const PCI_DSS_V4_INITIATIVE_ID = "/providers/Microsoft.Authorization/policySetDefinitions/c676748e-3af9-4e22-bc28-50feed564afb";

export interface PlatformResourceGroupProps extends Pick<AzurePlacementProps, "naming" | "location"> {
  /** Role of the group in the name, e.g. `data`. */
  readonly qualifier: string;
  /**
   * Put a CanNotDelete lock on the group: nothing in it can be deleted until the lock is removed.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Assign the built-in PCI DSS v4 initiative at the group's scope (audit and remediation tasks).
   * @default true
   */
  readonly pciDssPolicy?: boolean;
}

/** A resource group with the platform's governance: PCI DSS v4 policy assignment and an optional delete lock. */
export class PlatformResourceGroup extends Construct {
  readonly group: ResourceGroup;
  readonly name: string;
  readonly id: string;

  constructor(scope: Construct, id: string, props: PlatformResourceGroupProps) {
    super(scope, id);
    this.group = new ResourceGroup(this, "group", {
      name: props.naming.name("resourceGroup", { qualifier: props.qualifier }),
      location: props.location,
    });
    this.name = this.group.name;
    this.id = this.group.id;

    if (props.pciDssPolicy ?? true) {
      new ResourceGroupPolicyAssignment(this, "pci-dss", {
        name: props.naming.name("policyAssignment", { qualifier: `pci-${props.qualifier}` }),
        displayName: `PCI DSS v4 (${props.qualifier})`,
        description: "Audits the resource group against the built-in PCI DSS v4 initiative.",
        resourceGroupId: this.group.id,
        policyDefinitionId: PCI_DSS_V4_INITIATIVE_ID,
        // DeployIfNotExists policies in the initiative need an identity and a location for remediation.
        location: props.location,
        identity: { type: "SystemAssigned" },
        enforce: true,
      });
    }

    const protect = props.deletionProtection ?? true;
    preventDestroy(protect, this.group);
    if (protect) {
      new ManagementLock(this, "lock", {
        name: props.naming.name("lock", { qualifier: props.qualifier }),
        scope: this.group.id,
        lockLevel: "CanNotDelete",
        notes: "Holds platform data or keys. Remove this lock deliberately (change review) before deleting anything in it.",
      });
    }
  }
}

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { STATEFUL_AZURE_TYPES } from "../general/stateful";

export default defineRule({
  id: "AZ-GOV-001",
  title: "Production resource groups holding data carry a CanNotDelete lock",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_resource_group"],
  pci: ["6.5.1", "10.3.2", "12.10.1"],
  description: "A delete lock stops a mistaken portal click or pipeline from deleting card-data stores and audit logs.",
  fix: 'Add azurerm_management_lock { scope = the resource group id, lock_level = "CanNotDelete" }.',
  check: (r, ctx) => {
    const members = ctx.graph.referrers(r, { attribute: "resource_group_name" }).filter((m) => STATEFUL_AZURE_TYPES.has(m.type));
    if (members.length === 0) return notApplicable("no stateful resource in this resource group");
    const locks = ctx.graph.referrers(r, { type: "azurerm_management_lock", attribute: "scope" });
    if (locks.some((l) => l.config["lock_level"] === "CanNotDelete" || l.config["lock_level"] === "ReadOnly"))
      return pass(`locked by ${locks[0]!.address}`);
    return fail(
      `resource group holds ${members.length} stateful resource(s) (e.g. ${members[0]!.address}) but no azurerm_management_lock with scope = its id and lock_level = "CanNotDelete"; add one`,
    );
  },
});

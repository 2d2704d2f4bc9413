import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-SYN-004",
  title: "Synapse workspaces are encrypted with a customer-managed key",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace"],
  pci: ["3.5.1", "3.6.1"],
  description: "Workspace data is encrypted with a Key Vault key the platform controls.",
  fix: "Add customer_managed_key { key_versionless_id, user_assigned_identity_id }.",
  check: (r) => {
    const cmk = block(r.config, "customer_managed_key");
    if (cmk && hasValue(cmk["key_versionless_id"])) return pass("customer_managed_key.key_versionless_id is set");
    return fail("customer_managed_key is unset; add customer_managed_key { key_versionless_id }");
  },
});

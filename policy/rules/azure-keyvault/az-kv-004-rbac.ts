import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { blocks, isTrue, show } from "../../engine/values";

export default defineRule({
  id: "AZ-KV-004",
  title: "Key Vaults use Azure RBAC instead of access policies",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["7.2.1", "7.2.2"],
  description: "RBAC gives least-privilege, auditable role assignments per key instead of vault-wide access policies.",
  fix: "Set rbac_authorization_enabled = true (enable_rbac_authorization on older providers) and remove access_policy blocks.",
  check: (r, ctx) => {
    const value = attr(r, ctx, "rbac_authorization_enabled") ?? attr(r, ctx, "enable_rbac_authorization");
    if (isTrue(value)) {
      if (blocks(r.config, "access_policy").length > 0) return fail("access_policy blocks are set next to RBAC; remove access_policy");
      return pass("rbac_authorization_enabled = true");
    }
    return fail(`rbac_authorization_enabled is ${show(value)}; set rbac_authorization_enabled = true`);
  },
});

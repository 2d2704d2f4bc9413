import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ST-005",
  title: "Storage accounts use Entra ID, not shared keys",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["8.2.1", "8.3.1"],
  references: { checkov: ["CKV2_AZURE_40"] },
  description: "Account keys are shared, long-lived secrets; every access must be an Entra identity with RBAC.",
  fix: "Set shared_access_key_enabled = false (and default_to_oauth_authentication = true); grant data-plane RBAC roles instead.",
  check: (r, ctx) => expectBool(r, ctx, "shared_access_key_enabled", false, true),
});

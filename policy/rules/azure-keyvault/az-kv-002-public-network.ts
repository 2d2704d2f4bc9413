import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-KV-002",
  title: "Key Vaults disable public network access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["1.3.1", "1.4.4", "3.6.1"],
  references: { checkov: ["CKV_AZURE_189"] },
  description: "Key management endpoints must not be reachable from the internet.",
  fix: "Set public_network_access_enabled = false and use the vault's private endpoint.",
  check: (r, ctx) => expectBool(r, ctx, "public_network_access_enabled", false, true),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-KV-001",
  title: "Key Vaults enable purge protection",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["3.6.1", "3.7.2"],
  references: { checkov: ["CKV_AZURE_110", "CKV_AZURE_42"], trivy: ["azure-keyvault-no-purge"] },
  description: "A purged customer-managed key makes every database encrypted with it unreadable forever.",
  fix: "Set purge_protection_enabled = true (and soft_delete_retention_days, default 90).",
  check: (r, ctx) => expectBool(r, ctx, "purge_protection_enabled", true, false),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ST-012",
  title: "Storage accounts use infrastructure (double) encryption",
  severity: "warning",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["3.5.1"],
  references: { checkov: ["CKV2_AZURE_20"] },
  description: "A second layer of platform encryption protects against a compromise of one algorithm or key.",
  fix: "Set infrastructure_encryption_enabled = true (forces a new account).",
  check: (r, ctx) => expectBool(r, ctx, "infrastructure_encryption_enabled", true, false),
});

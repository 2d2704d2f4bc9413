import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ST-004",
  title: "Storage accounts forbid anonymous blob access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["1.4.4", "7.2.1"],
  references: { checkov: ["CKV_AZURE_190"], trivy: ["azure-storage-no-public-access"] },
  description: "Containers must never be made public (anonymous read).",
  fix: "Set allow_nested_items_to_be_public = false.",
  check: (r, ctx) => expectBool(r, ctx, "allow_nested_items_to_be_public", false, true),
});

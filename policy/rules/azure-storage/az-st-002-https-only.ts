import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ST-002",
  title: "Storage accounts accept HTTPS only",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["4.2.1"],
  references: { checkov: ["CKV_AZURE_3"], trivy: ["azure-storage-enforce-https"] },
  description: "Plain HTTP requests to the storage endpoints would carry data and SAS tokens in clear text.",
  fix: "Leave https_traffic_only_enabled unset or set it to true.",
  check: (r, ctx) => expectBool(r, ctx, "https_traffic_only_enabled", true, true),
});

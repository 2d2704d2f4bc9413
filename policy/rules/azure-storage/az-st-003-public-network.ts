import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ST-003",
  title: "Storage accounts disable public network access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AZURE_59"] },
  description: "Cardholder-data stores must not be reachable from the internet; access goes through private endpoints.",
  fix: "Set public_network_access_enabled = false and reach the account through a private endpoint.",
  check: (r, ctx) => expectBool(r, ctx, "public_network_access_enabled", false, true),
});

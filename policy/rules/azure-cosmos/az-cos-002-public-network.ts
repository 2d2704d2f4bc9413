import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-COS-002",
  title: "Cosmos DB accounts disable public network access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AZURE_101"] },
  description: "The account must only be reachable through its private endpoint.",
  fix: "Set public_network_access_enabled = false.",
  check: (r, ctx) => expectBool(r, ctx, "public_network_access_enabled", false, true),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-COS-007",
  title: "Cosmos DB accounts block metadata writes with keys",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["7.2.1", "6.5.1"],
  references: { checkov: ["CKV_AZURE_132"] },
  description: "Databases and containers must only change through Terraform (control plane), not with account keys.",
  fix: "Set access_key_metadata_writes_enabled = false.",
  check: (r, ctx) => expectBool(r, ctx, "access_key_metadata_writes_enabled", false, true),
});

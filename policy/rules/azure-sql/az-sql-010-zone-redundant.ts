import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-SQL-010",
  title: "Production SQL databases are zone redundant",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_database"],
  pci: ["12.10.1"],
  references: { checkov: ["CKV_AZURE_229"] },
  description: "Production card-data databases must survive the loss of an availability zone.",
  fix: "Set zone_redundant = true (General Purpose, Business Critical, Premium or Hyperscale SKU).",
  check: (r, ctx) => expectBool(r, ctx, "zone_redundant", true, false),
});

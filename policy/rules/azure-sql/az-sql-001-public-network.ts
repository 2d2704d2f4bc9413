import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-SQL-001",
  title: "SQL servers disable public network access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AZURE_113"], trivy: ["azure-database-no-public-access"] },
  description: "The OLTP database holds card data and must only be reachable through its private endpoint.",
  fix: "Set public_network_access_enabled = false.",
  check: (r, ctx) => expectBool(r, ctx, "public_network_access_enabled", false, true),
});

import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "AZ-SQL-009",
  title: "SQL databases keep 7+ days of point-in-time restore",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_database"],
  pci: ["12.10.1"],
  description: "Point-in-time restore is the recovery path from corruption or a bad deployment.",
  fix: "Set short_term_retention_policy { retention_days >= 7 } (prod: 35).",
  check: (r, ctx) => expectMin(r, ctx, "short_term_retention_policy.retention_days", 7, { providerDefault: 7, unit: "days" }),
});

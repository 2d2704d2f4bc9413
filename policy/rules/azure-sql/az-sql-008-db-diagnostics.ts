import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-SQL-008",
  title: "SQL databases send diagnostics to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_database"],
  pci: ["10.2.1", "10.3.3"],
  description: "Database errors, timeouts, blocks and audit events must reach the central workspace.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the database id.",
  check: requireDiagnosticSetting,
});

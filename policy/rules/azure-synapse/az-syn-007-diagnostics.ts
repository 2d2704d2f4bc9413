import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-SYN-007",
  title: "Synapse workspaces and SQL pools send diagnostics to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace", "azurerm_synapse_sql_pool"],
  pci: ["10.2.1", "10.3.3"],
  description: "SQL requests, RBAC operations and pipeline runs must be logged centrally.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the workspace (or SQL pool) id.",
  check: requireDiagnosticSetting,
});

import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-LOG-003",
  title: "Log Analytics workspaces audit their own queries",
  severity: "warning",
  clouds: ["azure"],
  resourceTypes: ["azurerm_log_analytics_workspace"],
  pci: ["10.2.1", "10.3.1"],
  description: "Who read the audit logs is itself audit data.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the workspace id (category group audit).",
  check: requireDiagnosticSetting,
});

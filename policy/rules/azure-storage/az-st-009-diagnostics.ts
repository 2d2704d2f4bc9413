import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-ST-009",
  title: "Storage accounts send diagnostics to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["10.2.1", "10.3.3"],
  description: "Data-plane access to card data must be logged centrally.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the account id (or its /blobServices/default) and log_analytics_workspace_id.",
  check: requireDiagnosticSetting,
});

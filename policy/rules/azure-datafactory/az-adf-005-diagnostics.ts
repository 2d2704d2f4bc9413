import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-ADF-005",
  title: "Data factories send diagnostics to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory"],
  pci: ["10.2.1", "10.3.3"],
  description: "Pipeline, activity and trigger runs that move card data must be logged centrally.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the factory id.",
  check: requireDiagnosticSetting,
});

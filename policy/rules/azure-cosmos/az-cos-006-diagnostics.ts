import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-COS-006",
  title: "Cosmos DB accounts send diagnostics to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["10.2.1", "10.3.3"],
  description: "Data-plane and control-plane requests must be logged centrally.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the account id.",
  check: requireDiagnosticSetting,
});

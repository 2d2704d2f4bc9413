import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-KV-006",
  title: "Key Vaults send audit events to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["10.2.1", "10.2.1.2", "3.6.1"],
  description: "Every key operation (wrap, unwrap, rotate, delete) must be logged centrally.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the vault id and the audit category group.",
  check: requireDiagnosticSetting,
});

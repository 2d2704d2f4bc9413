import { defineRule } from "../../engine/rule";
import { requireDiagnosticSetting } from "../_shared";

export default defineRule({
  id: "AZ-NET-003",
  title: "NSGs, firewalls and public IPs send diagnostics to Log Analytics",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_network_security_group", "azurerm_firewall", "azurerm_public_ip"],
  pci: ["10.2.1", "1.2.7"],
  description: "Network security events (NSG rule hits, firewall decisions, DDoS mitigation) must be logged centrally.",
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = the resource id.",
  check: requireDiagnosticSetting,
});

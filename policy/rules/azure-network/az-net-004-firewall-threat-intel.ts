import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-NET-004",
  title: "Firewall policies deny known-malicious traffic",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_firewall_policy"],
  pci: ["1.4.1", "11.5.1"],
  description: "Threat-intelligence filtering must block, not only alert on, traffic to/from known-malicious addresses.",
  fix: 'Set threat_intelligence_mode = "Deny".',
  check: (r, ctx) => expectOneOf(r, ctx, "threat_intelligence_mode", ["Deny"], "Alert"),
});

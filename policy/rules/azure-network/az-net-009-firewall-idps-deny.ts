import { defineRule } from "../../engine/rule";
import { all, expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-NET-009",
  title: "Firewall policies run IDPS in Deny mode (Premium)",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_firewall_policy"],
  pci: ["11.5.1"],
  description:
    "PCI DSS 11.5.1 asks for intrusion-detection and/or intrusion-prevention techniques at the perimeter of the CDE; Azure Firewall's signature-based IDPS exists only on the Premium tier, and Deny blocks what Alert would only log.",
  fix: 'Set sku = "Premium" and intrusion_detection { mode = "Deny" } on the policy (and sku_tier = "Premium" on the firewall).',
  check: (r, ctx) =>
    all(expectOneOf(r, ctx, "sku", ["Premium"], "Standard"), expectOneOf(r, ctx, "intrusion_detection.mode", ["Deny"], "Off")),
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, hasValue, isFalse } from "../../engine/values";

export default defineRule({
  id: "AZ-NET-007",
  title: "Production VNets are covered by DDoS Network Protection",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_virtual_network"],
  pci: ["1.4.1", "12.10.1"],
  description: "Public entry points of production must be protected against volumetric attacks.",
  fix: "Add ddos_protection_plan { id = azurerm_network_ddos_protection_plan id, enable = true }.",
  check: (r) => {
    const plan = block(r.config, "ddos_protection_plan");
    if (plan && hasValue(plan["id"]) && !isFalse(plan["enable"])) return pass("ddos_protection_plan is enabled");
    return fail("ddos_protection_plan is unset or disabled; add ddos_protection_plan { id, enable = true }");
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { asArray, show } from "../../engine/values";

export default defineRule({
  id: "AZ-NET-008",
  title: "Production firewalls and public IPs span availability zones",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_firewall", "azurerm_public_ip"],
  pci: ["12.10.1"],
  description: "The egress path of production must survive the loss of a zone.",
  fix: 'Set zones = ["1", "2", "3"].',
  check: (r) => {
    const zones = asArray(r.config["zones"]);
    if (zones.length >= 2) return pass(`zones = ${show(zones)}`);
    return fail(`zones is ${show(r.config["zones"])}; set zones = ["1", "2", "3"]`);
  },
});

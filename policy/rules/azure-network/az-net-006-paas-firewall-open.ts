import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { asArray, block, show } from "../../engine/values";

export default defineRule({
  id: "AZ-NET-006",
  title: "PaaS firewalls do not open to the internet or to all of Azure",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_firewall_rule", "azurerm_synapse_firewall_rule", "azurerm_cosmosdb_account", "azurerm_storage_account"],
  pci: ["1.3.1", "1.4.2"],
  references: { checkov: ["CKV_AZURE_11"], trivy: ["azure-database-no-public-firewall-access"] },
  description: "A 0.0.0.0 firewall rule admits every Azure tenant (or the whole internet) to the data store.",
  fix: "Delete the firewall rule / ip_range_filter / network_rules.ip_rules entry and use private endpoints.",
  check: (r) => {
    if (r.type === "azurerm_cosmosdb_account") {
      const filter = asArray(r.config["ip_range_filter"]).flatMap((v) => String(v).split(","));
      const open = filter.map((v) => v.trim()).filter((v) => v.startsWith("0.0.0.0"));
      return open.length > 0
        ? fail(`ip_range_filter contains ${open.join(", ")}; remove it`)
        : pass("ip_range_filter has no 0.0.0.0 entry");
    }
    if (r.type === "azurerm_storage_account") {
      const ips = asArray(block(r.config, "network_rules")?.["ip_rules"]).map(String);
      const open = ips.filter((v) => v.startsWith("0.0.0.0"));
      return open.length > 0
        ? fail(`network_rules.ip_rules contains ${open.join(", ")}; remove it`)
        : pass("network_rules.ip_rules has no 0.0.0.0 entry");
    }
    const start = String(r.config["start_ip_address"] ?? "");
    if (start === "0.0.0.0")
      return fail(
        `start_ip_address = 0.0.0.0 (end ${show(r.config["end_ip_address"])}) admits all of Azure or the internet; delete the rule`,
      );
    return pass("firewall rule is a specific range");
  },
});

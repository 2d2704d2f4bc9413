import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";

const RESERVED = new Set([
  "AzureFirewallSubnet",
  "AzureFirewallManagementSubnet",
  "GatewaySubnet",
  "RouteServerSubnet",
  "AzureBastionSubnet",
]);

export default defineRule({
  id: "AZ-NET-002",
  title: "Subnets have a network security group",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_subnet"],
  pci: ["1.2.1", "1.3.1"],
  references: { checkov: ["CKV2_AZURE_31"] },
  description: "Every subnet must be filtered by an NSG (Azure-reserved subnets excepted).",
  fix: "Add an azurerm_subnet_network_security_group_association { subnet_id, network_security_group_id }.",
  check: (r, ctx) => {
    if (typeof r.config["name"] === "string" && RESERVED.has(r.config["name"])) return notApplicable("Azure-reserved subnet");
    const assoc = ctx.graph.referrers(r, { type: "azurerm_subnet_network_security_group_association", attribute: "subnet_id" });
    if (assoc.length > 0) return pass(`NSG via ${assoc[0]!.address}`);
    return fail("no azurerm_subnet_network_security_group_association has subnet_id = this subnet; associate an NSG");
  },
});

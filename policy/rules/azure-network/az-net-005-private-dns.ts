import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-NET-005",
  title: "Private endpoints register in a private DNS zone",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_private_endpoint"],
  pci: ["1.3.1", "1.4.4"],
  description: "Without a DNS zone group clients resolve the PaaS name to its public IP and bypass the endpoint.",
  fix: "Add private_dns_zone_group { name, private_dns_zone_ids = [the privatelink zone id] }.",
  check: (r) => {
    const group = block(r.config, "private_dns_zone_group");
    if (group && hasValue(group["private_dns_zone_ids"])) return pass("private_dns_zone_group is set");
    return fail("private_dns_zone_group.private_dns_zone_ids is unset; add private_dns_zone_group with the privatelink zone id");
  },
});

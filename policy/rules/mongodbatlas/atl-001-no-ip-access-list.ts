import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { hasValue, show } from "../../engine/values";

export default defineRule({
  id: "ATL-001",
  title: "Atlas projects have no public IP access list entries (PrivateLink only)",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_project_ip_access_list"],
  pci: ["1.3.1", "1.4.1"],
  description: "A CIDR or IP entry opens the cluster's public endpoints; the platform reaches Atlas through PrivateLink.",
  fix: "Remove the CIDR/IP access list entry and connect through mongodbatlas_privatelink_endpoint_service (a peered security group entry is private).",
  check: (r, ctx) => {
    const cidr = attr(r, ctx, "cidr_block") ?? attr(r, ctx, "ip_address");
    if (hasValue(cidr)) return fail(`access list entry ${show(cidr)} opens the public endpoint; remove it`);
    return pass("security-group entry (private peering)");
  },
});

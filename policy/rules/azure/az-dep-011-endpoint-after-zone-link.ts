import { defineRule } from "../../engine/rule";
import { dependencies, fail, notApplicable, pass } from "../_shared";
import { block } from "../../engine/values";

export default defineRule({
  id: "AZ-DEP-011",
  title: "A private endpoint waits for its DNS zone's VNet link",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_private_endpoint"],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1", "1.4.2"],
  description:
    "The endpoint's DNS zone group writes the A record, but a client in the VNet resolves it only once the zone is linked to the VNet. Nothing references the link, so without an explicit edge the data-plane calls that wait for the endpoint (keys, filesystems) can run while the name still resolves to the public address, which a private service refuses.",
  fix: "Add the azurerm_private_dns_zone_virtual_network_link of each zone in private_dns_zone_group to the endpoint's depends_on.",
  check: (r, ctx) => {
    const group = block(r.config, "private_dns_zone_group");
    const zoneIds = Array.isArray(group?.["private_dns_zone_ids"]) ? (group["private_dns_zone_ids"] as unknown[]) : [];
    const zones = zoneIds.map((z) => ctx.graph.resolve(z, "azurerm_private_dns_zone")).filter((z) => z !== undefined);
    const linked = zones.filter((z) => ctx.graph.referrers(z, { type: "azurerm_private_dns_zone_virtual_network_link" }).length > 0);
    if (linked.length === 0) return notApplicable("no zone of this stack with a VNet link");
    const waitedFor = new Set(dependencies(r, ctx).map((d) => d.address));
    const missing = linked.filter(
      (z) => !ctx.graph.referrers(z, { type: "azurerm_private_dns_zone_virtual_network_link" }).some((l) => waitedFor.has(l.address)),
    );
    if (missing.length === 0) return pass("waits for the VNet link of its DNS zone");
    return fail(`add the VNet link of ${missing.map((z) => z.address).join(", ")} to depends_on`);
  },
});

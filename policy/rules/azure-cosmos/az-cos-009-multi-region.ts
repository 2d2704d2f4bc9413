import { defineRule } from "../../engine/rule";
import { expectBool, fail } from "../_shared";
import { blocks } from "../../engine/values";

export default defineRule({
  id: "AZ-COS-009",
  title: "Production Cosmos DB accounts replicate to a second region with automatic failover",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["12.10.1"],
  description: "Production must survive a regional outage.",
  fix: "Add a second geo_location (failover_priority = 1) and set automatic_failover_enabled = true.",
  check: (r, ctx) => {
    const regions = new Set(blocks(r.config, "geo_location").map((g) => String(g["location"])));
    if (regions.size < 2) return fail(`geo_location lists ${regions.size} region(s); add a geo_location in the secondary region`);
    return expectBool(r, ctx, "automatic_failover_enabled", true, false);
  },
});

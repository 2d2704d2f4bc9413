import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, isTrue } from "../../engine/values";

export default defineRule({
  id: "AZ-COS-010",
  title: "Production Cosmos DB regions are zone redundant",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["12.10.1"],
  description: "Every region of a production account must survive the loss of an availability zone.",
  fix: "Set zone_redundant = true on every geo_location.",
  check: (r) => {
    const geo = blocks(r.config, "geo_location");
    const missing = geo.filter((g) => !isTrue(g["zone_redundant"])).map((g) => String(g["location"]));
    if (geo.length > 0 && missing.length === 0) return pass("zone_redundant = true in every geo_location");
    return fail(`geo_location.zone_redundant is not true for ${missing.join(", ") || "any region"}; set zone_redundant = true`);
  },
});

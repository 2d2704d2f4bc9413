import { defineRule } from "../../engine/rule";
import { expectBool, expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-SYN-009",
  title: "Production Synapse SQL pools keep geo-backups",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_sql_pool"],
  pci: ["12.10.1"],
  description: "A geo-backup restores the warehouse in the paired region after a regional outage.",
  fix: 'Set geo_backup_policy_enabled = true (the default) and storage_account_type = "GRS".',
  check: (r, ctx) => {
    const geo = expectBool(r, ctx, "geo_backup_policy_enabled", true, true);
    if (geo.status === "fail") return geo;
    return expectOneOf(r, ctx, "storage_account_type", ["GRS"], "GRS");
  },
});

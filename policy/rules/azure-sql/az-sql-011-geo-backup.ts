import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-SQL-011",
  title: "Production SQL databases keep geo-redundant backups",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_database"],
  pci: ["12.10.1"],
  description: "Backups must be restorable in the paired region after a regional outage.",
  fix: 'Set storage_account_type = "Geo" or "GeoZone".',
  check: (r, ctx) => expectOneOf(r, ctx, "storage_account_type", ["Geo", "GeoZone"], "Geo"),
});

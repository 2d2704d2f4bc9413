import { defineRule } from "../../engine/rule";
import { attr, fail, notApplicable, pass } from "../_shared";

const SECONDARY_MODES = ["Secondary", "OnlineSecondary"];

export default defineRule({
  id: "AZ-DEP-001",
  title: "A geo-secondary SQL database sets no max_size_gb",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_database"],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1"],
  description:
    "azurerm 4.55 refuses max_size_gb in Secondary create mode on create and update ('it is not possible to change maximum size nor advised to configure maximum size in secondary create mode'): the secondary, and the failover group that needs it, are never created.",
  fix: 'Leave max_size_gb unset on the azurerm_mssql_database with create_mode = "Secondary"; it takes the primary\'s size.',
  check: (r, ctx) => {
    const mode = attr(r, ctx, "create_mode");
    if (typeof mode !== "string" || !SECONDARY_MODES.includes(mode)) return notApplicable("not a geo-secondary");
    const size = attr(r, ctx, "max_size_gb");
    if (size === undefined || size === null) return pass(`create_mode = ${mode} without max_size_gb`);
    return fail(`max_size_gb is ${String(size)} with create_mode = ${mode}; remove max_size_gb (the provider refuses it)`);
  },
});

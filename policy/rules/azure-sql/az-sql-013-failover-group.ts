import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";

export default defineRule({
  id: "AZ-SQL-013",
  title: "Production SQL servers have a geo-replica failover group",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["12.10.1"],
  description: "A failover group keeps a readable secondary in the paired region for disaster recovery.",
  fix: "Add azurerm_mssql_failover_group { server_id = the primary, partner_server { id = the secondary } } listing the databases.",
  check: (r, ctx) => {
    const groups = ctx.graph.referrers(r, { type: "azurerm_mssql_failover_group" });
    if (groups.length > 0) return pass(`failover group ${groups[0]!.address}`);
    return fail(
      "no azurerm_mssql_failover_group references the server (server_id or partner_server.id); add one with a partner server in the secondary region",
    );
  },
});

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";

/** `server` of an AzureSqlDatabase linked service, from its JSON type properties. */
function serverOf(typePropertiesJson: unknown): string | undefined {
  if (typeof typePropertiesJson !== "string") return undefined;
  try {
    const server = (JSON.parse(typePropertiesJson) as { server?: unknown }).server;
    return typeof server === "string" ? server : undefined;
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: "AZ-DEP-010",
  title: "ETL reads a failover-group database through the listener and reaches both servers",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory_linked_custom_service"],
  pci: ["6.5.1", "12.10.1"],
  description:
    "A linked service pointed at the primary server's FQDN keeps reading the old primary (read-only, or down) after a failover; the read-write listener follows the failover, and from a managed VNet it resolves only if both servers have a managed private endpoint.",
  fix: "Set server to <failover group name>.database.windows.net and add an azurerm_data_factory_managed_private_endpoint (subresource sqlServer) to the primary and to the partner server.",
  check: (r, ctx) => {
    if (r.config["type"] !== "AzureSqlDatabase") return notApplicable("not an Azure SQL linked service");
    const server = serverOf(r.config["type_properties_json"]);
    const groups = ctx.graph.ofType("azurerm_mssql_failover_group");
    if (groups.length === 0) return notApplicable("no failover group in the stack");
    const problems: string[] = [];
    const listeners = groups.map((g) => `${String(g.config["name"])}.database.windows.net`);
    if (server === undefined || !listeners.includes(server)) {
      problems.push(`server is ${JSON.stringify(server)}; use the failover group listener (${listeners.join(" or ")})`);
    }
    const factory = ctx.graph.resolve(r.config["data_factory_id"], "azurerm_data_factory");
    const reached = new Set(
      ctx.graph
        .ofType("azurerm_data_factory_managed_private_endpoint")
        .filter((m) => factory === undefined || ctx.graph.resolve(m.config["data_factory_id"], "azurerm_data_factory") === factory)
        .map((m) => ctx.graph.resolve(m.config["target_resource_id"], "azurerm_mssql_server")?.address),
    );
    for (const g of groups) {
      const primary = ctx.graph.resolve(g.config["server_id"], "azurerm_mssql_server");
      const partners = ctx.graph.references(g, { type: "azurerm_mssql_server", attribute: "id" }).filter((s) => s !== primary);
      for (const s of [primary, ...partners]) {
        if (s && !reached.has(s.address)) problems.push(`no managed private endpoint reaches ${s.address}`);
      }
    }
    return problems.length === 0
      ? pass("listener host, managed private endpoints to every server of the group")
      : fail(problems.join("; "));
  },
});

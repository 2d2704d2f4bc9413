import { defineRule } from "../../engine/rule";
import { dependencies, fail, notApplicable, pass } from "../_shared";

/** Scopes below an account that a role assignment can name before Terraform created them. */
const CHILD_SCOPES: readonly { pattern: RegExp; types: readonly string[]; what: string }[] = [
  {
    pattern: /\/blobServices\/default\/containers\//,
    types: ["azurerm_storage_data_lake_gen2_filesystem", "azurerm_storage_container"],
    what: "storage container or filesystem",
  },
  { pattern: /\/colls\//, types: ["azurerm_cosmosdb_sql_container"], what: "Cosmos DB container" },
];

export default defineRule({
  id: "AZ-DEP-008",
  title: "A container-scope grant waits for its container",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_role_assignment", "azurerm_cosmosdb_sql_role_assignment"],
  pci: ["6.5.1", "7.2.1"],
  description:
    "A scope written as a string (…/containers/raw, …/colls/api_logs) gives Terraform no edge to the container: the grant can be created before the container exists and fail with 'scope not found', or be left pointing at nothing.",
  fix: "Add the container (azurerm_storage_data_lake_gen2_filesystem, azurerm_storage_container or azurerm_cosmosdb_sql_container) to the grant's depends_on.",
  check: (r, ctx) => {
    const scope = r.config["scope"];
    const child = typeof scope === "string" ? CHILD_SCOPES.find((c) => c.pattern.test(scope)) : undefined;
    if (!child) return notApplicable("scope is not a container");
    const waits =
      dependencies(r, ctx).some((d) => child.types.includes(d.type)) || ctx.graph.references(r, { type: [...child.types] }).length > 0;
    if (waits) return pass(`waits for its ${child.what}`);
    return fail(`scope names a ${child.what} but neither depends_on nor scope references one; add the container to depends_on`);
  },
});

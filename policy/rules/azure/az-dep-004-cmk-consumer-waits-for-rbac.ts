import { defineRule } from "../../engine/rule";
import { attr, fail, notApplicable, pass, waitsForRbacPropagation } from "../_shared";
import { hasValue } from "../../engine/values";

/** Where each consumer names its customer-managed key (SQL: on the TDE resource that references the server). */
const CMK_ATTRIBUTE: Readonly<Record<string, string>> = {
  azurerm_cosmosdb_account: "key_vault_key_id",
  azurerm_storage_account: "customer_managed_key.key_vault_key_id",
  azurerm_synapse_workspace: "customer_managed_key.key_versionless_id",
  azurerm_data_factory: "customer_managed_key_id",
};

export default defineRule({
  id: "AZ-DEP-004",
  title: "A customer-managed-key consumer waits for its key grant to propagate",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server", ...Object.keys(CMK_ATTRIBUTE)],
  pci: ["6.5.1", "3.6.1"],
  description:
    "The store's identity wraps its key as the store is created; Azure RBAC takes minutes to enforce a new role assignment, so a consumer created right after its 'Key Vault Crypto Service Encryption User' grant fails with 403 on a fresh deploy.",
  fix: "Add to depends_on a time_sleep (hashicorp/time) whose depends_on lists the identity's role assignment on the key.",
  check: (r, ctx) => {
    const usesCmk =
      r.type === "azurerm_mssql_server"
        ? ctx.graph
            .referrers(r, { type: "azurerm_mssql_server_transparent_data_encryption" })
            .some((t) => hasValue(t.config["key_vault_key_id"]))
        : hasValue(attr(r, ctx, CMK_ATTRIBUTE[r.type]!));
    if (!usesCmk) return notApplicable("no customer-managed key");
    if (waitsForRbacPropagation(r, ctx)) return pass("depends on a time_sleep after its role assignment");
    return fail(
      "uses a customer-managed key but depends_on has no time_sleep after the identity's role assignment; add the propagation wait",
    );
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-SQL-004",
  title: "SQL servers encrypt with a customer-managed TDE key",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["3.5.1", "3.6.1"],
  description: "Transparent data encryption must use a Key Vault key the platform controls.",
  fix: "Add azurerm_mssql_server_transparent_data_encryption { server_id, key_vault_key_id } (or set transparent_data_encryption_key_vault_key_id on the server).",
  check: (r, ctx) => {
    if (hasValue(r.config["transparent_data_encryption_key_vault_key_id"]))
      return pass("transparent_data_encryption_key_vault_key_id is set");
    const tde = ctx.graph.referrers(r, { type: "azurerm_mssql_server_transparent_data_encryption", attribute: "server_id" });
    const withKey = tde.find((t) => hasValue(t.config["key_vault_key_id"]) || hasValue(t.config["managed_hsm_key_id"]));
    if (withKey) return pass(`customer-managed TDE key via ${withKey.address}`);
    if (tde.length > 0) return fail(`${tde[0]!.address} has no key_vault_key_id (service-managed key); set key_vault_key_id to the CMK id`);
    return fail(
      "no azurerm_mssql_server_transparent_data_encryption with key_vault_key_id references the server; add one (or set transparent_data_encryption_key_vault_key_id)",
    );
  },
});

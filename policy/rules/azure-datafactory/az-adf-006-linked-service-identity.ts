import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { hasValue, isTrue } from "../../engine/values";

const INLINE_SECRETS = ["account_key", "service_principal_key", "storage_account_key", "sas_uri", "connection_string_insecure"];

export default defineRule({
  id: "AZ-ADF-006",
  title: "Data factory linked services authenticate with managed identity or Key Vault",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: [
    "azurerm_data_factory_linked_service_azure_sql_database",
    "azurerm_data_factory_linked_service_data_lake_storage_gen2",
    "azurerm_data_factory_linked_service_synapse",
    "azurerm_data_factory_linked_service_cosmosdb",
    "azurerm_data_factory_linked_service_azure_blob_storage",
  ],
  pci: ["8.6.2", "8.3.2"],
  description: "Linked services must not embed keys or passwords; the factory's managed identity (or a Key Vault secret) authenticates.",
  fix: "Set use_managed_identity = true (SQL, ADLS, Blob) or key_vault_password / key_vault_connection_string; remove account_key, service_principal_key, storage_account_key and passwords in connection_string.",
  check: (r) => {
    const inline = INLINE_SECRETS.filter((k) => hasValue(r.config[k]));
    if (inline.length > 0)
      return fail(`${inline.join(", ")} is set; remove it and use managed identity (use_managed_identity = true) or a Key Vault reference`);
    const cs = r.config["connection_string"];
    if (typeof cs === "string" && /(password|pwd|accountkey)\s*=/i.test(cs))
      return fail("connection_string embeds a password/account key; remove it and use managed identity or key_vault_password");
    const viaMsi = isTrue(r.config["use_managed_identity"]);
    const viaKv =
      hasValue(r.config["key_vault_password"]) ||
      hasValue(r.config["key_vault_connection_string"]) ||
      hasValue(r.config["key_vault_sas_token"]);
    if (viaMsi || viaKv) return pass(viaMsi ? "use_managed_identity = true" : "Key Vault reference");
    if (r.type === "azurerm_data_factory_linked_service_cosmosdb")
      return fail("no key-free authentication configured; use a Key Vault connection string or suppress with the reason");
    if (r.type === "azurerm_data_factory_linked_service_synapse") return pass("connection_string without password (Entra authentication)");
    return fail("use_managed_identity is unset; set use_managed_identity = true");
  },
});

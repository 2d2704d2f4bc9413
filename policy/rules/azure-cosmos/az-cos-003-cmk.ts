import { defineRule } from "../../engine/rule";
import { expectSet, pass } from "../_shared";
import { hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-COS-003",
  title: "Cosmos DB accounts are encrypted with a customer-managed key",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV_AZURE_100"] },
  description: "Data at rest is encrypted with a Key Vault key the platform controls.",
  fix: 'Set key_vault_key_id (versionless key id) and default_identity_type = "UserAssignedIdentity=<id>".',
  check: (r, ctx) => {
    if (hasValue(r.config["managed_hsm_key_id"])) return pass("managed_hsm_key_id is set");
    return expectSet(r, ctx, "key_vault_key_id", "the versionless id of a Key Vault key");
  },
});

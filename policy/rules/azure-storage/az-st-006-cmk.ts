import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-ST-006",
  title: "Storage accounts are encrypted with a customer-managed key",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV2_AZURE_1"] },
  description: "Data at rest is encrypted with a key the platform controls and can rotate or revoke in Key Vault.",
  fix: "Add a customer_managed_key block (key_vault_key_id + user_assigned_identity_id) or an azurerm_storage_account_customer_managed_key resource.",
  check: (r, ctx) => {
    const inline = block(r.config, "customer_managed_key");
    if (inline && (hasValue(inline["key_vault_key_id"]) || hasValue(inline["managed_hsm_key_id"])))
      return pass("customer_managed_key block is set");
    const separate = ctx.graph.referrers(r, { type: "azurerm_storage_account_customer_managed_key", attribute: "storage_account_id" });
    if (separate.length > 0) return pass(`customer-managed key via ${separate[0]!.address}`);
    return fail(
      "customer_managed_key is unset and no azurerm_storage_account_customer_managed_key references the account; add a customer_managed_key block with key_vault_key_id",
    );
  },
});

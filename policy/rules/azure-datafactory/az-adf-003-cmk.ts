import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AZ-ADF-003",
  title: "Data factories are encrypted with a customer-managed key",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV2_AZURE_15"] },
  description: "Factory metadata (linked services, parameters) is encrypted with a Key Vault key the platform controls.",
  fix: "Set customer_managed_key_id and customer_managed_key_identity_id.",
  check: (r, ctx) => expectSet(r, ctx, "customer_managed_key_id", "the id of a Key Vault key (with customer_managed_key_identity_id)"),
});

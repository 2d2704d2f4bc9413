import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AZ-KV-010",
  title: "Key Vault keys carry an expiration date",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault_key"],
  pci: ["3.6.1", "3.7.4"],
  references: { checkov: ["CKV_AZURE_40"] },
  description:
    "A key version without an expiry stays usable past its cryptoperiod. The first version's date should equal its creation plus rotation_policy.expire_after, like every version rotation creates.",
  fix: "Set expiration_date (e.g. from a time_offset of one cryptoperiod) with lifecycle { ignore_changes = [expiration_date] } so rotation's later dates are kept.",
  check: (r, ctx) => expectSet(r, ctx, "expiration_date", "the end of the key's first cryptoperiod (RFC 3339)"),
});

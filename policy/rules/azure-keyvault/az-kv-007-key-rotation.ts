import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-KV-007",
  title: "Key Vault keys rotate automatically",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault_key"],
  pci: ["3.6.1", "3.7.4"],
  description: "Customer-managed keys must be rotated at the end of their cryptoperiod (at most yearly).",
  fix: 'Add rotation_policy { automatic { time_before_expiry = "P30D" } expire_after = "P1Y" } (or time_after_creation).',
  check: (r) => {
    const policy = block(r.config, "rotation_policy");
    const automatic = block(policy, "automatic");
    if (!automatic || !(hasValue(automatic["time_after_creation"]) || hasValue(automatic["time_before_expiry"]))) {
      return fail(
        'rotation_policy.automatic is unset; add rotation_policy { automatic { time_before_expiry = "P30D" } expire_after = "P1Y" }',
      );
    }
    if (!hasValue(policy?.["expire_after"]) && !hasValue(automatic["time_after_creation"])) {
      return fail('rotation_policy.expire_after is unset; set expire_after (e.g. "P1Y") so the cryptoperiod is bounded');
    }
    return pass("rotation_policy.automatic is set");
  },
});

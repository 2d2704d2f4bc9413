import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { asArray, show } from "../../engine/values";

export default defineRule({
  id: "SF-001",
  title: "Snowflake network policies allow named networks only, never 0.0.0.0/0",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["snowflake_network_policy"],
  pci: ["1.3.1", "1.4.1"],
  description: "An account or user network policy that admits every address is no network control at all.",
  fix: "Set allowed_ip_list to the platform's NAT gateway IPs and the corporate egress ranges; remove 0.0.0.0/0.",
  check: (r, ctx) => {
    const allowed = asArray(attr(r, ctx, "allowed_ip_list")).map(String);
    const rules = asArray(attr(r, ctx, "allowed_network_rule_list"));
    if (allowed.length === 0 && rules.length === 0)
      return fail("allowed_ip_list is empty (every address is allowed); set the allowed networks");
    const wildcard = allowed.filter((c) => c === "0.0.0.0/0" || c === "0.0.0.0" || c === "*");
    if (wildcard.length > 0) return fail(`allowed_ip_list contains ${show(wildcard)}; remove it and name the allowed networks`);
    return pass(`${allowed.length} allowed entries, no wildcard`);
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { asArray, blocks, hasValue, isFalse } from "../../engine/values";

export default defineRule({
  id: "AZ-MON-002",
  title: "Alert rules are enabled and notify an action group",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_monitor_metric_alert", "azurerm_monitor_scheduled_query_rules_alert_v2"],
  pci: ["10.7.2", "12.10.5"],
  description: "An alert that is disabled or has no action group is never seen by anyone.",
  fix: "Leave enabled unset or true and add action { action_group_id } (scheduled query: action { action_groups }).",
  check: (r) => {
    if (isFalse(r.config["enabled"])) return fail("enabled is false; set enabled = true");
    const actions = blocks(r.config, "action");
    const targets = actions.flatMap((a) => [a["action_group_id"], ...asArray(a["action_groups"])]).filter(hasValue);
    if (targets.length === 0) return fail("no action.action_group_id / action.action_groups; add the environment's action group");
    return pass(`${targets.length} action group(s)`);
  },
});

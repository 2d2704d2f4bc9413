import { defineRule } from "../../engine/rule";
import { expectBool, notApplicable } from "../_shared";

export default defineRule({
  id: "AZ-DEP-006",
  title: "A log alert on a workspace created in the same stack skips query validation",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_monitor_scheduled_query_rules_alert_v2"],
  pci: ["6.5.1", "10.7.2"],
  description:
    "Azure validates a scheduled query against the tables that hold data; on a workspace created by the same deploy no source has sent anything yet, and the rule is refused. Creation must not depend on data arrival.",
  fix: "Set skip_query_validation = true (keep the query's tables checked in the repository instead).",
  check: (r, ctx) => {
    const scopes = r.config["scopes"];
    const onNewWorkspace =
      Array.isArray(scopes) && scopes.some((s) => ctx.graph.resolve(s, "azurerm_log_analytics_workspace") !== undefined);
    if (!onNewWorkspace) return notApplicable("scope is not a workspace of this stack");
    return expectBool(r, ctx, "skip_query_validation", true, false);
  },
});

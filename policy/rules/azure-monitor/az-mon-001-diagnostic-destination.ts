import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-MON-001",
  title: "Diagnostic settings send logs to a Log Analytics workspace",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_monitor_diagnostic_setting"],
  pci: ["10.2.1", "10.3.3"],
  description: "A diagnostic setting without a destination or without log categories collects nothing.",
  fix: 'Set log_analytics_workspace_id and at least one enabled_log { category_group = "allLogs" or "audit" } (metrics-only targets: enabled_metric).',
  check: (r) => {
    if (!hasValue(r.config["log_analytics_workspace_id"]))
      return fail("log_analytics_workspace_id is unset; set it to the platform workspace id");
    const logs = blocks(r.config, "enabled_log");
    const metrics = [...blocks(r.config, "enabled_metric"), ...blocks(r.config, "metric").filter((m) => m["enabled"] !== false)];
    if (logs.length === 0 && metrics.length === 0)
      return fail('no enabled_log or enabled_metric block; add enabled_log { category_group = "allLogs" }');
    return pass(`${logs.length} enabled_log, ${metrics.length} metric block(s)`);
  },
});

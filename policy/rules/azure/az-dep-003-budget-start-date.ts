import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { get, isExpression } from "../../engine/values";

export default defineRule({
  id: "AZ-DEP-003",
  title: "A budget's start date is computed at creation and ignored afterwards",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: [
    "azurerm_consumption_budget_subscription",
    "azurerm_consumption_budget_resource_group",
    "azurerm_consumption_budget_management_group",
  ],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1"],
  description:
    "Azure accepts a past start date only inside the current month: a literal date breaks the first deploy a month later. time_period.start_date is ForceNew, so a computed date must not move afterwards (it would replace the budget every month).",
  fix: "Set time_period.start_date from the creation time (formatdate of a time_static) and lifecycle { ignore_changes = [time_period[0].start_date] }.",
  check: (r) => {
    const start = get(r.config, "time_period.start_date");
    const ignored = get(r.config, "lifecycle.ignore_changes");
    const ignoresStart =
      Array.isArray(ignored) && ignored.some((i) => typeof i === "string" && /^time_period(\[0\])?\.start_date$/.test(i));
    const problems = [
      ...(isExpression(start) ? [] : [`time_period.start_date is the literal ${JSON.stringify(start)}; compute it from the creation time`]),
      ...(ignoresStart ? [] : ["lifecycle.ignore_changes does not list time_period[0].start_date; add it (start_date is ForceNew)"]),
    ];
    return problems.length === 0 ? pass("computed start date, ignored after creation") : fail(problems.join("; "));
  },
});

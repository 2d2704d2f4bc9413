import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { blocks } from "../../engine/values";

export default defineRule({
  id: "AZ-DEP-007",
  title: "A storage service diagnostic setting names its metric category (no AllMetrics)",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_monitor_diagnostic_setting"],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1"],
  description:
    "A storage blob, queue, file or table service exports the metric category Transaction; Azure stores AllMetrics as Transaction, so a setting that sends AllMetrics shows a change on every plan and no plan is ever clean.",
  fix: 'Use enabled_metric { category = "Transaction" } on diagnostic settings of .../blobServices/default (and queue, file, table services).',
  check: (r) => {
    const target = r.config["target_resource_id"];
    if (typeof target !== "string" || !/\/(blob|queue|file|table)Services\/default$/.test(target))
      return notApplicable("not a storage service");
    const categories = blocks(r.config, "enabled_metric").map((m) => m["category"]);
    if (categories.includes("AllMetrics"))
      return fail('enabled_metric has category "AllMetrics"; use "Transaction" (the category Azure echoes back)');
    return pass(categories.length > 0 ? `metrics: ${categories.join(", ")}` : "no metrics");
  },
});

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { blocks } from "../../engine/values";

export default defineRule({
  id: "AZ-DEP-007",
  title: "A storage diagnostic setting names its metric categories (no AllMetrics)",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_monitor_diagnostic_setting"],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1"],
  description:
    "Storage accounts and their blob, queue, file and table services export the metric categories Capacity and Transaction only: the account refuses AllMetrics ('Metric category AllMetrics is not supported, supported categories are: Capacity;Transaction') and a service stores it as its own categories, so every plan shows a change.",
  fix: 'Use enabled_metric { category = "Capacity" } and enabled_metric { category = "Transaction" } on diagnostic settings of a storage account or of .../blobServices/default (and queue, file, table services).',
  check: (r, ctx) => {
    const target = r.config["target_resource_id"];
    if (typeof target !== "string") return notApplicable("no target");
    const isService = /\/(blob|queue|file|table)Services\/default$/.test(target);
    const isAccount =
      /^\$\{azurerm_storage_account\.[\w-]+\.id\}$/.test(target) && ctx.graph.resolve(target, "azurerm_storage_account") !== undefined;
    if (!isService && !isAccount) return notApplicable("not a storage account or service");
    const categories = blocks(r.config, "enabled_metric").map((m) => m["category"]);
    if (categories.includes("AllMetrics")) return fail('enabled_metric has category "AllMetrics"; use "Capacity" and "Transaction"');
    return pass(categories.length > 0 ? `metrics: ${categories.join(", ")}` : "no metrics");
  },
});

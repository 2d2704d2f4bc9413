import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "AZ-LOG-001",
  title: "Log Analytics keeps logs 90+ days online",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_log_analytics_workspace"],
  pci: ["10.5.1"],
  description: "PCI DSS 10.5.1 requires at least three months of audit history immediately available for analysis.",
  fix: "Set retention_in_days >= 90 (365 for the full year online).",
  check: (r, ctx) => expectMin(r, ctx, "retention_in_days", 90, { providerDefault: 30, unit: "days" }),
});

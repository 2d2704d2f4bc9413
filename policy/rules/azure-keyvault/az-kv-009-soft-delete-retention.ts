import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "AZ-KV-009",
  title: "Production Key Vaults keep deleted objects for 90 days",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["3.6.1"],
  description: "The longest soft-delete window gives the most time to recover a deleted key.",
  fix: "Set soft_delete_retention_days = 90 (the default).",
  check: (r, ctx) => expectMin(r, ctx, "soft_delete_retention_days", 90, { providerDefault: 90, unit: "days" }),
});

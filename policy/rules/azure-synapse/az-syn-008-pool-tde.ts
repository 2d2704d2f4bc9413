import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-SYN-008",
  title: "Synapse dedicated SQL pools are encrypted (TDE)",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_sql_pool"],
  pci: ["3.5.1"],
  references: { checkov: ["CKV_AZURE_241"] },
  description: "Transparent data encryption must be on for the dedicated pool's data files and backups.",
  fix: "Set data_encrypted = true.",
  check: (r, ctx) => expectBool(r, ctx, "data_encrypted", true, false),
});

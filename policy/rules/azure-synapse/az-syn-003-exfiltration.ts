import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-SYN-003",
  title: "Synapse workspaces enable data exfiltration protection",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace"],
  pci: ["1.3.2", "1.4.2"],
  references: { checkov: ["CKV_AZURE_157"] },
  description: "Outbound connections must be limited to approved tenants' managed private endpoints.",
  fix: "Set data_exfiltration_protection_enabled = true (with managed_virtual_network_enabled).",
  check: (r, ctx) => expectBool(r, ctx, "data_exfiltration_protection_enabled", true, false),
});

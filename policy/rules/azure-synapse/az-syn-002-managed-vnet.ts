import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-SYN-002",
  title: "Synapse workspaces use a managed virtual network",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace"],
  pci: ["1.3.1", "1.3.2"],
  references: { checkov: ["CKV_AZURE_58"] },
  description: "Spark and pipeline compute must run in an isolated managed VNet.",
  fix: "Set managed_virtual_network_enabled = true.",
  check: (r, ctx) => expectBool(r, ctx, "managed_virtual_network_enabled", true, false),
});

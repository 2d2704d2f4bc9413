import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-SYN-001",
  title: "Synapse workspaces disable public network access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace"],
  pci: ["1.3.1", "1.4.4"],
  description: "The analytics workspace holds card data and must only be reachable through private endpoints.",
  fix: "Set public_network_access_enabled = false.",
  check: (r, ctx) => expectBool(r, ctx, "public_network_access_enabled", false, true),
});

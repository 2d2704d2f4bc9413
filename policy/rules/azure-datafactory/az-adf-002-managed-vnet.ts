import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ADF-002",
  title: "Data factories use a managed virtual network",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory"],
  pci: ["1.3.1", "1.3.2"],
  description: "Copy activities must run in the isolated managed VNet and reach stores through managed private endpoints.",
  fix: "Set managed_virtual_network_enabled = true.",
  check: (r, ctx) => expectBool(r, ctx, "managed_virtual_network_enabled", true, false),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ADF-007",
  title: "Azure integration runtimes run in the managed virtual network",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory_integration_runtime_azure"],
  pci: ["1.3.1", "1.3.2"],
  description: "An Azure IR outside the managed VNet reaches data stores over public endpoints.",
  fix: "Set virtual_network_enabled = true.",
  check: (r, ctx) => expectBool(r, ctx, "virtual_network_enabled", true, false),
});

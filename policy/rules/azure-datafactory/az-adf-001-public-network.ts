import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-ADF-001",
  title: "Data factories disable public network access",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AZURE_104"] },
  description: "Authoring and integration-runtime traffic must stay on private endpoints.",
  fix: "Set public_network_enabled = false.",
  check: (r, ctx) => expectBool(r, ctx, "public_network_enabled", false, true),
});

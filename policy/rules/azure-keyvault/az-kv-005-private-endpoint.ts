import { defineRule } from "../../engine/rule";
import { requirePrivateEndpoint } from "../_shared";

export default defineRule({
  id: "AZ-KV-005",
  title: "Key Vaults have a private endpoint",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV2_AZURE_32"] },
  description: "Services unwrap their keys over a private IP in the VNet.",
  fix: "Add an azurerm_private_endpoint (subresource vault) whose private_service_connection.private_connection_resource_id is the vault id.",
  check: requirePrivateEndpoint,
});

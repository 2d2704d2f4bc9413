import { defineRule } from "../../engine/rule";
import { requirePrivateEndpoint } from "../_shared";

export default defineRule({
  id: "AZ-ST-008",
  title: "Storage accounts have a private endpoint",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV2_AZURE_33"] },
  description: "Without a private endpoint the account can only be reached over its public endpoint.",
  fix: "Add an azurerm_private_endpoint (subresource blob/dfs) whose private_service_connection.private_connection_resource_id is the account id.",
  check: requirePrivateEndpoint,
});

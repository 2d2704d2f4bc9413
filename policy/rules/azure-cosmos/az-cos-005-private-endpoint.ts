import { defineRule } from "../../engine/rule";
import { requirePrivateEndpoint } from "../_shared";

export default defineRule({
  id: "AZ-COS-005",
  title: "Cosmos DB accounts have a private endpoint",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["1.3.1", "1.4.4"],
  description: "Applications reach Cosmos DB over a private IP in the VNet.",
  fix: "Add an azurerm_private_endpoint (subresource Sql) whose private_service_connection.private_connection_resource_id is the account id.",
  check: requirePrivateEndpoint,
});

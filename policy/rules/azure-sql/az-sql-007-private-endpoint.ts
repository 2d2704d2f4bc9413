import { defineRule } from "../../engine/rule";
import { requirePrivateEndpoint } from "../_shared";

export default defineRule({
  id: "AZ-SQL-007",
  title: "SQL servers have a private endpoint",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV2_AZURE_45"] },
  description: "Applications reach the database over a private IP in the VNet.",
  fix: "Add an azurerm_private_endpoint (subresource sqlServer) whose private_service_connection.private_connection_resource_id is the server id.",
  check: requirePrivateEndpoint,
});

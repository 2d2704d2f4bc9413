import { defineRule } from "../../engine/rule";
import { requirePrivateEndpoint } from "../_shared";

export default defineRule({
  id: "AZ-ADF-004",
  title: "Data factories have a private endpoint",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_data_factory"],
  pci: ["1.3.1", "1.4.4"],
  description: "The factory's dataFactory endpoint is reached over a private IP.",
  fix: "Add an azurerm_private_endpoint (subresource dataFactory) whose private_connection_resource_id is the factory id.",
  check: requirePrivateEndpoint,
});

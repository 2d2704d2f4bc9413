import { defineRule } from "../../engine/rule";
import { requirePrivateEndpoint } from "../_shared";

export default defineRule({
  id: "AZ-SYN-006",
  title: "Synapse workspaces have private endpoints",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace"],
  pci: ["1.3.1", "1.4.4"],
  description: "The Sql, SqlOnDemand and Dev endpoints are reached over private IPs.",
  fix: "Add azurerm_private_endpoint resources (subresources Sql, SqlOnDemand, Dev) whose private_connection_resource_id is the workspace id.",
  check: requirePrivateEndpoint,
});

import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-COS-004",
  title: "Cosmos DB accounts require TLS 1.2",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["4.2.1"],
  description: "Clients must not connect with TLS 1.0/1.1.",
  fix: 'Set minimal_tls_version = "Tls12".',
  check: (r, ctx) => expectOneOf(r, ctx, "minimal_tls_version", ["Tls12"], "Tls12"),
});

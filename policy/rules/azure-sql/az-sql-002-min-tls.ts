import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-SQL-002",
  title: "SQL servers require TLS 1.2",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["4.2.1"],
  references: { checkov: ["CKV_AZURE_52"], trivy: ["azure-database-secure-tls-policy"] },
  description: "Connections with TLS 1.0/1.1 (or none) must be refused.",
  fix: 'Set minimum_tls_version = "1.2".',
  check: (r, ctx) => expectOneOf(r, ctx, "minimum_tls_version", ["1.2", "1.3"], "1.2"),
});

import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-ST-001",
  title: "Storage accounts require TLS 1.2",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["4.2.1"],
  references: { checkov: ["CKV_AZURE_44"], trivy: ["azure-storage-use-secure-tls-policy"] },
  description: "Clients must not be able to connect with TLS 1.0/1.1.",
  fix: 'Set min_tls_version = "TLS1_2".',
  check: (r, ctx) => expectOneOf(r, ctx, "min_tls_version", ["TLS1_2", "TLS1_3"], "TLS1_2"),
});

import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AZ-KV-003",
  title: "Key Vault firewall denies by default",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault"],
  pci: ["1.3.1", "1.4.2"],
  references: { checkov: ["CKV_AZURE_109"], trivy: ["azure-keyvault-specify-network-acl"] },
  description: "The vault firewall must deny requests that are not from trusted services or private endpoints.",
  fix: 'Set network_acls { default_action = "Deny", bypass = "AzureServices" }.',
  check: (r, ctx) => expectOneOf(r, ctx, "network_acls.default_action", ["Deny"]),
});

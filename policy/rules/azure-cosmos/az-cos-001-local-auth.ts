import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AZ-COS-001",
  title: "Cosmos DB accounts disable key (local) authentication",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["8.2.1", "8.3.1", "8.6.2"],
  references: { checkov: ["CKV_AZURE_140"] },
  description: "Account keys are shared secrets; data-plane access must use Entra identities and RBAC.",
  fix: "Set local_authentication_disabled = true and use Cosmos DB SQL role assignments.",
  check: (r, ctx) => expectBool(r, ctx, "local_authentication_disabled", true, false),
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, show } from "../../engine/values";

export default defineRule({
  id: "AZ-ST-007",
  title: "Storage account firewall denies by default",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["1.3.1", "1.4.2"],
  references: { checkov: ["CKV_AZURE_35"], trivy: ["azure-storage-default-action-deny"] },
  description: "The storage firewall must deny traffic that is not explicitly allowed.",
  fix: 'Add network_rules { default_action = "Deny", bypass = ["AzureServices"] } (or an azurerm_storage_account_network_rules resource).',
  check: (r, ctx) => {
    const separate = ctx.graph.referrers(r, { type: "azurerm_storage_account_network_rules", attribute: "storage_account_id" });
    const action = block(r.config, "network_rules")?.["default_action"] ?? separate[0]?.config["default_action"];
    if (action === "Deny") return pass("network_rules.default_action = Deny");
    return fail(`network_rules.default_action is ${show(action)}; set network_rules.default_action = "Deny"`);
  },
});

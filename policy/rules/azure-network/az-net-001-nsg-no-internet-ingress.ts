import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { asArray, blocks, show } from "../../engine/values";

const OPEN = new Set(["*", "internet", "any", "0.0.0.0/0", "0.0.0.0", "::/0"]);

export default defineRule({
  id: "AZ-NET-001",
  title: "NSGs allow no inbound traffic from the internet",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_network_security_group", "azurerm_network_security_rule"],
  pci: ["1.3.1", "1.4.2", "1.2.5"],
  references: { checkov: ["CKV_AZURE_9", "CKV_AZURE_10", "CKV_AZURE_160"], trivy: ["azure-network-no-public-ingress"] },
  description: "No subnet of the platform accepts connections from any/Internet/0.0.0.0/0; ingress is private endpoints only.",
  fix: "Remove the rule or restrict source_address_prefix(es) to VNet ranges or service tags other than Internet/*.",
  check: (r) => {
    const rules = r.type === "azurerm_network_security_rule" ? [r.config] : blocks(r.config, "security_rule");
    const open = rules.filter(
      (x) =>
        String(x["direction"]).toLowerCase() === "inbound" &&
        String(x["access"]).toLowerCase() === "allow" &&
        [x["source_address_prefix"], ...asArray(x["source_address_prefixes"])].some(
          (p) => typeof p === "string" && OPEN.has(p.toLowerCase()),
        ),
    );
    if (open.length === 0) return pass(`${rules.length} rule(s), none open to the internet`);
    return fail(
      `inbound Allow rule(s) ${open.map((x) => show(x["name"])).join(", ")} have source_address_prefix any/Internet/0.0.0.0/0; restrict the source to private ranges`,
    );
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { hasValue, show } from "../../engine/values";

export default defineRule({
  id: "AZ-SQL-006",
  title: "SQL servers enable Defender threat detection alerts",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["11.5.1", "10.7.2"],
  references: { checkov: ["CKV_AZURE_25"] },
  description: "SQL injection and anomalous access must raise alerts.",
  fix: 'Add azurerm_mssql_server_security_alert_policy { server_name, state = "Enabled", disabled_alerts = [] }.',
  check: (r, ctx) => {
    const policies = ctx.graph.referrers(r, { type: "azurerm_mssql_server_security_alert_policy" });
    const policy = policies[0];
    if (!policy) return fail('no azurerm_mssql_server_security_alert_policy references the server; add one with state = "Enabled"');
    if (policy.config["state"] !== "Enabled")
      return fail(`${policy.address}.state is ${show(policy.config["state"])}; set state = "Enabled"`);
    if (hasValue(policy.config["disabled_alerts"]))
      return fail(`${policy.address}.disabled_alerts is ${show(policy.config["disabled_alerts"])}; set disabled_alerts = []`);
    return pass(`threat detection via ${policy.address}`);
  },
});

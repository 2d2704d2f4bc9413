import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { hasValue, isFalse, toNumber } from "../../engine/values";

export default defineRule({
  id: "AZ-SQL-005",
  title: "SQL servers audit to Log Analytics for 90+ days",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["10.2.1", "10.2.2", "10.5.1"],
  references: { checkov: ["CKV_AZURE_23", "CKV_AZURE_24"], trivy: ["azure-database-enable-audit", "azure-database-retention-period-set"] },
  description: "Every access to the card-data database must be audited and the trail kept 90 days online.",
  fix: "Add azurerm_mssql_server_extended_auditing_policy { server_id, log_monitoring_enabled = true, retention_in_days = 0 or >= 90 } and a diagnostic setting on the master database.",
  check: (r, ctx) => {
    const policies = ctx.graph.referrers(r, { type: "azurerm_mssql_server_extended_auditing_policy", attribute: "server_id" });
    const policy = policies[0];
    if (!policy)
      return fail("no azurerm_mssql_server_extended_auditing_policy references the server; add one with log_monitoring_enabled = true");
    if (isFalse(policy.config["enabled"])) return fail(`${policy.address}.enabled is false; set enabled = true`);
    const toLogs = !isFalse(policy.config["log_monitoring_enabled"]);
    if (!toLogs && !hasValue(policy.config["storage_endpoint"]))
      return fail(`${policy.address} has log_monitoring_enabled = false and no storage_endpoint; set log_monitoring_enabled = true`);
    const days = toNumber(ctx.graph.literal(policy.config["retention_in_days"])) ?? 0;
    if (days !== 0 && days < 90)
      return fail(`${policy.address}.retention_in_days is ${days}; set retention_in_days = 0 (forever) or >= 90`);
    return pass(`audited via ${policy.address}`);
  },
});

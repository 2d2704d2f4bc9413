import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";

export default defineRule({
  id: "AZ-SEN-001",
  title: "Production Log Analytics workspaces are onboarded to Microsoft Sentinel",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_log_analytics_workspace"],
  pci: ["10.4.1", "10.4.1.1", "11.5.1"],
  description: "Automated review of audit logs (SIEM) is required for the cardholder data environment.",
  fix: "Add azurerm_sentinel_log_analytics_workspace_onboarding { workspace_id = the workspace id }.",
  check: (r, ctx) => {
    const onboarding = ctx.graph.referrers(r, { type: "azurerm_sentinel_log_analytics_workspace_onboarding" });
    if (onboarding.length > 0) return pass(`onboarded via ${onboarding[0]!.address}`);
    return fail("no azurerm_sentinel_log_analytics_workspace_onboarding has workspace_id = this workspace; add one");
  },
});

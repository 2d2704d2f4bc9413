import { defineRule } from "../../engine/rule";
import { attr, expectBool } from "../_shared";

export default defineRule({
  id: "AZ-LOG-002",
  title: "Log Analytics requires Entra ID for ingestion and queries",
  severity: "warning",
  clouds: ["azure"],
  resourceTypes: ["azurerm_log_analytics_workspace"],
  pci: ["8.2.1", "10.3.1"],
  description: "Workspace shared keys let anyone holding them write or read audit logs.",
  fix: "Set local_authentication_enabled = false (local_authentication_disabled = true on older providers).",
  check: (r, ctx) => {
    const enabled = attr(r, ctx, "local_authentication_enabled");
    if (enabled !== undefined) return expectBool(r, ctx, "local_authentication_enabled", false, true);
    return expectBool(r, ctx, "local_authentication_disabled", true, false);
  },
});

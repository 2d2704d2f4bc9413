import { defineRule } from "../../engine/rule";
import { expectBool, fail } from "../_shared";
import { hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-SYN-005",
  title: "Synapse workspaces allow Microsoft Entra authentication only",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_synapse_workspace"],
  pci: ["8.2.1", "8.3.1", "8.6.2"],
  description: "SQL logins on the workspace are shared passwords; people and workloads use Entra identities.",
  fix: "Set azuread_authentication_only = true and remove sql_administrator_login_password.",
  check: (r, ctx) => {
    if (hasValue(r.config["sql_administrator_login_password"]))
      return fail("sql_administrator_login_password is set; remove it and set azuread_authentication_only = true");
    return expectBool(r, ctx, "azuread_authentication_only", true, false);
  },
});

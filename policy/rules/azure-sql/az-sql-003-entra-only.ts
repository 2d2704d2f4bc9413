import { defineRule } from "../../engine/rule";
import { expectBool, fail, pass } from "../_shared";
import { block, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-SQL-003",
  title: "SQL servers allow Microsoft Entra authentication only",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_server"],
  pci: ["8.2.1", "8.3.1", "8.6.2"],
  references: { checkov: ["CKV2_AZURE_27"] },
  description: "SQL logins are shared passwords; every person and workload must use an Entra identity.",
  fix: "Set azuread_administrator { azuread_authentication_only = true } and remove administrator_login / administrator_login_password.",
  check: (r, ctx) => {
    const admin = block(r.config, "azuread_administrator");
    if (!admin)
      return fail(
        "azuread_administrator is unset; add azuread_administrator { login_username, object_id, azuread_authentication_only = true }",
      );
    const only = expectBool(r, ctx, "azuread_administrator.azuread_authentication_only", true, false);
    if (only.status === "fail") return only;
    for (const key of ["administrator_login_password", "administrator_login_password_wo"]) {
      if (hasValue(r.config[key])) return fail(`${key} is set; remove it (Entra-only authentication needs no SQL login password)`);
    }
    return pass("azuread_administrator.azuread_authentication_only = true");
  },
});

import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";

export default defineRule({
  id: "SF-002",
  title: "Nothing is granted to the Snowflake PUBLIC role",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["snowflake_grant_privileges_to_account_role", "snowflake_grant_account_role"],
  pci: ["7.2.1", "7.2.2"],
  description: "Every user holds PUBLIC: a privilege granted to it is granted to everyone, including future users.",
  fix: "Grant the privilege to an access role and that role to the functional roles that need it; remove the grant to PUBLIC.",
  check: (r, ctx) => {
    const grantee = r.type === "snowflake_grant_account_role" ? attr(r, ctx, "parent_role_name") : attr(r, ctx, "account_role_name");
    if (typeof grantee === "string" && grantee.replace(/"/g, "").toUpperCase() === "PUBLIC")
      return fail("the grantee is PUBLIC; grant to an access role instead and remove the grant to PUBLIC");
    return pass("grantee is not PUBLIC");
  },
});

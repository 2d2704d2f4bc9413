import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { hasValue } from "../../engine/values";

export default defineRule({
  id: "SF-004",
  title: "Snowflake users have no Terraform-managed password",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["snowflake_user", "snowflake_legacy_service_user", "snowflake_service_user"],
  pci: ["8.3.1", "8.6.2"],
  description: "People sign in through SAML2 SSO and services with key pairs; a password in Terraform is also a password in state.",
  fix: "Remove password; use snowflake_service_user with a key pair held in Secrets Manager, or SSO for people.",
  check: (r) => {
    if (hasValue(r.config["password"])) return fail("password is set (and stored in state); remove it and use a key pair or SSO");
    return pass("no password");
  },
});

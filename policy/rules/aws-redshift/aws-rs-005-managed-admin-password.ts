import { defineRule } from "../../engine/rule";
import { expectBool, fail, pass } from "../_shared";
import { hasValue } from "../../engine/values";

export default defineRule({
  id: "AWS-RS-005",
  title: "Redshift admin passwords are managed by Secrets Manager",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_redshiftserverless_namespace", "aws_redshift_cluster"],
  pci: ["8.3.2", "8.6.2"],
  description: "The admin password must never be in the Terraform JSON or state.",
  fix: "Namespaces: manage_admin_password = true (no admin_user_password); clusters: manage_master_password = true (no master_password).",
  check: (r, ctx) => {
    const [flag, secrets] =
      r.type === "aws_redshift_cluster"
        ? ["manage_master_password", ["master_password", "master_password_wo"]]
        : ["manage_admin_password", ["admin_user_password", "admin_user_password_wo"]];
    const set = secrets.filter((k) => hasValue(r.config[k]));
    if (set.length > 0) return fail(`${set.join(", ")} is set; remove it and set ${flag} = true`);
    if (r.type === "aws_redshiftserverless_namespace" && !hasValue(r.config["admin_username"])) return pass("no admin user");
    return expectBool(r, ctx, flag, true, false);
  },
});

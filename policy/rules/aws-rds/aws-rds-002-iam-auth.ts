import { defineRule } from "../../engine/rule";
import { all, expectBool, fail } from "../_shared";
import { hasValue } from "../../engine/values";

export default defineRule({
  id: "AWS-RDS-002",
  title: "Aurora clusters use IAM authentication and a managed master password",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["8.2.1", "8.3.1", "8.6.2"],
  references: { checkov: ["CKV_AWS_162"] },
  description: "People and workloads authenticate with IAM tokens; the master password lives only in Secrets Manager.",
  fix: "Set iam_database_authentication_enabled = true and manage_master_user_password = true (no master_password).",
  check: (r, ctx) => {
    for (const key of ["master_password", "master_password_wo"]) {
      if (hasValue(r.config[key])) return fail(`${key} is set; remove it and set manage_master_user_password = true`);
    }
    return all(
      expectBool(r, ctx, "iam_database_authentication_enabled", true, false),
      expectBool(r, ctx, "manage_master_user_password", true, false),
    );
  },
});

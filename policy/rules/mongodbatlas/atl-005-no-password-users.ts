import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { hasValue } from "../../engine/values";

const PASSWORDLESS = ["aws_iam_type", "x509_type", "ldap_auth_type", "oidc_auth_type"];

export default defineRule({
  id: "ATL-005",
  title: "Atlas database users authenticate without passwords",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_database_user"],
  pci: ["8.3.1", "8.6.2"],
  description: "Workloads sign in as their AWS IAM role (MONGODB-AWS); a password would also sit in Terraform state.",
  fix: 'Remove password; set aws_iam_type = "ROLE", username = the role ARN and auth_database_name = "$external".',
  check: (r, ctx) => {
    if (hasValue(r.config["password"])) return fail("password is set (and stored in state); remove it and use aws_iam_type = ROLE");
    const mode = PASSWORDLESS.find((k) => {
      const v = attr(r, ctx, k);
      return typeof v === "string" && v !== "NONE";
    });
    if (!mode) return fail("no passwordless authentication; set aws_iam_type = ROLE");
    return pass(`${mode} authentication`);
  },
});

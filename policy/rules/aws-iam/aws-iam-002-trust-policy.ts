import { defineRule } from "../../engine/rule";
import { fail, pass, policyText } from "../_shared";

export default defineRule({
  id: "AWS-IAM-002",
  title: "IAM roles are not assumable by any principal",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_iam_role"],
  pci: ["7.2.1", "8.2.2"],
  description: 'A trust policy with Principal "*" lets any AWS account assume the role.',
  fix: "Name the exact service or account principals in assume_role_policy.",
  check: (r, ctx) => {
    const text = policyText(r.config["assume_role_policy"], ctx);
    if (/"Principal"\s*[:=]\s*"\*"/.test(text) || /"AWS"\s*[:=]\s*\[?\s*"\*"/.test(text))
      return fail('assume_role_policy allows Principal "*"; name the trusted service or account');
    return pass("trust policy names its principals");
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass, policyText } from "../_shared";
import { asArray, isObject } from "../../engine/values";

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: "AWS-IAM-001",
  title: "IAM policies do not grant Action * on Resource *",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_iam_policy", "aws_iam_role_policy"],
  pci: ["7.2.1", "7.2.2"],
  references: { checkov: ["CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_355"], trivy: ["aws-iam-no-policy-wildcards"] },
  description: "Least privilege: no identity gets full administrative access.",
  fix: 'Replace "*" actions with the specific service actions the role needs and scope Resource to ARNs.',
  check: (r, ctx) => {
    const text = policyText(r.config["policy"], ctx);
    const parsed = tryParse(text);
    if (parsed) {
      const statements = asArray(isObject(parsed) ? parsed["Statement"] : undefined).filter(isObject);
      const bad = statements.filter(
        (s) => s["Effect"] === "Allow" && asArray(s["Action"]).includes("*") && asArray(s["Resource"]).includes("*"),
      );
      return bad.length > 0 ? fail('policy has an Allow statement with Action "*" and Resource "*"; scope both') : pass("no */* statement");
    }
    if (/"?[Aa]ctions?"?\s*[:=]\s*\[?\s*"\*"/.test(text) && /"?[Rr]esources?"?\s*[:=]\s*\[?\s*"\*"/.test(text)) {
      return fail('policy grants action "*" and resource "*"; scope both');
    }
    return pass("no */* statement");
  },
});

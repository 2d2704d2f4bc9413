import { defineRule } from "../../engine/rule";
import { fail, pass, policyText } from "../_shared";
import { asArray, isObject } from "../../engine/values";

/** Does a statement's Principal admit anyone (`"*"`, or `"*"` among its AWS principals)? */
function anyPrincipal(principal: unknown): boolean {
  if (principal === "*") return true;
  return isObject(principal) && asArray(principal["AWS"]).includes("*");
}

function grantsEverything(action: unknown): boolean {
  return asArray(action).some((a) => a === "*" || a === "kms:*");
}

export default defineRule({
  id: "AWS-KMS-003",
  title: "KMS key policies admit no wildcard principal without a condition",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_kms_key"],
  pci: ["3.6.1", "7.2.1"],
  description:
    'An Allow statement with Principal "*" lets every AWS account use the key unless a Condition narrows it; with kms:* it hands the key to anyone.',
  fix: 'Name the account root or service principal in each key policy statement; a Principal "*" statement needs a Condition (kms:CallerAccount, aws:SourceAccount or an encryption context) and never kms:*.',
  check: (r, ctx) => {
    const text = policyText(r.config["policy"], ctx);
    if (text === "") return pass("no policy: the default key policy admits the account only");
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return pass("policy is an expression; its statements are checked where it is defined");
    }
    const open = asArray(isObject(doc) ? doc["Statement"] : undefined)
      .filter(isObject)
      .filter((s) => s["Effect"] === "Allow" && anyPrincipal(s["Principal"]))
      .filter((s) => !isObject(s["Condition"]) || Object.keys(s["Condition"]).length === 0 || grantsEverything(s["Action"]));
    if (open.length === 0) return pass("every statement names its principal or is conditioned");
    const names = open.map((s, i) => (typeof s["Sid"] === "string" ? s["Sid"] : `#${i}`)).join(", ");
    return fail(
      `policy statement(s) ${names} allow Principal "*" without a Condition or with kms:*; name the principal or add a Condition`,
    );
  },
});

import { defineRule } from "../../engine/rule";
import { attr, expectBool, fail, notApplicable, pass } from "../_shared";
import { toNumber } from "../../engine/values";

function expectMax(r: import("../../engine/types").TfResource, ctx: import("../../engine/types").RuleContext) {
  const days = toNumber(attr(r, ctx, "rotation_period_in_days")) ?? 365;
  return days <= 365 ? pass(`enable_key_rotation = true, every ${days} days`) : fail(`rotation_period_in_days is ${days}; set it <= 365`);
}

export default defineRule({
  id: "AWS-KMS-001",
  title: "KMS keys rotate automatically",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_kms_key"],
  pci: ["3.6.1", "3.7.4"],
  references: { checkov: ["CKV_AWS_7"], trivy: ["aws-kms-auto-rotate-keys"] },
  description: "Symmetric customer-managed keys must rotate at the end of their cryptoperiod (at most yearly).",
  fix: "Set enable_key_rotation = true (rotation_period_in_days <= 365).",
  check: (r, ctx) => {
    const spec = String(attr(r, ctx, "customer_master_key_spec") ?? "SYMMETRIC_DEFAULT");
    if (spec !== "SYMMETRIC_DEFAULT") return notApplicable(`${spec} keys cannot rotate automatically`);
    const rotation = expectBool(r, ctx, "enable_key_rotation", true, false);
    if (rotation.status === "fail") return rotation;
    return expectMax(r, ctx);
  },
});

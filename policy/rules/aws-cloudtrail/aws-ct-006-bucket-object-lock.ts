import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { get, isTrue, show, toNumber } from "../../engine/values";

export default defineRule({
  id: "AWS-CT-006",
  title: "The CloudTrail bucket is write-once for at least a year",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.3.3", "10.3.4", "10.5.1"],
  references: { checkov: ["CKV_AWS_143"] },
  description:
    "Audit logs must be protected from modification and deletion, including by administrators: S3 Object Lock in COMPLIANCE mode, enabled when the bucket is created, retaining every log file at least 365 days.",
  fix: 'Set object_lock_enabled = true on the trail bucket and add aws_s3_bucket_object_lock_configuration { rule { default_retention { mode = "COMPLIANCE", days >= 365 } } }.',
  check: (r, ctx) => {
    const bucket = ctx.graph.resolve(r.config["s3_bucket_name"], "aws_s3_bucket");
    if (!bucket) return notApplicable("the trail bucket is not in this stack");
    if (!isTrue(bucket.config["object_lock_enabled"]))
      return fail(`${bucket.address} object_lock_enabled is not true; set it (at bucket creation)`);
    const lock = ctx.graph.referrers(bucket, { type: "aws_s3_bucket_object_lock_configuration", attribute: "bucket" })[0];
    if (!lock)
      return fail(`no aws_s3_bucket_object_lock_configuration for ${bucket.address}; add one with COMPLIANCE retention >= 365 days`);
    const mode = get(lock.config, "rule.default_retention.mode");
    const days =
      toNumber(get(lock.config, "rule.default_retention.days")) ?? 365 * (toNumber(get(lock.config, "rule.default_retention.years")) ?? 0);
    if (mode !== "COMPLIANCE" || days < 365)
      return fail(`default retention is ${show(mode)} for ${days} days; set mode = "COMPLIANCE" and days >= 365`);
    return pass(`COMPLIANCE, ${days} days`);
  },
});

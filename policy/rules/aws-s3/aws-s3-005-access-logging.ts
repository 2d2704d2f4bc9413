import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";

export default defineRule({
  id: "AWS-S3-005",
  title: "S3 buckets log server access",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  pci: ["10.2.1"],
  references: { checkov: ["CKV_AWS_18"], trivy: ["aws-s3-enable-bucket-logging"] },
  description: "Object-level access to card data must be logged (log-target buckets are exempt).",
  fix: "Add aws_s3_bucket_logging { bucket, target_bucket = the access-log bucket, target_prefix }.",
  check: (r, ctx) => {
    const logging = ctx.graph.referrers(r, { type: "aws_s3_bucket_logging", attribute: "bucket" });
    if (logging.length > 0) return pass(`access logs via ${logging[0]!.address}`);
    const isTarget =
      ctx.graph.referrers(r, { type: "aws_s3_bucket_logging", attribute: "target_bucket" }).length > 0 ||
      ctx.graph.referrers(r, { type: "aws_cloudtrail", attribute: "s3_bucket_name" }).length > 0;
    if (isTarget) return notApplicable("log target bucket");
    return fail("no aws_s3_bucket_logging has bucket = this bucket; add one with target_bucket = the access-log bucket");
  },
});

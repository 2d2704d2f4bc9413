import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { get, show } from "../../engine/values";

export default defineRule({
  id: "AWS-S3-002",
  title: "S3 buckets have versioning enabled",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  pci: ["10.3.2", "12.10.1"],
  references: { checkov: ["CKV_AWS_21"], trivy: ["aws-s3-enable-versioning"] },
  description: "Versioning keeps overwritten and deleted objects recoverable (and protects audit logs).",
  fix: 'Add aws_s3_bucket_versioning { bucket, versioning_configuration { status = "Enabled" } }.',
  check: (r, ctx) => {
    const v = ctx.graph.referrers(r, { type: "aws_s3_bucket_versioning", attribute: "bucket" })[0];
    const status = v
      ? get(v.config, "versioning_configuration.status")
      : get(r.config, "versioning.enabled") === true
        ? "Enabled"
        : undefined;
    if (status === "Enabled") return pass("versioning_configuration.status = Enabled");
    return fail(`versioning status is ${show(status)}; add aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" }`);
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { isTrue } from "../../engine/values";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export default defineRule({
  id: "AWS-S3-001",
  title: "S3 buckets block all public access",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  pci: ["1.3.1", "1.4.4", "7.2.1"],
  references: {
    checkov: ["CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
    trivy: ["aws-s3-block-public-acls", "aws-s3-block-public-policy", "aws-s3-ignore-public-acls", "aws-s3-no-public-buckets"],
  },
  description: "No bucket may become public through an ACL or a bucket policy.",
  fix: "Add aws_s3_bucket_public_access_block { bucket, block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets = true }.",
  check: (r, ctx) => {
    const pab = ctx.graph.referrers(r, { type: "aws_s3_bucket_public_access_block", attribute: "bucket" })[0];
    if (!pab) return fail("no aws_s3_bucket_public_access_block has bucket = this bucket; add one with all four settings true");
    const off = FLAGS.filter((f) => !isTrue(pab.config[f]));
    if (off.length > 0) return fail(`${pab.address}: ${off.join(", ")} not true; set all four to true`);
    return pass(`public access blocked by ${pab.address}`);
  },
});

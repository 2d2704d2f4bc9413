import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, get, toNumber } from "../../engine/values";

export default defineRule({
  id: "AWS-S3-006",
  title: "S3 buckets abort incomplete multipart uploads",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  pci: ["3.2.1"],
  references: { checkov: ["CKV_AWS_300"] },
  description:
    "Parts of an abandoned multipart upload are stored (and billed) invisibly forever; data nobody can see is data nobody deletes on schedule.",
  fix: "Add an enabled rule with abort_incomplete_multipart_upload { days_after_initiation = 7 } to the bucket's aws_s3_bucket_lifecycle_configuration.",
  check: (r, ctx) => {
    const lifecycles = ctx.graph.referrers(r, { type: "aws_s3_bucket_lifecycle_configuration", attribute: "bucket" });
    const aborting = lifecycles.some((l) =>
      blocks(l.config, "rule").some(
        (rule) =>
          rule["status"] === "Enabled" && toNumber(get(rule, "abort_incomplete_multipart_upload.days_after_initiation")) !== undefined,
      ),
    );
    if (aborting) return pass("incomplete uploads aborted");
    return fail("no enabled lifecycle rule with abort_incomplete_multipart_upload; add one with days_after_initiation = 7");
  },
});

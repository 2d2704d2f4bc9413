import { defineRule } from "../../engine/rule";
import { all, expectOneOf, expectSet } from "../_shared";

export default defineRule({
  id: "AWS-S3-007",
  title: "Objects the stack uploads are encrypted with a customer managed key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_object"],
  pci: ["3.5.1"],
  description:
    "DAGs, job scripts and generated configuration name the platform's resources; store them under the bucket's CMK, never a default key.",
  fix: 'Set server_side_encryption = "aws:kms" and kms_key_id to the bucket\'s CMK.',
  check: (r, ctx) =>
    all(expectOneOf(r, ctx, "server_side_encryption", ["aws:kms"]), expectSet(r, ctx, "kms_key_id", "the bucket's CMK ARN")),
});

import { defineRule } from "../../engine/rule";
import { attr, expectSet, fail } from "../_shared";

export default defineRule({
  id: "AWS-SNS-001",
  title: "SNS topics are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_sns_topic"],
  pci: ["3.5.1"],
  references: { checkov: ["CKV_AWS_26"], trivy: ["aws-sns-enable-topic-encryption", "aws-sns-topic-encryption-use-cmk"] },
  description: "Alert payloads can contain resource names and data fragments.",
  fix: "Set kms_master_key_id = the CMK arn (not alias/aws/sns).",
  check: (r, ctx) => {
    const key = attr(r, ctx, "kms_master_key_id");
    if (key === "alias/aws/sns") return fail("kms_master_key_id is the AWS-managed alias/aws/sns; set it to the CMK arn");
    return expectSet(r, ctx, "kms_master_key_id", "a customer-managed KMS key arn");
  },
});

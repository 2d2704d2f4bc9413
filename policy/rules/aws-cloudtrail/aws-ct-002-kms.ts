import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-CT-002",
  title: "CloudTrail logs are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.3.2", "3.5.1"],
  references: { checkov: ["CKV_AWS_35"], trivy: ["aws-cloudtrail-encryption-customer-key"] },
  description: "Audit logs are readable only by principals allowed by the CMK policy.",
  fix: "Set kms_key_id to the CMK arn.",
  check: (r, ctx) => expectSet(r, ctx, "kms_key_id", "a customer-managed KMS key arn"),
});

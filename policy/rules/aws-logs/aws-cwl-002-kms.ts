import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-CWL-002",
  title: "CloudWatch log groups are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudwatch_log_group"],
  pci: ["3.5.1", "10.3.2"],
  references: { checkov: ["CKV_AWS_158"], trivy: ["aws-cloudwatch-log-group-customer-key"] },
  description: "Logs can contain card-data fragments and must be readable only via the CMK policy.",
  fix: "Set kms_key_id to the CMK arn.",
  check: (r, ctx) => expectSet(r, ctx, "kms_key_id", "a customer-managed KMS key arn"),
});

import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-SM-001",
  title: "Secrets Manager secrets are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_secretsmanager_secret"],
  pci: ["3.6.1", "8.3.2"],
  references: { checkov: ["CKV_AWS_149"], trivy: ["aws-ssm-secret-use-customer-key"] },
  description: "Only principals allowed by the CMK policy can decrypt credentials.",
  fix: "Set kms_key_id = the CMK arn.",
  check: (r, ctx) => expectSet(r, ctx, "kms_key_id", "a customer-managed KMS key arn"),
});

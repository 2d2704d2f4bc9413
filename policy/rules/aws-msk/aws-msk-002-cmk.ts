import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-MSK-002",
  title: "MSK clusters encrypt at rest with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_msk_cluster"],
  pci: ["3.5.1", "3.6.1"],
  references: { trivy: ["aws-msk-enable-at-rest-encryption"] },
  description: "Broker storage is encrypted with a KMS key the platform controls.",
  fix: "Set encryption_info { encryption_at_rest_kms_key_arn = the CMK arn }.",
  check: (r, ctx) => expectSet(r, ctx, "encryption_info.encryption_at_rest_kms_key_arn", "a customer-managed KMS key arn"),
});

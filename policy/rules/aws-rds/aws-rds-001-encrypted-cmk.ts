import { defineRule } from "../../engine/rule";
import { all, expectBool, expectSet } from "../_shared";

export default defineRule({
  id: "AWS-RDS-001",
  title: "Aurora clusters are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV_AWS_96", "CKV_AWS_327"], trivy: ["aws-rds-encrypt-cluster-storage-data"] },
  description: "Card data at rest is encrypted with a KMS key the platform controls.",
  fix: "Set storage_encrypted = true and kms_key_id = the CMK arn.",
  check: (r, ctx) =>
    all(expectBool(r, ctx, "storage_encrypted", true, false), expectSet(r, ctx, "kms_key_id", "a customer-managed KMS key arn")),
});

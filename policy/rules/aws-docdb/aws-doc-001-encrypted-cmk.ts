import { defineRule } from "../../engine/rule";
import { all, expectBool, expectSet } from "../_shared";

export default defineRule({
  id: "AWS-DOC-001",
  title: "DocumentDB clusters are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_docdb_cluster"],
  pci: ["3.5.1", "3.6.1"],
  references: {
    checkov: ["CKV_AWS_74", "CKV_AWS_182"],
    trivy: ["aws-documentdb-enable-storage-encryption", "aws-documentdb-encryption-customer-key"],
  },
  description: "Documents at rest are encrypted with a KMS key the platform controls.",
  fix: "Set storage_encrypted = true and kms_key_id = the CMK arn.",
  check: (r, ctx) =>
    all(expectBool(r, ctx, "storage_encrypted", true, false), expectSet(r, ctx, "kms_key_id", "a customer-managed KMS key arn")),
});

import { defineRule } from "../../engine/rule";
import { expectSet, fail } from "../_shared";
import { isFalse } from "../../engine/values";

export default defineRule({
  id: "AWS-RS-001",
  title: "Redshift namespaces and clusters encrypt with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_redshiftserverless_namespace", "aws_redshift_cluster"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV_AWS_64", "CKV_AWS_142"], trivy: ["aws-redshift-encryption-customer-key"] },
  description: "Warehouse data is encrypted with a KMS key the platform controls.",
  fix: "Set kms_key_id = the CMK arn (clusters: also encrypted = true).",
  check: (r, ctx) => {
    const key = expectSet(r, ctx, "kms_key_id", "a customer-managed KMS key arn");
    if (r.type === "aws_redshift_cluster" && isFalse(r.config["encrypted"]))
      return fail("encrypted is false; set encrypted = true and kms_key_id");
    return key;
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { get, hasValue, show } from "../../engine/values";

export default defineRule({
  id: "AWS-S3-003",
  title: "S3 buckets encrypt with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV_AWS_145"], trivy: ["aws-s3-encryption-customer-key"] },
  description:
    "Objects are encrypted with a KMS key the platform controls (SSE-S3 keys are AWS-owned). Server access log target buckets must use SSE-S3, which AWS requires for log delivery.",
  fix: 'Add aws_s3_bucket_server_side_encryption_configuration { rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = the CMK arn } bucket_key_enabled = true } }.',
  check: (r, ctx) => {
    const sse = ctx.graph.referrers(r, { type: "aws_s3_bucket_server_side_encryption_configuration", attribute: "bucket" })[0];
    if (!sse)
      return fail(
        'no aws_s3_bucket_server_side_encryption_configuration has bucket = this bucket; add one with sse_algorithm = "aws:kms" and kms_master_key_id',
      );
    const def = get(sse.config, "rule.apply_server_side_encryption_by_default");
    const algorithm = get(def, "sse_algorithm");
    // S3 server access logs can only be delivered to buckets encrypted with SSE-S3 (AWS limitation).
    const logTarget = ctx.graph.referrers(r, { type: "aws_s3_bucket_logging", attribute: "target_bucket" }).length > 0;
    if (logTarget) {
      return algorithm === "AES256" || algorithm === "aws:kms" || algorithm === "aws:kms:dsse"
        ? pass(`server access log target bucket: ${String(algorithm)} (S3 access log delivery does not support SSE-KMS)`)
        : fail(`${sse.address} sse_algorithm is ${show(algorithm)}; set sse_algorithm = "AES256" (access log target)`);
    }
    if (algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse")
      return fail(`${sse.address} sse_algorithm is ${show(algorithm)}; set sse_algorithm = "aws:kms"`);
    if (!hasValue(get(def, "kms_master_key_id")))
      return fail(`${sse.address} kms_master_key_id is unset (AWS-managed aws/s3 key); set it to the CMK arn`);
    return pass(`SSE-KMS with a CMK via ${sse.address}`);
  },
});

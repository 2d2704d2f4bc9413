import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { ref, synthAws } from "../helpers/synth";

// SecureBucket and AccessLogBucket share createBucketBaseline: every bucket in every AWS stack carries
// each control below, wired to that bucket (not merely present somewhere in the stack).
describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s: every S3 bucket has the baseline", (_name, env) => {
  const synth = synthAws(env);
  const buckets = synth.entries("aws_s3_bucket");
  const on = (type: string, id: string) => synth.entries(type).filter(([, r]) => r.bucket === ref("aws_s3_bucket", id, "id"));

  test("there are both kinds of bucket (KMS data buckets and the SSE-S3 access-log bucket)", () => {
    const algorithms = new Set(
      synth
        .entries("aws_s3_bucket_server_side_encryption_configuration")
        .map(([, e]) => e.rule[0].apply_server_side_encryption_by_default.sse_algorithm),
    );
    expect([...algorithms].sort()).toEqual(["AES256", "aws:kms"]);
  });

  test.each(["public access block", "ownership", "versioning", "encryption", "lifecycle", "policy"])("%s on each bucket", (control) => {
    const type = {
      "public access block": "aws_s3_bucket_public_access_block",
      ownership: "aws_s3_bucket_ownership_controls",
      versioning: "aws_s3_bucket_versioning",
      encryption: "aws_s3_bucket_server_side_encryption_configuration",
      lifecycle: "aws_s3_bucket_lifecycle_configuration",
      policy: "aws_s3_bucket_policy",
    }[control]!;
    for (const [id] of buckets) expect([id, on(type, id).length]).toEqual([id, 1]);
  });

  test("each bucket: never force-destroyed, prevent_destroy per environment, multipart uploads aborted after 7 days, TLS-only first", () => {
    for (const [id, bucket] of buckets) {
      expect([id, bucket.force_destroy, bucket.lifecycle?.prevent_destroy]).toEqual([id, false, env.deletionProtection]);
      const [[, lifecycle]] = on("aws_s3_bucket_lifecycle_configuration", id);
      for (const rule of lifecycle.rule) expect(rule.abort_incomplete_multipart_upload).toEqual([{ days_after_initiation: 7 }]);
      const [[, policy]] = on("aws_s3_bucket_policy", id);
      const first = JSON.parse(policy.policy).Statement[0];
      expect(first).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    }
  });
});

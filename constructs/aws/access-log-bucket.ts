import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { Construct } from "constructs";
import { assertRules } from "../shared/rules";
import { createBucketBaseline } from "./private/bucket-baseline";

export interface AccessLogBucketProps {
  /** Bucket name (from `AwsNaming`, kind `s3Bucket`). */
  readonly bucketName: string;
  readonly accountId: string;
  /** Days to keep access logs (at least 365 for PCI DSS 10.5.1). */
  readonly retentionDays: number;
  /** lifecycle `prevent_destroy`. @default true */
  readonly deletionProtection?: boolean;
}

/**
 * Target of S3 server access logs of every other bucket.
 *
 * DELIBERATE EXCEPTION to "SSE-KMS everywhere": S3 server access log delivery supports only SSE-S3
 * (AES-256) default encryption on the target bucket, not SSE-KMS. Everything else of the shared
 * baseline (`createBucketBaseline`: versioning, public access block, TLS-only policy, no ACLs,
 * multipart clean-up) applies. Object-level reads and writes
 * of the data buckets are also recorded by CloudTrail data events, which are KMS-encrypted.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    assertRules(`AccessLogBucket ${this.node.path} (${props.bucketName})`, [
      {
        ok: props.retentionDays >= 365,
        field: "retentionDays",
        value: props.retentionDays,
        allowed: "at least 365 days (PCI DSS 10.5.1 keeps audit logs a year)",
      },
    ]);
    const baseline = createBucketBaseline(this, {
      bucketName: props.bucketName,
      tags: { "log-type": "s3-access" },
      deletionProtection: props.deletionProtection ?? true,
      // SSE-S3 (AES-256): the only default encryption server access log delivery supports.
      encryption: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      lifecycleRule: {
        id: "retain-then-expire",
        status: "Enabled",
        filter: [{ prefix: "" }],
        transition: [{ days: 90, storageClass: "GLACIER" }],
        expiration: [{ days: props.retentionDays }],
        noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
      },
    });
    this.bucket = baseline.bucket;
    baseline.policyDocument.add({
      Sid: "S3ServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${this.bucket.arn}/*`,
      Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
    });
  }

  get name(): string {
    return this.bucket.bucket;
  }
}

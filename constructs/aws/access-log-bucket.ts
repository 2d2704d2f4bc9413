import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { denyInsecureTransport } from "./private/iam";

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
 * (AES-256) default encryption on the target bucket, not SSE-KMS. Everything else of the baseline
 * applies (versioning, public access block, TLS-only policy, no ACLs). Object-level reads and writes
 * of the data buckets are also recorded by CloudTrail data events, which are KMS-encrypted.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    if (props.retentionDays < 365) {
      throw new Error(
        `AccessLogBucket ${props.bucketName}: retentionDays ${props.retentionDays} is below 365; PCI DSS 10.5.1 keeps audit logs one year.`,
      );
    }
    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      forceDestroy: false,
      tags: { "log-type": "s3-access" },
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", { bucket: this.bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new S3BucketVersioningA(this, "versioning", { bucket: this.bucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: this.bucket.id,
      // SSE-S3 (AES-256): the only default encryption server access log delivery supports.
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: this.bucket.id,
      rule: [
        {
          id: "retain-then-expire",
          status: "Enabled",
          filter: [{ prefix: "" }],
          transition: [{ days: 90, storageClass: "GLACIER" }],
          expiration: [{ days: props.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    new S3BucketPolicy(this, "policy", {
      bucket: this.bucket.id,
      dependsOn: [publicAccess],
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          denyInsecureTransport([this.bucket.arn, `${this.bucket.arn}/*`]),
          {
            Sid: "S3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${this.bucket.arn}/*`,
            Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
          },
        ],
      }),
    });
  }

  get name(): string {
    return this.bucket.bucket;
  }
}

import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { Rule, assertRules } from "../shared/rules";
import { createBucketBaseline } from "./private/bucket-baseline";
import { PolicyDocument, PolicyStatement } from "./private/iam";
import { Grantable } from "./workload-role";

/** Storage-class tiering of current and old object versions. */
export interface BucketLifecycleProps {
  /** Move current versions to STANDARD_IA after this many days (>= 30). @default 30 */
  readonly infrequentAccessAfterDays?: number;
  /** Move current versions to GLACIER (Flexible Retrieval) after this many days. @default 90 */
  readonly glacierAfterDays?: number;
  /** Delete current versions after this many days. @default - never */
  readonly expireAfterDays?: number;
  /** Delete non-current versions after this many days. @default 90 */
  readonly noncurrentExpireAfterDays?: number;
  /**
   * Tier current versions to STANDARD_IA and GLACIER. Turn off for objects a service reads at any
   * time (MWAA DAGs, MLflow artifacts): GetObject on a GLACIER object fails until it is restored.
   * @default true
   */
  readonly archive?: boolean;
}

/** Write-once-read-many retention of every new object version (S3 Object Lock). */
export interface ObjectLockProps {
  /** COMPLIANCE: nobody, root included, can delete or shorten before the date; GOVERNANCE: a privileged bypass exists. */
  readonly mode: "COMPLIANCE" | "GOVERNANCE";
  /** Default retention in days. */
  readonly retentionDays: number;
}

export interface SecureBucketProps {
  /** Bucket name (from `AwsNaming`, kind `s3Bucket`). */
  readonly bucketName: string;
  /** CMK of the bucket's data domain: SSE-KMS with S3 bucket keys. */
  readonly encryptionKey: KmsKey;
  /** Server access logs target (an `AccessLogBucket`) and the prefix of this bucket's logs. */
  readonly accessLogs: { readonly bucketName: string; readonly prefix: string };
  /** @default - IA after 30 days, Glacier after 90, old versions deleted after 90 */
  readonly lifecycle?: BucketLifecycleProps;
  /**
   * Object Lock, enabled when the bucket is created (it cannot be added to an existing bucket
   * through this resource: turning it on later replaces the bucket).
   * @default - none
   */
  readonly objectLock?: ObjectLockProps;
  /** lifecycle `prevent_destroy`; `force_destroy` is never set. @default true */
  readonly deletionProtection?: boolean;
  /** @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

function secureBucketRules(p: SecureBucketProps): Rule[] {
  const l = p.lifecycle ?? {};
  const ia = l.infrequentAccessAfterDays ?? 30;
  const glacier = l.glacierAfterDays ?? 90;
  return [
    {
      ok: ia >= 30,
      field: "lifecycle.infrequentAccessAfterDays",
      value: ia,
      allowed: "at least 30 days (S3 requires 30 days before STANDARD_IA)",
    },
    { ok: glacier > ia, field: "lifecycle.glacierAfterDays", value: glacier, allowed: `more than infrequentAccessAfterDays (${ia})` },
    {
      ok: p.objectLock === undefined || (Number.isInteger(p.objectLock.retentionDays) && p.objectLock.retentionDays >= 1),
      field: "objectLock.retentionDays",
      value: p.objectLock?.retentionDays,
      allowed: "a whole number of days >= 1 (S3 Object Lock)",
    },
    {
      ok: l.expireAfterDays === undefined || l.expireAfterDays > glacier,
      field: "lifecycle.expireAfterDays",
      value: l.expireAfterDays,
      allowed: `more than glacierAfterDays (${glacier}), or unset`,
    },
  ];
}

/**
 * An S3 bucket with every control the PCI baseline checks: SSE-KMS with the domain CMK and bucket
 * keys, versioning, all four public access blocks, bucket-owner-enforced ownership (no ACLs), a
 * TLS-only bucket policy, lifecycle tiering to IA and Glacier, and server access logging.
 * Access is granted with `grantRead` / `grantWrite`; service principals with `addToResourcePolicy`.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly encryptionKey: KmsKey;
  readonly policy: S3BucketPolicy;
  /** Objects that need a version id at creation (MWAA requirements) depend on it. */
  readonly versioning: S3BucketVersioningA;
  private readonly resourcePolicy: PolicyDocument;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    assertRules(`SecureBucket ${this.node.path} (${props.bucketName})`, secureBucketRules(props));
    this.encryptionKey = props.encryptionKey;
    const l = props.lifecycle ?? {};

    const baseline = createBucketBaseline(this, {
      bucketName: props.bucketName,
      tags: { ...props.tags },
      deletionProtection: props.deletionProtection ?? true,
      objectLockEnabled: props.objectLock !== undefined,
      objectLock: props.objectLock,
      encryption: {
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.encryptionKey.arn },
        bucketKeyEnabled: true,
      },
      accessLogs: props.accessLogs,
      lifecycleRule: {
        id: "tiering",
        status: "Enabled",
        filter: [{ prefix: "" }],
        transition:
          (l.archive ?? true)
            ? [
                { days: l.infrequentAccessAfterDays ?? 30, storageClass: "STANDARD_IA" },
                { days: l.glacierAfterDays ?? 90, storageClass: "GLACIER" },
              ]
            : [],
        ...(l.expireAfterDays !== undefined ? { expiration: [{ days: l.expireAfterDays }] } : {}),
        noncurrentVersionExpiration: [{ noncurrentDays: l.noncurrentExpireAfterDays ?? 90 }],
      },
    });
    this.bucket = baseline.bucket;
    this.versioning = baseline.versioning;
    this.policy = baseline.policy;
    this.resourcePolicy = baseline.policyDocument;
  }

  get arn(): string {
    return this.bucket.arn;
  }

  get name(): string {
    return this.bucket.bucket;
  }

  /** `s3://<bucket>/<path>` */
  s3Uri(path = ""): string {
    return `s3://${this.bucket.bucket}/${path}`;
  }

  /** Adds a statement to the bucket policy (service principals such as CloudTrail). */
  addToResourcePolicy(...statements: PolicyStatement[]): void {
    this.resourcePolicy.add(...statements);
  }

  /** Read objects under a prefix (and list that prefix), and decrypt them. */
  grantRead(grantee: Grantable, prefix = ""): void {
    grantee.addToPolicy(
      { Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${this.bucket.arn}/${prefix}*` },
      {
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:GetBucketLocation"],
        Resource: this.bucket.arn,
        ...(prefix ? { Condition: { StringLike: { "s3:prefix": [`${prefix}*`] } } } : {}),
      },
      { Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: this.encryptionKey.arn },
    );
  }

  /** Write (not delete) objects under a prefix, encrypting them with the bucket's CMK. */
  grantWrite(grantee: Grantable, prefix = ""): void {
    grantee.addToPolicy(
      {
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
        Resource: `${this.bucket.arn}/${prefix}*`,
      },
      { Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"], Resource: this.bucket.arn },
      { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt", "kms:DescribeKey"], Resource: this.encryptionKey.arn },
    );
  }

  /** Read, write and delete objects under a prefix (ETL scratch and bookmarks). */
  grantReadWrite(grantee: Grantable, prefix = ""): void {
    this.grantRead(grantee, prefix);
    this.grantWrite(grantee, prefix);
    grantee.addToPolicy({ Effect: "Allow", Action: ["s3:DeleteObject"], Resource: `${this.bucket.arn}/${prefix}*` });
  }
}

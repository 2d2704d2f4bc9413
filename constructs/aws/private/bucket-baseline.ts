import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import {
  S3BucketLifecycleConfiguration,
  S3BucketLifecycleConfigurationRule,
} from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import {
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketServerSideEncryptionConfigurationRuleA,
} from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { PolicyDocument, denyInsecureTransport } from "./iam";

/** What differs between the buckets that share the baseline. */
export interface BucketBaselineProps {
  readonly bucketName: string;
  readonly tags: Readonly<Record<string, string>>;
  /** lifecycle `prevent_destroy`; `force_destroy` is never set. */
  readonly deletionProtection: boolean;
  /**
   * `object_lock_enabled` (only bucket creation takes it).
   * @default - the attribute is left out
   */
  readonly objectLockEnabled?: boolean;
  /** Object Lock default retention. @default - none */
  readonly objectLock?: { readonly mode: string; readonly retentionDays: number };
  /** Default encryption rule (SSE-KMS for data, SSE-S3 where the service takes nothing else). */
  readonly encryption: S3BucketServerSideEncryptionConfigurationRuleA;
  /** Where server access logs go. @default - not logged (the access-log bucket itself) */
  readonly accessLogs?: { readonly bucketName: string; readonly prefix: string };
  /** The one lifecycle rule, without the multipart clean-up the baseline adds. */
  readonly lifecycleRule: Omit<S3BucketLifecycleConfigurationRule, "abortIncompleteMultipartUpload">;
}

/** The resources of the baseline a bucket construct keeps a handle on. */
export interface BucketBaseline {
  readonly bucket: S3Bucket;
  readonly versioning: S3BucketVersioningA;
  readonly policy: S3BucketPolicy;
  /** The bucket policy: the TLS-only deny, then what the construct adds (rendered at synth). */
  readonly policyDocument: PolicyDocument;
}

/**
 * The controls every S3 bucket here has, written once: all four public access blocks,
 * bucket-owner-enforced ownership (no ACLs), versioning, default encryption, a lifecycle rule that
 * aborts incomplete multipart uploads after 7 days, and a TLS-only bucket policy.
 */
export function createBucketBaseline(scope: Construct, props: BucketBaselineProps): BucketBaseline {
  const bucket = new S3Bucket(scope, "bucket", {
    bucket: props.bucketName,
    forceDestroy: false,
    objectLockEnabled: props.objectLockEnabled,
    tags: { ...props.tags },
    lifecycle: { preventDestroy: props.deletionProtection },
  });
  const publicAccess = new S3BucketPublicAccessBlock(scope, "public-access-block", {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, "ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  const versioning = new S3BucketVersioningA(scope, "versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
  if (props.objectLock !== undefined) {
    new S3BucketObjectLockConfigurationA(scope, "object-lock", {
      bucket: bucket.id,
      rule: { defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.retentionDays } },
    });
  }
  new S3BucketServerSideEncryptionConfigurationA(scope, "encryption", { bucket: bucket.id, rule: [props.encryption] });
  if (props.accessLogs) {
    new S3BucketLoggingA(scope, "access-logging", {
      bucket: bucket.id,
      targetBucket: props.accessLogs.bucketName,
      targetPrefix: props.accessLogs.prefix,
    });
  }
  new S3BucketLifecycleConfiguration(scope, "lifecycle", {
    bucket: bucket.id,
    rule: [{ ...props.lifecycleRule, abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] }],
  });
  const policyDocument = new PolicyDocument([denyInsecureTransport([bucket.arn, `${bucket.arn}/*`])]);
  const policy = new S3BucketPolicy(scope, "policy", { bucket: bucket.id, policy: policyDocument.render(), dependsOn: [publicAccess] });
  return { bucket, versioning, policy, policyDocument };
}

import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { Construct } from "constructs";
import { assertRules } from "../shared/rules";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { DataKeys } from "./kms-keys";
import { AwsNaming } from "./naming";
import { ObjectLockProps, SecureBucket } from "./secure-bucket";
import { WorkloadRole } from "./workload-role";

export interface AuditTrailProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  readonly keys: DataKeys;
  /** Server access logs target of the trail bucket. */
  readonly accessLogBucketName: string;
  /** Retention of the trail's CloudWatch copy (at least 90; 365 in prod). */
  readonly logRetentionDays: number;
  /**
   * WORM retention of the trail's log files (PCI DSS 10.3.3, 10.5.1): Object Lock on the trail bucket,
   * at least 365 days.
   */
  readonly objectLock: ObjectLockProps;
  /** Buckets whose object reads and writes are recorded (S3 data events). */
  readonly dataEventBuckets: readonly SecureBucket[];
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * CloudTrail for user-action logging (PCI DSS 10.2): multi-region, global service events, log file
 * validation (digest files), SSE-KMS with the `audit` CMK, delivered to a dedicated SecureBucket
 * (kept, tiered to Glacier, never expired by lifecycle) and to a KMS-encrypted CloudWatch log group
 * for alerting; S3 data events for the data buckets. The trail bucket is write-once (Object Lock,
 * COMPLIANCE in prod) and the stack adds it to the AWS Backup plan, whose copies leave the bucket
 * (and, in prod, the region).
 */
export class AuditTrail extends Construct {
  readonly trail: Cloudtrail;
  readonly bucket: SecureBucket;
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const { naming } = props;
    const trailName = naming.name("cloudTrail", "audit");
    const trailArn = `arn:aws:cloudtrail:${props.region}:${props.accountId}:trail/${trailName}`;
    assertRules(`AuditTrail ${this.node.path}`, [
      {
        ok: props.objectLock.retentionDays >= 365,
        field: "objectLock.retentionDays",
        value: props.objectLock.retentionDays,
        allowed: "at least 365 days (PCI DSS 10.5.1 keeps audit logs a year)",
      },
    ]);

    this.bucket = new SecureBucket(this, "bucket", {
      bucketName: naming.name("s3Bucket", "audit"),
      encryptionKey: props.keys.key("audit"),
      accessLogs: { bucketName: props.accessLogBucketName, prefix: "audit/" },
      lifecycle: { infrequentAccessAfterDays: 30, glacierAfterDays: 90, noncurrentExpireAfterDays: props.objectLock.retentionDays },
      objectLock: props.objectLock,
      deletionProtection: props.deletionProtection,
      tags: { "log-type": "cloudtrail" },
    });
    this.bucket.addToResourcePolicy(
      {
        Sid: "CloudTrailAclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: this.bucket.arn,
        Condition: { StringEquals: { "aws:SourceArn": trailArn } },
      },
      {
        Sid: "CloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${this.bucket.arn}/AWSLogs/${props.accountId}/*`,
        Condition: { StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
      },
    );

    this.logGroup = new EncryptedLogGroup(this, "log", {
      name: naming.logGroupPath("cloudtrail"),
      encryptionKey: props.keys.key("logs"),
      retentionDays: props.logRetentionDays,
      deletionProtection: props.deletionProtection,
    });
    const role = new WorkloadRole(this, "to-logs-role", {
      roleName: naming.name("iamRole", "cloudtrail-logs"),
      description: "CloudTrail delivery to CloudWatch Logs",
      assumedBy: ["cloudtrail.amazonaws.com"],
      accountId: props.accountId,
    });
    this.logGroup.grantWrite(role);

    this.trail = new Cloudtrail(this, "trail", {
      name: trailName,
      s3BucketName: this.bucket.name,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: props.keys.key("audit").arn,
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      eventSelector: [
        {
          readWriteType: "All",
          includeManagementEvents: true,
          dataResource: [{ type: "AWS::S3::Object", values: props.dataEventBuckets.map((b) => `${b.arn}/`) }],
        },
      ],
      dependsOn: [this.bucket.policy],
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
    });
  }
}

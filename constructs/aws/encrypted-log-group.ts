import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { assertRules } from "../shared/rules";
import { Grantable } from "./workload-role";

/** The minimum retention of any log group: PCI DSS 10.5.1 keeps three months immediately available. */
export const MIN_LOG_RETENTION_DAYS = 90;

export interface EncryptedLogGroupProps {
  /** Log group name; services with fixed paths (`/aws/rds/cluster/<id>/postgresql`) are pre-created with theirs. */
  readonly name: string;
  /** CMK of the `logs` domain. */
  readonly encryptionKey: KmsKey;
  /** Retention in days, at least 90. */
  readonly retentionDays: number;
  /** lifecycle `prevent_destroy`. @default true */
  readonly deletionProtection?: boolean;
}

/**
 * A CloudWatch Logs group encrypted with the `logs` CMK and retained at least 90 days. Pre-creating
 * service log groups (RDS, DocumentDB, MSK) means they never appear later unencrypted with
 * infinite or default retention.
 */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    assertRules(`EncryptedLogGroup ${this.node.path} (${props.name})`, [
      {
        ok: Number.isInteger(props.retentionDays) && props.retentionDays >= MIN_LOG_RETENTION_DAYS,
        field: "retentionDays",
        value: props.retentionDays,
        allowed: `at least ${MIN_LOG_RETENTION_DAYS} days (PCI DSS 10.5.1; the environment's retention.logDays)`,
      },
    ]);
    this.logGroup = new CloudwatchLogGroup(this, "group", {
      name: props.name,
      kmsKeyId: props.encryptionKey.arn,
      retentionInDays: props.retentionDays,
      logGroupClass: "STANDARD",
      skipDestroy: false,
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
    });
  }

  get arn(): string {
    return this.logGroup.arn;
  }

  get name(): string {
    return this.logGroup.name;
  }

  /** Lets a principal create streams and put events in this group only. */
  grantWrite(grantee: Grantable): void {
    grantee.addToPolicy({
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: [this.logGroup.arn, `${this.logGroup.arn}:*`],
    });
  }
}

import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { AwsNaming } from "./naming";
import { PolicyStatement } from "./private/iam";
import { Grantable } from "./workload-role";

/**
 * Data domains, one customer managed key each, so a key policy or a key compromise is scoped to one
 * kind of data (PCI DSS 3.6: keys protect as few data sets as practical).
 */
export const DATA_KEY_DOMAINS = [
  "oltp",
  "olap",
  "nosql",
  "streaming",
  "rawzone",
  "logs",
  "audit",
  "backup",
  "alerts",
  "orchestration",
  "models",
] as const;
export type DataKeyDomain = (typeof DATA_KEY_DOMAINS)[number];

export interface DataKeysProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  /** Waiting period before a scheduled key deletion, 7-30 days. @default 30 */
  readonly deletionWindowDays?: number;
  /** Days between automatic rotations, 90-2560. @default 365 */
  readonly rotationPeriodDays?: number;
  /** lifecycle `prevent_destroy` on every key. @default true */
  readonly deletionProtection?: boolean;
}

/**
 * One symmetric CMK per data domain, with automatic rotation, an alias and a key policy that admits the
 * account (IAM policies then decide) and, in four domains, the services that use the key on the account's
 * behalf without an IAM role of ours: `logs` CloudWatch Logs (any log group of the account), `audit`
 * CloudTrail, `alerts` CloudWatch alarms, EventBridge and AWS Budgets (publishing to the encrypted SNS
 * topic), `orchestration` CloudWatch Logs for the `airflow-*` log groups only. The other seven keys
 * have the account statement alone: the stores use them on behalf of principals whose IAM policies allow
 * it (the deployer; workload roles through grantEncryptDecrypt/grantDecrypt).
 */
export class DataKeys extends Construct {
  private readonly keys = new Map<DataKeyDomain, KmsKey>();

  constructor(scope: Construct, id: string, props: DataKeysProps) {
    super(scope, id);
    const deletionProtection = props.deletionProtection ?? true;
    for (const domain of DATA_KEY_DOMAINS) {
      const key = new KmsKey(this, domain, {
        description: `${props.naming.name("kmsAlias", domain)}: CMK of the ${domain} data domain`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        rotationPeriodInDays: props.rotationPeriodDays ?? 365,
        deletionWindowInDays: props.deletionWindowDays ?? 30,
        isEnabled: true,
        multiRegion: false,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: keyPolicy(domain, props.accountId, props.region) }),
        tags: { "data-domain": domain },
        lifecycle: { preventDestroy: deletionProtection },
      });
      new KmsAlias(this, `${domain}-alias`, { name: props.naming.name("kmsAlias", domain), targetKeyId: key.keyId });
      this.keys.set(domain, key);
    }
  }

  /** The CMK of a data domain. */
  key(domain: DataKeyDomain): KmsKey {
    return this.keys.get(domain) as KmsKey;
  }

  /** Lets a principal encrypt and decrypt with a domain's key (data keys included). */
  grantEncryptDecrypt(domain: DataKeyDomain, grantee: Grantable): void {
    grantee.addToPolicy({
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
      Resource: this.key(domain).arn,
    });
  }

  /** Lets a principal decrypt with a domain's key (reading encrypted objects and secrets). */
  grantDecrypt(domain: DataKeyDomain, grantee: Grantable): void {
    grantee.addToPolicy({ Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: this.key(domain).arn });
  }
}

function keyPolicy(domain: DataKeyDomain, accountId: string, region: string): PolicyStatement[] {
  const account: PolicyStatement = {
    Sid: "AccountAdministersKeyThroughIam",
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: "kms:*",
    Resource: "*",
  };
  switch (domain) {
    case "logs":
      return [
        account,
        {
          Sid: "CloudWatchLogsEncryptsThisAccountsLogGroups",
          Effect: "Allow",
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*` } },
        },
      ];
    case "audit":
      return [
        account,
        {
          Sid: "CloudTrailEncryptsLogs",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "kms:GenerateDataKey*",
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${accountId}:trail/*` },
          },
        },
        {
          Sid: "CloudTrailDescribesKey",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "kms:DescribeKey",
          Resource: "*",
        },
      ];
    case "alerts":
      return [
        account,
        {
          Sid: "AlarmsAndEventsPublishToEncryptedTopic",
          Effect: "Allow",
          Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] },
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
      ];
    case "orchestration":
      // MWAA encrypts its own CloudWatch log groups (airflow-<environment>-<type>) with the environment's key.
      return [
        account,
        {
          Sid: "CloudWatchLogsEncryptsAirflowLogGroups",
          Effect: "Allow",
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:airflow-*` } },
        },
      ];
    default:
      return [account];
  }
}

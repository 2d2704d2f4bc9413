import { BackupPlan as AwsBackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { assertRules } from "../shared/rules";
import { AwsNaming } from "./naming";
import { WorkloadRole } from "./workload-role";

export interface BackupPlanProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  /** CMK of the vault (the `backup` domain key). */
  readonly encryptionKey: KmsKey;
  /** Continuous backup (PITR) window, 1-35 days (AWS Backup's maximum for continuous backups). */
  readonly continuousRetentionDays: number;
  /** Daily snapshot retention, at least `continuousRetentionDays`. */
  readonly snapshotRetentionDays: number;
  /** ARNs of the stateful resources to protect, keyed by a stable name (documentation only). */
  readonly resources: Readonly<Record<string, string>>;
  /**
   * Vault lock in governance mode: recovery points cannot be deleted before `continuousRetentionDays`.
   * @default true
   */
  readonly vaultLock?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /**
   * Copy every daily snapshot to a vault in another region, kept as long as the original.
   * @default - no cross-region copy
   */
  readonly crossRegionCopy?: { readonly vaultArn: string; readonly encryptionKeyArn: string };
}

/**
 * AWS Backup for the stateful stores: a vault encrypted with the `backup` CMK (locked in governance
 * mode), a plan with a continuous-backup rule (point-in-time restore for Aurora and S3) and a daily
 * snapshot rule with longer retention (DocumentDB, Redshift Serverless and long-term copies), and one
 * selection listing the protected resources by ARN.
 */
export class BackupPlan extends Construct {
  readonly vault: BackupVault;
  readonly plan: AwsBackupPlan;

  constructor(scope: Construct, id: string, props: BackupPlanProps) {
    super(scope, id);
    const { naming } = props;
    assertRules(`BackupPlan ${this.node.path}`, [
      {
        ok: Number.isInteger(props.continuousRetentionDays) && props.continuousRetentionDays >= 1 && props.continuousRetentionDays <= 35,
        field: "continuousRetentionDays",
        value: props.continuousRetentionDays,
        allowed: "1-35 days (AWS Backup continuous backups; the environment's retention.backupDays)",
      },
      {
        ok: props.snapshotRetentionDays >= props.continuousRetentionDays,
        field: "snapshotRetentionDays",
        value: props.snapshotRetentionDays,
        allowed: `at least continuousRetentionDays (${props.continuousRetentionDays}; the environment's retention.snapshotDays)`,
      },
    ]);
    const deletionProtection = props.deletionProtection ?? true;

    this.vault = new BackupVault(this, "vault", {
      name: naming.name("backupVault", "stores"),
      kmsKeyArn: props.encryptionKey.arn,
      forceDestroy: false,
      lifecycle: { preventDestroy: deletionProtection },
    });
    if (props.vaultLock ?? true) {
      new BackupVaultLockConfiguration(this, "vault-lock", {
        backupVaultName: this.vault.name,
        minRetentionDays: props.continuousRetentionDays,
        maxRetentionDays: Math.max(props.snapshotRetentionDays, 3650),
      });
    }

    this.plan = new AwsBackupPlan(this, "plan", {
      name: naming.name("backupPlan", "stores"),
      rule: [
        {
          ruleName: "continuous-pitr",
          targetVaultName: this.vault.name,
          schedule: "cron(0 5 * * ? *)",
          enableContinuousBackup: true,
          startWindow: 60,
          completionWindow: 180,
          lifecycle: { deleteAfter: props.continuousRetentionDays },
          recoveryPointTags: { "backup-rule": "continuous-pitr" },
        },
        {
          ruleName: "daily-snapshot",
          targetVaultName: this.vault.name,
          schedule: "cron(0 3 * * ? *)",
          enableContinuousBackup: false,
          startWindow: 60,
          completionWindow: 360,
          lifecycle: { deleteAfter: props.snapshotRetentionDays },
          recoveryPointTags: { "backup-rule": "daily-snapshot" },
          copyAction: props.crossRegionCopy
            ? [{ destinationVaultArn: props.crossRegionCopy.vaultArn, lifecycle: { deleteAfter: props.snapshotRetentionDays } }]
            : undefined,
        },
      ],
    });

    const role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "backup"),
      description: "AWS Backup of the platform's stateful stores",
      assumedBy: ["backup.amazonaws.com"],
      accountId: props.accountId,
      managedPolicyArns: [
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
        "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
        "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
      ],
    });
    role.addToPolicy({
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"],
      Resource: props.crossRegionCopy ? [props.encryptionKey.arn, props.crossRegionCopy.encryptionKeyArn] : props.encryptionKey.arn,
    });

    new BackupSelection(this, "selection", {
      name: naming.name("backupPlan", "stores-selection"),
      planId: this.plan.id,
      iamRoleArn: role.arn,
      resources: Object.values(props.resources),
    });
  }
}

import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { AwsNaming } from "./naming";

export interface DrBackupVaultProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  /** Provider aliased to the disaster-recovery region; every resource here is created there. */
  readonly provider: AwsProvider;
  /** Waiting period before a scheduled deletion of the vault's key, 7-30 days. @default 30 */
  readonly deletionWindowDays?: number;
  /** Days the vault lock keeps copies at the least. */
  readonly minRetentionDays: number;
  /** lifecycle `prevent_destroy` and a vault lock (governance mode). @default true */
  readonly deletionProtection?: boolean;
}

/**
 * A backup vault in the disaster-recovery region, encrypted with its own rotating CMK there, that
 * receives copies of the daily snapshots: a regional outage or a compromised primary vault does not
 * take the recovery points with it.
 */
export class DrBackupVault extends Construct {
  readonly vault: BackupVault;
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: DrBackupVaultProps) {
    super(scope, id);
    const deletionProtection = props.deletionProtection ?? true;
    this.key = new KmsKey(this, "key", {
      provider: props.provider,
      description: `${props.naming.name("kmsAlias", "backup-dr")}: CMK of the disaster-recovery backup vault`,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersKeyThroughIam",
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${props.accountId}:root` },
            Action: "kms:*",
            Resource: "*",
          },
        ],
      }),
      tags: { "data-domain": "backup" },
      lifecycle: { preventDestroy: deletionProtection },
    });
    new KmsAlias(this, "alias", {
      provider: props.provider,
      name: props.naming.name("kmsAlias", "backup-dr"),
      targetKeyId: this.key.keyId,
    });
    this.vault = new BackupVault(this, "vault", {
      provider: props.provider,
      name: props.naming.name("backupVault", "dr"),
      kmsKeyArn: this.key.arn,
      forceDestroy: false,
      lifecycle: { preventDestroy: deletionProtection },
    });
    if (deletionProtection) {
      new BackupVaultLockConfiguration(this, "vault-lock", {
        provider: props.provider,
        backupVaultName: this.vault.name,
        minRetentionDays: props.minRetentionDays,
        maxRetentionDays: Math.max(props.minRetentionDays, 3650),
      });
    }
  }
}

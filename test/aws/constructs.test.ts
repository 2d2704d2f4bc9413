import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { BackupPlan } from "../../constructs/aws/backup-plan";
import { EncryptedLogGroup } from "../../constructs/aws/encrypted-log-group";
import { AwsNaming } from "../../constructs/aws/naming";
import { SecureBucket } from "../../constructs/aws/secure-bucket";
import { WorkloadRole } from "../../constructs/aws/workload-role";

function scope() {
  const stack = new TerraformStack(Testing.app(), "t");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const key = new KmsKey(stack, "key", { enableKeyRotation: true });
  const naming = new AwsNaming({ workload: "pay", environment: "dev", region: "eu-west-1", uniqueSeed: "111111111111" });
  return { stack, key, naming };
}

describe("construct validation tables", () => {
  test("EncryptedLogGroup refuses retention below 90 days", () => {
    const { stack, key } = scope();
    expect(() => new EncryptedLogGroup(stack, "lg", { name: "/x", encryptionKey: key, retentionDays: 30 })).toThrow(
      /retentionDays 30 is below 90; set retention.logDays to 90 or more/,
    );
  });

  test.each<[object, RegExp]>([
    [{ infrequentAccessAfterDays: 10 }, /lifecycle.infrequentAccessAfterDays is 10; S3 requires at least 30 days/],
    [
      { infrequentAccessAfterDays: 60, glacierAfterDays: 60 },
      /lifecycle.glacierAfterDays \(60\) must be greater than infrequentAccessAfterDays \(60\)/,
    ],
    [{ expireAfterDays: 50 }, /lifecycle.expireAfterDays \(50\) must be greater than glacierAfterDays \(90\)/],
  ])("SecureBucket lifecycle %j", (lifecycle, message) => {
    const { stack, key } = scope();
    expect(
      () =>
        new SecureBucket(stack, "b", {
          bucketName: "b-1",
          encryptionKey: key,
          accessLogs: { bucketName: "logs", prefix: "b/" },
          lifecycle,
        }),
    ).toThrow(message);
  });

  test.each<[number, number, RegExp]>([
    [36, 365, /continuousRetentionDays is 36; AWS Backup continuous backups allow 1-35 days/],
    [35, 14, /snapshotRetentionDays \(14\) is below continuousRetentionDays \(35\)/],
  ])("BackupPlan continuous %d / snapshot %d", (continuous, snapshot, message) => {
    const { stack, key, naming } = scope();
    expect(
      () =>
        new BackupPlan(stack, "bp", {
          naming,
          accountId: "111111111111",
          encryptionKey: key,
          continuousRetentionDays: continuous,
          snapshotRetentionDays: snapshot,
          resources: {},
        }),
    ).toThrow(message);
  });

  test("a WorkloadRole without grants fails stack validation", () => {
    const { stack } = scope();
    new WorkloadRole(stack, "idle", {
      roleName: "idle",
      description: "nothing",
      assumedBy: ["glue.amazonaws.com"],
      accountId: "111111111111",
    });
    expect(() => Testing.synth(stack, true)).toThrow(/WorkloadRole idle has no permissions/);
  });

  test("SecureBucket grants are scoped to a prefix and the bucket's key", () => {
    const { stack, key } = scope();
    const bucket = new SecureBucket(stack, "b", {
      bucketName: "b-1",
      encryptionKey: key,
      accessLogs: { bucketName: "logs", prefix: "b/" },
    });
    const role = new WorkloadRole(stack, "r", {
      roleName: "r",
      description: "reader",
      assumedBy: ["glue.amazonaws.com"],
      accountId: "111111111111",
    });
    bucket.grantRead(role, "cdc/");
    const json = JSON.parse(Testing.synth(stack));
    const policy = JSON.parse(Object.values(json.resource.aws_iam_role_policy as Record<string, { policy: string }>)[0].policy);
    expect(policy.Statement[0]).toEqual({
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: expect.stringMatching(/^\$\{aws_s3_bucket\.b_bucket_[0-9A-F]+\.arn\}\/cdc\/\*$/),
    });
    expect(policy.Statement[2].Resource).toBe("${aws_kms_key.key.arn}");
  });
});

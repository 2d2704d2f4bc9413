/**
 * Secure defaults and rule boundaries of the AWS security constructs, each asserted by name (mutation
 * testing found them uncovered or guarded only by the stacks, which always pass the flag explicitly).
 */
import { AccessLogBucket } from "../../constructs/aws/access-log-bucket";
import { DataKeys } from "../../constructs/aws/kms-keys";
import { SecureBucket } from "../../constructs/aws/secure-bucket";
import { awsTestbed } from "../helpers/aws";
import { synthesize } from "../helpers/synth";

const scope = awsTestbed;

describe("omitting deletionProtection protects the resource", () => {
  test("DataKeys: every key keeps prevent_destroy", () => {
    const { stack, naming } = scope();
    new DataKeys(stack, "keys", { naming, accountId: "111111111111", region: "eu-west-1" });
    const keys = synthesize(stack)
      .configs("aws_kms_key")
      .filter((k) => String(k.description).includes("data domain"));
    expect(keys).toHaveLength(11);
    for (const k of keys) expect(k.lifecycle).toMatchObject({ prevent_destroy: true });
  });

  test("AccessLogBucket and SecureBucket: prevent_destroy on the bucket", () => {
    const { stack, key } = scope();
    new AccessLogBucket(stack, "logs", { bucketName: "logs-1", accountId: "111111111111", retentionDays: 365 });
    new SecureBucket(stack, "data", { bucketName: "data-1", encryptionKey: key, accessLogs: { bucketName: "logs-1", prefix: "data/" } });
    for (const b of synthesize(stack).configs("aws_s3_bucket"))
      expect({ bucket: b.bucket, lifecycle: b.lifecycle }).toEqual({ bucket: b.bucket, lifecycle: { prevent_destroy: true } });
  });
});

describe("AccessLogBucket", () => {
  test("keeps access logs at least a year (PCI DSS 10.5.1): 364 days refused, 365 accepted", () => {
    expect(
      () => new AccessLogBucket(scope().stack, "logs", { bucketName: "logs-1", accountId: "111111111111", retentionDays: 364 }),
    ).toThrow(
      /AccessLogBucket t\/logs \(logs-1\) has invalid props \(1 problem\):\n {2}- retentionDays: got 364; allowed: at least 365 days/,
    );
    expect(
      () => new AccessLogBucket(scope().stack, "logs", { bucketName: "logs-1", accountId: "111111111111", retentionDays: 365 }),
    ).not.toThrow();
  });

  test("lifecycle: Glacier after 90 days, expiry at the retention, old versions after 30 days; only S3 logging of this account may write", () => {
    const { stack } = scope();
    new AccessLogBucket(stack, "logs", { bucketName: "logs-1", accountId: "111111111111", retentionDays: 400 });
    const s = synthesize(stack);
    expect(s.only("aws_s3_bucket").config.tags).toMatchObject({ "log-type": "s3-access" });
    const [rule] = s.only("aws_s3_bucket_lifecycle_configuration").config.rule;
    expect(rule).toMatchObject({
      id: "retain-then-expire",
      status: "Enabled",
      filter: [{ prefix: "" }],
      transition: [{ days: 90, storage_class: "GLACIER" }],
      expiration: [{ days: 400 }],
      noncurrent_version_expiration: [{ noncurrent_days: 30 }],
    });
    const statements = JSON.parse(s.only("aws_s3_bucket_policy").config.policy).Statement;
    expect(statements).toContainEqual({
      Sid: "S3ServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `\${${s.only("aws_s3_bucket").address}.arn}/*`,
      Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
    });
  });
});

describe("SecureBucket rule boundaries", () => {
  const bucket = (extra: object) => () => {
    const { stack, key } = scope();
    new SecureBucket(stack, "b", { bucketName: "b-1", encryptionKey: key, accessLogs: { bucketName: "logs", prefix: "b/" }, ...extra });
    return synthesize(stack);
  };

  test("object lock: 0 days refused, 1 day accepted and the bucket is created with object lock", () => {
    expect(bucket({ objectLock: { mode: "COMPLIANCE", retentionDays: 0 } })).toThrow(/objectLock\.retentionDays: got 0/);
    expect(bucket({ objectLock: { mode: "COMPLIANCE", retentionDays: 1 } })().only("aws_s3_bucket").config.object_lock_enabled).toBe(true);
    expect(bucket({})().only("aws_s3_bucket").config.object_lock_enabled).toBe(false);
  });

  test("expiry must come after Glacier: 90 (= Glacier's default) refused, 91 accepted and written", () => {
    expect(bucket({ lifecycle: { expireAfterDays: 90 } })).toThrow(/lifecycle\.expireAfterDays: got 90/);
    const [rule] = bucket({ lifecycle: { expireAfterDays: 91 } })().only("aws_s3_bucket_lifecycle_configuration").config.rule;
    expect(rule.expiration).toEqual([{ days: 91 }]);
  });

  test("default tiering: STANDARD_IA at 30 days, Glacier at 90, old versions expire after 90, no expiry", () => {
    const [rule] = bucket({})().only("aws_s3_bucket_lifecycle_configuration").config.rule;
    expect(rule).toMatchObject({
      id: "tiering",
      filter: [{ prefix: "" }],
      transition: [
        { days: 30, storage_class: "STANDARD_IA" },
        { days: 90, storage_class: "GLACIER" },
      ],
      noncurrent_version_expiration: [{ noncurrent_days: 90 }],
    });
    expect(rule).not.toHaveProperty("expiration");
  });
});

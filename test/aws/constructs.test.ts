import { Testing } from "cdktf";
import { BackupPlan } from "../../constructs/aws/backup-plan";
import { EncryptedLogGroup } from "../../constructs/aws/encrypted-log-group";
import { SecureBucket } from "../../constructs/aws/secure-bucket";
import { WorkloadRole } from "../../constructs/aws/workload-role";
import { AuditTrail } from "../../constructs/aws/audit-trail";
import { columnIncludeList, readCdcGrants } from "../../constructs/aws/postgres-cdc-grants";
import { ConnectorCapacity, createManagedConnector } from "../../constructs/aws/private/msk-connect";
import { PostgresSecretRotation } from "../../constructs/aws/secret-rotation";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";
import { awsTestbed, devWith } from "../helpers/aws";
import { synthesize } from "../helpers/synth";

const scope = awsTestbed;

describe("construct validation tables", () => {
  test("EncryptedLogGroup refuses retention below 90 days", () => {
    const { stack, key } = scope();
    expect(() => new EncryptedLogGroup(stack, "lg", { name: "/x", encryptionKey: key, retentionDays: 30 })).toThrow(
      /EncryptedLogGroup t\/lg \(\/x\) has invalid props \(1 problem\):\n {2}- retentionDays: got 30; allowed: at least 90 days \(PCI DSS 10.5.1; the environment's retention.logDays\)/,
    );
  });

  test.each<[object, RegExp]>([
    [
      { infrequentAccessAfterDays: 10 },
      /lifecycle.infrequentAccessAfterDays: got 10; allowed: at least 30 days \(S3 requires 30 days before STANDARD_IA\)/,
    ],
    [
      { infrequentAccessAfterDays: 60, glacierAfterDays: 60 },
      /lifecycle.glacierAfterDays: got 60; allowed: more than infrequentAccessAfterDays \(60\)/,
    ],
    [
      { expireAfterDays: 50 },
      /SecureBucket t\/b \(b-1\) has invalid props \(1 problem\):\n {2}- lifecycle.expireAfterDays: got 50; allowed: more than glacierAfterDays \(90\), or unset/,
    ],
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
    [
      36,
      365,
      /BackupPlan t\/bp has invalid props \(1 problem\):\n {2}- continuousRetentionDays: got 36; allowed: 1-35 days \(AWS Backup continuous backups/,
    ],
    [35, 14, /snapshotRetentionDays: got 14; allowed: at least continuousRetentionDays \(35;/],
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
    expect(() => synthesize(stack)).toThrow(/WorkloadRole idle has no permissions/);
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
    const policy = JSON.parse(synthesize(stack).only("aws_iam_role_policy").config.policy);
    expect(policy.Statement[0]).toEqual({
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: expect.stringMatching(/^\$\{aws_s3_bucket\.b_bucket_[0-9A-F]+\.arn\}\/cdc\/\*$/),
    });
    expect(policy.Statement[2].Resource).toBe("${aws_kms_key.key.arn}");
  });
});

describe("issue 11 guards inside the constructs", () => {
  test("a table the debezium role may not SELECT is refused by the environment validator and by the connector, naming field, value and what is allowed", () => {
    const env = devWith((e) => {
      e.cdc.tables = [...e.cdc.tables, "country"];
    });
    const allowed =
      'got "country"; allowed: a table the debezium role may SELECT (sql/postgres/003_cdc_publication.sql): payment, refund, dispute, merchant, customer, payment_method, or grant SELECT there first';
    expect(() => validateAwsEnvironment(env)).toThrow(`Invalid environment "dev" (1 problem):\n  - cdc.tables[6]: ${allowed}`);
    // The stack id names the environment when the connector itself refuses its props.
    expect(() => new AwsPlatformStack(Testing.app(), "aws-dev", { environment: env })).toThrow(
      `DebeziumConnector aws-dev/cdc-source has invalid props (1 problem):\n  - tables[6]: ${allowed}`,
    );
  });

  test("readCdcGrants reads table and column grants of one role and schema, ignoring comments and other roles", () => {
    const sql = [
      "-- GRANT SELECT ON payments.payout TO debezium;",
      "GRANT SELECT ON payments.payment, payments.refund TO debezium;",
      "GRANT SELECT (merchant_id, legal_name)\n    ON payments.merchant TO debezium;",
      "GRANT SELECT ON payments.customer TO reporting;",
      "GRANT SELECT ON other.thing TO debezium;",
    ].join("\n");
    expect(Object.fromEntries(readCdcGrants("debezium", "payments", sql))).toEqual({
      payment: { allColumns: true },
      refund: { allColumns: true },
      merchant: { allColumns: false, columns: ["merchant_id", "legal_name"] },
    });
    expect(columnIncludeList("payments", ["payment", "merchant"], readCdcGrants("debezium", "payments", sql))).toEqual([
      "payments\\.payment\\..*",
      "payments\\.merchant\\.merchant_id",
      "payments\\.merchant\\.legal_name",
    ]);
  });

  test.each<[string, object, Record<string, string>, RegExp]>([
    [
      "worker-only property",
      { mode: "provisioned", mcuCount: 1, workerCount: 1 },
      { "topic.creation.enable": "true" },
      /MSK Connect connector cdc-x \(t\) has invalid props \(1 problem\):\n {2}- connectorConfiguration\["topic.creation.enable"\]: got "true"; allowed: unset: a worker property that a connector ignores; set it in workerProperties/,
    ],
    [
      "tasks.max under autoscaling",
      { mode: "autoscaled", mcuCount: 1, minWorkers: 1, maxWorkers: 2 },
      { "tasks.max": "3" },
      /MSK Connect connector cdc-x \(t\) has invalid props \(1 problem\):\n {2}- connectorConfiguration\["tasks.max"\]: got "3"; allowed: unset under autoscaled capacity \(MSK Connect overrides it\); remove it or use provisioned capacity/,
    ],
  ])("an MSK Connect connector with a %s fails at synth", (_what, capacity, connectorConfiguration, message) => {
    const { stack, naming } = scope();
    const unused = {} as never;
    expect(() =>
      createManagedConnector(stack, {
        naming,
        purpose: "cdc-x",
        kafka: unused,
        plugin: { bucket: "plugins", key: "p.zip" },
        capacity: capacity as ConnectorCapacity,
        subnetIds: [],
        securityGroup: unused,
        role: unused,
        logGroup: unused,
        connectorConfiguration,
      }),
    ).toThrow(message);
  });

  test("SecureBucket refuses an Object Lock retention that is not a whole number of days", () => {
    const { stack, key } = scope();
    expect(
      () =>
        new SecureBucket(stack, "b", {
          bucketName: "b-1",
          encryptionKey: key,
          accessLogs: { bucketName: "logs", prefix: "b/" },
          objectLock: { mode: "COMPLIANCE", retentionDays: 0 },
        }),
    ).toThrow(/objectLock.retentionDays: got 0; allowed: a whole number of days >= 1 \(S3 Object Lock\)/);
  });

  test("AuditTrail refuses a trail-bucket retention under a year", () => {
    const { stack, naming } = scope();
    const unused = {} as never;
    expect(
      () =>
        new AuditTrail(stack, "audit", {
          naming,
          accountId: "111111111111",
          region: "eu-west-1",
          keys: unused,
          accessLogBucketName: "logs",
          logRetentionDays: 90,
          objectLock: { mode: "GOVERNANCE", retentionDays: 90 },
          dataEventBuckets: [],
        }),
    ).toThrow(
      /AuditTrail t\/audit has invalid props \(1 problem\):\n {2}- objectLock.retentionDays: got 90; allowed: at least 365 days \(PCI DSS 10.5.1/,
    );
  });

  test("PostgresSecretRotation refuses a rotation interval Secrets Manager does not accept", () => {
    const { stack, naming } = scope();
    const unused = {} as never;
    expect(
      () =>
        new PostgresSecretRotation(stack, "rot", {
          naming,
          region: "eu-west-1",
          purpose: "cdc",
          secret: unused,
          secretKeyArn: "arn",
          database: unused,
          vpcId: "vpc",
          subnetIds: [],
          vpcCidr: "10.0.0.0/16",
          rotationDays: 0,
        }),
    ).toThrow(
      /PostgresSecretRotation t\/rot has invalid props \(1 problem\):\n {2}- rotationDays: got 0; allowed: an integer from 1 to 1000/,
    );
  });
});

describe("the nightly ETL schedule", () => {
  test.each<[string, string]>([
    ["cron(0 2 * * MON *)", 'an AWS cron expression: exactly one of Day-of-month ("*") and Day-of-week ("MON") must be "?"'],
    [
      "cron(0 */6 * * ? *)",
      "a daily Glue cron, cron(<minute 0-59> <hour 0-23> * * ? *) (the nightly job's freshness alarm assumes one run a day)",
    ],
    ["cron(0 24 * * ? *)", 'an AWS cron expression: Hours "24" is not in 0-23'],
    ["rate(1 day)", "an AWS cron expression: six fields: cron(Minutes Hours Day-of-month Month Day-of-week Year), e.g. cron(0 2 * * ? *)"],
  ])("%s is refused by the validator and by SparkEtl: the freshness alarm assumes one run a day", (schedule, allowed) => {
    const env = devWith((e) => {
      e.etl.schedule = schedule;
    });
    expect(() => validateAwsEnvironment(env)).toThrow(
      `Invalid environment "dev" (1 problem):\n  - etl.schedule: got "${schedule}"; allowed: ${allowed}`,
    );
    expect(() => new AwsPlatformStack(Testing.app(), "aws-dev", { environment: env })).toThrow(
      `SparkEtl aws-dev/etl has invalid props (1 problem):\n  - schedule: got "${schedule}"; allowed: ${allowed}`,
    );
  });
});

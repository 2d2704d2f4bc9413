import { awsProd } from "../../environments/aws-prod";
import { awsStaging } from "../../environments/aws-staging";
import { AwsEnvironment } from "../../environments/aws-types";
import { validateAwsEnvironment, validateAwsEnvironmentSet } from "../../environments/aws-validate";
import { EnvironmentConfigError } from "../../environments/checks";
import { AWS_ENVIRONMENTS, devWith } from "../helpers/aws";

const prodWith = (mutate: (env: any) => void): AwsEnvironment => {
  const env = structuredClone(awsProd) as any;
  mutate(env);
  return env;
};

describe("AWS environment files", () => {
  test.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("%s is valid", (_name, env) => {
    expect(() => validateAwsEnvironment(env)).not.toThrow();
  });

  test("the set has unique names, accounts and non-overlapping VPCs", () => {
    expect(() => validateAwsEnvironmentSet(AWS_ENVIRONMENTS)).not.toThrow();
  });

  test("region defaults to eu-west-1 outside prod", () => {
    // GIVEN a dev file without a region and AZs of eu-west-1
    const env = devWith((e) => delete e.region);
    // THEN it validates
    expect(() => validateAwsEnvironment(env)).not.toThrow();
  });
});

describe("validateAwsEnvironment rejects bad input with field, value and fix", () => {
  test("errors are EnvironmentConfigError naming the environment", () => {
    const env = devWith((e) => (e.name = "Dev_1"));
    expect(() => validateAwsEnvironment(env)).toThrow(EnvironmentConfigError);
    expect(() => validateAwsEnvironment(env)).toThrow(/Invalid environment "Dev_1"/);
  });

  test("all problems are reported at once", () => {
    const env = devWith((e) => {
      e.workload = "PAY";
      e.accountId = "123";
    });
    // The third: dev's Atlas secret-reader role is no longer in the environment's account.
    expect(() => validateAwsEnvironment(env)).toThrow(/3 problems/);
  });

  test.each<[string, (e: any) => void, RegExp]>([
    ["name", (e) => (e.name = "x"), /name: got "x"; allowed: 2-8 lowercase letters or digits/],
    ["tier", (e) => (e.tier = "qa"), /tier: got "qa"; allowed: one of dev, staging, prod/],
    ["workload", (e) => (e.workload = "payments1"), /workload: got "payments1"; allowed: 2-6 lowercase/],
    ["accountId", (e) => (e.accountId = "12345"), /accountId: got "12345"; allowed: a 12-digit AWS account id/],
    ["region", (e) => (e.region = "ap-south-1"), /region: got "ap-south-1"; allowed: one of eu-west-1/],
    ["drRegion unknown", (e) => (e.drRegion = "ap-south-1"), /drRegion: got "ap-south-1"; allowed: one of eu-west-1/],
    [
      "drRegion equals region",
      (e) => (e.drRegion = "eu-west-1"),
      /drRegion: got "eu-west-1"; allowed: a region other than region \(eu-west-1\)/,
    ],
    [
      "availabilityZones region",
      (e) => (e.availabilityZones = ["eu-west-1a", "eu-west-1b", "eu-west-2c"]),
      /availabilityZones\[2\]: got "eu-west-2c"; allowed: a zone of eu-west-1/,
    ],
    [
      "availabilityZones distinct",
      (e) => (e.availabilityZones = ["eu-west-1a", "eu-west-1a", "eu-west-1b"]),
      /availabilityZones: .*allowed: three distinct zones/,
    ],
    [
      "availabilityZones count",
      (e) => (e.availabilityZones = ["eu-west-1a", "eu-west-1b"]),
      /availabilityZones: .*allowed: exactly 3 availability zones/,
    ],
    [
      "vpcCidr public",
      (e) => (e.network.vpcCidr = "8.8.0.0/16"),
      /network.vpcCidr: got "8.8.0.0\/16"; allowed: a private \(RFC 1918\) range/,
    ],
    [
      "subnet outside VPC",
      (e) => (e.network.dataSubnets[0] = "10.99.0.0/22"),
      /network.dataSubnets\[0\]: got "10.99.0.0\/22"; allowed: a range inside network.vpcCidr/,
    ],
    [
      "subnet overlap",
      (e) => (e.network.computeSubnets[0] = "10.110.0.0/24"),
      /network.computeSubnets\[0\]: .*allowed: a range that does not overlap network.dataSubnets\[0\]/,
    ],
    [
      "subnet too small",
      (e) => (e.network.dataSubnets[1] = "10.110.4.0/28"),
      /network.dataSubnets\[1\]: .*allowed: a prefix length from \/16 to \/27/,
    ],
    [
      "subnet count",
      (e) => (e.network.dataSubnets = ["10.110.0.0/22", "10.110.4.0/22"]),
      /network.dataSubnets: .*allowed: one subnet per availability zone/,
    ],
    ["natGateways value", (e) => (e.network.natGateways = 2), /network.natGateways: got 2; allowed: one of 0, 1, 3/],
    [
      "NAT without public subnets",
      (e) => delete e.network.publicSubnets,
      /network.publicSubnets: .*allowed: three public subnets for the NAT gateways/,
    ],
    ["public subnets without NAT", (e) => (e.network.natGateways = 0), /network.publicSubnets: .*allowed: unset when natGateways is 0/],
    ["tags.owner", (e) => (e.tags.owner = "a/b"), /tags.owner: got "a\/b"; allowed: a non-empty string/],
    ["tags.costCenter", (e) => (e.tags.costCenter = ""), /tags.costCenter: got ""; allowed: a non-empty string/],
    [
      "tags.dataClassification",
      (e) => (e.tags.dataClassification = "secret"),
      /tags.dataClassification: got "secret"; allowed: one of public, internal/,
    ],
    ["tags.environment", (e) => (e.tags.environment = "prod"), /tags.environment: got "prod"; allowed: "dev" \(the environment's name\)/],
    [
      "retention.logDays below 90",
      (e) => (e.retention.logDays = 30),
      /retention.logDays: got 30; allowed: a CloudWatch Logs retention of at least 90 days/,
    ],
    [
      "retention.logDays not a CloudWatch value",
      (e) => (e.retention.logDays = 100),
      /retention.logDays: got 100; allowed: a CloudWatch Logs retention/,
    ],
    ["retention.backupDays", (e) => (e.retention.backupDays = 36), /retention.backupDays: got 36; allowed: an integer from 7 to 35/],
    [
      "retention.snapshotDays below backupDays",
      (e) => (e.retention.snapshotDays = 5),
      /retention.snapshotDays: got 5; allowed: an integer from 7 to 3650/,
    ],
    [
      "retention.kmsDeletionWindowDays",
      (e) => (e.retention.kmsDeletionWindowDays = 3),
      /retention.kmsDeletionWindowDays: got 3; allowed: an integer from 7 to 30/,
    ],
    ["alert e-mails empty", (e) => (e.alertContacts.emails = []), /alertContacts.emails: got \[\]; allowed: at least one e-mail address/],
    [
      "alert e-mail invalid",
      (e) => (e.alertContacts.emails = ["oncall"]),
      /alertContacts.emails\[0\]: got "oncall"; allowed: an e-mail address/,
    ],
    [
      "webhook not https",
      (e) => (e.alertContacts.webhookUrl = "http://x.example.com"),
      /alertContacts.webhookUrl: .*allowed: an https:\/\/ URL/,
    ],
    ["budget amount", (e) => (e.budget.monthlyAmountUsd = 0), /budget.monthlyAmountUsd: got 0; allowed: a positive amount in USD/],
    [
      "budget thresholds",
      (e) => (e.budget.actualThresholdsPercent = [0]),
      /budget.actualThresholdsPercent\[0\]: got 0; allowed: an integer from 1 to 1000/,
    ],
    [
      "budget without thresholds",
      (e) => {
        e.budget.actualThresholdsPercent = [];
        e.budget.forecastThresholdsPercent = [];
      },
      /budget: .*allowed: at least one actual or forecast threshold/,
    ],
    [
      "aurora class",
      (e) => (e.sizing.aurora.instanceClass = "m5.large"),
      /sizing.aurora.instanceClass: got "m5.large"; allowed: an Aurora PostgreSQL instance class/,
    ],
    ["aurora readers", (e) => (e.sizing.aurora.readerCount = 16), /sizing.aurora.readerCount: got 16; allowed: an integer from 0 to 15/],
    [
      "aurora version",
      (e) => (e.sizing.aurora.engineVersion = "13.9"),
      /sizing.aurora.engineVersion: got "13.9"; allowed: an Aurora PostgreSQL release, 14 or later: one of 14\.6, /,
    ],
    [
      "redshift base RPU",
      (e) => (e.sizing.redshift.baseCapacityRpu = 12),
      /sizing.redshift.baseCapacityRpu: got 12; allowed: a multiple of 8 from 8 to 1024 RPUs/,
    ],
    [
      "redshift max below base",
      (e) => (e.sizing.redshift.maxCapacityRpu = 4),
      /sizing.redshift.maxCapacityRpu: got 4; allowed: an integer from baseCapacityRpu \(8\)/,
    ],
    [
      "docdb class",
      (e) => (e.sizing.documentDb.instanceClass = "db.m5.large"),
      /sizing.documentDb.instanceClass: got "db.m5.large"; allowed: a DocumentDB instance class/,
    ],
    [
      "docdb count",
      (e) => (e.sizing.documentDb.instanceCount = 0),
      /sizing.documentDb.instanceCount: got 0; allowed: an integer from 1 to 16/,
    ],
    [
      "msk broker type",
      (e) => (e.sizing.msk.brokerInstanceType = "kafka.r5.large"),
      /sizing.msk.brokerInstanceType: got "kafka.r5.large"; allowed: an MSK broker type/,
    ],
    [
      "msk broker count",
      (e) => (e.sizing.msk.brokerCount = 4),
      /sizing.msk.brokerCount: got 4; allowed: a multiple of the 3 availability zones/,
    ],
    ["msk storage", (e) => (e.sizing.msk.ebsVolumeGb = 0), /sizing.msk.ebsVolumeGb: got 0; allowed: an integer from 1 to 16384/],
    [
      "msk version",
      (e) => (e.sizing.msk.kafkaVersion = "latest"),
      /sizing.msk.kafkaVersion: got "latest"; allowed: one of 3\.6\.0, 3\.7\.x, 3\.8\.x, 3\.9\.x, 4\.0\.x/,
    ],
    ["msk connect mcu", (e) => (e.sizing.mskConnect.mcuCount = 3), /sizing.mskConnect.mcuCount: got 3; allowed: one of 1, 2, 4, 8/],
    [
      "msk connect workers",
      (e) => (e.sizing.mskConnect.maxWorkers = 0),
      /sizing.mskConnect.maxWorkers: got 0; allowed: an integer from 1 to 10/,
    ],
    [
      "glue worker type",
      (e) => (e.sizing.glue.workerType = "Standard"),
      /sizing.glue.workerType: got "Standard"; allowed: one of G.025X, G.1X/,
    ],
    ["glue workers", (e) => (e.sizing.glue.numberOfWorkers = 1), /sizing.glue.numberOfWorkers: got 1; allowed: an integer from 2 to 299/],
    ["glue timeout", (e) => (e.sizing.glue.timeoutMinutes = 5), /sizing.glue.timeoutMinutes: got 5; allowed: an integer from 10 to 2880/],
    [
      "debezium plugin bucket",
      (e) => (e.cdc.debeziumPlugin.bucket = "Bad_Bucket"),
      /cdc.debeziumPlugin.bucket: got "Bad_Bucket"; allowed: an S3 bucket name/,
    ],
    [
      "sink plugin key",
      (e) => (e.cdc.s3SinkPlugin.key = "plugins/sink.tar.gz"),
      /cdc.s3SinkPlugin.key: got "plugins\/sink.tar.gz"; allowed: an object key ending in .zip or .jar/,
    ],
    ["cdc table unknown", (e) => (e.cdc.tables = ["payments"]), /cdc.tables\[0\]: got "payments"; allowed: one of country, currency/],
    ["cdc table twice", (e) => (e.cdc.tables = ["payment", "payment"]), /cdc.tables\[1\]: got "payment"; allowed: a table listed once/],
    ["cdc tables empty", (e) => (e.cdc.tables = []), /cdc.tables: got \[\]; allowed: at least one table of schema payments/],
    [
      "etl schedule",
      (e) => (e.etl.schedule = "0 2 * * *"),
      /etl.schedule: got "0 2 \* \* \*"; allowed: an AWS cron expression: six fields: cron\(Minutes Hours Day-of-month Month Day-of-week Year\)/,
    ],
    [
      "policy pack unknown",
      (e) => (e.policy.packs = ["baseline", "strict"]),
      /policy.packs\[1\]: got "strict"; allowed: one of baseline, deployability, production/,
    ],
    ["policy without baseline", (e) => (e.policy.packs = []), /policy.packs: got \[\]; allowed: a list that includes "baseline"/],
    [
      "suppression rule id",
      (e) => (e.policy.suppressions = [{ ruleId: "s3", resource: "aws_s3_bucket.x", reason: "a reason that is long enough" }]),
      /policy.suppressions\[0\].ruleId: got "s3"; allowed: a rule id/,
    ],
    [
      "suppression reason",
      (e) => (e.policy.suppressions = [{ ruleId: "AWS-S3-001", resource: "aws_s3_bucket.x", reason: "short" }]),
      /policy.suppressions\[0\].reason: got "short"; allowed: a reason of at least 20 characters/,
    ],
    [
      "suppression resource",
      (e) => (e.policy.suppressions = [{ ruleId: "AWS-S3-001", resource: "bucket", reason: "a reason that is long enough" }]),
      /policy.suppressions\[0\].resource: got "bucket"; allowed: a Terraform address/,
    ],
  ])("%s", (_rule, mutate, message) => {
    expect(() => validateAwsEnvironment(devWith(mutate))).toThrow(message);
  });

  test.each<[string, (e: any) => void, RegExp]>([
    [
      "local state outside dev",
      (e) => (e.stateBackend = { kind: "local" }),
      /stateBackend.kind: got "local"; allowed: "s3" \(local state is allowed for dev only/,
    ],
    ["state bucket", (e) => (e.stateBackend.bucket = "TF_State"), /stateBackend.bucket: got "TF_State"; allowed: an S3 bucket name/],
    [
      "state key",
      (e) => (e.stateBackend.key = "aws-staging.json"),
      /stateBackend.key: got "aws-staging.json"; allowed: an object key ending in .tfstate/,
    ],
    ["state region", (e) => (e.stateBackend.region = "mars-1"), /stateBackend.region: got "mars-1"; allowed: one of eu-west-1/],
    ["state encrypt", (e) => (e.stateBackend.encrypt = false), /stateBackend.encrypt: got false; allowed: true/],
    [
      "state kms key",
      (e) => (e.stateBackend.kmsKeyId = "my-key"),
      /stateBackend.kmsKeyId: got "my-key"; allowed: a KMS key ARN, alias ARN or alias\/<name>/,
    ],
  ])("staging: %s", (_rule, mutate, message) => {
    const env = structuredClone(awsStaging) as any;
    mutate(env);
    expect(() => validateAwsEnvironment(env)).toThrow(message);
  });

  test.each<[string, (e: any) => void, RegExp]>([
    ["region must be explicit", (e) => delete e.region, /region: got undefined; allowed: an explicit region in prod/],
    [
      "cross-region backup copies",
      (e) => delete e.drRegion,
      /drRegion: got undefined; allowed: a region for cross-region backup copies \(required in prod\)/,
    ],
    [
      "single NAT gateway",
      (e) => {
        e.network.natGateways = 1;
        e.network.publicSubnets = ["10.130.32.0/26", "10.130.32.64/26", "10.130.32.128/26"];
      },
      /network.natGateways: got 1; allowed: 0 or 3 in prod/,
    ],
    [
      "classification",
      (e) => (e.tags.dataClassification = "confidential"),
      /tags.dataClassification: got "confidential"; allowed: "restricted" in prod/,
    ],
    [
      "log retention",
      (e) => (e.retention.logDays = 180),
      /retention.logDays: got 180; allowed: a CloudWatch Logs retention of at least 365 days/,
    ],
    ["35-day backups", (e) => (e.retention.backupDays = 30), /retention.backupDays: got 30; allowed: an integer from 35 to 35/],
    ["snapshot retention", (e) => (e.retention.snapshotDays = 90), /retention.snapshotDays: got 90; allowed: an integer from 365 to 3650/],
    [
      "KMS deletion window",
      (e) => (e.retention.kmsDeletionWindowDays = 7),
      /retention.kmsDeletionWindowDays: got 7; allowed: an integer from 30 to 30/,
    ],
    ["budget", (e) => delete e.budget, /budget: got undefined; allowed: a budget \(required in prod\)/],
    [
      "state CMK",
      (e) => delete e.stateBackend.kmsKeyId,
      /stateBackend.kmsKeyId: got undefined; allowed: a customer managed KMS key \(required in prod\)/,
    ],
    [
      "burstable Aurora",
      (e) => (e.sizing.aurora.instanceClass = "db.t4g.medium"),
      /sizing.aurora.instanceClass: got "db.t4g.medium"; allowed: a non-burstable class in prod/,
    ],
    ["Aurora readers", (e) => (e.sizing.aurora.readerCount = 1), /sizing.aurora.readerCount: got 1; allowed: at least 2 in prod/],
    [
      "burstable DocumentDB",
      (e) => (e.sizing.documentDb.instanceClass = "db.t4g.medium"),
      /sizing.documentDb.instanceClass: got "db.t4g.medium"; allowed: a non-burstable class in prod/,
    ],
    [
      "DocumentDB instances",
      (e) => (e.sizing.documentDb.instanceCount = 2),
      /sizing.documentDb.instanceCount: got 2; allowed: at least 3 in prod/,
    ],
    [
      "t3 brokers",
      (e) => (e.sizing.msk.brokerInstanceType = "kafka.t3.small"),
      /sizing.msk.brokerInstanceType: got "kafka.t3.small"; allowed: kafka.m5.\* or kafka.m7g.\* in prod/,
    ],
    ["production pack", (e) => (e.policy.packs = ["baseline"]), /policy.packs: .*allowed: a list that includes "production" in prod/],
    ["deletion protection", (e) => (e.deletionProtection = false), /deletionProtection: got false; allowed: true in prod/],
  ])("prod: %s", (_rule, mutate, message) => {
    expect(() => validateAwsEnvironment(prodWith(mutate))).toThrow(message);
  });
});

describe("validateAwsEnvironmentSet", () => {
  test("rejects a duplicate name", () => {
    expect(() => validateAwsEnvironmentSet([AWS_ENVIRONMENTS[0], { ...AWS_ENVIRONMENTS[1], name: "dev" }])).toThrow(
      /name: got "dev"; allowed: a name no other AWS environment uses/,
    );
  });
  test("rejects a shared account", () => {
    expect(() =>
      validateAwsEnvironmentSet([AWS_ENVIRONMENTS[0], { ...AWS_ENVIRONMENTS[1], accountId: AWS_ENVIRONMENTS[0].accountId }]),
    ).toThrow(/accountId: got "111111111111"; allowed: an account no other AWS environment uses/);
  });
  test("rejects overlapping VPC ranges", () => {
    const clash = { ...AWS_ENVIRONMENTS[1], network: { ...AWS_ENVIRONMENTS[1].network, vpcCidr: "10.110.0.0/16" } };
    expect(() => validateAwsEnvironmentSet([AWS_ENVIRONMENTS[0], clash])).toThrow(
      /network.vpcCidr: got "10.110.0.0\/16"; allowed: a range that does not overlap environment "dev"/,
    );
  });
});

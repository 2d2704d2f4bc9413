import { AwsEnvironment } from "./aws-types";

/**
 * AWS production (cardholder data environment): a writer and two readers in the other AZs,
 * three DocumentDB instances, six m7g brokers, 35-day PITR, one-year log retention, no internet
 * path at all (NAT gateways 0: every AWS API is reached through VPC endpoints), remote state
 * encrypted with a CMK, `prevent_destroy` on every stateful resource.
 */
export const awsProd: AwsEnvironment = {
  name: "prod",
  tier: "prod",
  workload: "pay",
  accountId: "333333333333",
  region: "eu-west-1",
  // Frankfurt keeps backup copies inside the EU (GDPR data residency).
  drRegion: "eu-central-1",
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  network: {
    vpcCidr: "10.130.0.0/16",
    dataSubnets: ["10.130.0.0/22", "10.130.4.0/22", "10.130.8.0/22"],
    computeSubnets: ["10.130.16.0/22", "10.130.20.0/22", "10.130.24.0/22"],
    natGateways: 0,
  },
  tags: {
    owner: "data-platform@example.com",
    costCenter: "CC-4410",
    dataClassification: "restricted",
    environment: "prod",
  },
  retention: { logDays: 365, backupDays: 35, snapshotDays: 365, kmsDeletionWindowDays: 30 },
  // A PagerDuty webhook carries its integration key in the URL: add it from a secret store, not here.
  alertContacts: { emails: ["data-platform-oncall@example.com", "payments-sre@example.com"] },
  budget: { monthlyAmountUsd: 25000, actualThresholdsPercent: [50, 80, 100], forecastThresholdsPercent: [100, 110] },
  stateBackend: {
    kind: "s3",
    bucket: "pay-tfstate-333333333333-euw1",
    key: "aws-prod.tfstate",
    region: "eu-west-1",
    encrypt: true,
    kmsKeyId: "arn:aws:kms:eu-west-1:333333333333:alias/pay-tfstate",
  },
  sizing: {
    aurora: { instanceClass: "db.r7g.2xlarge", readerCount: 2, engineVersion: "16.4" },
    redshift: { baseCapacityRpu: 64, maxCapacityRpu: 256 },
    documentDb: { instanceClass: "db.r6g.xlarge", instanceCount: 3 },
    msk: { brokerInstanceType: "kafka.m7g.xlarge", brokerCount: 6, ebsVolumeGb: 1000, kafkaVersion: "3.6.0" },
    mskConnect: { mcuCount: 2, minWorkers: 2, maxWorkers: 4 },
    glue: { workerType: "G.2X", numberOfWorkers: 10, timeoutMinutes: 240 },
  },
  cdc: {
    debeziumPlugin: {
      bucket: "pay-prod-artifacts-333333333333",
      key: "msk-connect/debezium-postgres-2.7.3.zip",
    },
    s3SinkPlugin: { bucket: "pay-prod-artifacts-333333333333", key: "msk-connect/confluent-s3-sink-10.5.17.zip" },
    // Must equal the tables of `debezium_publication` (sql/postgres/003_cdc_publication.sql); a test checks it.
    tables: ["payment", "refund", "dispute", "merchant", "customer", "payment_method"],
  },
  etl: { scheduleEnabled: true, schedule: "cron(0 2 * * ? *)" },
  orchestration: { enabled: true, environmentClass: "mw1.medium", minWorkers: 2, maxWorkers: 5, schedulers: 2 },
  ml: {
    enabled: true,
    trackingServerSize: "Medium",
    models: ["fraud-detection", "personalization"],
    driftThreshold: 0.3,
    // No NAT in prod: the drift job installs its pinned packages from the platform's PyPI mirror, reached
    // privately from the compute subnets (docs/ml.md, "Deploying").
    packageIndexUrl: "https://pypi-mirror.pay.example.com/simple/",
  },
  // Redshift and DocumentDB stay in-account for the cardholder data environment (docs/aws.md, "Engines").
  warehouse: "redshift",
  documentStore: "documentdb",
  policy: { packs: ["baseline", "deployability", "production"] },
  deletionProtection: true,
};

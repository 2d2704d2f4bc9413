import { AwsEnvironment } from "./aws-types";

/**
 * AWS staging: prod's shape at smaller sizes (one Aurora reader, two DocumentDB instances,
 * m7g brokers), remote state in S3 with S3-native locking, deletion protection on so that
 * rehearsals of destructive changes fail the same way they would in prod.
 */
export const awsStaging: AwsEnvironment = {
  name: "staging",
  tier: "staging",
  workload: "pay",
  accountId: "222222222222",
  region: "eu-west-1",
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  network: {
    vpcCidr: "10.120.0.0/16",
    dataSubnets: ["10.120.0.0/22", "10.120.4.0/22", "10.120.8.0/22"],
    computeSubnets: ["10.120.16.0/22", "10.120.20.0/22", "10.120.24.0/22"],
    publicSubnets: ["10.120.32.0/26", "10.120.32.64/26", "10.120.32.128/26"],
    natGateways: 1,
  },
  tags: {
    owner: "data-platform@example.com",
    costCenter: "CC-4410",
    dataClassification: "confidential",
    environment: "staging",
  },
  retention: { logDays: 180, backupDays: 14, snapshotDays: 35, kmsDeletionWindowDays: 30 },
  alertContacts: { emails: ["data-platform-staging@example.com"] },
  budget: { monthlyAmountUsd: 8000, actualThresholdsPercent: [80, 100], forecastThresholdsPercent: [100] },
  stateBackend: {
    kind: "s3",
    bucket: "pay-tfstate-222222222222-euw1",
    key: "aws-staging.tfstate",
    region: "eu-west-1",
    encrypt: true,
    kmsKeyId: "alias/pay-tfstate",
  },
  sizing: {
    aurora: { instanceClass: "db.r7g.large", readerCount: 1, engineVersion: "16.4" },
    redshift: { baseCapacityRpu: 16, maxCapacityRpu: 64 },
    documentDb: { instanceClass: "db.r6g.large", instanceCount: 2 },
    msk: { brokerInstanceType: "kafka.m7g.large", brokerCount: 3, ebsVolumeGb: 250, kafkaVersion: "3.6.0" },
    mskConnect: { mcuCount: 1, minWorkers: 1, maxWorkers: 2 },
    glue: { workerType: "G.1X", numberOfWorkers: 5, timeoutMinutes: 120 },
  },
  cdc: {
    debeziumPlugin: { bucket: "pay-staging-artifacts-222222222222", key: "msk-connect/debezium-postgres-2.7.3.zip" },
    s3SinkPlugin: { bucket: "pay-staging-artifacts-222222222222", key: "msk-connect/confluent-s3-sink-10.5.17.zip" },
    // Must equal the tables of `debezium_publication` (sql/postgres/003_cdc_publication.sql); a test checks it.
    tables: ["payment", "refund", "dispute", "merchant", "customer", "payment_method"],
  },
  etl: { scheduleEnabled: true, schedule: "cron(0 2 * * ? *)" },
  orchestration: { enabled: true, environmentClass: "mw1.small", minWorkers: 1, maxWorkers: 2, schedulers: 2 },
  ml: { enabled: true, trackingServerSize: "Small", models: ["fraud-detection", "personalization"], driftThreshold: 0.3 },
  // Staging mirrors prod's engines: it is where prod changes are rehearsed (docs/aws.md, "Engines").
  warehouse: "redshift",
  documentStore: "documentdb",
  policy: { packs: ["baseline", "deployability"] },
  deletionProtection: true,
};

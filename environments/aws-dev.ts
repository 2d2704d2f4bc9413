import { AwsEnvironment } from "./aws-types";

/**
 * AWS development: smallest sizes that still run every component (burstable Aurora, DocumentDB and
 * MSK brokers, 8 RPU Redshift Serverless), one shared NAT gateway so Glue can install Python packages
 * while a job is developed, local state for a single engineer, no deletion protection.
 */
export const awsDev: AwsEnvironment = {
  name: "dev",
  tier: "dev",
  workload: "pay",
  // Replace with your own dev account id before `cdktf deploy aws-dev`.
  accountId: "111111111111",
  region: "eu-west-1",
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  network: {
    vpcCidr: "10.110.0.0/16",
    dataSubnets: ["10.110.0.0/22", "10.110.4.0/22", "10.110.8.0/22"],
    computeSubnets: ["10.110.16.0/22", "10.110.20.0/22", "10.110.24.0/22"],
    publicSubnets: ["10.110.32.0/26", "10.110.32.64/26", "10.110.32.128/26"],
    natGateways: 1,
  },
  tags: {
    owner: "data-platform@example.com",
    costCenter: "CC-4410",
    dataClassification: "confidential",
    environment: "dev",
  },
  retention: { logDays: 90, backupDays: 7, snapshotDays: 14, kmsDeletionWindowDays: 7 },
  alertContacts: { emails: ["data-platform-dev@example.com"] },
  budget: { monthlyAmountUsd: 3500, actualThresholdsPercent: [80, 100], forecastThresholdsPercent: [100] },
  stateBackend: { kind: "local" },
  sizing: {
    aurora: { instanceClass: "db.t4g.medium", readerCount: 0, engineVersion: "16.4" },
    redshift: { baseCapacityRpu: 8, maxCapacityRpu: 32 },
    documentDb: { instanceClass: "db.t4g.medium", instanceCount: 1 },
    msk: { brokerInstanceType: "kafka.t3.small", brokerCount: 3, ebsVolumeGb: 100, kafkaVersion: "3.6.0" },
    mskConnect: { mcuCount: 1, minWorkers: 1, maxWorkers: 2 },
    glue: { workerType: "G.1X", numberOfWorkers: 2, timeoutMinutes: 60 },
  },
  cdc: {
    debeziumPlugin: { bucket: "pay-dev-artifacts-111111111111", key: "msk-connect/debezium-postgres-2.7.3.zip" },
    s3SinkPlugin: { bucket: "pay-dev-artifacts-111111111111", key: "msk-connect/confluent-s3-sink-10.5.17.zip" },
    // Must equal the tables of `debezium_publication` (sql/postgres/003_cdc_publication.sql); a test checks it.
    tables: ["payment", "refund", "dispute", "merchant", "customer", "payment_method"],
  },
  etl: { scheduleEnabled: false, schedule: "cron(0 2 * * ? *)" },
  warehouse: "redshift",
  documentStore: "documentdb",
  policy: { packs: ["baseline"] },
  deletionProtection: false,
};

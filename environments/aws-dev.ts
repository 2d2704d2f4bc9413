import { AwsEnvironment } from "./aws-types";

/**
 * AWS development: smallest sizes that still run every component (burstable Aurora and MSK brokers, XSMALL
 * Snowflake warehouses, an M10 Atlas cluster), one shared NAT gateway so Glue can install Python packages
 * while a job is developed and the connectors reach Snowflake, local state for a single engineer, no
 * deletion protection. Dev runs the brief's engines (Snowflake, MongoDB Atlas); `sizing.redshift` and
 * `sizing.documentDb` apply when it is switched back to Redshift and DocumentDB.
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
    snowflakeSinkPlugin: { bucket: "pay-dev-artifacts-111111111111", key: "msk-connect/snowflake-kafka-connector-3.1.0.zip" },
    mongoSinkPlugin: { bucket: "pay-dev-artifacts-111111111111", key: "msk-connect/mongo-kafka-connect-1.15.0.zip" },
    // Must equal the tables of `debezium_publication` (sql/postgres/003_cdc_publication.sql); a test checks it.
    tables: ["payment", "refund", "dispute", "merchant", "customer", "payment_method"],
  },
  etl: { scheduleEnabled: false, schedule: "cron(0 2 * * ? *)" },
  // Airflow, MLflow and drift monitoring cost about $400/month even idle: off in dev (the Glue trigger schedules the job).
  orchestration: { enabled: false },
  ml: { enabled: false },
  // The brief's engines (docs/aws.md, "Engines"): dev is where the team evaluates Snowflake and MongoDB
  // Atlas, so both are synthesized, policy-checked, priced and drawn while staging and prod keep prod's engines.
  warehouse: "snowflake",
  documentStore: "mongodb-atlas",
  snowflake: {
    organizationName: "PAYORG",
    accountName: "PAY_DEV",
    region: "eu-west-1",
    // Enterprise: multi-cluster BI and up to 90 days of Time Travel; dev needs neither PrivateLink nor failover.
    edition: "enterprise",
    warehouses: {
      loading: { size: "XSMALL", autoSuspendSeconds: 60, maxClusterCount: 1 },
      transformation: { size: "XSMALL", autoSuspendSeconds: 60, maxClusterCount: 1 },
      bi: { size: "XSMALL", autoSuspendSeconds: 60, maxClusterCount: 1 },
    },
    monthlyCreditQuota: 100,
    timeTravelDays: 1,
    // Corporate VPN egress (documentation range here); the stack adds the NAT gateway's public IP.
    allowedClientCidrs: ["203.0.113.0/24"],
    sso: {
      provider: "OKTA",
      issuer: "http://www.okta.com/exk-payments-dev",
      ssoUrl: "https://example.okta.com/app/snowflake/exk-payments-dev/sso/saml",
      x509Certificate: "MIIDpDCCAoygAwIBAgIGAYexample0123456789abcdefABCDEF",
    },
  },
  mongodbAtlas: {
    orgId: "5f1e2d3c4b5a69788796a5b4",
    apiKeySecretName: "pay/dev/atlas-api-key",
    secretReaderRoleArn: "arn:aws:iam::111111111111:role/pay-dev-atlas-secret-reader",
    // M10: the smallest dedicated tier, which still has PrivateLink, customer-managed keys and cloud backups.
    instanceSize: "M10",
    diskSizeGb: 40,
    mongoDbMajorVersion: "8.0",
    sso: {
      federationSettingsId: "6a1b2c3d4e5f60718293a4b5",
      groups: [
        { externalGroupName: "payments-data-engineers", projectRoles: ["GROUP_DATA_ACCESS_READ_WRITE", "GROUP_CLUSTER_MANAGER"] },
        { externalGroupName: "payments-sre", projectRoles: ["GROUP_READ_ONLY"] },
      ],
    },
  },
  policy: { packs: ["baseline", "deployability"] },
  deletionProtection: false,
};

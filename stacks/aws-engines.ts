/**
 * The engine choice of an AWS environment (`warehouse`, `documentStore`): builds Redshift Serverless or
 * Snowflake, DocumentDB or MongoDB Atlas, with their providers and CDC sinks. Composition only, called by
 * `AwsPlatformStack`; every setting comes from the environment file.
 */
import { MongodbatlasProvider } from "@cdktf/provider-mongodbatlas/lib/provider";
import { SnowflakeProvider } from "@cdktf/provider-snowflake/lib/provider";
import { Construct } from "constructs";
import { AwsEnvironment, MongoAtlasConfig, SnowflakeConfig } from "../environments/aws-types";
import { AwsRegion } from "../constructs/aws/regions";
import { DiagnosticsProps, PrivateAccessProps } from "../constructs/aws/common";
import { DocumentStore } from "../constructs/aws/document-store";
import { KafkaCluster } from "../constructs/aws/kafka-cluster";
import { DataKeys } from "../constructs/aws/kms-keys";
import { MongoAtlasCluster } from "../constructs/aws/mongodb-atlas-cluster";
import { MongoAtlasSinkConnector } from "../constructs/aws/mongodb-atlas-sink-connector";
import { AwsNaming } from "../constructs/aws/naming";
import { RedshiftWarehouse } from "../constructs/aws/redshift-warehouse";
import { SecureBucket } from "../constructs/aws/secure-bucket";
import { SnowflakePrivateLink } from "../constructs/aws/snowflake-private-link";
import { SnowflakeS3Ingest } from "../constructs/aws/snowflake-s3-ingest";
import { SnowflakeSinkConnector } from "../constructs/aws/snowflake-sink-connector";
import { SnowflakeWarehouse } from "../constructs/aws/snowflake-warehouse";
import { SparkEtl } from "../constructs/aws/spark-etl";
import { WorkloadRole } from "../constructs/aws/workload-role";

/**
 * Snowflake provider 2.11 resources this stack uses that are still preview features: the provider refuses
 * them unless listed (provider `preview_features_enabled`).
 */
export const SNOWFLAKE_PREVIEW_FEATURES = [
  "snowflake_alert_resource",
  "snowflake_current_account_resource",
  "snowflake_email_notification_integration_resource",
  "snowflake_failover_group_resource",
  "snowflake_pipe_resource",
  "snowflake_stage_resource",
  "snowflake_storage_integration_resource",
  "snowflake_system_get_privatelink_config_datasource",
  "snowflake_table_resource",
] as const;

/** What both engines' constructs share. */
export interface EngineContext {
  readonly env: AwsEnvironment;
  readonly naming: AwsNaming;
  readonly region: AwsRegion;
  readonly keys: DataKeys;
  readonly diagnostics: DiagnosticsProps;
  readonly privateData: PrivateAccessProps;
  readonly deletionProtection: boolean;
  readonly requiredTags: Readonly<Record<string, string>>;
}

/** The warehouse an environment chose. */
export type BuiltWarehouse =
  | { readonly engine: "redshift"; readonly warehouse: RedshiftWarehouse }
  | {
      readonly engine: "snowflake";
      readonly warehouse: SnowflakeWarehouse;
      readonly ingest: SnowflakeS3Ingest;
      /** Set when `snowflake.privateLink` is on. */
      readonly privateLink?: SnowflakePrivateLink;
    };

/** The document store an environment chose. */
export type BuiltDocumentStore =
  | { readonly engine: "documentdb"; readonly store: DocumentStore }
  | { readonly engine: "mongodb-atlas"; readonly store: MongoAtlasCluster };

function requireConfig<T>(value: T | undefined, field: string, env: string): T {
  // The validator guarantees this; the check keeps the types honest for callers that skip it.
  if (value === undefined) throw new Error(`Environment ${env}: ${field} is required by the engine choice (run validateAwsEnvironment)`);
  return value;
}

/** Redshift Serverless, or Snowflake with its provider and the curated-zone ingestion. */
export function buildWarehouse(
  scope: Construct,
  ctx: EngineContext,
  curatedZone: SecureBucket,
  platformEgressIps: readonly string[],
): BuiltWarehouse {
  const { env, naming } = ctx;
  if (env.warehouse === "redshift") {
    const warehouseRole = new WorkloadRole(scope, "warehouse-role", {
      roleName: naming.name("iamRole", "warehouse"),
      description: "Redshift Serverless COPY from the curated zone (read only)",
      assumedBy: ["redshift.amazonaws.com", "redshift-serverless.amazonaws.com"],
      accountId: env.accountId,
    });
    curatedZone.grantRead(warehouseRole);
    const warehouse = new RedshiftWarehouse(scope, "olap", {
      naming,
      accountId: env.accountId,
      region: ctx.region,
      sizing: env.sizing.redshift,
      warehouseRole,
      encryptionKey: ctx.keys.key("olap"),
      diagnostics: ctx.diagnostics,
      privateAccess: ctx.privateData,
      deletionProtection: ctx.deletionProtection,
      tags: { "data-domain": "olap" },
    });
    return { engine: "redshift", warehouse };
  }
  const sf: SnowflakeConfig = requireConfig(env.snowflake, "snowflake", env.name);
  // Key-pair auth of the deployment user: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY come from the CI secret
  // store at deploy time; nothing of it is in code or state.
  new SnowflakeProvider(scope, "snowflake", {
    organizationName: sf.organizationName,
    accountName: sf.accountName,
    authenticator: "SNOWFLAKE_JWT",
    role: "ACCOUNTADMIN",
    previewFeaturesEnabled: [...SNOWFLAKE_PREVIEW_FEATURES],
  });
  // With PrivateLink Snowflake sees the VPC's private addresses; otherwise the NAT gateways' public IPs.
  const privateLink =
    sf.privateLink === true ? new SnowflakePrivateLink(scope, "olap-privatelink", { naming, privateAccess: ctx.privateData }) : undefined;
  const warehouse = new SnowflakeWarehouse(scope, "olap-snowflake", {
    naming,
    environment: env.name,
    config: sf,
    platformEgressIps: privateLink ? [env.network.vpcCidr] : platformEgressIps,
    ...(privateLink ? { accountHost: privateLink.accountHost } : {}),
    alertEmails: env.alertContacts.emails,
    secretsKey: ctx.keys.key("olap"),
    deletionProtection: ctx.deletionProtection,
  });
  const ingest = new SnowflakeS3Ingest(scope, "olap-ingest", {
    naming,
    accountId: env.accountId,
    source: curatedZone,
    warehouse,
    deletionProtection: ctx.deletionProtection,
  });
  return { engine: "snowflake", warehouse, ingest, ...(privateLink ? { privateLink } : {}) };
}

/** DocumentDB, or MongoDB Atlas with its provider. */
export function buildDocumentStore(scope: Construct, ctx: EngineContext): BuiltDocumentStore {
  const { env, naming } = ctx;
  if (env.documentStore === "documentdb") {
    const store = new DocumentStore(scope, "nosql", {
      naming,
      availabilityZones: env.availabilityZones,
      sizing: env.sizing.documentDb,
      backupRetentionDays: env.retention.backupDays,
      encryptionKey: ctx.keys.key("nosql"),
      diagnostics: ctx.diagnostics,
      privateAccess: ctx.privateData,
      deletionProtection: ctx.deletionProtection,
      tags: { "data-domain": "nosql" },
    });
    return { engine: "documentdb", store };
  }
  const atlas: MongoAtlasConfig = requireConfig(env.mongodbAtlas, "mongodbAtlas", env.name);
  // The Atlas API key is read at plan time from Secrets Manager through an assumed role: never in code or state.
  new MongodbatlasProvider(scope, "mongodbatlas", {
    assumeRole: [{ roleArn: atlas.secretReaderRoleArn }],
    secretName: atlas.apiKeySecretName,
    region: ctx.region,
  });
  const store = new MongoAtlasCluster(scope, "nosql-atlas", {
    naming,
    projectName: `${env.workload}-${env.name}`,
    accountId: env.accountId,
    region: ctx.region,
    config: atlas,
    encryptionKey: ctx.keys.key("nosql"),
    privateAccess: ctx.privateData,
    restoreWindowDays: env.retention.backupDays,
    snapshotRetentionDays: env.retention.snapshotDays,
    alertEmails: env.alertContacts.emails,
    tags: ctx.requiredTags,
    deletionProtection: ctx.deletionProtection,
  });
  return { engine: "mongodb-atlas", store };
}

/** What the CDC sinks of the SaaS engines share with the Debezium source. */
export interface CdcSinkContext {
  readonly compute: {
    readonly vpcId: string;
    readonly subnetIds: readonly string[];
    readonly vpcCidr: string;
    readonly s3PrefixListId: string;
  };
  readonly kafka: KafkaCluster;
  readonly topicPrefix: string;
}

/** The engine-specific wiring after the CDC source and the ETL exist: sinks and ETL access. */
export function connectEngines(
  scope: Construct,
  ctx: EngineContext,
  olap: BuiltWarehouse,
  nosql: BuiltDocumentStore,
  cdc: CdcSinkContext,
  etl: SparkEtl,
): void {
  const { env } = ctx;
  const sinkProps = {
    naming: ctx.naming,
    accountId: env.accountId,
    region: ctx.region,
    ...cdc.compute,
    kafka: cdc.kafka,
    topicPrefix: cdc.topicPrefix,
    tables: env.cdc.tables,
    sizing: env.sizing.mskConnect,
    diagnostics: ctx.diagnostics,
    deletionProtection: ctx.deletionProtection,
  };
  // Redshift needs nothing here: SparkEtl loads it through the Data API (its `warehouse` prop).
  if (olap.engine === "snowflake") {
    new SnowflakeSinkConnector(scope, "cdc-snowflake", {
      ...sinkProps,
      plugin: requireConfig(env.cdc.snowflakeSinkPlugin, "cdc.snowflakeSinkPlugin", env.name),
      warehouse: olap.warehouse,
      keys: ctx.keys,
      ...(olap.privateLink ? { privateLink: olap.privateLink } : {}),
    });
    olap.privateLink?.allowConnectionsFrom("etl", etl.securityGroup);
    // The nightly job signs in as the TRANSFORMER service user with the key from Secrets Manager.
    etl.role.addToPolicy({
      Effect: "Allow",
      Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      Resource: olap.warehouse.keySecrets.ETL_TRANSFORMER_SVC.arn,
    });
    ctx.keys.grantDecrypt("olap", etl.role);
  }
  if (nosql.engine === "mongodb-atlas") {
    new MongoAtlasSinkConnector(scope, "cdc-atlas", {
      ...sinkProps,
      plugin: requireConfig(env.cdc.mongoSinkPlugin, "cdc.mongoSinkPlugin", env.name),
      cluster: nosql.store,
    });
    nosql.store.grantIamRole("etl", etl.role, { read: ["transactions"], write: ["ml_features"] }, etl.securityGroup);
  }
}

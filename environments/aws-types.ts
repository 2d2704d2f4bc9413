/**
 * The typed contract of an AWS environment file (`environments/aws-<name>.ts`).
 *
 * Shares `RequiredTags`, `AlertContacts`, `BudgetConfig`, `PolicyConfig` and the tier with the Azure
 * contract so that an engineer who knows one cloud reads the other. Every field is validated by
 * `validateAwsEnvironment` before a construct is built. The parts a construct takes as props (sizing,
 * address plan, engine configs, the captured tables) are that construct's types, imported here: the
 * construct is their owner, the environment file one caller.
 */
import type { AuroraSizing } from "../constructs/aws/aurora-postgres";
import type { MskConnectSizing, S3ObjectLocation } from "../constructs/aws/common";
import type { PostgresCdcTable } from "../constructs/aws/debezium-connector";
import type { DocumentDbSizing } from "../constructs/aws/document-store";
import type { MskSizing } from "../constructs/aws/kafka-cluster";
import type { MongoAtlasConfig } from "../constructs/aws/mongodb-atlas-cluster";
import type { AwsNetworkConfig } from "../constructs/aws/network";
import type { RedshiftSizing } from "../constructs/aws/redshift-warehouse";
import { AwsRegion } from "../constructs/aws/regions";
import type { SnowflakeConfig } from "../constructs/aws/snowflake-warehouse";
import type { GlueSizing } from "../constructs/aws/spark-etl";
import { AwsMlConfig, AwsOrchestrationConfig } from "./aws-ml-types";
import { AlertContacts, BudgetConfig, EnvironmentTier, PolicyConfig, RequiredTags } from "./types";

// The construct-owned parts the validators name, re-exported so they read the contract from one file.
export type { MskConnectSizing, S3ObjectLocation } from "../constructs/aws/common";
export type { MongoAtlasConfig } from "../constructs/aws/mongodb-atlas-cluster";
export type { AwsNetworkConfig } from "../constructs/aws/network";
export type { SnowflakeConfig, SnowflakeWarehouseSizing } from "../constructs/aws/snowflake-warehouse";
export type { GlueSizing } from "../constructs/aws/spark-etl";

/** The region used when an environment file does not name one (never in prod: the validator requires it). */
export const DEFAULT_AWS_REGION: AwsRegion = "eu-west-1";

/** Where Terraform keeps this environment's state. */
export type AwsStateBackendConfig =
  | {
      /** Local file state; acceptable for a personal dev environment only. */
      readonly kind: "local";
      /** @default - `terraform.<stack>.tfstate` in the stack's output folder */
      readonly path?: string;
    }
  | {
      /**
       * Remote state in S3 with S3-native locking (`use_lockfile`, Terraform >= 1.10).
       * No DynamoDB lock table: the stack always writes `use_lockfile: true`.
       */
      readonly kind: "s3";
      /** State bucket (versioned, SSE-KMS, public access blocked; created by the bootstrap account stack). */
      readonly bucket: string;
      /** Object key, one per environment, ending in `.tfstate`. */
      readonly key: string;
      /** Region of the state bucket. */
      readonly region: AwsRegion;
      /** Server-side encryption of the state object; must be `true`. */
      readonly encrypt: true;
      /**
       * CMK (key ARN or `alias/...`) that encrypts the state object. Required in prod.
       * @default - the bucket's default encryption
       */
      readonly kmsKeyId?: string;
    };

/** Retention of logs and backups, in days. */
export interface AwsRetentionConfig {
  /** CloudWatch Logs retention: a value CloudWatch accepts, at least 90 (PCI DSS 10.5.1); 365+ in prod. */
  readonly logDays: number;
  /** Aurora / DocumentDB automated backup and AWS Backup continuous (PITR) window, 7-35; 35 in prod. */
  readonly backupDays: number;
  /** AWS Backup daily snapshot retention, at least `backupDays`; at least 365 in prod. */
  readonly snapshotDays: number;
  /** KMS key deletion waiting period, 7-30; 30 in prod. */
  readonly kmsDeletionWindowDays: number;
}

/** Per-role sizing of the platform's services. */
export interface AwsSizing {
  readonly aurora: AuroraSizing;
  readonly redshift: RedshiftSizing;
  readonly documentDb: DocumentDbSizing;
  readonly msk: MskSizing;
  readonly mskConnect: MskConnectSizing;
  readonly glue: GlueSizing;
}

/** Change data capture from Aurora PostgreSQL through MSK Connect. */
export interface AwsCdcConfig {
  /** Debezium PostgreSQL connector plugin (ZIP with the Debezium jars and the MSK config providers). */
  readonly debeziumPlugin: S3ObjectLocation;
  /** S3 sink connector plugin (ZIP) that lands CDC topics in the raw zone. */
  readonly s3SinkPlugin: S3ObjectLocation;
  /** Tables of schema `payments` to capture. */
  readonly tables: readonly PostgresCdcTable[];
  /** Snowflake Kafka connector plugin (ZIP). Required when `warehouse` is `snowflake`. @default - none */
  readonly snowflakeSinkPlugin?: S3ObjectLocation;
  /** MongoDB Kafka sink connector plugin (ZIP). Required when `documentStore` is `mongodb-atlas`. @default - none */
  readonly mongoSinkPlugin?: S3ObjectLocation;
}

/** Nightly Spark ETL. */
export interface AwsEtlConfig {
  /** Start the nightly schedule on deploy (false keeps the trigger created but paused). */
  readonly scheduleEnabled: boolean;
  /** EventBridge/Glue cron expression, e.g. `cron(0 2 * * ? *)` (02:00 UTC). */
  readonly schedule: string;
}

/** The OLAP engine of an environment: Redshift Serverless (in-account) or Snowflake (the brief's engine). */
export const AWS_WAREHOUSES = ["redshift", "snowflake"] as const;
export type AwsWarehouseChoice = (typeof AWS_WAREHOUSES)[number];

/** The NoSQL engine of an environment: DocumentDB (in-account) or MongoDB Atlas (the brief's engine). */
export const AWS_DOCUMENT_STORES = ["documentdb", "mongodb-atlas"] as const;
export type AwsDocumentStoreChoice = (typeof AWS_DOCUMENT_STORES)[number];

/** One AWS environment: everything a stack needs, nothing it reads from elsewhere. */
export interface AwsEnvironment {
  /** Environment name, 2-8 lowercase letters/digits; becomes part of every resource name. */
  readonly name: string;
  readonly tier: EnvironmentTier;
  /** Short workload code in every name, 2-6 lowercase letters/digits (e.g. `pay`). */
  readonly workload: string;
  /** 12-digit account id; the provider refuses any other account (`allowed_account_ids`). */
  readonly accountId: string;
  /** Primary region. Required in prod. @default "eu-west-1" */
  readonly region?: AwsRegion;
  /**
   * Region that receives copies of the daily backups (AWS Backup copy action). Required in prod.
   * @default - no cross-region copy
   */
  readonly drRegion?: AwsRegion;
  /** Three availability zones of `region`, e.g. `eu-west-1a`. */
  readonly availabilityZones: readonly [string, string, string];
  readonly network: AwsNetworkConfig;
  readonly tags: RequiredTags;
  readonly retention: AwsRetentionConfig;
  /** Receivers of the SNS alert topic. */
  readonly alertContacts: AlertContacts;
  /** Required in prod. @default - no budget */
  readonly budget?: BudgetConfig;
  readonly stateBackend: AwsStateBackendConfig;
  readonly sizing: AwsSizing;
  readonly cdc: AwsCdcConfig;
  readonly etl: AwsEtlConfig;
  /** Amazon MWAA; when enabled it owns the nightly schedule (the Glue trigger is not created). */
  readonly orchestration: AwsOrchestrationConfig;
  /** MLflow tracking server and Evidently drift monitoring. */
  readonly ml: AwsMlConfig;
  /** OLAP engine; `snowflake` requires `snowflake`. */
  readonly warehouse: AwsWarehouseChoice;
  /** NoSQL engine; `mongodb-atlas` requires `mongodbAtlas`. */
  readonly documentStore: AwsDocumentStoreChoice;
  /** Required when `warehouse` is `snowflake`. @default - none */
  readonly snowflake?: SnowflakeConfig;
  /** Required when `documentStore` is `mongodb-atlas`. @default - none */
  readonly mongodbAtlas?: MongoAtlasConfig;
  readonly policy: PolicyConfig;
  /**
   * Protect stateful resources: service deletion protection plus lifecycle `prevent_destroy`.
   * Must be true in prod.
   */
  readonly deletionProtection: boolean;
}

/** The environment's region, applying the documented default. */
export function regionOf(env: AwsEnvironment): AwsRegion {
  return env.region ?? DEFAULT_AWS_REGION;
}

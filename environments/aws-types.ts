/**
 * The typed contract of an AWS environment file (`environments/aws-<name>.ts`).
 *
 * Shares `RequiredTags`, `AlertContacts`, `BudgetConfig`, `PolicyConfig` and the tier with the Azure
 * contract so that an engineer who knows one cloud reads the other. Every field is validated by
 * `validateAwsEnvironment` before a construct is built.
 */
import type { AuroraSizing } from "../constructs/aws/aurora-postgres";
import type { DocumentDbSizing } from "../constructs/aws/document-store";
import type { MskSizing } from "../constructs/aws/kafka-cluster";
import type { RedshiftSizing } from "../constructs/aws/redshift-warehouse";
import { AwsRegion } from "../constructs/aws/regions";
import { AwsMlConfig, AwsOrchestrationConfig } from "./aws-ml-types";
import { AlertContacts, BudgetConfig, EnvironmentTier, PolicyConfig, RequiredTags } from "./types";

/** The region used when an environment file does not name one (never in prod: the validator requires it). */
export const DEFAULT_AWS_REGION: AwsRegion = "eu-west-1";

/** The OLTP tables of `sql/postgres/` (schema `payments`) that Debezium captures. */
export const POSTGRES_CDC_TABLES = [
  "country",
  "currency",
  "merchant",
  "customer",
  "payment_method",
  "payment",
  "refund",
  "dispute",
  "payout",
] as const;
export type PostgresCdcTable = (typeof POSTGRES_CDC_TABLES)[number];

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

/** Address plan of the environment's VPC: three AZs, three subnet tiers. */
export interface AwsNetworkConfig {
  /** The VPC CIDR, e.g. `10.110.0.0/16`. */
  readonly vpcCidr: string;
  /**
   * Private subnets for the stateful stores (Aurora, Redshift, DocumentDB, MSK) and interface
   * endpoints, one per AZ. Their route table has no route to an internet or NAT gateway.
   */
  readonly dataSubnets: readonly [string, string, string];
  /**
   * Private subnets for compute that talks to the stores (Glue Spark, MSK Connect), one per AZ.
   * They reach AWS APIs through VPC endpoints; they get a default route to NAT only when
   * `natGateways` > 0.
   */
  readonly computeSubnets: readonly [string, string, string];
  /**
   * Public subnets that hold only the NAT gateways, one per AZ. Required when `natGateways` > 0.
   * @default - no public subnets, no internet gateway
   */
  readonly publicSubnets?: readonly [string, string, string];
  /**
   * NAT gateways for compute egress (e.g. Python packages for Glue in dev): 0 (no internet path at all),
   * 1 (shared, dev/staging only) or 3 (one per AZ).
   */
  readonly natGateways: 0 | 1 | 3;
}

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

/** MSK Connect capacity of each connector. */
export interface MskConnectSizing {
  /** MSK Connect units per worker: 1, 2, 4 or 8. */
  readonly mcuCount: 1 | 2 | 4 | 8;
  /** Autoscaling bounds, 1-10 workers. */
  readonly minWorkers: number;
  readonly maxWorkers: number;
}

export const GLUE_WORKER_TYPES = ["G.025X", "G.1X", "G.2X", "G.4X", "G.8X"] as const;
export type GlueWorkerType = (typeof GLUE_WORKER_TYPES)[number];

/** AWS Glue Spark job sizing. */
export interface GlueSizing {
  readonly workerType: GlueWorkerType;
  /** Workers, 2-299. */
  readonly numberOfWorkers: number;
  /** Job timeout in minutes, 10-2880. */
  readonly timeoutMinutes: number;
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

/** An object in S3, e.g. a connector plugin ZIP built and uploaded by CI. */
export interface S3ObjectLocation {
  /** Bucket name (the artifacts bucket of the account, not created by this stack). */
  readonly bucket: string;
  /** Object key, ending in `.zip` or `.jar`. */
  readonly key: string;
  /** Pin a version of a versioned bucket. @default - the latest version */
  readonly objectVersion?: string;
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

/** Snowflake warehouse sizes (`WAREHOUSE_SIZE`), smallest first; credits/hour double at each step. */
export const SNOWFLAKE_WAREHOUSE_SIZES = ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE"] as const;
export type SnowflakeWarehouseSize = (typeof SNOWFLAKE_WAREHOUSE_SIZES)[number];

/** Snowflake editions: Time Travel beyond 1 day needs Enterprise, PrivateLink needs Business Critical. */
export const SNOWFLAKE_EDITIONS = ["standard", "enterprise", "business-critical"] as const;
export type SnowflakeEdition = (typeof SNOWFLAKE_EDITIONS)[number];

/** One Snowflake virtual warehouse. */
export interface SnowflakeWarehouseSizing {
  readonly size: SnowflakeWarehouseSize;
  /** Seconds idle before the warehouse suspends (60-3600; billing is per second after the first minute). */
  readonly autoSuspendSeconds: number;
  /** Multi-cluster ceiling (1 = single cluster; >1 needs Enterprise). */
  readonly maxClusterCount: number;
}

/** The brief's OLAP engine on Snowflake (`warehouse: "snowflake"`). */
export interface SnowflakeConfig {
  /** Snowflake organization name (uppercase letters, digits, underscores). */
  readonly organizationName: string;
  /** Account name inside the organization (uppercase letters, digits, underscores). */
  readonly accountName: string;
  /** AWS region of the Snowflake account; must be the environment's region (S3 and MSK stay in-region). */
  readonly region: AwsRegion;
  readonly edition: SnowflakeEdition;
  /** Warehouses per workload. */
  readonly warehouses: {
    readonly loading: SnowflakeWarehouseSizing;
    readonly transformation: SnowflakeWarehouseSizing;
    readonly bi: SnowflakeWarehouseSizing;
  };
  /** Monthly credit quota of the account resource monitor: notify at 75/90 %, suspend at 100 %. */
  readonly monthlyCreditQuota: number;
  /** Time Travel (`DATA_RETENTION_TIME_IN_DAYS`) of every database: 0-1 on Standard, up to 90 otherwise; at least 7 in prod. */
  readonly timeTravelDays: number;
  /**
   * Networks of people (corporate VPN) allowed by the account network policy besides the platform's own
   * source addresses, which the stack adds (NAT gateway IPs, or the VPC range with `privateLink`): public
   * ranges of /24 or longer, or private ranges when `privateLink` is on; never 0.0.0.0/0.
   */
  readonly allowedClientCidrs: readonly string[];
  /** SAML2 identity provider for people (SSO). */
  readonly sso: {
    /** `SAML2_PROVIDER`: OKTA, ADFS or CUSTOM. */
    readonly provider: "OKTA" | "ADFS" | "CUSTOM";
    /** IdP entity id (`SAML2_ISSUER`). */
    readonly issuer: string;
    /** IdP sign-in URL (`SAML2_SSO_URL`), https. */
    readonly ssoUrl: string;
    /** IdP signing certificate, base64 body without PEM armour (public data). */
    readonly x509Certificate: string;
  };
  /**
   * Reach the account through AWS PrivateLink (interface endpoint + private DNS) instead of the NAT
   * gateway; needs Business Critical and Snowflake's one-time authorization of the AWS account.
   * @default false
   */
  readonly privateLink?: boolean;
  /**
   * Failover group to a secondary account in another region (`<ORG>.<ACCOUNT>`), replicated every
   * `intervalMinutes`. Required in prod; needs Business Critical.
   * @default - no replication
   */
  readonly replication?: { readonly secondaryAccount: string; readonly intervalMinutes: number };
}

/** MongoDB Atlas instance sizes (dedicated tiers only: M10+ support PrivateLink, CMK encryption and backups). */
export const ATLAS_INSTANCE_SIZES = ["M10", "M20", "M30", "M40", "M50", "M60", "M80", "M140", "M200"] as const;
export type AtlasInstanceSize = (typeof ATLAS_INSTANCE_SIZES)[number];

/** Atlas project roles an identity-provider group may receive (Atlas user roles reference). */
export const ATLAS_PROJECT_ROLES = [
  "GROUP_READ_ONLY",
  "GROUP_DATA_ACCESS_READ_ONLY",
  "GROUP_DATA_ACCESS_READ_WRITE",
  "GROUP_DATA_ACCESS_ADMIN",
  "GROUP_CLUSTER_MANAGER",
  "GROUP_OWNER",
] as const;
export type AtlasProjectRole = (typeof ATLAS_PROJECT_ROLES)[number];

/** The brief's NoSQL engine on MongoDB Atlas (`documentStore: "mongodb-atlas"`). */
export interface MongoAtlasConfig {
  /** Atlas organization id (24 hex characters). */
  readonly orgId: string;
  /**
   * Secrets Manager secret (name) holding the Atlas programmatic API key (`public_key`, `private_key`)
   * the provider reads at plan time; created and rotated outside this stack.
   */
  readonly apiKeySecretName: string;
  /** IAM role (in this account) the Atlas provider assumes to read `apiKeySecretName`; the provider requires one. */
  readonly secretReaderRoleArn: string;
  /** Tier of every electable node; M30+ in prod (M10/M20 are for development workloads). */
  readonly instanceSize: AtlasInstanceSize;
  /** Disk per node in GB (10-4096). */
  readonly diskSizeGb: number;
  /** MongoDB major version. */
  readonly mongoDbMajorVersion: "7.0" | "8.0";
  /**
   * Second region with two electable nodes (5-node replica set over two regions). Required in prod.
   * @default - one region, three nodes over three AZs
   */
  readonly secondaryRegion?: AwsRegion;
  /**
   * SSO for people: the organization's federated authentication (identity provider linked once in the Atlas
   * UI; the provider cannot create it) and the IdP groups mapped to this project's roles.
   * @default - no role mappings (people are invited by hand)
   */
  readonly sso?: {
    /** Federation settings id of the organization (24 hex characters). */
    readonly federationSettingsId: string;
    readonly groups: readonly { readonly externalGroupName: string; readonly projectRoles: readonly AtlasProjectRole[] }[];
  };
}

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

import { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database";
import { GlueConnection } from "@cdktf/provider-aws/lib/glue-connection";
import { GlueCrawler } from "@cdktf/provider-aws/lib/glue-crawler";
import { GlueDataCatalogEncryptionSettings } from "@cdktf/provider-aws/lib/glue-data-catalog-encryption-settings";
import { GlueJob } from "@cdktf/provider-aws/lib/glue-job";
import { GlueSecurityConfiguration } from "@cdktf/provider-aws/lib/glue-security-configuration";
import { GlueTrigger } from "@cdktf/provider-aws/lib/glue-trigger";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, Fn, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import { Rule, assertRules, oneOf, intBetween, prefixed } from "../shared/rules";
import { join } from "node:path";
import { DiagnosticsProps } from "./common";
import { awsCronProblems } from "./cron";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { DataKeys } from "./kms-keys";
import { AwsNaming } from "./naming";
import { PrivateSecurityGroup } from "./private/security-group";
import { glueVpcJobStatements } from "./private/workload-grants";
import { RAW_ZONE_CDC_PREFIX } from "./raw-zone-sink-connector";
import { SecureBucket } from "./secure-bucket";
import { WorkloadRole } from "./workload-role";

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

/** Namespace of the custom metrics the job publishes; the freshness alarm reads it. */
export const ETL_METRIC_NAMESPACE = "Payments/DataPlatform";
/** Seconds since the newest CDC record the nightly job loaded; published at the end of every run. */
export const FRESHNESS_METRIC = "SecondsSinceLastLoad";
/** The trigger runs the job once a day (`etl.schedule` is a daily cron); the freshness metric follows it. */
export const NIGHTLY_INTERVAL_SECONDS = 86400;
/** A Glue cron that fires once a day: `cron(<minute> <hour> * * ? *)`. */
const DAILY_CRON = /^cron\((\d{1,2}) (\d{1,2}) \* \* \? \*\)$/;
/** The rules of a Glue job sizing (fields relative to it). */
export function glueSizingRules(s: GlueSizing): Rule[] {
  return [
    oneOf(s.workerType, GLUE_WORKER_TYPES, "workerType"),
    intBetween(s.numberOfWorkers, 2, 299, "numberOfWorkers"),
    intBetween(s.timeoutMinutes, 10, 2880, "timeoutMinutes"),
  ];
}

/**
 * The rules of the nightly job's schedule (field `schedule`): a cron Glue accepts (each problem named),
 * and one that fires once a day, because the freshness alarm assumes one run a day.
 */
export function nightlyScheduleRules(schedule: string): Rule[] {
  const problems = awsCronProblems(schedule);
  if (problems.length > 0) {
    return problems.map((p) => ({ ok: false, field: "schedule", value: schedule, allowed: `an AWS cron expression: ${p}` }));
  }
  const daily = DAILY_CRON.exec(schedule);
  return [
    {
      ok: daily !== null && Number(daily[1]) <= 59 && Number(daily[2]) <= 23,
      field: "schedule",
      value: schedule,
      allowed: "a daily Glue cron, cron(<minute 0-59> <hour 0-23> * * ? *) (the nightly job's freshness alarm assumes one run a day)",
    },
  ];
}

/** The raw-zone crawler starts this long before the job, so the catalog lists the folders the run reads. */
export const CRAWLER_LEAD_MINUTES = 30;

/**
 * The crawler's daily cron: `CRAWLER_LEAD_MINUTES` before the job's (`jobSchedule` is a daily cron
 * the constructor has validated), wrapping past midnight to the previous day.
 */
export function crawlerScheduleFor(jobSchedule: string): string {
  const [, minute, hour] = DAILY_CRON.exec(jobSchedule) ?? [];
  const start = (Number(hour) * 60 + Number(minute) - CRAWLER_LEAD_MINUTES + 1440) % 1440;
  return `cron(${start % 60} ${Math.floor(start / 60)} * * ? *)`;
}
/** The job's PySpark script in this repository, uploaded by the stack on every change. */
export const NIGHTLY_SCRIPT_PATH = join(__dirname, "..", "..", "glue", "nightly_curate.py");
/** Glue version of the job: 5.0 writes every log in real time to `<--custom-logGroup-prefix>/{output,error}`. */
export const GLUE_VERSION = "5.0";
/** Log groups Glue 5.0 writes under `--custom-logGroup-prefix`. */
export const GLUE_5_LOG_GROUPS = ["output", "error"] as const;

/** The Redshift Serverless workgroup the job loads through the Redshift Data API. */
export interface EtlWarehouseTarget {
  readonly workgroupName: string;
  readonly databaseName: string;
  /** Lets the job's role run Data API statements on the workgroup as itself. */
  grantDataApi(grantee: WorkloadRole): void;
}

export interface SparkEtlProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  /** Compute subnet and its AZ for the Glue network connection. */
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly vpcCidr: string;
  readonly s3PrefixListId: string;
  readonly keys: DataKeys;
  readonly rawZone: SecureBucket;
  readonly curatedZone: SecureBucket;
  /** Holds the job script, temp dir and Spark event logs. */
  readonly artifacts: SecureBucket;
  readonly sizing: GlueSizing;
  /**
   * Where the curated tables are staged in Redshift.
   * @default - none: the job only writes curated Parquet (Snowflake ingests it through Snowpipe)
   */
  readonly warehouse?: EtlWarehouseTarget;
  /** Captured tables (`cdc.tables`) and the topic prefix their raw-zone folders are named after. */
  readonly cdc: { readonly tables: readonly string[]; readonly topicPrefix: string; readonly schema: string };
  /** Environment name; the dimension of the freshness metric. */
  readonly environment: string;
  /** Glue cron expression of the nightly run, e.g. `cron(0 2 * * ? *)`. */
  readonly schedule: string;
  /** Start the schedule on deploy. @default true */
  readonly scheduleEnabled?: boolean;
  /**
   * Who starts the nightly job: a Glue scheduled trigger, or Airflow (no trigger is created, so the
   * job never has two schedulers).
   * @default "glue"
   */
  readonly scheduleOwner?: "glue" | "airflow";
  readonly diagnostics: DiagnosticsProps;
  /**
   * HTTPS egress to the internet through NAT (e.g. `--additional-python-modules` from PyPI in dev).
   * @default false
   */
  readonly internetEgress?: boolean;
  /** Encrypt the account's Data Catalog (an account-level singleton: one environment per account). @default true */
  readonly catalogEncryption?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * Spark ETL on AWS Glue: a Glue 5.0 Spark job run nightly by a scheduled trigger (or by Airflow), in the VPC
 * through a NETWORK connection, with a security configuration that encrypts its S3 output
 * (SSE-KMS), CloudWatch logs and job bookmarks (CSE-KMS); its script (glue/nightly_curate.py)
 * uploaded to the artifacts bucket by the stack; Glue 5.0 logs in two pre-created KMS-encrypted
 * groups; a crawler that catalogs the raw zone's new CDC folders; raw and curated catalog databases;
 * catalog encryption with the `rawzone` CMK. With a Redshift `warehouse` the job stages curated tables
 * through the Data API (the network reaches it through the `redshift-data` interface endpoint).
 */
export class SparkEtl extends Construct {
  readonly job: GlueJob;
  readonly role: WorkloadRole;
  readonly securityGroup: PrivateSecurityGroup;
  readonly rawDatabase: GlueCatalogDatabase;
  readonly curatedDatabase: GlueCatalogDatabase;
  readonly script: S3Object;
  readonly logGroups: EncryptedLogGroup[];

  constructor(scope: Construct, id: string, props: SparkEtlProps) {
    super(scope, id);
    const { naming, keys } = props;
    assertRules(`SparkEtl ${this.node.path}`, [
      ...prefixed("sizing.", glueSizingRules(props.sizing)),
      ...nightlyScheduleRules(props.schedule),
    ]);
    const rawKey = keys.key("rawzone");

    if (props.catalogEncryption ?? true) {
      new GlueDataCatalogEncryptionSettings(this, "catalog-encryption", {
        catalogId: props.accountId,
        dataCatalogEncryptionSettings: {
          encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: rawKey.arn },
          connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: rawKey.arn },
        },
      });
    }

    this.rawDatabase = new GlueCatalogDatabase(this, "raw-db", {
      name: naming.name("glueDatabase", "raw"),
      description: "Raw zone: CDC JSON as landed by the S3 sink connector",
      locationUri: props.rawZone.s3Uri(RAW_ZONE_CDC_PREFIX),
    });
    this.curatedDatabase = new GlueCatalogDatabase(this, "curated-db", {
      name: naming.name("glueDatabase", "curated"),
      description: "Curated zone: cleaned, enriched Parquet for the Redshift star schema",
      locationUri: props.curatedZone.s3Uri(),
    });

    const securityConfiguration = new GlueSecurityConfiguration(this, "security-configuration", {
      name: naming.name("glueResource", "etl-security"),
      encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: rawKey.arn },
        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: keys.key("logs").arn },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: rawKey.arn },
      },
    });

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "etl"),
      description: "Glue Spark workers: self-referencing (Glue requirement), AWS endpoints, S3",
      vpcId: props.vpcId,
    });
    // Glue requires workers of one job to reach each other on all TCP ports.
    this.securityGroup.allowIngressFrom("self", this.securityGroup.securityGroupId, 0, "Glue workers talk to each other", 65535);
    this.securityGroup.allowEgressTo("self", this.securityGroup.securityGroupId, 0, 65535, "Glue workers talk to each other");
    this.securityGroup.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "AWS APIs through interface endpoints");
    this.securityGroup.allowHttpsEgress("s3", { prefixListId: props.s3PrefixListId }, "S3 through the gateway endpoint");
    if (props.internetEgress ?? false) {
      this.securityGroup.allowHttpsEgress("internet", { cidr: "0.0.0.0/0" }, "HTTPS to package indexes through NAT (egress only)");
    }

    const connection = new GlueConnection(this, "network-connection", {
      name: naming.name("glueResource", "etl-network"),
      connectionType: "NETWORK",
      description: "Runs Glue workers in the compute subnet",
      physicalConnectionRequirements: {
        availabilityZone: props.availabilityZone,
        subnetId: props.subnetId,
        securityGroupIdList: [this.securityGroup.securityGroupId],
      },
    });

    // Glue 5.0 ignores --continuous-log-logGroup; it writes to <prefix>/output and <prefix>/error.
    const logGroupPrefix = naming.logGroupPath("glue/etl");
    this.logGroups = GLUE_5_LOG_GROUPS.map(
      (stream) =>
        new EncryptedLogGroup(this, `log-${stream}`, {
          name: `${logGroupPrefix}/${stream}`,
          encryptionKey: props.diagnostics.logKey,
          retentionDays: props.diagnostics.retentionDays,
          deletionProtection: props.deletionProtection,
        }),
    );

    const scriptAsset = new TerraformAsset(this, "script-asset", { path: NIGHTLY_SCRIPT_PATH, type: AssetType.FILE });
    this.script = new S3Object(this, "script", {
      bucket: props.artifacts.name,
      key: "glue/scripts/nightly_curate.py",
      source: scriptAsset.path,
      // source_hash, not etag: an SSE-KMS object's ETag is not its MD5, so etag would diff forever.
      sourceHash: Fn.filemd5(scriptAsset.path),
      contentType: "text/x-python",
      serverSideEncryption: "aws:kms",
      kmsKeyId: props.artifacts.encryptionKey.arn,
    });

    this.role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "etl"),
      description: "Glue Spark ETL and raw-zone crawler",
      assumedBy: ["glue.amazonaws.com"],
      accountId: props.accountId,
    });
    props.rawZone.grantRead(this.role, RAW_ZONE_CDC_PREFIX);
    props.curatedZone.grantReadWrite(this.role);
    props.artifacts.grantRead(this.role, "glue/");
    props.artifacts.grantReadWrite(this.role, "glue/tmp/");
    keys.grantEncryptDecrypt("rawzone", this.role);
    keys.grantEncryptDecrypt("logs", this.role);
    for (const group of this.logGroups) group.grantWrite(this.role);
    props.warehouse?.grantDataApi(this.role);
    const catalog = `arn:aws:glue:${props.region}:${props.accountId}`;
    this.role.addToPolicy(
      {
        Effect: "Allow",
        Action: [
          "glue:GetDatabase",
          "glue:GetTable",
          "glue:GetTables",
          "glue:GetPartition",
          "glue:GetPartitions",
          "glue:BatchGetPartition",
          "glue:CreateTable",
          "glue:UpdateTable",
          "glue:BatchCreatePartition",
          "glue:CreatePartition",
          "glue:UpdatePartition",
        ],
        Resource: [
          `${catalog}:catalog`,
          `${catalog}:database/${this.rawDatabase.name}`,
          `${catalog}:database/${this.curatedDatabase.name}`,
          `${catalog}:table/${this.rawDatabase.name}/*`,
          `${catalog}:table/${this.curatedDatabase.name}/*`,
        ],
      },
      { Effect: "Allow", Action: ["glue:GetConnection"], Resource: [`${catalog}:catalog`, `${catalog}:connection/${connection.name}`] },
      { Effect: "Allow", Action: ["glue:GetSecurityConfiguration"], Resource: "*" },
      {
        Effect: "Allow",
        Action: ["cloudwatch:PutMetricData"],
        Resource: "*",
        Condition: { StringEquals: { "cloudwatch:namespace": [ETL_METRIC_NAMESPACE, "Glue"] } },
      },
      ...glueVpcJobStatements(props.region, props.accountId),
    );

    new GlueCrawler(this, "raw-crawler", {
      name: naming.name("glueResource", "raw-crawler"),
      role: this.role.arn,
      databaseName: this.rawDatabase.name,
      description: "Catalogs the CDC topics landed in the raw zone",
      schedule: crawlerScheduleFor(props.schedule),
      securityConfiguration: securityConfiguration.name,
      s3Target: [{ path: props.rawZone.s3Uri(RAW_ZONE_CDC_PREFIX), connectionName: connection.name }],
      // Incremental crawls accept only LOG/LOG (Glue rejects anything else on create); the job reads
      // the raw JSON from S3 itself, so a column Debezium adds later needs no catalog update.
      schemaChangePolicy: { updateBehavior: "LOG", deleteBehavior: "LOG" },
      recrawlPolicy: { recrawlBehavior: "CRAWL_NEW_FOLDERS_ONLY" },
    });

    this.job = new GlueJob(this, "nightly-job", {
      name: naming.name("glueResource", "nightly-curate"),
      description: "Nightly Spark: clean, deduplicate and enrich CDC records into curated Parquet for the star schema",
      roleArn: this.role.arn,
      glueVersion: GLUE_VERSION,
      workerType: props.sizing.workerType,
      numberOfWorkers: props.sizing.numberOfWorkers,
      timeout: props.sizing.timeoutMinutes,
      maxRetries: 1,
      executionClass: "STANDARD",
      executionProperty: { maxConcurrentRuns: 1 },
      securityConfiguration: securityConfiguration.name,
      connections: [connection.name],
      command: { name: "glueetl", pythonVersion: "3", scriptLocation: `s3://${this.script.bucket}/${this.script.key}` },
      defaultArguments: {
        "--job-language": "python",
        "--job-bookmark-option": "job-bookmark-enable",
        "--enable-metrics": "true",
        "--enable-observability-metrics": "true",
        "--custom-logGroup-prefix": logGroupPrefix,
        "--enable-spark-ui": "true",
        "--spark-event-logs-path": props.artifacts.s3Uri("glue/tmp/spark-events/"),
        "--TempDir": props.artifacts.s3Uri("glue/tmp/"),
        "--raw_path": props.rawZone.s3Uri(RAW_ZONE_CDC_PREFIX),
        "--topic_prefix": props.cdc.topicPrefix,
        "--schema": props.cdc.schema,
        "--tables": props.cdc.tables.join(","),
        "--curated_path": props.curatedZone.s3Uri("star/"),
        ...(props.warehouse
          ? { "--redshift_workgroup": props.warehouse.workgroupName, "--redshift_database": props.warehouse.databaseName }
          : {}),
        "--environment": props.environment,
        "--metric_namespace": ETL_METRIC_NAMESPACE,
        "--freshness_metric": FRESHNESS_METRIC,
      },
      dependsOn: this.logGroups.map((g) => g.logGroup),
    });

    if ((props.scheduleOwner ?? "glue") === "glue") {
      new GlueTrigger(this, "nightly-trigger", {
        name: naming.name("glueResource", "nightly-trigger"),
        type: "SCHEDULED",
        schedule: props.schedule,
        enabled: props.scheduleEnabled ?? true,
        startOnCreation: props.scheduleEnabled ?? true,
        actions: [{ jobName: this.job.name }],
      });
    }
  }
}

import { readdirSync } from "node:fs";
import * as path from "node:path";
import { MwaaEnvironment } from "@cdktf/provider-aws/lib/mwaa-environment";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Construct } from "constructs";
import { Rule, assertRules, intBetween, oneOf, prefixed } from "../shared/rules";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { DataKeys } from "./kms-keys";
import { AwsNaming } from "./naming";
import { uploadableFileContent } from "./private/file-content";
import { PrivateSecurityGroup } from "./private/security-group";
import { SecureBucket } from "./secure-bucket";
import { WorkloadRole } from "./workload-role";

/** MWAA environment classes (`aws mwaa create-environment --environment-class`). */
export const MWAA_ENVIRONMENT_CLASSES = ["mw1.micro", "mw1.small", "mw1.medium", "mw1.large", "mw1.xlarge", "mw1.2xlarge"] as const;
export type MwaaEnvironmentClass = (typeof MWAA_ENVIRONMENT_CLASSES)[number];

/**
 * Airflow version of the environment: the newest 2.x MWAA runs. 2.x keeps task SLAs, which the
 * nightly DAG uses for the brief's freshness row (Airflow 3 removed them).
 */
export const AIRFLOW_VERSION = "2.10.3";
/** The repository folder whose `*.py` files are uploaded as DAGs, with `requirements.txt` beside them. */
export const DAGS_DIR = path.join(__dirname, "..", "..", "dags");
/** Name of the generated configuration the DAGs read (`dags/platform_common.py`). */
export const PLATFORM_CONFIG_FILE = "platform_config.json";
/** MWAA log types; MWAA writes each to the log group `airflow-<environment>-<suffix>`. */
export const MWAA_LOG_TYPES = {
  dagProcessingLogs: "DAGProcessing",
  schedulerLogs: "Scheduler",
  taskLogs: "Task",
  webserverLogs: "WebServer",
  workerLogs: "Worker",
} as const;

/**
 * An Airflow (five-field) cron from an EventBridge/Glue six-field `cron(...)` expression, so one
 * schedule in the environment file drives whichever scheduler owns the job. `?` becomes `*`; the
 * year field must be `*`.
 */
export function toAirflowCron(awsCron: string): string {
  const fields = /^cron\((.*)\)$/.exec(awsCron)?.[1].split(" ") ?? [];
  if (fields.length !== 6 || fields[5] !== "*") {
    throw new Error(`schedule ${awsCron}: expected cron(<min> <hour> <day-of-month> <month> <day-of-week> *)`);
  }
  return fields
    .slice(0, 5)
    .map((f) => (f === "?" ? "*" : f))
    .join(" ");
}

/** Names the DAGs use, exported by the constructs that create them (never retyped in Python). */
export interface AirflowPlatformConfig {
  readonly environment: string;
  readonly region: string;
  readonly alert_topic_arn: string;
  readonly nightly: {
    /** Airflow (five-field) cron of the nightly run. */
    readonly schedule: string;
    readonly paused: boolean;
    readonly glue_job_name: string;
    readonly glue_timeout_minutes: number;
    readonly retries: number;
    readonly retry_delay_minutes: number;
    /** Minutes after the scheduled start by which the run must have published fresh data. */
    readonly sla_minutes: number;
  };
  readonly warehouse: { readonly workgroup_name: string; readonly database: string; readonly curated_star_uri: string };
  readonly metrics: { readonly namespace: string; readonly freshness_metric: string };
  readonly drift?: {
    readonly schedule: string;
    readonly glue_job_name: string;
    readonly models: readonly string[];
    readonly timeout_minutes: number;
  };
}

/** Size of the Airflow environment. */
export interface ManagedAirflowSizing {
  readonly environmentClass: MwaaEnvironmentClass;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  readonly schedulers: number;
}

/** The rules of an MWAA sizing (fields relative to it): one combined scheduler on mw1.micro, 2-5 otherwise. */
export function managedAirflowSizingRules(s: ManagedAirflowSizing): Rule[] {
  return [
    oneOf(s.environmentClass, MWAA_ENVIRONMENT_CLASSES, "environmentClass"),
    intBetween(s.minWorkers, 1, 25, "minWorkers"),
    intBetween(s.maxWorkers, s.minWorkers, 25, "maxWorkers"),
    s.environmentClass === "mw1.micro" ? intBetween(s.schedulers, 1, 1, "schedulers") : intBetween(s.schedulers, 2, 5, "schedulers"),
  ];
}

export interface ManagedAirflowProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  /** Two private compute subnets in different AZs (MWAA takes exactly two). */
  readonly subnetIds: readonly [string, string];
  readonly vpcCidr: string;
  readonly s3PrefixListId: string;
  /** The `orchestration` key encrypts the environment, its DAG bucket and its log groups. */
  readonly keys: DataKeys;
  /** Server access logs target of the DAG bucket. */
  readonly accessLogBucketName: string;
  readonly sizing: ManagedAirflowSizing;
  /** Log retention in days (at least 90). */
  readonly logRetentionDays: number;
  /** Written to `dags/platform_config.json`. */
  readonly platformConfig: AirflowPlatformConfig;
  /** HTTPS egress to the internet through NAT. @default false */
  readonly internetEgress?: boolean;
  /** lifecycle `prevent_destroy` on the environment, its bucket and its log groups. @default true */
  readonly deletionProtection?: boolean;
}

/**
 * Amazon MWAA (Airflow 2.10.3) in two private compute subnets with a private web server (reached from
 * inside the network only, IAM-authenticated), encrypted with the `orchestration` CMK, every log type
 * at INFO to CloudWatch log groups created here with retention and that key, and its own execution
 * role that receives grants from the resources it orchestrates (`role`).
 *
 * The DAG bucket is a SecureBucket (versioned, CMK, TLS-only, private, access-logged, never tiered to
 * Glacier); the stack uploads every `dags/*.py`, the generated `platform_config.json` and the pinned
 * `requirements.txt` (the environment follows its object version).
 */
export class ManagedAirflow extends Construct {
  readonly environment: MwaaEnvironment;
  readonly role: WorkloadRole;
  readonly dagBucket: SecureBucket;
  readonly securityGroup: PrivateSecurityGroup;
  readonly logGroups: EncryptedLogGroup[] = [];
  /** The generated configuration object (key `dags/platform_config.json`). */
  readonly configObject: S3Object;

  constructor(scope: Construct, id: string, props: ManagedAirflowProps) {
    super(scope, id);
    assertRules(`ManagedAirflow ${this.node.path}`, prefixed("sizing.", managedAirflowSizingRules(props.sizing)));
    const { naming, keys } = props;
    const key = keys.key("orchestration");
    const name = naming.name("mwaaEnvironment", "airflow");
    const deletionProtection = props.deletionProtection ?? true;

    this.dagBucket = new SecureBucket(this, "dags", {
      bucketName: naming.name("s3Bucket", "airflow"),
      encryptionKey: key,
      accessLogs: { bucketName: props.accessLogBucketName, prefix: "airflow/" },
      lifecycle: { archive: false, noncurrentExpireAfterDays: 90 },
      deletionProtection,
      tags: { "data-domain": "orchestration" },
    });
    const upload = (id: string, objectKey: string, content: string, contentType: string) =>
      new S3Object(this, id, {
        bucket: this.dagBucket.name,
        key: objectKey,
        content,
        contentType,
        serverSideEncryption: "aws:kms",
        kmsKeyId: key.arn,
        // Versioning first: MWAA pins requirements.txt by the version id the upload returns.
        dependsOn: [this.dagBucket.versioning],
      });
    for (const file of readdirSync(DAGS_DIR)
      .filter((f) => f.endsWith(".py"))
      .sort()) {
      upload(`dag-${file.replace(/\.py$/, "")}`, `dags/${file}`, uploadableFileContent(path.join(DAGS_DIR, file)), "text/x-python");
    }
    this.configObject = upload(
      "platform-config",
      `dags/${PLATFORM_CONFIG_FILE}`,
      JSON.stringify(props.platformConfig, null, 2),
      "application/json",
    );
    const requirements = upload(
      "requirements",
      "requirements.txt",
      uploadableFileContent(path.join(DAGS_DIR, "requirements.txt")),
      "text/plain",
    );

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "airflow"),
      description: "MWAA: self-referencing (scheduler, workers, web server and metadata database endpoints), AWS endpoints, S3",
      vpcId: props.vpcId,
    });
    this.securityGroup.allowIngressFrom("self", this.securityGroup.securityGroupId, 0, "MWAA components talk to each other", 65535);
    this.securityGroup.allowEgressTo("self", this.securityGroup.securityGroupId, 0, 65535, "MWAA components talk to each other");
    this.securityGroup.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "AWS APIs through interface endpoints");
    this.securityGroup.allowHttpsEgress("s3", { prefixListId: props.s3PrefixListId }, "S3 through the gateway endpoint");
    if (props.internetEgress ?? false) {
      this.securityGroup.allowHttpsEgress("internet", { cidr: "0.0.0.0/0" }, "HTTPS through NAT (egress only)");
    }

    for (const [type, suffix] of Object.entries(MWAA_LOG_TYPES)) {
      this.logGroups.push(
        new EncryptedLogGroup(this, `log-${type}`, {
          name: `airflow-${name}-${suffix}`,
          encryptionKey: key,
          retentionDays: props.logRetentionDays,
          deletionProtection,
        }),
      );
    }

    this.role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "airflow"),
      description: "MWAA execution role: DAG bucket, its own logs and queue, and what the DAGs orchestrate",
      assumedBy: ["airflow.amazonaws.com", "airflow-env.amazonaws.com"],
      accountId: props.accountId,
    });
    const envArn = `arn:aws:airflow:${props.region}:${props.accountId}:environment/${name}`;
    this.dagBucket.grantRead(this.role);
    this.role.addToPolicy(
      { Effect: "Allow", Action: ["airflow:PublishMetrics"], Resource: envArn },
      // MWAA refuses a DAG bucket that could be public; it reads both public access block settings.
      { Effect: "Allow", Action: ["s3:GetBucketPublicAccessBlock", "s3:GetBucketVersioning"], Resource: this.dagBucket.arn },
      { Effect: "Allow", Action: ["s3:GetAccountPublicAccessBlock"], Resource: "*" },
      {
        Effect: "Allow",
        Action: [
          "logs:CreateLogStream",
          "logs:CreateLogGroup",
          "logs:PutLogEvents",
          "logs:GetLogEvents",
          "logs:GetLogRecord",
          "logs:GetLogGroupFields",
          "logs:GetQueryResults",
        ],
        Resource: `arn:aws:logs:${props.region}:${props.accountId}:log-group:airflow-${name}-*`,
      },
      { Effect: "Allow", Action: ["logs:DescribeLogGroups"], Resource: "*" },
      {
        Effect: "Allow",
        Action: ["cloudwatch:PutMetricData"],
        Resource: "*",
        Condition: { StringEquals: { "cloudwatch:namespace": ["AmazonMWAA", props.platformConfig.metrics.namespace] } },
      },
      {
        // The Celery queue lives in an MWAA service account, hence the account wildcard.
        Effect: "Allow",
        Action: [
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "sqs:GetQueueAttributes",
          "sqs:GetQueueUrl",
          "sqs:ReceiveMessage",
          "sqs:SendMessage",
        ],
        Resource: `arn:aws:sqs:${props.region}:*:airflow-celery-*`,
      },
      {
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:Encrypt"],
        Resource: key.arn,
        Condition: { StringLike: { "kms:ViaService": [`sqs.${props.region}.amazonaws.com`, `s3.${props.region}.amazonaws.com`] } },
      },
    );

    this.environment = new MwaaEnvironment(this, "environment", {
      name,
      airflowVersion: AIRFLOW_VERSION,
      environmentClass: props.sizing.environmentClass,
      minWorkers: props.sizing.minWorkers,
      maxWorkers: props.sizing.maxWorkers,
      schedulers: props.sizing.schedulers,
      executionRoleArn: this.role.arn,
      kmsKey: key.arn,
      sourceBucketArn: this.dagBucket.arn,
      dagS3Path: "dags/",
      requirementsS3Path: requirements.key,
      requirementsS3ObjectVersion: requirements.versionId,
      webserverAccessMode: "PRIVATE_ONLY",
      endpointManagement: "SERVICE",
      networkConfiguration: { subnetIds: [...props.subnetIds], securityGroupIds: [this.securityGroup.securityGroupId] },
      loggingConfiguration: Object.fromEntries(Object.keys(MWAA_LOG_TYPES).map((type) => [type, { enabled: true, logLevel: "INFO" }])),
      airflowConfigurationOptions: { "core.load_examples": "False" },
      weeklyMaintenanceWindowStart: "SUN:03:00",
      dependsOn: [...this.logGroups.map((g) => g.logGroup), this.dagBucket.policy],
      lifecycle: { preventDestroy: deletionProtection },
    });
  }
}

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { GlueConnection } from "@cdktf/provider-aws/lib/glue-connection";
import { GlueJob } from "@cdktf/provider-aws/lib/glue-job";
import { GlueSecurityConfiguration } from "@cdktf/provider-aws/lib/glue-security-configuration";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Construct } from "constructs";
import { Rule, assertRules, oneOf } from "../shared/rules";
import { freshnessEvaluation, PUBLICATION_INTERVAL_TAG } from "./alarms";
import { DiagnosticsProps } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { DataKeys } from "./kms-keys";
import { DRIFT_REFERENCE_PREFIX, DRIFT_REPORT_PREFIX } from "./mlflow-tracking";
import { AwsNaming } from "./naming";
import { glueVpcJobStatements, grantPutMetrics } from "./private/workload-grants";
import { uploadableFileContent } from "./private/file-content";
import { PrivateSecurityGroup } from "./private/security-group";
import { SecureBucket } from "./secure-bucket";
import { GLUE_5_LOG_GROUPS } from "./spark-etl";
import { WorkloadRole } from "./workload-role";

/** The brief's two production models; each gets a drift job run and a drift alarm. */
export const ML_MODELS = ["fraud-detection", "personalization"] as const;
export type MlModel = (typeof ML_MODELS)[number];

/** CloudWatch namespace of the drift metrics (`DriftShare`, `DatasetDrift`; dimensions Environment, Model). */
export const DRIFT_METRIC_NAMESPACE = "Payments/ML";
/** Airflow's drift DAG runs once a day (05:00 UTC, after the nightly load); its alarms follow it. */
export const DRIFT_SCHEDULE = "0 5 * * *";
export const DRIFT_INTERVAL_SECONDS = 86400;
/** The metric each model's alarm watches: share of features whose distribution drifted (0-1). */
export const DRIFT_SHARE_METRIC = "DriftShare";
/** Curated-zone prefix of the day's production features per model (`features/<model>/load_date=<date>/`). */
export const FEATURES_PREFIX = "features/";
/** The job's code and pinned requirements, in the repository. */
export const DRIFT_JOB_DIR = path.join(__dirname, "..", "..", "ml", "drift");
const SCRIPT_KEY = "ml/drift/drift_job.py";

/** `name==version` lines of a requirements file (comments and blanks dropped); every line must pin exactly. */
export function pinnedRequirements(file: string): string[] {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean);
  const loose = lines.filter((l) => !/^[A-Za-z0-9._-]+==[A-Za-z0-9.]+$/.test(l));
  if (loose.length > 0) throw new Error(`${file}: every requirement must be pinned as name==version; not pinned: ${loose.join(", ")}`);
  return lines;
}

export interface DriftMonitorProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  readonly environment: string;
  readonly vpcId: string;
  /** Compute subnet and its AZ for the Glue network connection. */
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly vpcCidr: string;
  readonly s3PrefixListId: string;
  readonly keys: DataKeys;
  /** Holds the job script and Glue's temporary files. */
  readonly artifacts: SecureBucket;
  /** Production features under `features/<model>/`. */
  readonly curatedZone: SecureBucket;
  /** Training references under `reference/<model>/`; reports are written under `drift-reports/`. */
  readonly modelsBucket: SecureBucket;
  readonly models: readonly MlModel[];
  /** Share of drifted features above which a model's alarm fires (0 < x <= 1). */
  readonly driftThreshold: number;
  /** Topic every drift alarm notifies (the platform's alert topic). */
  readonly alertTopicArn: string;
  readonly diagnostics: DiagnosticsProps;
  /**
   * PyPI-compatible index for the pinned packages.
   * @default - PyPI, through the NAT gateway (`internetEgress` must then be true)
   */
  readonly packageIndexUrl?: string;
  /** HTTPS egress to the internet through NAT (PyPI). @default false */
  readonly internetEgress?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * The rules of the props an environment gives (`ml`): known models, each once; a threshold that can be
 * crossed; a package source the job can reach.
 */
export function driftMonitorRules(p: Pick<DriftMonitorProps, "models" | "driftThreshold" | "packageIndexUrl" | "internetEgress">): Rule[] {
  return [
    { ok: p.models.length > 0, field: "models", value: p.models, allowed: `at least one of ${ML_MODELS.join(", ")}` },
    ...p.models.flatMap((m, i) => [
      oneOf(m, ML_MODELS, `models[${i}]`),
      { ok: p.models.indexOf(m) === i, field: `models[${i}]`, value: m, allowed: "a model listed once" },
    ]),
    {
      ok: p.driftThreshold > 0 && p.driftThreshold <= 1,
      field: "driftThreshold",
      value: p.driftThreshold,
      allowed: "a share of features above 0 and at most 1",
    },
    {
      ok: p.packageIndexUrl === undefined || /^https:\/\/\S+$/.test(p.packageIndexUrl),
      field: "packageIndexUrl",
      value: p.packageIndexUrl,
      allowed: "an https:// URL of a PyPI-compatible index",
    },
    {
      ok: p.packageIndexUrl !== undefined || (p.internetEgress ?? false),
      field: "packageIndexUrl",
      value: p.packageIndexUrl,
      allowed: "a PyPI mirror reachable inside the VPC (without internet egress through a NAT gateway the drift job cannot reach PyPI)",
    },
  ];
}

/**
 * Model-drift monitoring with Evidently: a Glue 5.0 job (Python 3.11, two G.1X workers, in the VPC,
 * encrypted by its own security configuration) that compares each model's training reference with the
 * day's production features, writes HTML/JSON reports to the models bucket and publishes
 * `Payments/ML DriftShare` per model; one CloudWatch alarm per model to the alert topic. The job has
 * no trigger: Airflow's `model_drift` DAG starts one run per model.
 *
 * Why Glue: it already runs the platform's Spark ETL in the same subnets with the same encryption,
 * logging and catalog controls, it bills per second only while a run lasts (about $0.15 a run), its
 * image ships pandas, NumPy, SciPy, PyArrow and scikit-learn, and `--additional-python-modules` installs
 * the pinned Evidently at start. A Lambda or Fargate container would need an image build pipeline and
 * registry (ECR) for one daily run.
 */
export class DriftMonitor extends Construct {
  readonly job: GlueJob;
  readonly role: WorkloadRole;
  readonly alarms: CloudwatchMetricAlarm[] = [];
  /** Timeout of one run, minutes (Airflow's task timeout matches it). */
  readonly timeoutMinutes = 30;

  constructor(scope: Construct, id: string, props: DriftMonitorProps) {
    super(scope, id);
    assertRules(`DriftMonitor ${this.node.path}`, driftMonitorRules(props));
    const { naming, keys } = props;

    const script = new S3Object(this, "script", {
      bucket: props.artifacts.name,
      key: SCRIPT_KEY,
      content: uploadableFileContent(path.join(DRIFT_JOB_DIR, "drift_job.py")),
      contentType: "text/x-python",
      serverSideEncryption: "aws:kms",
      kmsKeyId: props.artifacts.encryptionKey.arn,
    });

    const securityConfiguration = new GlueSecurityConfiguration(this, "security-configuration", {
      name: naming.name("glueResource", "drift-security"),
      encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: keys.key("models").arn },
        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: keys.key("logs").arn },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: keys.key("models").arn },
      },
    });

    const sg = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "drift"),
      description: "Evidently drift job (Glue): self-referencing (Glue requirement), AWS endpoints, S3",
      vpcId: props.vpcId,
    });
    sg.allowIngressFrom("self", sg.securityGroupId, 0, "Glue workers talk to each other", 65535);
    sg.allowEgressTo("self", sg.securityGroupId, 0, 65535, "Glue workers talk to each other");
    sg.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "AWS APIs and the package mirror inside the VPC");
    sg.allowHttpsEgress("s3", { prefixListId: props.s3PrefixListId }, "S3 through the gateway endpoint");
    if (props.internetEgress ?? false) {
      sg.allowHttpsEgress("internet", { cidr: "0.0.0.0/0" }, "HTTPS to PyPI through NAT (egress only)");
    }
    const connection = new GlueConnection(this, "network-connection", {
      name: naming.name("glueResource", "drift-network"),
      connectionType: "NETWORK",
      description: "Runs the drift job in the compute subnet",
      physicalConnectionRequirements: {
        availabilityZone: props.availabilityZone,
        subnetId: props.subnetId,
        securityGroupIdList: [sg.securityGroupId],
      },
    });

    // Glue 5.0 ignores --continuous-log-logGroup; it writes to <prefix>/output and <prefix>/error.
    const logGroupPrefix = naming.logGroupPath("glue/drift");
    const logGroups = GLUE_5_LOG_GROUPS.map(
      (stream) =>
        new EncryptedLogGroup(this, `log-${stream}`, {
          name: `${logGroupPrefix}/${stream}`,
          encryptionKey: props.diagnostics.logKey,
          retentionDays: props.diagnostics.retentionDays,
          deletionProtection: props.deletionProtection,
        }),
    );

    this.role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "drift"),
      description: "Evidently drift job: reads references and features, writes reports and drift metrics",
      assumedBy: ["glue.amazonaws.com"],
      accountId: props.accountId,
    });
    props.artifacts.grantRead(this.role, "ml/drift/");
    props.artifacts.grantReadWrite(this.role, "glue/tmp/drift/");
    props.curatedZone.grantRead(this.role, FEATURES_PREFIX);
    props.modelsBucket.grantRead(this.role, DRIFT_REFERENCE_PREFIX);
    props.modelsBucket.grantWrite(this.role, DRIFT_REPORT_PREFIX);
    keys.grantEncryptDecrypt("models", this.role);
    keys.grantEncryptDecrypt("logs", this.role);
    for (const group of logGroups) group.grantWrite(this.role);
    grantPutMetrics(this.role, [DRIFT_METRIC_NAMESPACE, "Glue"]);
    const catalog = `arn:aws:glue:${props.region}:${props.accountId}`;
    this.role.addToPolicy(
      { Effect: "Allow", Action: ["glue:GetConnection"], Resource: [`${catalog}:catalog`, `${catalog}:connection/${connection.name}`] },
      { Effect: "Allow", Action: ["glue:GetSecurityConfiguration"], Resource: "*" },
      ...glueVpcJobStatements(props.region, props.accountId),
    );

    const installer: Record<string, string> =
      props.packageIndexUrl !== undefined ? { "--python-modules-installer-option": `--index-url=${props.packageIndexUrl}` } : {};
    this.job = new GlueJob(this, "job", {
      name: naming.name("glueResource", "model-drift"),
      description: "Evidently data drift of one model (--model_name): S3 reports + CloudWatch metrics; started by Airflow only",
      roleArn: this.role.arn,
      glueVersion: "5.0",
      workerType: "G.1X",
      numberOfWorkers: 2,
      timeout: this.timeoutMinutes,
      maxRetries: 0,
      executionClass: "STANDARD",
      executionProperty: { maxConcurrentRuns: props.models.length },
      securityConfiguration: securityConfiguration.name,
      connections: [connection.name],
      command: { name: "glueetl", pythonVersion: "3", scriptLocation: `s3://${script.bucket}/${script.key}` },
      defaultArguments: {
        "--job-language": "python",
        "--enable-metrics": "true",
        "--custom-logGroup-prefix": logGroupPrefix,
        "--TempDir": props.artifacts.s3Uri("glue/tmp/drift/"),
        "--additional-python-modules": pinnedRequirements(path.join(DRIFT_JOB_DIR, "requirements.txt")).join(","),
        ...installer,
        "--environment": props.environment,
        "--region": props.region,
        "--reference_uri": props.modelsBucket.s3Uri(DRIFT_REFERENCE_PREFIX),
        "--current_uri": props.curatedZone.s3Uri(FEATURES_PREFIX),
        "--report_uri": props.modelsBucket.s3Uri(DRIFT_REPORT_PREFIX),
        "--metric_namespace": DRIFT_METRIC_NAMESPACE,
      },
    });

    const evaluation = freshnessEvaluation({
      namespace: DRIFT_METRIC_NAMESPACE,
      name: DRIFT_SHARE_METRIC,
      publicationIntervalSeconds: DRIFT_INTERVAL_SECONDS,
      maxDelaySeconds: this.timeoutMinutes * 60,
    });
    for (const model of props.models) {
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `alarm-${model}`, {
          alarmName: naming.name("alarm", `drift-${model}`),
          alarmDescription: `Model drift: ${model} has more than ${props.driftThreshold * 100}% of its features drifted (or no drift report in 24 h)`,
          namespace: DRIFT_METRIC_NAMESPACE,
          metricName: DRIFT_SHARE_METRIC,
          dimensions: { Environment: props.environment, Model: model },
          statistic: "Maximum",
          // Published once per daily run: every hourly period of (a day + the job timeout + 1 h) must be
          // missing or drifted before it alarms, so the hours between two runs are not read as "no report".
          period: evaluation.period,
          evaluationPeriods: evaluation.evaluationPeriods,
          datapointsToAlarm: evaluation.evaluationPeriods,
          threshold: props.driftThreshold,
          comparisonOperator: "GreaterThanThreshold",
          treatMissingData: "breaching",
          tags: { [PUBLICATION_INTERVAL_TAG]: String(DRIFT_INTERVAL_SECONDS) },
          alarmActions: [props.alertTopicArn],
          okActions: [props.alertTopicArn],
          actionsEnabled: true,
        }),
      );
    }
  }
}

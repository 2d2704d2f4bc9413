import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { SagemakerMlflowTrackingServer } from "@cdktf/provider-aws/lib/sagemaker-mlflow-tracking-server";
import { Construct } from "constructs";
import { Rule, assertRules, oneOf } from "../shared/rules";
import { DataKeys } from "./kms-keys";
import { AwsNaming } from "./naming";
import { PolicyDocument, PolicyStatement } from "./private/iam";
import { SecureBucket } from "./secure-bucket";
import { Grantable, WorkloadRole } from "./workload-role";

/** SageMaker managed MLflow tracking server sizes (provider enum `TrackingServerSize`). */
export const MLFLOW_SERVER_SIZES = ["Small", "Medium", "Large"] as const;
export type MlflowServerSize = (typeof MLFLOW_SERVER_SIZES)[number];

/** Prefix of MLflow's run and model artifacts in the models bucket. */
export const MLFLOW_ARTIFACT_PREFIX = "mlflow/";
/** Prefix of each model's training reference frame (`reference/<model>/*.parquet`), written by training. */
export const DRIFT_REFERENCE_PREFIX = "reference/";
/** Prefix of the Evidently reports (`drift-reports/<model>/<date>/report.{html,json}`). */
export const DRIFT_REPORT_PREFIX = "drift-reports/";
/**
 * MLflow version of the managed server. The provider stores the version as major.minor (it normalizes
 * the API's answer), so a patch version here would force a replacement on every plan.
 */
export const MLFLOW_VERSION = "2.16";

/** The rules of the props an environment gives: a size SageMaker offers. */
export function mlflowTrackingRules(p: Pick<MlflowTrackingProps, "trackingServerSize">): Rule[] {
  return [oneOf(p.trackingServerSize, MLFLOW_SERVER_SIZES, "trackingServerSize")];
}

export interface MlflowTrackingProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  /** The `models` key encrypts the models bucket. */
  readonly keys: DataKeys;
  /** Server access logs target of the models bucket. */
  readonly accessLogBucketName: string;
  readonly trackingServerSize: MlflowServerSize;
  /** lifecycle `prevent_destroy` on the server and the models bucket. @default true */
  readonly deletionProtection?: boolean;
}

/**
 * MLflow on the SageMaker managed tracking server: a dedicated models bucket (SecureBucket: versioned,
 * `models` CMK, access logs, TLS-only; no Glacier tiering because MLflow loads old model versions at
 * any time), a service role scoped to that bucket's `mlflow/` prefix and the SageMaker model
 * registry, and automatic registration of MLflow models into the registry.
 *
 * Access is IAM only (the server has no network endpoint of its own to open): `grantTrain` for the
 * roles that train and log models, and the `reviewerPolicy` managed policy, which the identity team
 * attaches to the model reviewers' SSO permission set. Nothing else can call the server.
 */
export class MlflowTracking extends Construct {
  readonly modelsBucket: SecureBucket;
  readonly server: SagemakerMlflowTrackingServer;
  readonly role: WorkloadRole;
  readonly reviewerPolicy: IamPolicy;

  constructor(scope: Construct, id: string, props: MlflowTrackingProps) {
    super(scope, id);
    assertRules(`MlflowTracking ${this.node.path}`, mlflowTrackingRules(props));
    const { naming } = props;

    this.modelsBucket = new SecureBucket(this, "models", {
      bucketName: naming.name("s3Bucket", "models"),
      encryptionKey: props.keys.key("models"),
      accessLogs: { bucketName: props.accessLogBucketName, prefix: "models/" },
      // Old model versions and drift reports stay loadable; superseded object versions go after a year.
      lifecycle: { archive: false, noncurrentExpireAfterDays: 365 },
      deletionProtection: props.deletionProtection,
      tags: { "data-domain": "models" },
    });

    this.role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "mlflow"),
      description: "SageMaker managed MLflow tracking server: artifact store and model registry",
      assumedBy: ["sagemaker.amazonaws.com"],
      accountId: props.accountId,
    });
    this.modelsBucket.grantReadWrite(this.role, MLFLOW_ARTIFACT_PREFIX);
    const registry = `arn:aws:sagemaker:${props.region}:${props.accountId}`;
    this.role.addToPolicy({
      // automatic_model_registration: MLflow registered models become SageMaker model package groups.
      Effect: "Allow",
      Action: [
        "sagemaker:AddTags",
        "sagemaker:CreateModelPackageGroup",
        "sagemaker:CreateModelPackage",
        "sagemaker:UpdateModelPackage",
        "sagemaker:DescribeModelPackageGroup",
      ],
      Resource: [`${registry}:model-package-group/*`, `${registry}:model-package/*`],
    });

    this.server = new SagemakerMlflowTrackingServer(this, "server", {
      trackingServerName: naming.name("mlflowTrackingServer", "mlflow"),
      artifactStoreUri: this.modelsBucket.s3Uri(MLFLOW_ARTIFACT_PREFIX),
      roleArn: this.role.arn,
      trackingServerSize: props.trackingServerSize,
      mlflowVersion: MLFLOW_VERSION,
      automaticModelRegistration: true,
      weeklyMaintenanceWindowStart: "Sun:04:00",
      // Experiments, runs and the model registry live in the server.
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
    });

    this.reviewerPolicy = new IamPolicy(this, "reviewer-policy", {
      name: naming.name("iamPolicy", "mlflow-reviewer"),
      description: "Model reviewers: read experiments and artifacts, promote model versions (attach to the reviewers' SSO permission set)",
      policy: new PolicyDocument([
        ...this.serverAccess([
          "sagemaker-mlflow:AccessUI",
          "sagemaker-mlflow:Get*",
          "sagemaker-mlflow:Search*",
          "sagemaker-mlflow:List*",
          "sagemaker-mlflow:SetRegisteredModelAlias",
          "sagemaker-mlflow:DeleteRegisteredModelAlias",
          "sagemaker-mlflow:SetModelVersionTag",
          "sagemaker-mlflow:TransitionModelVersionStage",
        ]),
        { Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${this.modelsBucket.arn}/*` },
        { Effect: "Allow", Action: ["s3:ListBucket"], Resource: this.modelsBucket.arn },
        { Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: props.keys.key("models").arn },
      ]).render(),
    });
  }

  /** Training workloads: create experiments and runs, log metrics and artifacts, register models. */
  grantTrain(grantee: Grantable): void {
    grantee.addToPolicy(...this.serverAccess(["sagemaker-mlflow:*"]));
    // The MLflow client writes artifacts straight to the artifact store, not through the server.
    this.modelsBucket.grantReadWrite(grantee, MLFLOW_ARTIFACT_PREFIX);
  }

  private serverAccess(actions: readonly string[]): PolicyStatement[] {
    return [
      { Effect: "Allow", Action: [...actions], Resource: this.server.arn },
      {
        Effect: "Allow",
        Action: ["sagemaker:CreatePresignedMlflowTrackingServerUrl", "sagemaker:DescribeMlflowTrackingServer"],
        Resource: this.server.arn,
      },
    ];
  }
}

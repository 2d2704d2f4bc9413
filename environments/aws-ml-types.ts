/**
 * The typed contract of the orchestration (Amazon MWAA) and ML (SageMaker managed MLflow, Evidently
 * drift job) parts of an AWS environment. A part that is off is `{ enabled: false }` and costs
 * nothing; a part that is on carries its sizing. Validated by `checkAwsMlConfig`.
 */

/** MWAA environment classes (`aws mwaa create-environment --environment-class`). */
export const MWAA_ENVIRONMENT_CLASSES = ["mw1.micro", "mw1.small", "mw1.medium", "mw1.large", "mw1.xlarge", "mw1.2xlarge"] as const;
export type MwaaEnvironmentClass = (typeof MWAA_ENVIRONMENT_CLASSES)[number];

/** SageMaker managed MLflow tracking server sizes (provider enum `TrackingServerSize`). */
export const MLFLOW_SERVER_SIZES = ["Small", "Medium", "Large"] as const;
export type MlflowServerSize = (typeof MLFLOW_SERVER_SIZES)[number];

/** The brief's two production models; each gets a drift job run and a drift alarm. */
export const ML_MODELS = ["fraud-detection", "personalization"] as const;
export type MlModel = (typeof ML_MODELS)[number];

/** Amazon MWAA (Airflow) orchestration. Off: the Glue trigger schedules the nightly job instead. */
export type AwsOrchestrationConfig =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** Environment class; `mw1.micro` (one combined scheduler/worker) not in prod. */
      readonly environmentClass: MwaaEnvironmentClass;
      /** Celery workers kept running, 1-25. */
      readonly minWorkers: number;
      /** Autoscaling ceiling (cost bound), `minWorkers`-25. */
      readonly maxWorkers: number;
      /** Schedulers: 2-5 (1 for mw1.micro). */
      readonly schedulers: number;
    };

/** MLflow tracking and Evidently drift monitoring. Requires orchestration (Airflow owns the drift schedule). */
export type AwsMlConfig =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly trackingServerSize: MlflowServerSize;
      /** Models monitored for drift, each listed once. */
      readonly models: readonly MlModel[];
      /** Share of drifted features (0 < x <= 1) above which a model's drift alarm fires. */
      readonly driftThreshold: number;
      /**
       * HTTPS index the drift job's pip installs its pinned packages from. Required when the compute
       * subnets have no NAT (prod): a PyPI mirror reachable inside the VPC (CodeArtifact endpoint, Nexus).
       * @default - PyPI through the NAT gateway
       */
      readonly packageIndexUrl?: string;
    };

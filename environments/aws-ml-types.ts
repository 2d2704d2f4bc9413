/**
 * The typed contract of the orchestration (Amazon MWAA) and ML (SageMaker managed MLflow, Evidently
 * drift job) parts of an AWS environment. A part that is off is `{ enabled: false }` and costs
 * nothing; a part that is on carries its sizing. Validated by `checkAwsMlConfig`. The value tables belong
 * to the constructs that take them (MWAA classes, MLflow sizes, monitored models).
 */
import type { MlModel } from "../constructs/aws/drift-monitor";
import type { MwaaEnvironmentClass } from "../constructs/aws/managed-airflow";
import type { MlflowServerSize } from "../constructs/aws/mlflow-tracking";

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

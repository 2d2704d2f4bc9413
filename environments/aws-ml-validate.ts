import { AwsEnvironment } from "./aws-types";
import { ML_MODELS, MLFLOW_SERVER_SIZES, MWAA_ENVIRONMENT_CLASSES } from "./aws-ml-types";
import { IssueCollector } from "./checks";

/** Orchestration and ML fields of an AWS environment (called by `validateAwsEnvironment`). */
export function checkAwsMlConfig(v: IssueCollector, env: AwsEnvironment): void {
  const prod = env.tier === "prod";
  const o = env.orchestration;
  const ml = env.ml;
  if (prod) v.check(o.enabled, "orchestration.enabled", o.enabled, "true in prod (Airflow schedules the nightly pipeline)");
  if (prod) v.check(ml.enabled, "ml.enabled", ml.enabled, "true in prod (MLflow and drift monitoring of the production models)");

  if (o.enabled) {
    if (v.oneOf(o.environmentClass, MWAA_ENVIRONMENT_CLASSES, "orchestration.environmentClass") && prod) {
      v.check(o.environmentClass !== "mw1.micro", "orchestration.environmentClass", o.environmentClass, "mw1.small or larger in prod");
    }
    v.intBetween(o.minWorkers, 1, 25, "orchestration.minWorkers");
    v.intBetween(o.maxWorkers, o.minWorkers, 25, "orchestration.maxWorkers");
    if (o.environmentClass === "mw1.micro") v.intBetween(o.schedulers, 1, 1, "orchestration.schedulers");
    else v.intBetween(o.schedulers, 2, 5, "orchestration.schedulers");
  }

  if (ml.enabled) {
    v.check(o.enabled, "ml.enabled", ml.enabled, "false unless orchestration.enabled is true (Airflow owns the drift job's schedule)");
    v.oneOf(ml.trackingServerSize, MLFLOW_SERVER_SIZES, "ml.trackingServerSize");
    v.check(ml.models.length > 0, "ml.models", ml.models, `at least one of ${ML_MODELS.join(", ")}`);
    const seen = new Set<string>();
    ml.models.forEach((m, i) => {
      v.oneOf(m, ML_MODELS, `ml.models[${i}]`);
      v.check(!seen.has(m), `ml.models[${i}]`, m, "a model listed once");
      seen.add(m);
    });
    v.check(
      ml.driftThreshold > 0 && ml.driftThreshold <= 1,
      "ml.driftThreshold",
      ml.driftThreshold,
      "a share of features above 0 and at most 1",
    );
    if (ml.packageIndexUrl !== undefined) {
      v.check(
        /^https:\/\/\S+$/.test(ml.packageIndexUrl),
        "ml.packageIndexUrl",
        ml.packageIndexUrl,
        "an https:// URL of a PyPI-compatible index",
      );
    }
    if (env.network.natGateways === 0) {
      v.check(
        ml.packageIndexUrl !== undefined,
        "ml.packageIndexUrl",
        ml.packageIndexUrl,
        "a PyPI mirror reachable inside the VPC (network.natGateways is 0: the drift job cannot reach PyPI)",
      );
    }
  }
}

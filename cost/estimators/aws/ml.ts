import { HOURS_PER_MONTH } from "../../pricebook";
import { num, str } from "../../stack";
import { Estimator } from "../context";

/** The environment classes' size word in the price book (mw1.small -> small). */
const mwaaSize = (environmentClass: string | undefined): string => (environmentClass ?? "mw1.small").toLowerCase().replace(/^mw1\./, "");

/**
 * aws_mwaa_environment: the always-on environment (web server, the default two schedulers and one
 * worker), plus workers kept above one by `min_workers` and schedulers above two, all at the class's
 * rate around the clock; autoscaled worker hours and the metadata database from usage.
 */
export const mwaaEnvironment: Estimator = (ctx) => {
  const size = mwaaSize(str(ctx.config.environment_class));
  const baseWorkers = Math.max(0, (num(ctx.config.min_workers) ?? 1) - 1);
  const extraSchedulers = Math.max(0, (num(ctx.config.schedulers) ?? 2) - 2);
  const burst = ctx.usage("autoscaledWorkerHours");
  const db = ctx.usage("metaDatabaseGb");
  ctx.note("assumes the environment price covers one worker and two schedulers (MWAA v2 defaults)");
  return [
    ...ctx.line({
      name: `Environment (${size})`,
      kind: "compute",
      service: "mwaa",
      meter: `environment/${size}`,
      quantity: HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: `Workers kept by min_workers (${baseWorkers})`,
      kind: "compute",
      service: "mwaa",
      meter: `worker/${size}`,
      quantity: baseWorkers * HOURS_PER_MONTH,
      unitIfNotPriced: "worker-hours",
    }),
    ...ctx.line({
      name: "Autoscaled workers",
      kind: "compute",
      service: "mwaa",
      meter: `worker/${size}`,
      quantity: burst.value,
      usage: [burst],
      unitIfNotPriced: "worker-hours",
    }),
    ...ctx.line({
      name: `Additional schedulers (${extraSchedulers})`,
      kind: "compute",
      service: "mwaa",
      meter: `scheduler/${size}`,
      quantity: extraSchedulers * HOURS_PER_MONTH,
      unitIfNotPriced: "scheduler-hours",
    }),
    ...ctx.line({
      name: "Meta database",
      kind: "storage",
      service: "mwaa",
      meter: "meta-database",
      quantity: db.value,
      usage: [db],
      unitIfNotPriced: "GB-months",
    }),
  ];
};

/** aws_sagemaker_mlflow_tracking_server: the server size around the clock (billed while it exists). */
export const mlflowTrackingServer: Estimator = (ctx) => {
  const size = (str(ctx.config.tracking_server_size) ?? "Small").toLowerCase();
  return ctx.line({
    name: `MLflow tracking server (${size})`,
    kind: "compute",
    service: "sagemaker",
    meter: `mlflow-tracking-server/${size}`,
    quantity: HOURS_PER_MONTH,
    unitIfNotPriced: "hours",
  });
};

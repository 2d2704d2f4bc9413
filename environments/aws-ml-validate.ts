import { AwsEnvironment } from "./aws-types";
import { driftMonitorRules } from "../constructs/aws/drift-monitor";
import { managedAirflowSizingRules } from "../constructs/aws/managed-airflow";
import { mlflowTrackingRules } from "../constructs/aws/mlflow-tracking";
import { IssueCollector } from "./checks";

/**
 * Orchestration and ML fields of an AWS environment (called by `validateAwsEnvironment`): the MWAA,
 * MLflow and drift-monitor constructs' rules, plus what prod requires and what ties the parts together.
 */
export function checkAwsMlConfig(v: IssueCollector, env: AwsEnvironment): void {
  const prod = env.tier === "prod";
  const o = env.orchestration;
  const ml = env.ml;
  if (prod) v.check(o.enabled, "orchestration.enabled", o.enabled, "true in prod (Airflow schedules the nightly pipeline)");
  if (prod) v.check(ml.enabled, "ml.enabled", ml.enabled, "true in prod (MLflow and drift monitoring of the production models)");

  if (o.enabled) {
    v.add(managedAirflowSizingRules(o), "orchestration.");
    if (prod)
      v.check(o.environmentClass !== "mw1.micro", "orchestration.environmentClass", o.environmentClass, "mw1.small or larger in prod");
  }

  if (ml.enabled) {
    v.check(o.enabled, "ml.enabled", ml.enabled, "false unless orchestration.enabled is true (Airflow owns the drift job's schedule)");
    v.add(mlflowTrackingRules(ml), "ml.");
    // The stack gives the drift job internet egress exactly when the compute subnets have a NAT gateway.
    v.add(driftMonitorRules({ ...ml, internetEgress: env.network.natGateways > 0 }), "ml.");
  }
}

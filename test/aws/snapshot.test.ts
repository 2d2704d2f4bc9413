import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { synthAws } from "../helpers/synth";

/**
 * Exact counts per environment, from its intent: 11 data-domain keys (+1 for the DR vault in prod); 5
 * buckets (+ models and DAG buckets where ML and Airflow run); 7 SLA alarms + 13 CIS 4.x CloudTrail
 * alarms (4.1-4.8, 4.10-4.14) + one drift alarm per model where ML runs; a writer + readers; 8 roles
 * (+ Airflow, MLflow and drift roles where they run); one NAT gateway except in prod.
 * Dev runs Snowflake + Atlas: their two SLA rows alert natively (no CloudWatch alarm), no DocumentDB,
 * two more CDC sinks, and roles -Redshift +Snowflake ingest +Snowflake sink +Atlas KMS +Atlas sink.
 */
const COUNTS: Record<string, object> = {
  dev: { kmsKeys: 11, buckets: 5, alarms: 18, auroraInstances: 1, docdbInstances: 0, connectors: 4, roles: 11, natGateways: 1 },
  staging: { kmsKeys: 11, buckets: 7, alarms: 22, auroraInstances: 2, docdbInstances: 2, connectors: 2, roles: 11, natGateways: 1 },
  prod: { kmsKeys: 12, buckets: 7, alarms: 22, auroraInstances: 3, docdbInstances: 3, connectors: 2, roles: 11, natGateways: 0 },
};

/** Tripwire: any change to the synthesized JSON shows up in review. Paired with exact counts below. */
describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s snapshot", (_name, env) => {
  const synth = synthAws(env);

  test("matches the reviewed snapshot", () => {
    expect(synth.json).toMatchSnapshot();
  });

  test("exact counts of the resources that matter", () => {
    const count = (t: string) => synth.entries(t).length;
    expect({
      kmsKeys: count("aws_kms_key"),
      buckets: count("aws_s3_bucket"),
      alarms: count("aws_cloudwatch_metric_alarm"),
      auroraInstances: count("aws_rds_cluster_instance"),
      docdbInstances: count("aws_docdb_cluster_instance"),
      connectors: count("aws_mskconnect_connector"),
      roles: count("aws_iam_role"),
      natGateways: count("aws_nat_gateway"),
    }).toEqual(COUNTS[env.name]);
  });
});

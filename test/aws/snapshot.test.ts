import { SLA_ALARMS } from "../../constructs/aws/alarms";
import { DATA_KEY_DOMAINS } from "../../constructs/aws/kms-keys";
import { AWS_ENVIRONMENTS, resourcesOf, synthAws } from "./helpers";

/**
 * Staging and prod add the models and DAG buckets, a drift alarm per model, and the Airflow, MLflow
 * and drift roles; dev runs none of them.
 */
const ML_EXTRAS: Record<string, { buckets: number; alarms: number; roles: number }> = {
  dev: { buckets: 0, alarms: 0, roles: 0 },
  staging: { buckets: 2, alarms: 2, roles: 3 },
  prod: { buckets: 2, alarms: 2, roles: 3 },
};

/**
 * Dev runs Snowflake + Atlas: their two SLA rows alert natively (no CloudWatch alarm), no DocumentDB, two
 * more CDC sinks, and roles -Redshift +Snowflake ingest +Snowflake sink +Atlas KMS +Atlas sink.
 */
const ENGINE_EXTRAS: Record<string, { alarms: number; docdb: boolean; connectors: number; roles: number }> = {
  dev: { alarms: -2, docdb: false, connectors: 2, roles: 3 },
  staging: { alarms: 0, docdb: true, connectors: 0, roles: 0 },
  prod: { alarms: 0, docdb: true, connectors: 0, roles: 0 },
};

/** Tripwire: any change to the synthesized JSON shows up in review. Paired with exact counts below. */
describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s snapshot", (_name, env) => {
  const { json } = synthAws(env);

  test("matches the reviewed snapshot", () => {
    expect(json).toMatchSnapshot();
  });

  test("exact counts of the resources that matter", () => {
    const count = (t: string) => resourcesOf(json, t).length;
    expect({
      kmsKeys: count("aws_kms_key"),
      buckets: count("aws_s3_bucket"),
      alarms: count("aws_cloudwatch_metric_alarm"),
      auroraInstances: count("aws_rds_cluster_instance"),
      docdbInstances: count("aws_docdb_cluster_instance"),
      connectors: count("aws_mskconnect_connector"),
      roles: count("aws_iam_role"),
      natGateways: count("aws_nat_gateway"),
    }).toEqual({
      kmsKeys: DATA_KEY_DOMAINS.length + (env.drRegion ? 1 : 0),
      buckets: 5 + ML_EXTRAS[env.name].buckets,
      // the SLA rows, the 13 CIS 4.x CloudTrail alarms (4.1-4.8, 4.10-4.14) and the drift alarms where ML runs
      alarms: SLA_ALARMS.length + 13 + ML_EXTRAS[env.name].alarms + ENGINE_EXTRAS[env.name].alarms,
      auroraInstances: 1 + env.sizing.aurora.readerCount,
      docdbInstances: ENGINE_EXTRAS[env.name].docdb ? env.sizing.documentDb.instanceCount : 0,
      connectors: 2 + ENGINE_EXTRAS[env.name].connectors,
      roles: 8 + ML_EXTRAS[env.name].roles + ENGINE_EXTRAS[env.name].roles,
      natGateways: env.network.natGateways,
    });
  });
});

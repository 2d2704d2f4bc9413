import { SLA_ALARMS } from "../../constructs/aws/alarms";
import { DATA_KEY_DOMAINS } from "../../constructs/aws/kms-keys";
import { AWS_ENVIRONMENTS, resourcesOf, synthAws } from "./helpers";

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
      buckets: 5,
      // staging runs Snowflake + Atlas: their SLA rows alert natively, no DocumentDB, two more sinks, and
      // roles: - Redshift + Snowflake ingest + Snowflake sink + Atlas KMS + Atlas sink.
      alarms: { dev: SLA_ALARMS.length, staging: SLA_ALARMS.length - 2, prod: SLA_ALARMS.length }[env.name],
      auroraInstances: 1 + env.sizing.aurora.readerCount,
      docdbInstances: { dev: env.sizing.documentDb.instanceCount, staging: 0, prod: env.sizing.documentDb.instanceCount }[env.name],
      connectors: { dev: 2, staging: 4, prod: 2 }[env.name],
      roles: { dev: 8, staging: 11, prod: 8 }[env.name],
      natGateways: env.network.natGateways,
    });
  });
});

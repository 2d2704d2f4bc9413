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
      // the SLA rows plus the 13 CIS 4.x CloudTrail alarms (4.1-4.8, 4.10-4.14)
      alarms: SLA_ALARMS.length + 13,
      auroraInstances: 1 + env.sizing.aurora.readerCount,
      docdbInstances: env.sizing.documentDb.instanceCount,
      connectors: 2,
      roles: 8,
      natGateways: env.network.natGateways,
    });
  });
});

/**
 * One rule, two callers: a construct refuses its own bad props (naming its path, so the stack id names
 * the environment), and the environment validator refuses the same value earlier with the environment's
 * field name, because it composes the construct's rule function instead of writing the rule again.
 */
import { Testing } from "cdktf";
import { InvalidPropsError } from "../../constructs/shared/rules";
import { awsDev } from "../../environments/aws-dev";
import { awsStaging } from "../../environments/aws-staging";
import { AwsEnvironment } from "../../environments/aws-types";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";

function edited(base: AwsEnvironment, mutate: (e: any) => void): AwsEnvironment {
  const e = structuredClone(base) as any;
  mutate(e);
  return e;
}

// [what, environment, edit, the validator's line, the construct's line]
const CASES: readonly [string, AwsEnvironment, (e: any) => void, string, RegExp][] = [
  [
    "Aurora class",
    awsDev,
    (e) => (e.sizing.aurora.instanceClass = "db.m5.large"),
    'sizing.aurora.instanceClass: got "db.m5.large"; allowed: an Aurora PostgreSQL instance class: one of',
    /^AuroraPostgres aws-dev\/\S+ has invalid props \(1 problem\):\n {2}- sizing\.instanceClass: got "db\.m5\.large"; allowed: an Aurora PostgreSQL instance class/,
  ],
  [
    "MSK brokers",
    awsDev,
    (e) => (e.sizing.msk.brokerCount = 4),
    "sizing.msk.brokerCount: got 4; allowed: a multiple of the 3 availability zones, from 3 to 30",
    /^KafkaCluster aws-dev\/\S+ has invalid props \(1 problem\):\n {2}- sizing\.brokerCount: got 4; allowed: a multiple of the 3 availability zones/,
  ],
  [
    "MSK Connect units",
    awsDev,
    (e) => (e.sizing.mskConnect.mcuCount = 3),
    "sizing.mskConnect.mcuCount: got 3; allowed: one of 1, 2, 4, 8",
    /^MSK Connect connector \S+ \(aws-dev\/\S+\) has invalid props \(1 problem\):\n {2}- capacity\.mcuCount: got 3; allowed: one of 1, 2, 4, 8/,
  ],
  [
    "plugin key",
    awsDev,
    (e) => (e.cdc.debeziumPlugin.key = "debezium.tar.gz"),
    'cdc.debeziumPlugin.key: got "debezium.tar.gz"; allowed: an object key ending in .zip or .jar',
    /^MSK Connect connector cdc-source \(aws-dev\/\S+\) has invalid props \(1 problem\):\n {2}- plugin\.key: got "debezium\.tar\.gz"/,
  ],
  [
    "Glue workers",
    awsDev,
    (e) => (e.sizing.glue.numberOfWorkers = 1),
    "sizing.glue.numberOfWorkers: got 1; allowed: an integer from 2 to 299",
    /^SparkEtl aws-dev\/etl has invalid props \(1 problem\):\n {2}- sizing\.numberOfWorkers: got 1; allowed: an integer from 2 to 299/,
  ],
  [
    "Snowflake account",
    awsDev,
    (e) => (e.snowflake.accountName = "pay-dev"),
    'snowflake.accountName: got "pay-dev"; allowed: uppercase letters, digits and _, starting with a letter',
    /^SnowflakeWarehouse aws-dev\/\S+ has invalid props \(1 problem\):\n {2}- config\.accountName: got "pay-dev"/,
  ],
  [
    "Atlas disk",
    awsDev,
    (e) => (e.mongodbAtlas.diskSizeGb = 5),
    "mongodbAtlas.diskSizeGb: got 5; allowed: an integer from 10 to 4096",
    /^MongoAtlasCluster aws-dev\/\S+ has invalid props \(1 problem\):\n {2}- config\.diskSizeGb: got 5; allowed: an integer from 10 to 4096/,
  ],
  [
    "Atlas sink tables",
    awsDev,
    (e) => (e.cdc.tables = ["refund"]),
    'cdc.tables: got ["refund"]; allowed: a list including "payment" (into transactions): the Atlas sink writes only mapped tables',
    /^MongoAtlasSinkConnector aws-dev\/\S+ has invalid props \(1 problem\):\n {2}- tables: got \["refund"\]/,
  ],
  [
    "Redshift base capacity",
    awsStaging,
    (e) => (e.sizing.redshift.baseCapacityRpu = 12),
    "sizing.redshift.baseCapacityRpu: got 12; allowed: a multiple of 8 from 8 to 1024 RPUs",
    /^RedshiftWarehouse aws-staging\/\S+ has invalid props \(1 problem\):\n {2}- sizing\.baseCapacityRpu: got 12/,
  ],
  [
    "DocumentDB class",
    awsStaging,
    (e) => (e.sizing.documentDb.instanceClass = "db.m5.large"),
    'sizing.documentDb.instanceClass: got "db.m5.large"; allowed: a DocumentDB instance class',
    /^DocumentStore aws-staging\/\S+ has invalid props \(1 problem\):\n {2}- sizing\.instanceClass: got "db\.m5\.large"/,
  ],
  [
    "Airflow schedulers",
    awsStaging,
    (e) => (e.orchestration.schedulers = 6),
    "orchestration.schedulers: got 6; allowed: an integer from 2 to 5",
    /^ManagedAirflow aws-staging\/\S+ has invalid props \(1 problem\):\n {2}- sizing\.schedulers: got 6; allowed: an integer from 2 to 5/,
  ],
  [
    "MLflow size",
    awsStaging,
    (e) => (e.ml.trackingServerSize = "XL"),
    'ml.trackingServerSize: got "XL"; allowed: one of Small, Medium, Large',
    /^MlflowTracking aws-staging\/\S+ has invalid props \(1 problem\):\n {2}- trackingServerSize: got "XL"/,
  ],
  [
    "drift threshold",
    awsStaging,
    (e) => (e.ml.driftThreshold = 1.5),
    "ml.driftThreshold: got 1.5; allowed: a share of features above 0 and at most 1",
    /^DriftMonitor aws-staging\/\S+ has invalid props \(1 problem\):\n {2}- driftThreshold: got 1\.5/,
  ],
];

describe("a construct's rule is enforced by the construct and composed by the environment validator", () => {
  test.each(CASES)("%s", (_what, base, mutate, validatorLine, constructLine) => {
    const env = edited(base, mutate);
    expect(() => validateAwsEnvironment(env)).toThrow(`Invalid environment "${base.name}" (1 problem):\n  - ${validatorLine}`);
    const build = () => new AwsPlatformStack(Testing.app(), `aws-${base.name}`, { environment: env });
    expect(build).toThrow(InvalidPropsError);
    expect(build).toThrow(constructLine);
  });
});

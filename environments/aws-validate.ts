import { checkAwsMlConfig } from "./aws-ml-validate";
import { AwsMlConfig, AwsOrchestrationConfig } from "./aws-ml-types";
import {
  AwsCdcConfig,
  AwsEnvironment,
  AwsEtlConfig,
  AwsNetworkConfig,
  AwsRetentionConfig,
  AwsSizing,
  AwsStateBackendConfig,
  GLUE_WORKER_TYPES,
  GlueSizing,
  MskConnectSizing,
  POSTGRES_CDC_TABLES,
  S3ObjectLocation,
  regionOf,
} from "./aws-types";
import type { MskSizing } from "../constructs/aws/kafka-cluster";
import type { DocumentDbSizing } from "../constructs/aws/document-store";
import type { RedshiftSizing } from "../constructs/aws/redshift-warehouse";
import type { AuroraSizing } from "../constructs/aws/aurora-postgres";
import { AWS_REGIONS } from "../constructs/aws/regions";
import {
  IssueCollector,
  checkAddressPlan,
  checkAlertContacts,
  checkBudget,
  checkPolicyConfig,
  checkRequiredTags,
  checkNetworksDoNotOverlap,
  checkDistinct,
  EnvironmentSetIssues,
} from "./checks";
import { AURORA_POSTGRES_INSTANCE_CLASSES, AURORA_POSTGRES_VERSIONS, AWS_REGION_AZS, MSK_KAFKA_VERSIONS } from "./aws-catalog";
import { awsCronProblems } from "./aws-cron";
import {
  ALERT_CONTACTS_SHAPE,
  BUDGET_SHAPE,
  POLICY_SHAPE,
  REQUIRED_TAGS_SHAPE,
  bool,
  checkShape,
  environmentLabel,
  list,
  num,
  object,
  optional,
  switched,
  tagged,
  text,
} from "./shape";
import { MONGODB_ATLAS_SHAPE, SNOWFLAKE_SHAPE, checkAwsEngines } from "./aws-engines-validate";
import { ENVIRONMENT_TIERS } from "./types";

/** Retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const DOCDB_CLASS = /^db\.(t3|t4g|r5|r6g|r6gd|r8g)\.(medium|large|xlarge|\d{1,2}xlarge)$/;
const MSK_BROKER = /^kafka\.(t3\.small|m5\.(large|\d{0,2}xlarge)|m7g\.(large|\d{0,2}xlarge))$/;
const BURSTABLE = /^(db|kafka)\.t\d/;
const S3_BUCKET = /^[a-z0-9](?!.*\.\.)[a-z0-9.-]{1,61}[a-z0-9]$/;
const KMS_KEY_REF = /^(arn:aws:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|alias\/[A-Za-z0-9/_-]+)$/;

const S3_OBJECT_SHAPE = object<S3ObjectLocation>({ bucket: text, key: text, objectVersion: optional(text) });

/** The runtime shape of `AwsEnvironment` (the compiler keeps it complete). */
const AWS_ENVIRONMENT_SHAPE = object<AwsEnvironment>({
  name: text,
  tier: text,
  workload: text,
  accountId: text,
  region: optional(text),
  drRegion: optional(text),
  availabilityZones: list(text),
  network: object<AwsNetworkConfig>({
    vpcCidr: text,
    dataSubnets: list(text),
    computeSubnets: list(text),
    publicSubnets: optional(list(text)),
    natGateways: num,
  }),
  tags: REQUIRED_TAGS_SHAPE,
  retention: object<AwsRetentionConfig>({ logDays: num, backupDays: num, snapshotDays: num, kmsDeletionWindowDays: num }),
  alertContacts: ALERT_CONTACTS_SHAPE,
  budget: optional(BUDGET_SHAPE),
  stateBackend: tagged<AwsStateBackendConfig>({
    local: { kind: text, path: optional(text) },
    s3: { kind: text, bucket: text, key: text, region: text, encrypt: bool, kmsKeyId: optional(text) },
  }),
  sizing: object<AwsSizing>({
    aurora: object<AuroraSizing>({ instanceClass: text, readerCount: num, engineVersion: text }),
    redshift: object<RedshiftSizing>({ baseCapacityRpu: num, maxCapacityRpu: num }),
    documentDb: object<DocumentDbSizing>({ instanceClass: text, instanceCount: num }),
    msk: object<MskSizing>({ brokerInstanceType: text, brokerCount: num, ebsVolumeGb: num, kafkaVersion: text }),
    mskConnect: object<MskConnectSizing>({ mcuCount: num, minWorkers: num, maxWorkers: num }),
    glue: object<GlueSizing>({ workerType: text, numberOfWorkers: num, timeoutMinutes: num }),
  }),
  cdc: object<AwsCdcConfig>({
    debeziumPlugin: S3_OBJECT_SHAPE,
    s3SinkPlugin: S3_OBJECT_SHAPE,
    tables: list(text),
    snowflakeSinkPlugin: optional(S3_OBJECT_SHAPE),
    mongoSinkPlugin: optional(S3_OBJECT_SHAPE),
  }),
  etl: object<AwsEtlConfig>({ scheduleEnabled: bool, schedule: text }),
  orchestration: switched<AwsOrchestrationConfig>({
    on: { enabled: bool, environmentClass: text, minWorkers: num, maxWorkers: num, schedulers: num },
    off: { enabled: bool },
  }),
  ml: switched<AwsMlConfig>({
    on: { enabled: bool, trackingServerSize: text, models: list(text), driftThreshold: num, packageIndexUrl: optional(text) },
    off: { enabled: bool },
  }),
  warehouse: text,
  documentStore: text,
  snowflake: optional(SNOWFLAKE_SHAPE),
  mongodbAtlas: optional(MONGODB_ATLAS_SHAPE),
  policy: POLICY_SHAPE,
  deletionProtection: bool,
});

/**
 * Validates an AWS environment before any construct is built.
 * Throws one `EnvironmentConfigError` that lists every problem with its field, value and what is allowed.
 */
export function validateAwsEnvironment(env: AwsEnvironment): AwsEnvironment {
  // Types first: every later check may dereference any field.
  const shape = new IssueCollector();
  checkShape(shape, env, AWS_ENVIRONMENT_SHAPE, "");
  shape.throwIfAny(environmentLabel(env));

  const v = new IssueCollector();
  const prod = env.tier === "prod";
  const region = regionOf(env);

  v.check(/^[a-z][a-z0-9]{1,7}$/.test(env.name), "name", env.name, "2-8 lowercase letters or digits, starting with a letter");
  v.oneOf(env.tier, ENVIRONMENT_TIERS, "tier");
  v.check(/^[a-z][a-z0-9]{1,5}$/.test(env.workload), "workload", env.workload, "2-6 lowercase letters or digits, starting with a letter");
  v.check(/^\d{12}$/.test(env.accountId), "accountId", env.accountId, "a 12-digit AWS account id");
  if (env.region !== undefined) v.oneOf(env.region, AWS_REGIONS, "region");
  if (prod) v.check(env.region !== undefined, "region", env.region, "an explicit region in prod (no default is applied to prod)");
  if (env.drRegion !== undefined) {
    v.oneOf(env.drRegion, AWS_REGIONS, "drRegion");
    v.check(env.drRegion !== region, "drRegion", env.drRegion, `a region other than region (${region})`);
  }
  if (prod) v.check(env.drRegion !== undefined, "drRegion", env.drRegion, "a region for cross-region backup copies (required in prod)");

  // Availability zones: three distinct zones of the region.
  v.check(env.availabilityZones.length === 3, "availabilityZones", env.availabilityZones, "exactly 3 availability zones");
  const zones: readonly string[] | undefined = Object.hasOwn(AWS_REGION_AZS, region) ? AWS_REGION_AZS[region] : undefined;
  if (zones !== undefined) {
    env.availabilityZones.forEach((az, i) =>
      v.check(zones.includes(az), `availabilityZones[${i}]`, az, `a zone of ${region}: one of ${zones.join(", ")}`),
    );
  }
  v.check(
    new Set(env.availabilityZones).size === env.availabilityZones.length,
    "availabilityZones",
    env.availabilityZones,
    "three distinct zones",
  );

  // Network
  const n = env.network;
  const tier = (field: string, cidrs: readonly string[] | undefined) =>
    (cidrs ?? []).map((cidr, i) => ({ field: `network.${field}[${i}]`, cidr, maxPrefix: 27 }));
  v.check(n.dataSubnets.length === 3, "network.dataSubnets", n.dataSubnets, "one subnet per availability zone (3)");
  v.check(n.computeSubnets.length === 3, "network.computeSubnets", n.computeSubnets, "one subnet per availability zone (3)");
  checkAddressPlan(v, { field: "network.vpcCidr", cidr: n.vpcCidr }, [
    ...tier("dataSubnets", n.dataSubnets),
    ...tier("computeSubnets", n.computeSubnets),
    ...tier("publicSubnets", n.publicSubnets),
  ]);
  v.oneOf(n.natGateways, [0, 1, 3] as const, "network.natGateways");
  if (n.natGateways > 0) {
    v.check(
      n.publicSubnets?.length === 3,
      "network.publicSubnets",
      n.publicSubnets,
      "three public subnets for the NAT gateways (natGateways > 0)",
    );
  } else {
    v.check(
      n.publicSubnets === undefined,
      "network.publicSubnets",
      n.publicSubnets,
      "unset when natGateways is 0 (no internet gateway is created)",
    );
  }
  if (prod)
    v.check(n.natGateways !== 1, "network.natGateways", n.natGateways, "0 or 3 in prod (a single NAT gateway is a single-AZ dependency)");

  // Tags
  checkRequiredTags(v, env.tags, env.name);
  if (prod)
    v.check(
      env.tags.dataClassification === "restricted",
      "tags.dataClassification",
      env.tags.dataClassification,
      '"restricted" in prod (the cardholder data environment)',
    );

  // Retention
  const r = env.retention;
  const logMin = prod ? 365 : 90;
  v.check(
    (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(r.logDays) && r.logDays >= logMin,
    "retention.logDays",
    r.logDays,
    `a CloudWatch Logs retention of at least ${logMin} days: ${CLOUDWATCH_RETENTION_DAYS.filter((d) => d >= logMin).join(", ")}`,
  );
  v.intBetween(r.backupDays, prod ? 35 : 7, 35, "retention.backupDays");
  v.intBetween(r.snapshotDays, Math.max(prod ? 365 : 7, r.backupDays), 3650, "retention.snapshotDays");
  v.intBetween(r.kmsDeletionWindowDays, prod ? 30 : 7, 30, "retention.kmsDeletionWindowDays");

  // Alerts and budget
  checkAlertContacts(v, env.alertContacts);
  checkBudget(v, env.budget, prod);

  // State
  const s = env.stateBackend;
  if (s.kind === "local") {
    v.check(
      env.tier === "dev",
      "stateBackend.kind",
      s.kind,
      `"s3" (local state is allowed for dev only; ${env.tier} state must be shared, encrypted and locked)`,
    );
  } else {
    v.check(
      S3_BUCKET.test(s.bucket),
      "stateBackend.bucket",
      s.bucket,
      "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens",
    );
    v.check(/^[A-Za-z0-9._/-]+\.tfstate$/.test(s.key), "stateBackend.key", s.key, "an object key ending in .tfstate");
    v.oneOf(s.region, AWS_REGIONS, "stateBackend.region");
    v.check(s.encrypt === true, "stateBackend.encrypt", s.encrypt, "true (state holds resource attributes and must be encrypted)");
    if (s.kmsKeyId !== undefined)
      v.check(KMS_KEY_REF.test(s.kmsKeyId), "stateBackend.kmsKeyId", s.kmsKeyId, "a KMS key ARN, alias ARN or alias/<name>");
    if (prod) v.check(s.kmsKeyId !== undefined, "stateBackend.kmsKeyId", s.kmsKeyId, "a customer managed KMS key (required in prod)");
  }

  // Sizing: Aurora
  const a = env.sizing.aurora;
  checkDatabaseClass(
    v,
    "sizing.aurora.instanceClass",
    a.instanceClass,
    AURORA_POSTGRES_INSTANCE_CLASSES.includes(a.instanceClass),
    `an Aurora PostgreSQL instance class: one of ${AURORA_POSTGRES_INSTANCE_CLASSES.join(", ")}`,
    prod,
  );
  v.intBetween(a.readerCount, prod ? 2 : 0, 15, "sizing.aurora.readerCount");
  v.check(
    (AURORA_POSTGRES_VERSIONS as readonly string[]).includes(a.engineVersion),
    "sizing.aurora.engineVersion",
    a.engineVersion,
    `an Aurora PostgreSQL release, 14 or later: one of ${AURORA_POSTGRES_VERSIONS.join(", ")}`,
  );

  // Sizing: Redshift Serverless
  const rs = env.sizing.redshift;
  v.check(
    Number.isInteger(rs.baseCapacityRpu) && rs.baseCapacityRpu >= 8 && rs.baseCapacityRpu <= 1024 && rs.baseCapacityRpu % 8 === 0,
    "sizing.redshift.baseCapacityRpu",
    rs.baseCapacityRpu,
    "a multiple of 8 from 8 to 1024 RPUs",
  );
  v.check(
    Number.isInteger(rs.maxCapacityRpu) && rs.maxCapacityRpu >= rs.baseCapacityRpu && rs.maxCapacityRpu <= 5632,
    "sizing.redshift.maxCapacityRpu",
    rs.maxCapacityRpu,
    `an integer from baseCapacityRpu (${rs.baseCapacityRpu}) to 5632`,
  );

  // Sizing: DocumentDB
  const d = env.sizing.documentDb;
  checkDatabaseClass(
    v,
    "sizing.documentDb.instanceClass",
    d.instanceClass,
    DOCDB_CLASS.test(d.instanceClass),
    "a DocumentDB instance class, e.g. db.r6g.large",
    prod,
  );
  v.intBetween(d.instanceCount, prod ? 3 : 1, 16, "sizing.documentDb.instanceCount");

  // Sizing: MSK
  const m = env.sizing.msk;
  if (
    v.check(
      MSK_BROKER.test(m.brokerInstanceType),
      "sizing.msk.brokerInstanceType",
      m.brokerInstanceType,
      "an MSK broker type, e.g. kafka.m7g.large",
    )
  ) {
    if (prod)
      v.check(
        !BURSTABLE.test(m.brokerInstanceType),
        "sizing.msk.brokerInstanceType",
        m.brokerInstanceType,
        "kafka.m5.* or kafka.m7g.* in prod, not kafka.t3.small",
      );
  }
  v.check(
    Number.isInteger(m.brokerCount) && m.brokerCount >= 3 && m.brokerCount <= 30 && m.brokerCount % 3 === 0,
    "sizing.msk.brokerCount",
    m.brokerCount,
    "a multiple of the 3 availability zones, from 3 to 30",
  );
  v.intBetween(m.ebsVolumeGb, 1, 16384, "sizing.msk.ebsVolumeGb");
  v.oneOf(m.kafkaVersion, MSK_KAFKA_VERSIONS as readonly string[], "sizing.msk.kafkaVersion");

  // Sizing: MSK Connect
  const mc = env.sizing.mskConnect;
  v.oneOf(mc.mcuCount, [1, 2, 4, 8] as const, "sizing.mskConnect.mcuCount");
  v.intBetween(mc.minWorkers, 1, 10, "sizing.mskConnect.minWorkers");
  v.intBetween(mc.maxWorkers, mc.minWorkers, 10, "sizing.mskConnect.maxWorkers");

  // Sizing: Glue
  const g = env.sizing.glue;
  v.oneOf(g.workerType, GLUE_WORKER_TYPES, "sizing.glue.workerType");
  v.intBetween(g.numberOfWorkers, 2, 299, "sizing.glue.numberOfWorkers");
  v.intBetween(g.timeoutMinutes, 10, 2880, "sizing.glue.timeoutMinutes");

  // CDC
  const plugins = [
    ["cdc.debeziumPlugin", env.cdc.debeziumPlugin],
    ["cdc.s3SinkPlugin", env.cdc.s3SinkPlugin],
  ] as const;
  for (const [field, loc] of plugins) {
    v.check(
      S3_BUCKET.test(loc.bucket),
      `${field}.bucket`,
      loc.bucket,
      "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens",
    );
    v.check(/^[A-Za-z0-9!_.*'()/-]+\.(zip|jar)$/.test(loc.key), `${field}.key`, loc.key, "an object key ending in .zip or .jar");
  }
  const seen = new Set<string>();
  v.check(env.cdc.tables.length > 0, "cdc.tables", env.cdc.tables, "at least one table of schema payments");
  env.cdc.tables.forEach((t, i) => {
    v.oneOf(t, POSTGRES_CDC_TABLES, `cdc.tables[${i}]`);
    v.check(!seen.has(t), `cdc.tables[${i}]`, t, "a table listed once");
    seen.add(t);
  });

  // ETL
  for (const problem of awsCronProblems(env.etl.schedule)) {
    v.check(false, "etl.schedule", env.etl.schedule, `an AWS cron expression: ${problem}`);
  }

  checkAwsMlConfig(v, env);

  // Engines (Redshift/Snowflake, DocumentDB/Atlas)
  checkAwsEngines(v, env);

  // Policy
  checkPolicyConfig(v, env.policy, prod);

  if (prod) v.check(env.deletionProtection, "deletionProtection", env.deletionProtection, "true in prod");

  v.throwIfAny(env.name);
  return env;
}

/**
 * Checks what no single file can: unique names, accounts and state objects, and VPC ranges that do not
 * overlap (environments are attached to one transit gateway, so overlapping ranges cannot be routed).
 * Run it on environments that passed `validateAwsEnvironment`.
 */
export function validateAwsEnvironmentSet(envs: readonly AwsEnvironment[]): void {
  const v = new EnvironmentSetIssues();
  const names = new Set<string>();
  const accounts = new Set<string>();
  for (const env of envs) {
    v.check(env.name, !names.has(env.name), "name", env.name, "a name no other AWS environment uses");
    v.check(
      env.name,
      !accounts.has(env.accountId),
      "accountId",
      env.accountId,
      "an account no other AWS environment uses (account-level singletons such as the Glue catalog encryption would collide)",
    );
    names.add(env.name);
    accounts.add(env.accountId);
  }
  checkDistinct(
    v,
    "stateBackend.key",
    envs.map((e) => ({ name: e.name, value: stateLocation(e) })),
    "a state object",
    "two stacks writing one state destroy each other's resources on apply",
  );
  checkNetworksDoNotOverlap(
    v,
    "network.vpcCidr",
    envs.map((e) => ({ name: e.name, cidr: e.network.vpcCidr })),
  );
  v.throwIfAny();
}

/** Where the environment's state lives, comparable across environments. */
function stateLocation(env: AwsEnvironment): string {
  const s = env.stateBackend;
  return s.kind === "local" ? `local:${s.path ?? `terraform.aws-${env.name}.tfstate`}` : `s3://${s.bucket}/${s.key}`;
}

/** A database instance class of the right family; prod refuses burstable (db.t*) classes, whose CPU credits run out under load. */
function checkDatabaseClass(v: IssueCollector, field: string, value: string, offered: boolean, allowed: string, prod: boolean): void {
  if (v.check(offered, field, value, allowed) && prod) {
    v.check(!BURSTABLE.test(value), field, value, "a non-burstable class in prod (db.r*), not db.t*");
  }
}

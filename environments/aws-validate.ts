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
  GlueSizing,
  MskConnectSizing,
  S3ObjectLocation,
  regionOf,
} from "./aws-types";
import { AuroraSizing, auroraSizingRules } from "../constructs/aws/aurora-postgres";
import { mskConnectSizingRules, pluginLocationRules, s3BucketNameRule } from "../constructs/aws/common";
import { debeziumConnectorRules } from "../constructs/aws/debezium-connector";
import { DocumentDbSizing, documentDbSizingRules } from "../constructs/aws/document-store";
import { MskSizing, mskSizingRules } from "../constructs/aws/kafka-cluster";
import { RedshiftSizing, redshiftSizingRules } from "../constructs/aws/redshift-warehouse";
import { AWS_REGIONS } from "../constructs/aws/regions";
import { glueSizingRules, nightlyScheduleRules } from "../constructs/aws/spark-etl";
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
import { AWS_REGION_AZS } from "./aws-catalog";
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

const BURSTABLE = /^(db|kafka)\.t\d/;
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
 *
 * A field a construct takes as a prop is checked with that construct's rules (`auroraSizingRules`, ...),
 * composed here with the environment's field prefix; this file adds only what the tier requires, what
 * spans several fields, and what no construct can know.
 */
export function validateAwsEnvironment(env: AwsEnvironment): AwsEnvironment {
  // Types first: every later check may dereference any field.
  const shape = new IssueCollector();
  checkShape(shape, env, AWS_ENVIRONMENT_SHAPE, "");
  shape.throwIfAny(environmentLabel(env));

  const v = new IssueCollector();
  const prod = env.tier === "prod";
  checkIdentityAndRegions(v, env, prod);
  checkAvailabilityZones(v, env);
  checkNetwork(v, env.network, prod);
  checkRequiredTags(v, env.tags, env.name);
  if (prod)
    v.check(
      env.tags.dataClassification === "restricted",
      "tags.dataClassification",
      env.tags.dataClassification,
      '"restricted" in prod (the cardholder data environment)',
    );
  checkRetention(v, env.retention, prod);
  checkAlertContacts(v, env.alertContacts);
  checkBudget(v, env.budget, prod);
  checkStateBackend(v, env.stateBackend, env.tier);
  checkStores(v, env.sizing, prod);
  checkStreaming(v, env);
  v.add(glueSizingRules(env.sizing.glue), "sizing.glue.");
  v.add(nightlyScheduleRules(env.etl.schedule), "etl.");
  checkAwsMlConfig(v, env);
  checkAwsEngines(v, env);
  checkPolicyConfig(v, env.policy, prod);
  if (prod) v.check(env.deletionProtection, "deletionProtection", env.deletionProtection, "true in prod");

  v.throwIfAny(env.name);
  return env;
}

/** Name, tier, workload, account and the two regions. */
function checkIdentityAndRegions(v: IssueCollector, env: AwsEnvironment, prod: boolean): void {
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
}

/** Three distinct zones of the region. */
function checkAvailabilityZones(v: IssueCollector, env: AwsEnvironment): void {
  const region = regionOf(env);
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
}

/** The address plan: three tiers of three subnets inside the VPC range, public subnets exactly when there is NAT. */
function checkNetwork(v: IssueCollector, n: AwsNetworkConfig, prod: boolean): void {
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
}

/**
 * One value per retention, each feeding several constructs (every log group; Aurora, DocumentDB and
 * AWS Backup; every CMK), so the environment owns these rules: PCI DSS minimums, longer in prod.
 */
function checkRetention(v: IssueCollector, r: AwsRetentionConfig, prod: boolean): void {
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
}

/** Local state for dev only; S3 state encrypted, with a CMK in prod. */
function checkStateBackend(v: IssueCollector, s: AwsStateBackendConfig, tier: AwsEnvironment["tier"]): void {
  if (s.kind === "local") {
    v.check(
      tier === "dev",
      "stateBackend.kind",
      s.kind,
      `"s3" (local state is allowed for dev only; ${tier} state must be shared, encrypted and locked)`,
    );
    return;
  }
  v.add([s3BucketNameRule(s.bucket, "stateBackend.bucket")]);
  v.check(/^[A-Za-z0-9._/-]+\.tfstate$/.test(s.key), "stateBackend.key", s.key, "an object key ending in .tfstate");
  v.oneOf(s.region, AWS_REGIONS, "stateBackend.region");
  v.check(s.encrypt === true, "stateBackend.encrypt", s.encrypt, "true (state holds resource attributes and must be encrypted)");
  if (s.kmsKeyId !== undefined)
    v.check(KMS_KEY_REF.test(s.kmsKeyId), "stateBackend.kmsKeyId", s.kmsKeyId, "a KMS key ARN, alias ARN or alias/<name>");
  if (tier === "prod")
    v.check(s.kmsKeyId !== undefined, "stateBackend.kmsKeyId", s.kmsKeyId, "a customer managed KMS key (required in prod)");
}

/** Aurora, Redshift and DocumentDB sizing (the constructs' rules), and what prod requires of them. */
function checkStores(v: IssueCollector, sizing: AwsSizing, prod: boolean): void {
  const a = sizing.aurora;
  const d = sizing.documentDb;
  v.add(auroraSizingRules(a), "sizing.aurora.");
  v.add(redshiftSizingRules(sizing.redshift), "sizing.redshift.");
  v.add(documentDbSizingRules(d), "sizing.documentDb.");
  if (!prod) return;
  checkNotBurstable(v, "sizing.aurora.instanceClass", a.instanceClass, "a non-burstable class in prod (db.r*), not db.t*");
  v.check(a.readerCount >= 2, "sizing.aurora.readerCount", a.readerCount, "at least 2 in prod (a reader in each of the other zones)");
  checkNotBurstable(v, "sizing.documentDb.instanceClass", d.instanceClass, "a non-burstable class in prod (db.r*), not db.t*");
  v.check(d.instanceCount >= 3, "sizing.documentDb.instanceCount", d.instanceCount, "at least 3 in prod (one instance per zone)");
}

/** MSK, MSK Connect, the connector plugins and the captured tables (the constructs' rules); brokers in prod. */
function checkStreaming(v: IssueCollector, env: AwsEnvironment): void {
  const m = env.sizing.msk;
  // The stack places the brokers in the data subnets, one per zone.
  v.add(mskSizingRules(m, env.network.dataSubnets.length), "sizing.msk.");
  if (env.tier === "prod")
    checkNotBurstable(v, "sizing.msk.brokerInstanceType", m.brokerInstanceType, "kafka.m5.* or kafka.m7g.* in prod, not kafka.t3.small");
  v.add(mskConnectSizingRules(env.sizing.mskConnect), "sizing.mskConnect.");
  v.add(pluginLocationRules(env.cdc.debeziumPlugin), "cdc.debeziumPlugin.");
  v.add(pluginLocationRules(env.cdc.s3SinkPlugin), "cdc.s3SinkPlugin.");
  v.add(debeziumConnectorRules(env.cdc), "cdc.");
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

/** Prod refuses burstable (db.t*, kafka.t*) classes, whose CPU credits run out under load. */
function checkNotBurstable(v: IssueCollector, field: string, value: string, allowed: string): void {
  v.check(!BURSTABLE.test(value), field, value, allowed);
}

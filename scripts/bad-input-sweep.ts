/**
 * Bad-input sweep: applies edits a new user plausibly makes to the environment files (and to the
 * tables the stacks read), then runs what `npm run synth` runs for the edited stack: environment
 * validation, the stack, `app.synth()` and the policy pass. Reports each edit as
 *   rejected  - a clear error (environment validator, construct validation or policy finding),
 *   crash     - a TypeError / ReferenceError / RangeError instead of a message naming the field,
 *   SILENT    - synthesized without complaint.
 *
 *   npx tsx scripts/bad-input-sweep.ts            # summary and every non-rejected edit
 *   npx tsx scripts/bad-input-sweep.ts --all      # every edit with its first error line
 *   npx tsx scripts/bad-input-sweep.ts --json     # machine-readable
 *
 * Not part of CI (about a minute: it synthesizes a stack per edit). test/foundation/bad-input-classes.test.ts
 * holds the assertions per class.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the edits deliberately break the typed contract of the files */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { PAYMENTS_COSMOS_CONTAINERS } from "../constructs/azure/cosmos-db";
import { BATCH_SCHEDULE } from "../constructs/azure/data-factory";
import { SLA_TABLE } from "../constructs/azure/sla";
import { AZURE_ENVIRONMENTS } from "../environments";
import { AWS_ENVIRONMENTS } from "../environments/aws-index";
import { AwsEnvironment } from "../environments/aws-types";
import { EnvironmentConfigError, buildStack } from "../environments/checks";
import { AzureEnvironment } from "../environments/types";
import { validateAllEnvironments } from "../environments/validate-all";
import { evaluateStack } from "../policy/engine/evaluate";
import { AwsPlatformStack } from "../stacks/aws-platform-stack";
import { AzurePlatformStack } from "../stacks/azure-platform-stack";

type Class = "catalogue" | "cross-environment" | "stack-input" | "crash" | "generated" | "control";
/** `azure:<env>` / `aws:<env>`: the environment edited and the stack synthesized. */
type Target = `azure:${string}` | `aws:${string}`;

interface BadEdit {
  readonly id: string;
  readonly cls: Class;
  readonly target: Target;
  /** Edits a copy of the target environment (the others are copies too: set checks see the edit). */
  readonly edit?: (env: any) => void;
  /** Edits a module-level table; returns the undo. */
  readonly patch?: () => () => void;
  /** The edit may be legitimate (an optional field removed): synthesizing is fine, crashing is not. */
  readonly optionalOk?: boolean;
}

/** Sets `obj[key] = value` and returns the undo. */
function swap(obj: any, key: string, value: unknown): () => void {
  const had = Object.prototype.hasOwnProperty.call(obj, key);
  const old = obj[key];
  obj[key] = value;
  return () => {
    if (had) obj[key] = old;
    else delete obj[key];
  };
}
const slaRow = (key: string): any => SLA_TABLE.find((r) => r.key === key);

const EDITS: BadEdit[] = [
  // --- values checked for shape only, not against the service's catalogue ---
  {
    id: "sql maxSizeGb above GP_S_Gen5_2 max (1024)",
    cls: "catalogue",
    target: "azure:dev",
    edit: (e) => (e.sizing.sqlDatabase.maxSizeGb = 2048),
  },
  {
    id: "sql maxSizeGb above BC_Gen5_8 max (2048)",
    cls: "catalogue",
    target: "azure:prod",
    edit: (e) => (e.sizing.sqlDatabase.maxSizeGb = 4096),
  },
  {
    id: "sql maxSizeGb above GP_Gen5_4 max (1024)",
    cls: "catalogue",
    target: "azure:staging",
    edit: (e) => (e.sizing.sqlDatabase.maxSizeGb = 1536),
  },
  {
    id: "sql S2 with 500 GB (S0-S2 max 250)",
    cls: "catalogue",
    target: "azure:staging",
    edit: (e) => {
      Object.assign(e.sizing.sqlDatabase, { skuName: "S2", maxSizeGb: 500 });
      e.cdc = { enabled: false, tables: [] };
    },
  },
  {
    id: "sql S3 with 600 GB (not a DTU size step)",
    cls: "catalogue",
    target: "azure:staging",
    edit: (e) => Object.assign(e.sizing.sqlDatabase, { skuName: "S3", maxSizeGb: 600 }),
  },
  {
    id: "staging moved to ukwest (no zones; ZRS lake, zone backups)",
    cls: "catalogue",
    target: "azure:staging",
    edit: (e) => (e.location = "ukwest"),
  },
  {
    id: "prod fails over to francesouth (no zones)",
    cls: "catalogue",
    target: "azure:prod",
    edit: (e) => (e.secondaryLocation = "francesouth"),
  },
  {
    id: "aurora class db.r5.medium (no such size)",
    cls: "catalogue",
    target: "aws:dev",
    edit: (e) => (e.sizing.aurora.instanceClass = "db.r5.medium"),
  },
  {
    id: "aurora class db.r7g.64xlarge",
    cls: "catalogue",
    target: "aws:prod",
    edit: (e) => (e.sizing.aurora.instanceClass = "db.r7g.64xlarge"),
  },
  { id: "aurora class db.t3.2xlarge", cls: "catalogue", target: "aws:dev", edit: (e) => (e.sizing.aurora.instanceClass = "db.t3.2xlarge") },
  {
    id: "aurora engine 16.5 (not an Aurora release)",
    cls: "catalogue",
    target: "aws:dev",
    edit: (e) => (e.sizing.aurora.engineVersion = "16.5"),
  },
  { id: "aurora engine 16.99", cls: "catalogue", target: "aws:staging", edit: (e) => (e.sizing.aurora.engineVersion = "16.99") },
  { id: "aurora engine 21.1", cls: "catalogue", target: "aws:prod", edit: (e) => (e.sizing.aurora.engineVersion = "21.1") },
  {
    id: "availability zone eu-west-1d (eu-west-1 has a-c)",
    cls: "catalogue",
    target: "aws:dev",
    edit: (e) => (e.availabilityZones = ["eu-west-1a", "eu-west-1b", "eu-west-1d"]),
  },
  {
    id: "availability zone eu-central-1z",
    cls: "catalogue",
    target: "aws:staging",
    edit: (e) => {
      e.region = "eu-central-1";
      e.availabilityZones = ["eu-central-1a", "eu-central-1b", "eu-central-1z"];
      e.stateBackend.region = "eu-central-1";
    },
  },
  { id: "msk kafka 3.6.1 (not offered)", cls: "catalogue", target: "aws:dev", edit: (e) => (e.sizing.msk.kafkaVersion = "3.6.1") },
  { id: "msk kafka 2.8.1 (end of support)", cls: "catalogue", target: "aws:staging", edit: (e) => (e.sizing.msk.kafkaVersion = "2.8.1") },
  { id: "msk kafka 3.10.0", cls: "catalogue", target: "aws:prod", edit: (e) => (e.sizing.msk.kafkaVersion = "3.10.0") },
  {
    id: "cron day-of-month and day-of-week both *",
    cls: "catalogue",
    target: "aws:prod",
    edit: (e) => (e.etl.schedule = "cron(0 2 * * * *)"),
  },
  {
    id: "cron day-of-month and day-of-week both ?",
    cls: "catalogue",
    target: "aws:prod",
    edit: (e) => (e.etl.schedule = "cron(0 2 ? * ? *)"),
  },
  { id: "cron hour 25", cls: "catalogue", target: "aws:staging", edit: (e) => (e.etl.schedule = "cron(0 25 * * ? *)") },
  { id: "cron hour 24", cls: "catalogue", target: "aws:staging", edit: (e) => (e.etl.schedule = "cron(0 24 * * ? *)") },
  { id: "cron minute 60", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(60 2 * * ? *)") },
  { id: "cron day-of-month 32", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 2 32 * ? *)") },
  { id: "cron month 13", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 2 ? 13 MON *)") },
  { id: "cron day-of-week 8", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 2 ? * 8 *)") },
  { id: "cron day-of-week FRI-XYZ", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 2 ? * FRI-XYZ *)") },
  { id: "cron year 1969", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 2 * * ? 1969)") },
  { id: "cron hour range 22-25", cls: "catalogue", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 22-25 * * ? *)") },

  // --- mistakes only visible across environments ---
  {
    id: "azure staging uses prod's subscription",
    cls: "cross-environment",
    target: "azure:staging",
    edit: (e) => (e.subscriptionId = "8f7c6b5a-4d3e-4f21-9a0b-c1d2e3f4a5b6"),
  },
  {
    id: "azure staging writes prod's state key",
    cls: "cross-environment",
    target: "azure:staging",
    edit: (e) => (e.stateBackend.key = "azure-prod.tfstate"),
  },
  {
    id: "azure staging VNet overlaps prod",
    cls: "cross-environment",
    target: "azure:staging",
    edit: (e) =>
      Object.assign(e.network, { addressSpace: "10.30.0.0/16", privateEndpointSubnet: "10.30.1.0/24", integrationSubnet: "10.30.2.0/24" }),
  },
  {
    id: "azure dev named like staging",
    cls: "cross-environment",
    target: "azure:dev",
    edit: (e) => {
      e.name = "staging";
      e.tags.environment = "staging";
    },
  },
  { id: "aws staging uses prod's account", cls: "cross-environment", target: "aws:staging", edit: (e) => (e.accountId = "333333333333") },
  {
    id: "aws staging VPC overlaps prod",
    cls: "cross-environment",
    target: "aws:staging",
    edit: (e) => {
      e.network.vpcCidr = "10.130.0.0/16";
      e.network.dataSubnets = ["10.130.0.0/22", "10.130.4.0/22", "10.130.8.0/22"];
      e.network.computeSubnets = ["10.130.16.0/22", "10.130.20.0/22", "10.130.24.0/22"];
      e.network.publicSubnets = ["10.130.32.0/26", "10.130.32.64/26", "10.130.32.128/26"];
    },
  },
  {
    id: "aws staging writes prod's state object",
    cls: "cross-environment",
    target: "aws:staging",
    edit: (e) => Object.assign(e.stateBackend, { bucket: "pay-tfstate-333333333333-euw1", key: "aws-prod.tfstate" }),
  },
  {
    id: "aws dev named like prod",
    cls: "cross-environment",
    target: "aws:dev",
    edit: (e) => {
      e.name = "prod";
      e.tags.environment = "prod";
    },
  },

  // --- stack inputs with no validation ---
  { id: "SLA severity 5", cls: "stack-input", target: "azure:dev", patch: () => swap(slaRow("cosmos-latency"), "severity", 5) },
  { id: "SLA log severity -1", cls: "stack-input", target: "azure:dev", patch: () => swap(slaRow("oltp-latency"), "severity", -1) },
  {
    id: "metric alert window PT2M",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("cosmos-latency"), "window", "PT2M"),
  },
  {
    id: "metric alert frequency PT10M",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("etl-success"), "frequency", "PT10M"),
  },
  {
    id: "metric alert frequency above window",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("etl-success"), "frequency", "PT15M"),
  },
  { id: "log alert window PT3M", cls: "stack-input", target: "azure:dev", patch: () => swap(slaRow("olap-query-time"), "window", "PT3M") },
  {
    id: "log alert frequency P2D",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("data-freshness"), "frequency", "P2D"),
  },
  {
    id: "log alert frequency above window",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("oltp-latency"), "frequency", "PT15M"),
  },
  {
    id: "SLA threshold NaN",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("cosmos-latency"), "threshold", Number.NaN),
  },
  {
    id: "SLA percent threshold 120",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("api-availability"), "threshold", 120),
  },
  {
    id: "SLA latency threshold negative",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("cosmos-latency"), "threshold", -50),
  },
  {
    id: "SLA duplicate row key",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(slaRow("olap-query-time"), "key", "oltp-latency"),
  },
  { id: "ADF batch hour 24", cls: "stack-input", target: "azure:staging", patch: () => swap(BATCH_SCHEDULE, "hours", [24]) },
  { id: "ADF batch hour 26", cls: "stack-input", target: "azure:staging", patch: () => swap(BATCH_SCHEDULE, "hours", [26]) },
  { id: "ADF batch minute 60", cls: "stack-input", target: "azure:staging", patch: () => swap(BATCH_SCHEDULE, "minutes", [60]) },
  { id: "ADF batch no hour", cls: "stack-input", target: "azure:staging", patch: () => swap(BATCH_SCHEDULE, "hours", []) },
  {
    id: "cosmos duplicate partition key path",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(PAYMENTS_COSMOS_CONTAINERS.api_logs, "partitionKeyPaths", ["/merchantId", "/merchantId"]),
  },
  {
    id: "cosmos duplicate excluded index path",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(PAYMENTS_COSMOS_CONTAINERS.webhook_events, "excludedIndexPaths", ["/payload/*", "/payload/*"]),
  },
  {
    id: "cosmos containers differing only in case",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(PAYMENTS_COSMOS_CONTAINERS, "API_Logs", PAYMENTS_COSMOS_CONTAINERS.api_logs),
  },
  {
    id: "cosmos container name with '/'",
    cls: "stack-input",
    target: "azure:dev",
    patch: () => swap(PAYMENTS_COSMOS_CONTAINERS, "fraud/features", PAYMENTS_COSMOS_CONTAINERS.fraud_features),
  },

  // --- crashes: missing nested objects, wrong types, empty arrays, undefined fields ---
  ...crashEdits(),

  // --- every field of every file: deleted, given another JSON type, or (lists) emptied ---
  ...generatedEdits(),

  // --- controls: bad edits the validators already rejected before this sweep ---
  { id: "unknown Azure location", cls: "control", target: "azure:dev", edit: (e) => (e.location = "westeu") },
  { id: "serverless SQL in prod", cls: "control", target: "azure:prod", edit: (e) => (e.sizing.sqlDatabase.skuName = "GP_S_Gen5_8") },
  { id: "CDC on S1", cls: "control", target: "azure:staging", edit: (e) => (e.sizing.sqlDatabase.skuName = "S1") },
  { id: "Log Analytics 30 days", cls: "control", target: "azure:dev", edit: (e) => (e.retention.logAnalyticsDays = 30) },
  { id: "prod without firewall", cls: "control", target: "azure:prod", edit: (e) => delete e.network.firewallSubnet },
  { id: "Cosmos 1500 RU/s", cls: "control", target: "azure:dev", edit: (e) => (e.sizing.cosmos.autoscaleMaxThroughput = 1500) },
  { id: "Synapse DW150c", cls: "control", target: "azure:dev", edit: (e) => (e.sizing.synapse.sqlPoolSku = "DW150c") },
  { id: "tags.environment mismatch", cls: "control", target: "azure:dev", edit: (e) => (e.tags.environment = "prod") },
  { id: "local state in staging", cls: "control", target: "azure:staging", edit: (e) => (e.stateBackend = { kind: "local" }) },
  { id: "AWS account id 11 digits", cls: "control", target: "aws:dev", edit: (e) => (e.accountId = "11111111111") },
  { id: "AWS region ap-south-1", cls: "control", target: "aws:dev", edit: (e) => (e.region = "ap-south-1") },
  { id: "MSK 4 brokers", cls: "control", target: "aws:dev", edit: (e) => (e.sizing.msk.brokerCount = 4) },
  { id: "Redshift 12 RPU", cls: "control", target: "aws:dev", edit: (e) => (e.sizing.redshift.baseCapacityRpu = 12) },
  { id: "CloudWatch 100 days", cls: "control", target: "aws:dev", edit: (e) => (e.retention.logDays = 100) },
  { id: "prod single NAT", cls: "control", target: "aws:prod", edit: (e) => (e.network.natGateways = 1) },
  { id: "cron with five fields", cls: "control", target: "aws:dev", edit: (e) => (e.etl.schedule = "cron(0 2 * * ?)") },
  { id: "Glue worker G.3X", cls: "control", target: "aws:dev", edit: (e) => (e.sizing.glue.workerType = "G.3X") },
  { id: "CDC table typo", cls: "control", target: "aws:dev", edit: (e) => (e.cdc.tables = ["payments"]) },
];

/** Structural damage a hand edit causes: every environment file gets the same list. */
function crashEdits(): BadEdit[] {
  const azure: [string, (e: any) => void][] = [
    ["network missing", (e) => delete e.network],
    ["sizing missing", (e) => delete e.sizing],
    ["sizing.sqlDatabase missing", (e) => delete e.sizing.sqlDatabase],
    ["sizing.cosmos undefined", (e) => (e.sizing.cosmos = undefined)],
    ["tags missing", (e) => delete e.tags],
    ["retention empty object", (e) => (e.retention = {})],
    ["alertContacts.emails a string", (e) => (e.alertContacts.emails = "oncall@example.com")],
    ["alertContacts missing", (e) => delete e.alertContacts],
    ["cdc.tables a string", (e) => (e.cdc.tables = "Payment")],
    ["cdc missing", (e) => delete e.cdc],
    ["policy.packs missing", (e) => delete e.policy.packs],
    ["stateBackend missing", (e) => delete e.stateBackend],
    ["sqlAdminGroup missing", (e) => delete e.sqlAdminGroup],
    ["budget thresholds missing", (e) => delete e.budget.actualThresholdsPercent],
    ["network.addressSpace a number", (e) => (e.network.addressSpace = 10)],
    ["sizing.sqlDatabase.maxSizeGb a string", (e) => (e.sizing.sqlDatabase.maxSizeGb = "256")],
    ["sizing.cosmos.multiRegion a string", (e) => (e.sizing.cosmos.multiRegion = "false")],
    ["deletionProtection a string", (e) => (e.deletionProtection = "false")],
    ["typo in optional field (geoReplcia)", (e) => (e.sizing.sqlDatabase.geoReplcia = true)],
    ["typo in optional field (firewallSubnett)", (e) => (e.network.firewallSubnett = "10.99.3.0/26")],
  ];
  const aws: [string, (e: any) => void][] = [
    ["network missing", (e) => delete e.network],
    ["network.dataSubnets missing", (e) => delete e.network.dataSubnets],
    ["availabilityZones a string", (e) => (e.availabilityZones = "eu-west-1a")],
    ["availabilityZones empty", (e) => (e.availabilityZones = [])],
    ["sizing.msk missing", (e) => delete e.sizing.msk],
    ["sizing missing", (e) => delete e.sizing],
    ["alertContacts missing", (e) => delete e.alertContacts],
    ["cdc.tables undefined", (e) => (e.cdc.tables = undefined)],
    ["cdc.debeziumPlugin missing", (e) => delete e.cdc.debeziumPlugin],
    ["etl missing", (e) => delete e.etl],
    ["retention missing", (e) => delete e.retention],
    ["tags missing", (e) => delete e.tags],
    ["stateBackend missing", (e) => delete e.stateBackend],
    ["policy missing", (e) => delete e.policy],
    ["sizing.aurora.readerCount a string", (e) => (e.sizing.aurora.readerCount = "2")],
    ["network.natGateways a string", (e) => (e.network.natGateways = "0")],
    ["budget forecast thresholds missing", (e) => delete e.budget.forecastThresholdsPercent],
    ["etl.scheduleEnabled a string", (e) => (e.etl.scheduleEnabled = "false")],
    ["typo in optional field (drRegoin)", (e) => (e.drRegoin = "eu-central-1")],
  ];
  // One environment per cloud and tier spread, so every file is exercised without tripling the run.
  const azureTargets = ["dev", "staging", "prod"];
  const awsTargets = ["dev", "staging", "prod"];
  return [
    ...azure.map(([id, edit], i): BadEdit => ({ id: `azure ${id}`, cls: "crash", target: `azure:${azureTargets[i % 3]}`, edit })),
    ...aws.map(([id, edit], i): BadEdit => ({ id: `aws ${id}`, cls: "crash", target: `aws:${awsTargets[i % 3]}`, edit })),
  ];
}

/** Every field path of a file (objects, lists and their items). */
function paths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [`${prefix}[${i}]`, ...paths(v, `${prefix}[${i}]`)]);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [prefix ? `${prefix}.${k}` : k, ...paths(v, prefix ? `${prefix}.${k}` : k)]);
  }
  return [];
}

function locate(root: any, path: string): { parent: any; key: string | number } {
  const keys = (path.match(/[^.[\]]+/g) as string[]).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const parent = keys.slice(0, -1).reduce((o: any, k) => o[k], root);
  return { parent, key: keys[keys.length - 1] };
}

/**
 * Deleted, retyped and emptied fields of every file. A deletion of an optional field is not a bad edit
 * in itself: it counts as SILENT only if the stack then fails in a way other than a message.
 */
function generatedEdits(): BadEdit[] {
  const files: [string, unknown][] = [
    ...AZURE_ENVIRONMENTS.map((e): [string, unknown] => [`azure:${e.name}`, e]),
    ...AWS_ENVIRONMENTS.map((e): [string, unknown] => [`aws:${e.name}`, e]),
  ];
  const wrongType = (v: unknown): unknown =>
    typeof v === "string" ? 42 : typeof v === "number" ? "42" : typeof v === "boolean" ? "true" : Array.isArray(v) ? "x" : [];
  return files.flatMap(([target, env]) =>
    paths(env)
      .filter((p) => p !== "name")
      .flatMap((path): BadEdit[] => {
        const { parent, key } = locate(env, path);
        const edits: BadEdit[] = [
          {
            id: `${path} deleted`,
            cls: "generated",
            target: target as Target,
            optionalOk: true,
            edit: (e) => {
              const at = locate(e, path);
              if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
              else delete at.parent[at.key];
            },
          },
          {
            id: `${path} retyped`,
            cls: "generated",
            target: target as Target,
            edit: (e) => {
              const at = locate(e, path);
              at.parent[at.key] = wrongType(at.parent[at.key]);
            },
          },
        ];
        if (Array.isArray(parent[key])) {
          edits.push({
            id: `${path} emptied`,
            cls: "generated",
            target: target as Target,
            optionalOk: true,
            edit: (e) => {
              const at = locate(e, path);
              at.parent[at.key] = [];
            },
          });
        }
        return edits;
      }),
  );
}

type Outcome = { readonly kind: "rejected" | "crash" | "SILENT" | "accepted"; readonly detail: string };

function firstLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const lines = text.split("\n");
  return lines.length > 1 ? `${lines[0]} ${lines[1].trim()}` : lines[0];
}

function classify(e: unknown): Outcome {
  if (e instanceof EnvironmentConfigError) return { kind: "rejected", detail: firstLine(e) };
  if (e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError) return { kind: "crash", detail: firstLine(e) };
  return { kind: "rejected", detail: firstLine(e) };
}

function run(edit: BadEdit): Outcome {
  const azure = AZURE_ENVIRONMENTS.map((e) => structuredClone(e)) as AzureEnvironment[];
  const aws = AWS_ENVIRONMENTS.map((e) => structuredClone(e)) as AwsEnvironment[];
  const [cloud, name] = edit.target.split(":");
  const list: any[] = cloud === "azure" ? azure : aws;
  const index = list.findIndex((e) => e.name === name);
  edit.edit?.(list[index]);
  const undo = edit.patch?.();
  const outdir = mkdtempSync(join(tmpdir(), "bad-input-"));
  try {
    const valid = validateAllEnvironments(azure, aws);
    const env: any = (cloud === "azure" ? valid.azure : valid.aws)[index];
    // A real app (not Testing.synth): the policy engine reads suppressions from the `//` metadata Testing strips.
    const app = new App({ outdir });
    const stackId = `${cloud}-${env.name}`;
    buildStack(stackId, () =>
      cloud === "azure"
        ? new AzurePlatformStack(app, stackId, { environment: env })
        : new AwsPlatformStack(app, stackId, { environment: env }),
    );
    app.synth();
    const doc = JSON.parse(readFileSync(join(outdir, "stacks", stackId, "cdk.tf.json"), "utf8"));
    const evaluation = evaluateStack(stackId, doc, env.policy);
    const blocking = evaluation.findings.filter((f) => f.status === "fail" && f.severity === "error");
    if (blocking.length > 0 || evaluation.configErrors.length > 0) {
      const f = blocking[0];
      return {
        kind: "rejected",
        detail: f ? `policy ${f.ruleId} ${f.address}` : `policy config: ${JSON.stringify(evaluation.configErrors[0])}`,
      };
    }
    return edit.optionalOk
      ? { kind: "accepted", detail: "synthesized (the field is optional)" }
      : { kind: "SILENT", detail: "synthesized, policy pass clean" };
  } catch (e) {
    return classify(e);
  } finally {
    undo?.();
    rmSync(outdir, { recursive: true, force: true });
  }
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  const results = EDITS.map((edit) => ({ ...edit, outcome: run(edit) }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (args.has("--json")) {
    console.log(
      JSON.stringify(
        results.map((r) => ({ id: r.id, cls: r.cls, target: r.target, outcome: r.outcome.kind, detail: r.outcome.detail })),
        null,
        2,
      ),
    );
    return;
  }
  const classes: Class[] = ["catalogue", "cross-environment", "stack-input", "crash", "generated", "control"];
  console.log(`Bad-input sweep: ${results.length} edits in ${seconds} s\n`);
  console.log("class               edits  rejected  crash  SILENT  accepted (optional field removed, stack fine)");
  for (const cls of classes) {
    const rs = results.filter((r) => r.cls === cls);
    const n = (k: Outcome["kind"]) => rs.filter((r) => r.outcome.kind === k).length;
    console.log(
      `${cls.padEnd(18)} ${String(rs.length).padStart(6)} ${String(n("rejected")).padStart(9)} ${String(n("crash")).padStart(6)} ${String(n("SILENT")).padStart(7)} ${String(n("accepted")).padStart(9)}`,
    );
  }
  const total = (k: Outcome["kind"]) => results.filter((r) => r.outcome.kind === k).length;
  console.log(
    `${"total".padEnd(18)} ${String(results.length).padStart(6)} ${String(total("rejected")).padStart(9)} ${String(total("crash")).padStart(6)} ${String(total("SILENT")).padStart(7)} ${String(total("accepted")).padStart(9)}\n`,
  );
  for (const r of results) {
    if (args.has("--all") || r.outcome.kind === "SILENT" || r.outcome.kind === "crash") {
      console.log(`${r.outcome.kind.padEnd(8)} [${r.cls}] ${r.target} ${r.id}\n         ${r.outcome.detail.slice(0, 220)}`);
    }
  }
  if (total("SILENT") + total("crash") > 0) process.exitCode = 1;
}

main();

import { HOURS_PER_MONTH } from "../../pricebook";
import { block, blocks, num, str } from "../../stack";
import { CostComponent } from "../../types";
import { Estimator } from "../context";

/** aws_nat_gateway: hours plus data processed (usage). */
export const natGateway: Estimator = (ctx) => {
  const gb = ctx.usage("dataProcessedGb");
  return [
    ...ctx.line({
      name: "NAT gateway",
      kind: "network",
      service: "vpc",
      meter: "nat-gateway/hour",
      quantity: HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: "Data processed",
      kind: "data-processed",
      service: "vpc",
      meter: "nat-gateway/data-processed",
      quantity: gb.value,
      usage: [gb],
      unitIfNotPriced: "GB",
    }),
  ];
};

/** aws_vpc_endpoint: Interface endpoints per AZ-hour (one ENI per subnet) plus data processed; Gateway endpoints are free. */
export const vpcEndpoint: Estimator = (ctx) => {
  const type = str(ctx.config.vpc_endpoint_type) ?? "Gateway";
  if (type === "Gateway") {
    ctx.note("Gateway endpoint (S3/DynamoDB): free");
    return [];
  }
  const azs = Array.isArray(ctx.config.subnet_ids) ? Math.max(1, ctx.config.subnet_ids.length) : 1;
  const gb = ctx.usage("dataProcessedGb");
  const t = type.toLowerCase();
  return [
    ...ctx.line({
      name: `Endpoint (${type}, ${azs} AZ)`,
      kind: "network",
      service: "vpc",
      meter: `endpoint/${t}`,
      quantity: azs * HOURS_PER_MONTH,
      unitIfNotPriced: "AZ-hours",
    }),
    ...ctx.line({
      name: "Data processed",
      kind: "data-processed",
      service: "vpc",
      meter: `endpoint/${t}/data-processed`,
      quantity: gb.value,
      usage: [gb],
      unitIfNotPriced: "GB",
    }),
  ];
};

/** aws_kms_key: one customer managed key per month plus requests (usage). */
export const kmsKey: Estimator = (ctx) => {
  const spec = str(ctx.config.customer_master_key_spec) ?? "SYMMETRIC_DEFAULT";
  const req = ctx.usage("requests10k");
  return [
    ...ctx.line({ name: "Customer managed key", kind: "keys", service: "kms", meter: "key", quantity: 1, unitIfNotPriced: "key-months" }),
    ...ctx.line({
      name: `Requests (${spec})`,
      kind: "requests",
      service: "kms",
      meter: spec === "SYMMETRIC_DEFAULT" || spec === "RSA_2048" ? "requests/symmetric" : "requests/asymmetric",
      quantity: req.value,
      usage: [req],
      unitIfNotPriced: "10k requests",
    }),
  ];
};

/** aws_s3_bucket: storage by class and requests, all from usage. */
export const s3Bucket: Estimator = (ctx) => {
  const classes: [string, string, string][] = [
    ["standardGb", "storage/standard", "Standard"],
    ["standardIaGb", "storage/standard-ia", "Standard-IA"],
    ["intelligentTieringGb", "storage/intelligent-tiering-frequent", "Intelligent-Tiering (frequent)"],
    ["glacierFlexibleGb", "storage/glacier-flexible", "Glacier Flexible Retrieval"],
    ["deepArchiveGb", "storage/deep-archive", "Glacier Deep Archive"],
  ];
  const out: CostComponent[] = [];
  for (const [key, meter, label] of classes) {
    const u = ctx.usage(key);
    if (u.value === 0 && key !== "standardGb") continue;
    out.push(
      ...ctx.line({
        name: `Storage (${label})`,
        kind: "storage",
        service: "s3",
        meter,
        quantity: u.value,
        usage: [u],
        unitIfNotPriced: "GB-month",
      }),
    );
  }
  const put = ctx.usage("putRequests1k");
  const get = ctx.usage("getRequests1k");
  out.push(
    ...ctx.line({
      name: "PUT, COPY, POST, LIST requests",
      kind: "requests",
      service: "s3",
      meter: "requests/put",
      quantity: put.value,
      usage: [put],
      unitIfNotPriced: "1k requests",
    }),
  );
  out.push(
    ...ctx.line({
      name: "GET, SELECT and other requests",
      kind: "requests",
      service: "s3",
      meter: "requests/get",
      quantity: get.value,
      usage: [get],
      unitIfNotPriced: "1k requests",
    }),
  );
  return out;
};

/** DPUs of a Glue worker type. */
const WORKER_DPU: Record<string, number> = { Standard: 1, "G.025X": 0.25, "G.1X": 1, "G.2X": 2, "G.4X": 4, "G.8X": 8 };

/**
 * aws_glue_job: DPU-hours = DPUs (`max_capacity`, or `number_of_workers` x worker DPUs) x
 * `runsPerMonth` x `hoursPerRun` (usage).
 */
export const glueJob: Estimator = (ctx) => {
  const workers = num(ctx.config.number_of_workers);
  const workerType = str(ctx.config.worker_type);
  const dpus =
    num(ctx.config.max_capacity) ??
    (workers !== undefined && workerType
      ? workers * (WORKER_DPU[workerType] ?? 1)
      : str(block(ctx.config.command)?.name) === "pythonshell"
        ? 0.0625
        : 10);
  const runs = ctx.usage("runsPerMonth");
  const hours = ctx.usage("hoursPerRun");
  return ctx.line({
    name: `ETL job (${dpus} DPU x ${runs.value} runs x ${hours.value} h)`,
    kind: "compute",
    service: "glue",
    meter: "job/dpu-hour",
    quantity: dpus * runs.value * hours.value,
    usage: [runs, hours],
    unitIfNotPriced: "DPU-hours",
  });
};

/** aws_glue_crawler: DPU-hours of crawling (usage `dpuHoursPerMonth`). */
export const glueCrawler: Estimator = (ctx) => {
  const h = ctx.usage("dpuHoursPerMonth");
  return ctx.line({
    name: "Crawler run time",
    kind: "compute",
    service: "glue",
    meter: "crawler/dpu-hour",
    quantity: h.value,
    usage: [h],
    unitIfNotPriced: "DPU-hours",
  });
};

/**
 * aws_cloudwatch_log_group: ingestion (usage `ingestionGbPerMonth`), stored data = ingestion x
 * retention months (`retention_in_days`, 0 = never expires: usage `neverExpireMonths`), Logs Insights
 * scanned (usage).
 */
export const cloudwatchLogGroup: Estimator = (ctx) => {
  const gb = ctx.usage("ingestionGbPerMonth");
  const scanned = ctx.usage("insightsScannedGb");
  const retention = num(ctx.config.retention_in_days) ?? 0;
  const months = retention > 0 ? retention / 30 : ctx.usage("neverExpireMonths").value;
  const out = [
    ...ctx.line({
      name: "Data ingested",
      kind: "ingestion",
      service: "cloudwatch",
      meter: "logs/ingestion",
      quantity: gb.value,
      usage: [gb],
      unitIfNotPriced: "GB",
    }),
    ...ctx.line({
      name: `Archival storage (${retention > 0 ? `${retention} days` : "never expires"})`,
      kind: "storage",
      service: "cloudwatch",
      meter: "logs/storage",
      quantity: gb.value * months,
      usage: [gb],
      unitIfNotPriced: "GB-month",
    }),
  ];
  if (scanned.value > 0)
    out.push(
      ...ctx.line({
        name: "Insights queries data scanned",
        kind: "requests",
        service: "cloudwatch",
        meter: "logs/insights",
        quantity: scanned.value,
        usage: [scanned],
        unitIfNotPriced: "GB",
      }),
    );
  return out;
};

/** aws_cloudwatch_metric_alarm: per alarm metric; high resolution when `period` < 60; anomaly detection bands count 3 metrics. */
export const cloudwatchMetricAlarm: Estimator = (ctx) => {
  const queries = blocks(ctx.config.metric_query);
  const period = num(ctx.config.period) ?? Math.min(...queries.map((q) => num(block(q.metric)?.period) ?? 60), 60);
  const high = period < 60;
  const anomaly = ctx.config.threshold_metric_id !== undefined;
  const metrics = queries.length > 0 ? queries.filter((q) => block(q.metric) !== undefined).length || 1 : 1;
  const res = high ? "high" : "standard";
  return ctx.line({
    name: `${high ? "High" : "Standard"} resolution${anomaly ? " anomaly detection" : ""}`,
    kind: "monitoring",
    service: "cloudwatch",
    meter: `alarm/${res}`,
    quantity: anomaly ? 3 * metrics : metrics,
    unitIfNotPriced: "alarm metrics",
  });
};

/** aws_cloudtrail: the first trail's management events are free; additional copies, data and Insights events (usage). */
export const cloudtrail: Estimator = (ctx) => {
  const mgmt = ctx.usage("additionalManagementEvents100k");
  const data = ctx.usage("dataEvents100k");
  const insight = ctx.usage("insightEvents100k");
  const out = [
    ...ctx.line({
      name: "Management events (additional copies)",
      kind: "requests",
      service: "cloudtrail",
      meter: "management-events",
      quantity: mgmt.value,
      usage: [mgmt],
      unitIfNotPriced: "100k events",
    }),
    ...ctx.line({
      name: "Data events",
      kind: "requests",
      service: "cloudtrail",
      meter: "data-events",
      quantity: data.value,
      usage: [data],
      unitIfNotPriced: "100k events",
    }),
  ];
  if (blocks(ctx.config.insight_selector).length > 0) {
    out.push(
      ...ctx.line({
        name: "Insight events",
        kind: "requests",
        service: "cloudtrail",
        meter: "insight-events",
        quantity: insight.value,
        usage: [insight],
        unitIfNotPriced: "100k events",
      }),
    );
  }
  return out;
};

/** aws_backup_vault: backup storage by source (usage; RDS and Aurora snapshots, EBS). */
export const backupVault: Estimator = (ctx) => {
  const rows: [string, string, string][] = [
    ["rdsSnapshotGb", "rds-snapshot", "RDS snapshot"],
    ["auroraSnapshotGb", "aurora-snapshot", "Aurora snapshot"],
    ["ebsSnapshotGb", "ebs-snapshot", "EBS snapshot"],
  ];
  const out: CostComponent[] = [];
  for (const [key, meter, label] of rows) {
    const u = ctx.usage(key);
    if (u.value === 0) continue;
    out.push(
      ...ctx.line({ name: label, kind: "backup", service: "backup", meter, quantity: u.value, usage: [u], unitIfNotPriced: "GB-month" }),
    );
  }
  if (out.length === 0) ctx.note("no backup storage in the usage file (rdsSnapshotGb, auroraSnapshotGb, ebsSnapshotGb)");
  return out;
};

/** aws_secretsmanager_secret: per secret per month plus API requests (usage). */
export const secretsManagerSecret: Estimator = (ctx) => {
  const req = ctx.usage("apiRequests10k");
  return [
    ...ctx.line({ name: "Secret", kind: "keys", service: "secrets-manager", meter: "secret", quantity: 1, unitIfNotPriced: "months" }),
    ...ctx.line({
      name: "API requests",
      kind: "requests",
      service: "secrets-manager",
      meter: "api-requests",
      quantity: req.value,
      usage: [req],
      unitIfNotPriced: "10k requests",
    }),
  ];
};

/** aws_eip: every public IPv4 address is billed per hour since February 2024, attached or not. */
export const eip: Estimator = (ctx) =>
  ctx.line({
    name: "Public IPv4 address",
    kind: "network",
    service: "vpc",
    meter: "public-ipv4",
    quantity: HOURS_PER_MONTH,
    unitIfNotPriced: "hours",
  });

/**
 * aws_sns_topic: API requests beyond the first million (usage `requestsPerMonth`), e-mail
 * deliveries beyond 1,000 and HTTP(S) deliveries beyond 100,000 (usage). The free allowances are
 * per account; a topic gets them whole (the platform has one alarm topic per stack).
 */
export const snsTopic: Estimator = (ctx) => {
  const requests = ctx.usage("requestsPerMonth");
  const email = ctx.usage("emailNotificationsPerMonth");
  const https = ctx.usage("httpNotificationsPerMonth");
  return [
    ...ctx.line({
      name: "API requests (over 1M)",
      kind: "requests",
      service: "sns",
      meter: "requests",
      quantity: Math.max(0, requests.value - 1_000_000) / 1_000_000,
      usage: [requests],
      unitIfNotPriced: "1M requests",
    }),
    ...ctx.line({
      name: "E-mail notifications (over 1k)",
      kind: "requests",
      service: "sns",
      meter: "notifications/email",
      quantity: Math.max(0, email.value - 1_000) / 100_000,
      usage: [email],
      unitIfNotPriced: "100k notifications",
    }),
    ...ctx.line({
      name: "HTTP/S notifications (over 100k)",
      kind: "requests",
      service: "sns",
      meter: "notifications/https",
      quantity: Math.max(0, https.value - 100_000) / 100_000,
      usage: [https],
      unitIfNotPriced: "100k notifications",
    }),
  ];
};

/** aws_cloudwatch_log_metric_filter: each metric transformation publishes one custom metric. */
export const cloudwatchLogMetricFilter: Estimator = (ctx) =>
  ctx.line({
    name: "Custom metrics published",
    kind: "monitoring",
    service: "cloudwatch",
    meter: "custom-metric",
    quantity: Math.max(1, blocks(ctx.config.metric_transformation).length),
    unitIfNotPriced: "metric-months",
  });

/** aws_cloudwatch_dashboard: per dashboard-month (the account's first three are free; not subtracted). */
export const cloudwatchDashboard: Estimator = (ctx) =>
  ctx.line({ name: "Dashboard", kind: "monitoring", service: "cloudwatch", meter: "dashboard", quantity: 1, unitIfNotPriced: "months" });

/**
 * aws_s3_bucket_replication_configuration: data replicated to another region (usage
 * `replicatedGbPerMonth`) at the inter-region transfer rate. The replica's storage is priced on the
 * destination bucket; same-region replication transfers nothing billable.
 */
export const s3ReplicationConfiguration: Estimator = (ctx) => {
  const gb = ctx.usage("replicatedGbPerMonth");
  return ctx.line({
    name: "Cross-region replication transfer",
    kind: "data-processed",
    service: "data-transfer",
    meter: "inter-region",
    quantity: gb.value,
    usage: [gb],
    unitIfNotPriced: "GB",
  });
};

import { HOURS_PER_MONTH } from "../../pricebook";
import { block, bool, num, str, TfResource } from "../../stack";
import { CostComponent } from "../../types";
import { UsageValue } from "../../usage";
import { EstimateContext, Estimator, round } from "../context";

/** The cluster an instance belongs to (its `cluster_identifier` reference). */
function clusterOf(ctx: EstimateContext, type: string): TfResource | undefined {
  return ctx.stack.target(ctx.config.cluster_identifier) ?? ctx.stack.parents(ctx.resource).find((p) => p.type === type);
}

/**
 * aws_rds_cluster (Aurora): cluster storage (usage `storageGb`) at the standard or I/O-optimized
 * (`storage_type = "aurora-iopt1"`) rate, I/O requests (standard only, usage `ioRequestsMillions`),
 * backup storage beyond the free retention-period allowance (usage `backupStorageGb`).
 * Instances are priced on aws_rds_cluster_instance.
 */
export const rdsCluster: Estimator = (ctx) => {
  const iopt = str(ctx.config.storage_type) === "aurora-iopt1";
  const storage = ctx.usage("storageGb");
  const io = ctx.usage("ioRequestsMillions");
  const backup = ctx.usage("backupStorageGb");
  const out: CostComponent[] = [];
  if (str(ctx.config.engine_mode) === "serverless") {
    const acu = ctx.usage("serverlessV1AcuHours");
    out.push(
      ...ctx.line({
        name: "Aurora Serverless v1 capacity",
        kind: "compute",
        service: "rds",
        meter: "aurora-serverless-v1",
        quantity: acu.value,
        usage: [acu],
        unitIfNotPriced: "ACU-hours",
      }),
    );
  }
  out.push(
    ...ctx.line({
      name: `Storage (${iopt ? "I/O-optimized" : "standard"})`,
      kind: "storage",
      service: "rds",
      meter: iopt ? "aurora-storage-iopt" : "aurora-storage",
      quantity: storage.value,
      usage: [storage],
      unitIfNotPriced: "GB-month",
    }),
  );
  if (!iopt)
    out.push(
      ...ctx.line({
        name: "I/O requests",
        kind: "requests",
        service: "rds",
        meter: "aurora-io",
        quantity: io.value,
        usage: [io],
        unitIfNotPriced: "1M requests",
      }),
    );
  if (backup.value > 0)
    out.push(
      ...ctx.line({
        name: "Backup storage (beyond free allowance)",
        kind: "backup",
        service: "rds",
        meter: "aurora-backup",
        quantity: backup.value,
        usage: [backup],
        unitIfNotPriced: "GB-month",
      }),
    );
  return out;
};

/**
 * aws_rds_cluster_instance: on-demand instance hours by engine and `instance_class`
 * (I/O-optimized clusters have their own instance meters); `db.serverless` (Serverless v2) bills
 * ACU-hours (usage `serverlessV2AverageAcu` x 730).
 */
export const rdsClusterInstance: Estimator = (ctx) => {
  const cluster = clusterOf(ctx, "aws_rds_cluster");
  const engine = str(ctx.config.engine) ?? str(cluster?.config.engine) ?? "aurora-mysql";
  const iopt = str(cluster?.config.storage_type) === "aurora-iopt1";
  const cls = str(ctx.config.instance_class) ?? "unset";
  if (cls === "db.serverless") {
    const acu = ctx.usage("serverlessV2AverageAcu");
    return ctx.line({
      name: `Aurora Serverless v2${iopt ? " (I/O-optimized)" : ""}`,
      kind: "compute",
      service: "rds",
      meter: iopt ? "aurora-serverless-v2-iopt" : "aurora-serverless-v2",
      quantity: acu.value * HOURS_PER_MONTH,
      usage: [acu],
      unitIfNotPriced: "ACU-hours",
    });
  }
  if (cls.startsWith("db.t")) ctx.note("burstable class: CPU credits above baseline are not estimated");
  return ctx.line({
    name: `Database instance (on-demand, ${engine}${iopt ? " I/O-optimized" : ""}, ${cls})`,
    kind: "compute",
    service: "rds",
    meter: `instance/${engine}${iopt ? "-iopt" : ""}/${cls}`,
    quantity: HOURS_PER_MONTH,
    unitIfNotPriced: "hours",
  });
};

/**
 * aws_db_instance: on-demand instance hours by engine, class and deployment (Single-/Multi-AZ),
 * allocated storage (gp2/gp3). A read replica (`replicate_source_db`) inherits its source's engine
 * and storage. Reserved instances come from the usage file's discounts (per address).
 */
export const dbInstance: Estimator = (ctx) => {
  // A read replica takes its engine (and, unless it sets them, its storage) from its source.
  const source = ctx.stack.target(ctx.config.replicate_source_db);
  if (source) ctx.note(`read replica of ${source.address}: engine and storage follow the source unless set here`);
  const from = (attr: string): unknown => ctx.config[attr] ?? source?.config[attr];
  const engine = str(from("engine")) ?? "postgres";
  const cls = str(ctx.config.instance_class) ?? "unset";
  const az = bool(ctx.config.multi_az) === true ? "multi-az" : "single-az";
  const out = ctx.line({
    name: `Database instance (on-demand, ${engine}, ${cls}, ${az})`,
    kind: "compute",
    service: "rds",
    meter: `db-instance/${engine}/${cls}/${az}`,
    quantity: HOURS_PER_MONTH,
    unitIfNotPriced: "hours",
  });
  if (!engine.startsWith("aurora")) {
    const storageType = str(from("storage_type")) ?? "gp2";
    const gb = num(from("allocated_storage")) ?? 20;
    out.push(
      ...ctx.line({
        name: `Storage (${storageType}, ${az})`,
        kind: "storage",
        service: "rds",
        meter: `db-storage/${storageType}/${az}`,
        quantity: gb,
        unitIfNotPriced: "GB-month",
      }),
    );
  }
  return out;
};

/**
 * aws_redshift_cluster: node hours (`node_type` x `number_of_nodes`), RA3 managed storage (usage).
 */
export const redshiftCluster: Estimator = (ctx) => {
  const nodeType = str(ctx.config.node_type) ?? "unset";
  const nodes = num(ctx.config.number_of_nodes) ?? 1;
  const out = ctx.line({
    name: `Cluster nodes (on-demand, ${nodes} x ${nodeType})`,
    kind: "compute",
    service: "redshift",
    meter: `node/${nodeType}`,
    quantity: nodes * HOURS_PER_MONTH,
    unitIfNotPriced: "node-hours",
  });
  if (nodeType.startsWith("ra3")) {
    const gb = ctx.usage("managedStorageGb");
    out.push(
      ...ctx.line({
        name: "Managed storage (RMS)",
        kind: "storage",
        service: "redshift",
        meter: "managed-storage",
        quantity: gb.value,
        usage: [gb],
        unitIfNotPriced: "GB-month",
      }),
    );
  }
  return out;
};

/**
 * aws_redshiftserverless_workgroup: RPU-hours consumed (usage `rpuHoursPerDay` x 730 / 24); a
 * workgroup bills only while it runs queries, at least `base_capacity` RPUs and at most
 * `max_capacity` RPUs at a time, so a day never bills more than max_capacity x 24 RPU-hours; a
 * serverless-compute usage limit with `breach_action = "deactivate"` caps the month (other breach
 * actions only alert).
 */
export const redshiftServerlessWorkgroup: Estimator = (ctx) => {
  const base = num(ctx.config.base_capacity) ?? 128;
  const max = num(ctx.config.max_capacity);
  const perDay = ctx.usage("rpuHoursPerDay");
  const daily = max === undefined ? perDay.value : Math.min(perDay.value, max * 24);
  let monthly = (daily * HOURS_PER_MONTH) / 24;
  for (const limit of computeLimits(ctx)) {
    if (limit.breach_action === "deactivate") monthly = Math.min(monthly, limit.monthly);
    else ctx.note(`usage limit of ${round(limit.monthly, 0)} RPU-hours a month only ${limit.breach_action}s: it does not cap the bill`);
  }
  return ctx.line({
    name: `Compute (${perDay.value.toLocaleString("en-US")} RPU-hours/day, base ${base} RPU)`,
    kind: "compute",
    service: "redshift",
    meter: "serverless-rpu",
    quantity: monthly,
    usage: [perDay],
    unitIfNotPriced: "RPU-hours",
  });
};

/** Hours in a usage-limit period, for converting its amount to a month of 730 hours. */
const PERIOD_HOURS: Record<string, number> = { daily: 24, weekly: 168, monthly: HOURS_PER_MONTH };

/** The workgroup's serverless-compute usage limits, as RPU-hours a month. */
function computeLimits(ctx: EstimateContext): { breach_action: string; monthly: number }[] {
  const arn = `\${${ctx.resource.address}.arn}`;
  return ctx.stack
    .ofType("aws_redshiftserverless_usage_limit")
    .filter((l) => l.config.resource_arn === arn && (str(l.config.usage_type) ?? "serverless-compute") === "serverless-compute")
    .map((l) => {
      const hours = PERIOD_HOURS[str(l.config.period) ?? "monthly"] ?? HOURS_PER_MONTH;
      return {
        breach_action: str(l.config.breach_action) ?? "log",
        monthly: ((num(l.config.amount) ?? Infinity) * HOURS_PER_MONTH) / hours,
      };
    });
}

/** aws_redshiftserverless_namespace: managed storage (usage `managedStorageGb`). */
export const redshiftServerlessNamespace: Estimator = (ctx) => {
  const gb = ctx.usage("managedStorageGb");
  return ctx.line({
    name: "Managed storage (serverless)",
    kind: "storage",
    service: "redshift",
    meter: "serverless-managed-storage",
    quantity: gb.value,
    usage: [gb],
    unitIfNotPriced: "GB-month",
  });
};

/** aws_docdb_cluster_instance: on-demand instance hours by `instance_class`. */
export const docdbClusterInstance: Estimator = (ctx) => {
  const cls = str(ctx.config.instance_class) ?? "unset";
  if (cls.startsWith("db.t")) ctx.note("burstable class: CPU credits above baseline are not estimated");
  return ctx.line({
    name: `Database instance (on-demand, ${cls})`,
    kind: "compute",
    service: "docdb",
    meter: `instance/${cls}`,
    quantity: HOURS_PER_MONTH,
    unitIfNotPriced: "hours",
  });
};

/** aws_docdb_cluster: storage, I/O and backup beyond the free allowance (usage). */
export const docdbCluster: Estimator = (ctx) => {
  const storage = ctx.usage("storageGb");
  const io = ctx.usage("ioRequestsMillions");
  const backup = ctx.usage("backupStorageGb");
  return [
    ...ctx.line({
      name: "Storage",
      kind: "storage",
      service: "docdb",
      meter: "storage",
      quantity: storage.value,
      usage: [storage],
      unitIfNotPriced: "GB-month",
    }),
    ...ctx.line({
      name: "I/O requests",
      kind: "requests",
      service: "docdb",
      meter: "io",
      quantity: io.value,
      usage: [io],
      unitIfNotPriced: "1M requests",
    }),
    ...(backup.value > 0
      ? ctx.line({
          name: "Backup storage (beyond free allowance)",
          kind: "backup",
          service: "docdb",
          meter: "backup",
          quantity: backup.value,
          usage: [backup],
          unitIfNotPriced: "GB-month",
        })
      : []),
  ];
};

/**
 * aws_msk_cluster (provisioned): broker hours (`number_of_broker_nodes` x instance type) and
 * broker EBS storage (provisioned volume size per broker; with storage autoscaling, the size the
 * scaling target keeps it at).
 */
export const mskCluster: Estimator = (ctx) => {
  const bng = block(ctx.config.broker_node_group_info);
  const type = str(bng?.instance_type) ?? "unset";
  const brokers = num(ctx.config.number_of_broker_nodes) ?? 3;
  const ebs = block(block(bng?.storage_info)?.ebs_storage_info);
  const initial = num(ebs?.volume_size) ?? num(bng?.ebs_volume_size) ?? 1000;
  const { size: volume, usage } = autoscaledVolume(ctx, initial);
  return [
    ...ctx.line({
      name: `Brokers (${brokers} x ${type})`,
      kind: "compute",
      service: "msk",
      meter: `broker/${type}`,
      quantity: brokers * HOURS_PER_MONTH,
      unitIfNotPriced: "broker-hours",
    }),
    ...ctx.line({
      name: `Broker storage (${brokers} x ${round(volume, 1)} GB)`,
      kind: "storage",
      service: "msk",
      meter: "storage",
      quantity: brokers * volume,
      ...(usage ? { usage: [usage] } : {}),
      unitIfNotPriced: "GB-month",
    }),
  ];
};

/**
 * Broker volume under storage autoscaling: an aws_appautoscaling_target on
 * `kafka:broker-storage:VolumeSize` for this cluster and its target-tracking policy grow the volume
 * until disk use is back at the target utilisation, up to the target's `max_capacity` (never
 * shrinking). Expected size per broker = max(initial, min(max_capacity, used GB / target %)) with
 * usage `usedGbPerBroker`; without a scaling target the provisioned size is billed.
 */
function autoscaledVolume(ctx: EstimateContext, initial: number): { size: number; usage?: UsageValue } {
  const arn = `\${${ctx.resource.address}.arn}`;
  const target = ctx.stack
    .ofType("aws_appautoscaling_target")
    .find((t) => t.config.resource_id === arn && t.config.scalable_dimension === "kafka:broker-storage:VolumeSize");
  if (!target) return { size: initial };
  const max = num(target.config.max_capacity) ?? initial;
  const policy = ctx.stack
    .ofType("aws_appautoscaling_policy")
    .find((p) => ctx.stack.parents(p).includes(target) || p.config.resource_id === arn);
  const targetPct = num(block(policy?.config.target_tracking_scaling_policy_configuration)?.target_value);
  const used = ctx.usage("usedGbPerBroker");
  if (targetPct === undefined || targetPct <= 0) {
    ctx.note(`storage autoscaling up to ${max} GB without a target-tracking policy: priced at the provisioned ${initial} GB`);
    return { size: initial };
  }
  const size = Math.max(initial, Math.min(max, used.value / (targetPct / 100)));
  ctx.note(`storage autoscaling: ${used.value} GB used per broker at a ${targetPct}% target -> ${round(size, 1)} GB (max ${max} GB)`);
  return { size, usage: used };
}

/** aws_mskconnect_connector: MCU-hours = workers x `mcu_count` x 730 (autoscaling: usage `averageWorkers`). */
export const mskConnectConnector: Estimator = (ctx) => {
  const cap = block(ctx.config.capacity);
  const auto = block(cap?.autoscaling);
  const prov = block(cap?.provisioned_capacity);
  const mcu = num(auto?.mcu_count) ?? num(prov?.mcu_count) ?? 1;
  let workers = num(prov?.worker_count);
  const usage = [];
  if (workers === undefined) {
    const u = ctx.usage("averageWorkers");
    usage.push(u);
    workers = Math.max(num(auto?.min_worker_count) ?? 1, Math.min(u.value, num(auto?.max_worker_count) ?? u.value));
  }
  return ctx.line({
    name: `Connector capacity (${workers} worker${workers === 1 ? "" : "s"} x ${mcu} MCU)`,
    kind: "compute",
    service: "msk",
    meter: "connect-mcu",
    quantity: workers * mcu * HOURS_PER_MONTH,
    usage,
    unitIfNotPriced: "MCU-hours",
  });
};

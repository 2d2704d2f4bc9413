import { HOURS_PER_MONTH } from "../../pricebook";
import { block, bool, num, str, TfResource } from "../../stack";
import { CostComponent } from "../../types";
import { EstimateContext, Estimator } from "../context";

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
 * allocated storage (gp2/gp3; io1 by GB and IOPS). Aurora engines are priced as cluster instances.
 */
export const dbInstance: Estimator = (ctx) => {
  const engine = str(ctx.config.engine) ?? "postgres";
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
    const storageType = str(ctx.config.storage_type) ?? "gp2";
    const gb = num(ctx.config.allocated_storage) ?? 20;
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
 * aws_redshiftserverless_workgroup: RPU-hours = `base_capacity` x active hours (usage
 * `activeHoursPerMonth`; a workgroup bills only while it runs queries).
 */
export const redshiftServerlessWorkgroup: Estimator = (ctx) => {
  const rpu = num(ctx.config.base_capacity) ?? 128;
  const hours = ctx.usage("activeHoursPerMonth");
  return ctx.line({
    name: `Compute (${rpu} RPU base capacity)`,
    kind: "compute",
    service: "redshift",
    meter: "serverless-rpu",
    quantity: rpu * hours.value,
    usage: [hours],
    unitIfNotPriced: "RPU-hours",
  });
};

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
 * broker EBS storage (volume size per broker).
 */
export const mskCluster: Estimator = (ctx) => {
  const bng = block(ctx.config.broker_node_group_info);
  const type = str(bng?.instance_type) ?? "unset";
  const brokers = num(ctx.config.number_of_broker_nodes) ?? 3;
  const ebs = block(block(bng?.storage_info)?.ebs_storage_info);
  const volume = num(ebs?.volume_size) ?? num(bng?.ebs_volume_size) ?? 1000;
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
      name: `Broker storage (${brokers} x ${volume} GB)`,
      kind: "storage",
      service: "msk",
      meter: "storage",
      quantity: brokers * volume,
      unitIfNotPriced: "GB-month",
    }),
  ];
};

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
    name: `Connector capacity (${workers} workers x ${mcu} MCU)`,
    kind: "compute",
    service: "msk",
    meter: "connect-mcu",
    quantity: workers * mcu * HOURS_PER_MONTH,
    usage,
    unitIfNotPriced: "MCU-hours",
  });
};

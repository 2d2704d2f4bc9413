import { AwsEnvironment } from "../../environments/aws-types";
import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { synthAws } from "../helpers/synth";

/**
 * Each environment's sizing as README.md's stack table and docs/aws.md state it (prod: the brief's sizes),
 * written here rather than read from `env.sizing`, so an edit to an environment file fails a named test.
 */
const SIZING = {
  dev: {
    aurora: { instanceClass: "db.t4g.medium", readerCount: 0, engineVersion: "16.4", backupDays: 7 },
    redshift: { baseCapacityRpu: 8, maxCapacityRpu: 32 },
    documentDb: { instanceClass: "db.t4g.medium", instanceCount: 1 },
    msk: { brokerInstanceType: "kafka.t3.small", brokerCount: 3, ebsVolumeGb: 100, kafkaVersion: "3.6.0" },
    mskConnect: { mcuCount: 1, minWorkers: 1, maxWorkers: 2 },
    glue: { workerType: "G.1X", numberOfWorkers: 2, timeoutMinutes: 60 },
  },
  staging: {
    aurora: { instanceClass: "db.r7g.large", readerCount: 1, engineVersion: "16.4", backupDays: 14 },
    redshift: { baseCapacityRpu: 16, maxCapacityRpu: 64 },
    documentDb: { instanceClass: "db.r6g.large", instanceCount: 2 },
    msk: { brokerInstanceType: "kafka.m7g.large", brokerCount: 3, ebsVolumeGb: 250, kafkaVersion: "3.6.0" },
    mskConnect: { mcuCount: 1, minWorkers: 1, maxWorkers: 2 },
    glue: { workerType: "G.1X", numberOfWorkers: 5, timeoutMinutes: 120 },
  },
  prod: {
    aurora: { instanceClass: "db.r7g.2xlarge", readerCount: 2, engineVersion: "16.4", backupDays: 35 },
    redshift: { baseCapacityRpu: 64, maxCapacityRpu: 256 },
    documentDb: { instanceClass: "db.r6g.xlarge", instanceCount: 3 },
    msk: { brokerInstanceType: "kafka.m7g.xlarge", brokerCount: 6, ebsVolumeGb: 1000, kafkaVersion: "3.6.0" },
    mskConnect: { mcuCount: 2, minWorkers: 2, maxWorkers: 4 },
    glue: { workerType: "G.2X", numberOfWorkers: 10, timeoutMinutes: 240 },
  },
} as const;

test("the sizing table covers every AWS environment in the registry", () => {
  expect(AWS_ENVIRONMENTS.map((e) => e.name).sort()).toEqual(Object.keys(SIZING).sort());
});

describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s sizing", (name, env: AwsEnvironment) => {
  const synth = synthAws(env);
  const s = SIZING[name as keyof typeof SIZING];

  test(`Aurora: 1 writer + ${s.aurora.readerCount} reader(s) of ${s.aurora.instanceClass}, readers in the other AZs`, () => {
    const instances = synth.configs("aws_rds_cluster_instance");
    expect(instances).toHaveLength(1 + s.aurora.readerCount);
    for (const i of instances) expect(i.instance_class).toBe(s.aurora.instanceClass);
    const writer = instances.find((i) => i.promotion_tier === 0) ?? {};
    expect(writer.availability_zone).toBe("eu-west-1a");
    for (const r of instances.filter((i) => i.promotion_tier !== 0)) expect(r.availability_zone).not.toBe(writer.availability_zone);
    expect(synth.only("aws_rds_cluster").config.engine_version).toBe(s.aurora.engineVersion);
  });

  test(`Aurora backups: ${s.aurora.backupDays} days (the brief: 35 in prod)`, () => {
    expect(synth.only("aws_rds_cluster").config.backup_retention_period).toBe(s.aurora.backupDays);
  });

  (env.warehouse === "redshift" ? test : test.skip)(
    `Redshift Serverless: ${s.redshift.baseCapacityRpu}-${s.redshift.maxCapacityRpu} RPU`,
    () => {
      expect(synth.only("aws_redshiftserverless_workgroup").config).toMatchObject({
        base_capacity: s.redshift.baseCapacityRpu,
        max_capacity: s.redshift.maxCapacityRpu,
      });
      expect(synth.only("aws_redshiftserverless_usage_limit").config).toMatchObject({
        amount: s.redshift.baseCapacityRpu * 24 * 31,
        period: "monthly",
      });
    },
  );

  (env.documentStore === "documentdb" ? test : test.skip)(
    `DocumentDB: ${s.documentDb.instanceCount} x ${s.documentDb.instanceClass} spread over AZs`,
    () => {
      const instances = synth.configs("aws_docdb_cluster_instance");
      expect(instances).toHaveLength(s.documentDb.instanceCount);
      for (const i of instances) expect(i.instance_class).toBe(s.documentDb.instanceClass);
      expect(new Set(instances.map((i) => i.availability_zone)).size).toBe(Math.min(3, s.documentDb.instanceCount));
    },
  );

  test(`MSK: ${s.msk.brokerCount} x ${s.msk.brokerInstanceType}, ${s.msk.ebsVolumeGb} GiB`, () => {
    const c = synth.only("aws_msk_cluster").config;
    expect(c.number_of_broker_nodes).toBe(s.msk.brokerCount);
    expect(c.kafka_version).toBe(s.msk.kafkaVersion);
    expect(c.broker_node_group_info).toMatchObject({
      instance_type: s.msk.brokerInstanceType,
      storage_info: { ebs_storage_info: { volume_size: s.msk.ebsVolumeGb } },
    });
    expect(c.broker_node_group_info.client_subnets).toHaveLength(3);
  });

  test("MSK Connect capacity", () => {
    const sink = synth.entries("aws_mskconnect_connector").find(([id]) => id.startsWith("cdc-sink_"))?.[1];
    expect(sink?.capacity.autoscaling).toMatchObject({
      mcu_count: s.mskConnect.mcuCount,
      min_worker_count: s.mskConnect.minWorkers,
      max_worker_count: s.mskConnect.maxWorkers,
    });
    // Autoscaled capacity overrides tasks.max (workers x MCUs x 2): the sink must not pretend to set it.
    expect(sink?.connector_configuration).not.toHaveProperty("tasks.max");
    // Debezium PostgreSQL reads one replication slot: exactly one task on one provisioned worker,
    // the only capacity mode in which MSK Connect honours tasks.max.
    const source = synth.entries("aws_mskconnect_connector").find(([id]) => id.startsWith("cdc-source_"))?.[1];
    expect(source?.capacity).toEqual({ provisioned_capacity: { mcu_count: s.mskConnect.mcuCount, worker_count: 1 } });
    expect(source?.connector_configuration["tasks.max"]).toBe("1");
  });

  test(`Glue: ${s.glue.numberOfWorkers} x ${s.glue.workerType}, timeout ${s.glue.timeoutMinutes} min`, () => {
    expect(synth.byIdPrefix("aws_glue_job", "etl_").config).toMatchObject({
      glue_version: "5.0",
      worker_type: s.glue.workerType,
      number_of_workers: s.glue.numberOfWorkers,
      timeout: s.glue.timeoutMinutes,
      command: { name: "glueetl" },
    });
  });
});

import { AWS_PROVIDER, estimate, line, res, tf } from "./fixtures";

describe("AWS estimators", () => {
  test("Aurora: instances priced by engine and class (Graviton from AWS's own table); cluster storage and I/O from usage", () => {
    // GIVEN
    const json = tf(
      {
        "aws_rds_cluster.c": { engine: "aurora-mysql", storage_type: "aurora" },
        "aws_rds_cluster_instance.a": { cluster_identifier: "${aws_rds_cluster.c.id}", instance_class: "db.r4.large" },
        "aws_rds_cluster_instance.b": {
          cluster_identifier: "${aws_rds_cluster.c.id}",
          instance_class: "db.r7g.2xlarge",
          engine: "aurora-postgresql",
        },
      },
      AWS_PROVIDER,
    );
    // WHEN
    const s = estimate(json, { resources: { aws_rds_cluster: { storageGb: 100, ioRequestsMillions: 10 } } });
    // THEN
    expect(line(res(s, "aws_rds_cluster_instance.a"), /instance/)).toMatchObject({
      monthlyCost: 211.7,
      referenceRegion: true,
      priceRegion: "us-east-1",
    }); // golden $211.70
    expect(res(s, "aws_rds_cluster_instance.a").region).toBe("eu-west-1");
    // aws/agent-toolkit-for-aws io_optimized_analyzer.py: db.r7g.2xlarge $1.106/h (us-east-1, Aurora Standard).
    expect(res(s, "aws_rds_cluster_instance.b")).toMatchObject({ status: "priced", monthlyCost: Math.round(730 * 1.106 * 100) / 100 });
    expect(line(res(s, "aws_rds_cluster.c"), /Storage/).monthlyCost).toBe(10);
    expect(line(res(s, "aws_rds_cluster.c"), /I\/O/).monthlyCost).toBe(2);
  });

  test("I/O-optimized Aurora: storage at the iopt rate, no I/O line, instance meter separate (not priced)", () => {
    const json = tf(
      {
        "aws_rds_cluster.c": { engine: "aurora-postgresql", storage_type: "aurora-iopt1" },
        "aws_rds_cluster_instance.i": { cluster_identifier: "${aws_rds_cluster.c.id}", instance_class: "db.t3.large" },
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, { resources: { aws_rds_cluster: { storageGb: 100 } } });
    expect(res(s, "aws_rds_cluster.c").components.map((c) => c.name)).toEqual(["Storage (I/O-optimized)"]);
    expect(line(res(s, "aws_rds_cluster.c"), /Storage/).monthlyCost).toBe(23);
    expect(res(s, "aws_rds_cluster_instance.i").status).toBe("not-priced");
  });

  test("aws_db_instance in eu-west-1 uses the region's own price (no reference mark)", () => {
    const json = tf(
      {
        "aws_db_instance.d": {
          engine: "postgres",
          instance_class: "db.m6g.xlarge",
          multi_az: true,
          allocated_storage: 100,
          storage_type: "gp3",
        },
      },
      AWS_PROVIDER,
    );
    const r = res(estimate(json), "aws_db_instance.d");
    expect(line(r, /instance/)).toMatchObject({ monthlyCost: 513.92, priceRegion: "eu-west-1" });
    expect(line(r, /instance/).referenceRegion).toBeUndefined();
    expect(line(r, /Storage/)).toMatchObject({ monthlyCost: 23, referenceRegion: true });
  });

  test("Redshift provisioned nodes and RA3 storage; Redshift Serverless RPU-hours per day, capped at max capacity", () => {
    const json = tf(
      {
        "aws_redshift_cluster.r": { node_type: "ra3.4xlarge", number_of_nodes: 6 },
        "aws_redshiftserverless_workgroup.w": { base_capacity: 32, max_capacity: 64 },
        "aws_redshiftserverless_workgroup.capped": { base_capacity: 8, max_capacity: 8 },
        "aws_redshiftserverless_namespace.n": {},
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, {
      resources: {
        aws_redshift_cluster: { managedStorageGb: 1000 },
        aws_redshiftserverless_workgroup: { rpuHoursPerDay: 256 },
        aws_redshiftserverless_namespace: { managedStorageGb: 500 },
      },
    });
    expect(line(res(s, "aws_redshift_cluster.r"), /nodes/).monthlyCost).toBe(14278.8); // golden
    expect(line(res(s, "aws_redshift_cluster.r"), /Managed/).monthlyCost).toBe(24);
    // $0.375 per RPU-hour (aws.amazon.com/redshift/pricing, us-east-1): 256 RPU-h/day x 730/24 days.
    expect(res(s, "aws_redshiftserverless_workgroup.w").components[0]).toMatchObject({
      monthlyQuantity: Math.round(((256 * 730) / 24) * 10000) / 10000,
      unitPrice: 0.375,
      monthlyCost: Math.round(((256 * 730) / 24) * 0.375 * 100) / 100,
    });
    // 8 RPU at most: 8 x 24 = 192 RPU-hours a day, whatever the usage file says.
    expect(res(s, "aws_redshiftserverless_workgroup.capped").components[0].monthlyQuantity).toBe(8 * 730);
    // A limit that deactivates the workgroup at 1,000 RPU-hours a week caps the month at
    // 1,000 x 730 / 168 RPU-hours; one that only emits a metric does not.
    const limited = (breach: string) =>
      res(
        estimate(
          tf(
            {
              "aws_redshiftserverless_workgroup.w": { base_capacity: 32, max_capacity: 64 },
              "aws_redshiftserverless_usage_limit.l": {
                resource_arn: "${aws_redshiftserverless_workgroup.w.arn}",
                usage_type: "serverless-compute",
                period: "weekly",
                amount: 1000,
                breach_action: breach,
              },
            },
            AWS_PROVIDER,
          ),
          { resources: { aws_redshiftserverless_workgroup: { rpuHoursPerDay: 256 } } },
        ),
        "aws_redshiftserverless_workgroup.w",
      ).components[0].monthlyQuantity;
    expect(limited("deactivate")).toBe(Math.round(((1000 * 730) / 168) * 10000) / 10000);
    expect(limited("emit-metric")).toBe(Math.round(((256 * 730) / 24) * 10000) / 10000);
    // Serverless storage is Redshift Managed Storage: 500 GB x $0.024.
    expect(res(s, "aws_redshiftserverless_namespace.n").monthlyCost).toBe(500 * 0.024);
  });

  test("DocumentDB instances (linear r5 derivation) and cluster storage; MSK brokers and storage; MSK Connect MCU-hours", () => {
    const json = tf(
      {
        "aws_docdb_cluster.d": {},
        "aws_docdb_cluster_instance.i": { cluster_identifier: "${aws_docdb_cluster.d.id}", instance_class: "db.r5.large" },
        "aws_msk_cluster.k": {
          number_of_broker_nodes: 3,
          broker_node_group_info: { instance_type: "kafka.m5.large", storage_info: { ebs_storage_info: { volume_size: 100 } } },
        },
        "aws_mskconnect_connector.c": { capacity: { provisioned_capacity: { mcu_count: 2, worker_count: 1 } } },
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, { resources: { aws_docdb_cluster: { storageGb: 100, ioRequestsMillions: 0 } } });
    expect(res(s, "aws_docdb_cluster_instance.i").monthlyCost).toBe(202.21);
    expect(line(res(s, "aws_docdb_cluster.d"), /Storage/).monthlyCost).toBe(10);
    expect(line(res(s, "aws_msk_cluster.k"), /Brokers/)).toMatchObject({ monthlyQuantity: 2190, monthlyCost: 459.9 });
    expect(line(res(s, "aws_msk_cluster.k"), /storage/)).toMatchObject({ monthlyQuantity: 300, monthlyCost: 30 });
    // 1 worker x 2 MCU x 730 h at $0.11 per MCU-hour (aws.amazon.com/msk/pricing, us-east-1).
    expect(res(s, "aws_mskconnect_connector.c").components[0]).toMatchObject({ monthlyQuantity: 1460, monthlyCost: 1 * 2 * 730 * 0.11 });
  });

  test("NAT gateway, interface endpoints per AZ (gateway endpoints free), KMS, Secrets Manager", () => {
    const json = tf(
      {
        "aws_nat_gateway.n": {},
        "aws_vpc_endpoint.i": { vpc_endpoint_type: "Interface", subnet_ids: ["a", "b", "c"] },
        "aws_vpc_endpoint.g": { service_name: "com.amazonaws.eu-west-1.s3" },
        "aws_kms_key.k": {},
        "aws_secretsmanager_secret.s": {},
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, {
      resources: {
        aws_nat_gateway: { dataProcessedGb: 100 },
        aws_vpc_endpoint: { dataProcessedGb: 0 },
        aws_kms_key: { requests10k: 0 },
        aws_secretsmanager_secret: { apiRequests10k: 0 },
      },
    });
    expect(res(s, "aws_nat_gateway.n").monthlyCost).toBe(37.35);
    expect(line(res(s, "aws_vpc_endpoint.i"), /Endpoint/)).toMatchObject({ monthlyQuantity: 2190, monthlyCost: 21.9 });
    expect(res(s, "aws_vpc_endpoint.g")).toMatchObject({ status: "priced", monthlyCost: 0 });
    expect(res(s, "aws_kms_key.k").monthlyCost).toBe(1);
    expect(res(s, "aws_secretsmanager_secret.s").monthlyCost).toBe(0.4);
  });

  test("S3, Glue job DPU-hours, CloudWatch logs and alarms, CloudTrail, Backup vault", () => {
    const json = tf(
      {
        "aws_s3_bucket.b": {},
        "aws_glue_job.j": { worker_type: "G.1X", number_of_workers: 10 },
        "aws_cloudwatch_log_group.l": { retention_in_days: 90 },
        "aws_cloudwatch_metric_alarm.a": { period: 300 },
        "aws_cloudwatch_metric_alarm.h": { period: 10 },
        "aws_cloudtrail.t": {},
        "aws_backup_vault.v": {},
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, {
      resources: {
        aws_s3_bucket: { standardGb: 1000, putRequests1k: 0, getRequests1k: 0 },
        aws_glue_job: { runsPerMonth: 30, hoursPerRun: 0.5 },
        aws_cloudwatch_log_group: { ingestionGbPerMonth: 10 },
        aws_cloudtrail: { dataEvents100k: 2 },
        aws_backup_vault: { auroraSnapshotGb: 1000 },
      },
    });
    expect(res(s, "aws_s3_bucket.b").monthlyCost).toBe(23);
    expect(line(res(s, "aws_glue_job.j"), /ETL/)).toMatchObject({ monthlyQuantity: 150, monthlyCost: 66 });
    expect(line(res(s, "aws_cloudwatch_log_group.l"), /ingested/).monthlyCost).toBe(5);
    expect(line(res(s, "aws_cloudwatch_log_group.l"), /storage/)).toMatchObject({ monthlyQuantity: 30, monthlyCost: 0.9 });
    expect(res(s, "aws_cloudwatch_metric_alarm.a").monthlyCost).toBe(0.1);
    expect(res(s, "aws_cloudwatch_metric_alarm.h").monthlyCost).toBe(0.3);
    expect(res(s, "aws_cloudtrail.t").monthlyCost).toBe(0.2);
    expect(res(s, "aws_backup_vault.v").monthlyCost).toBe(24);
  });

  test("free AWS types and explicitly unpriced ones", () => {
    const json = tf(
      { "aws_vpc.v": {}, "aws_iam_role.r": {}, "aws_s3_bucket_versioning.b": {}, "aws_sagemaker_mlflow_tracking_server.m": {} },
      AWS_PROVIDER,
    );
    const s = estimate(json);
    expect(["aws_vpc.v", "aws_iam_role.r", "aws_s3_bucket_versioning.b"].map((a) => res(s, a).status)).toEqual(["free", "free", "free"]);
    expect(res(s, "aws_sagemaker_mlflow_tracking_server.m")).toMatchObject({
      status: "not-priced",
      reason: expect.stringMatching(/MLflow/),
    });
    expect(s.status).toBe("no budget, incomplete");
  });
});

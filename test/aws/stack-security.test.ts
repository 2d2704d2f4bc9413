import { awsProd } from "../../environments/aws-prod";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";
import { Testing } from "cdktf";
import { AwsEnvironment } from "../../environments/aws-types";
import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { fullSynthesize, synthAws } from "../helpers/synth";
import { isTaggableType } from "../helpers/taggable";

/** The inventory tags the brief requires on every taggable resource (PCI DSS 12.5.1). */
const BRIEF_TAGS = ["owner", "cost-center", "data-classification", "environment", "managed-by"];

const byName = AWS_ENVIRONMENTS.map((e) => [e.name, e] as const);
/** raw, curated, artifacts, CloudTrail, access logs; plus the models and Airflow DAG buckets where ML and Airflow run. */
const BUCKETS: Record<string, number> = { dev: 5, staging: 7, prod: 7 };

/**
 * The SLA alarms of the brief (same rows as Azure's test/azure-monitoring BRIEF table): OLTP P99 commit
 * latency > 200 ms for 5 min, OLAP query > 10 s, NoSQL latency > 50 ms for 5 min, any failed ETL task,
 * OLTP and streaming availability, no load younger than 1 h.
 */
const SLA_ALARM_TABLE: Record<string, object> = {
  "oltp-latency-p99": {
    metric_name: "CommitLatency",
    extended_statistic: "p99",
    comparison_operator: "GreaterThanThreshold",
    threshold: 200,
    period: 60,
    evaluation_periods: 5,
  },
  "olap-query-duration": {
    metric_name: "QueryDuration",
    comparison_operator: "GreaterThanThreshold",
    threshold: 10_000_000,
    unit: "Microseconds",
  },
  "nosql-latency": { comparison_operator: "GreaterThanThreshold", threshold: 50, evaluation_periods: 5, datapoints_to_alarm: 5 },
  "etl-job-failure": {
    metric_name: "glue.driver.aggregate.numFailedTasks",
    statistic: "Sum",
    comparison_operator: "GreaterThanThreshold",
    threshold: 0,
  },
  "oltp-availability": {
    metric_name: "EngineUptime",
    comparison_operator: "LessThanThreshold",
    threshold: 1,
    treat_missing_data: "breaching",
  },
  "streaming-availability": {
    metric_name: "OfflinePartitionsCount",
    comparison_operator: "GreaterThanThreshold",
    threshold: 0,
    treat_missing_data: "breaching",
  },
  "data-freshness": {
    metric_name: "SecondsSinceLastLoad",
    comparison_operator: "GreaterThanThreshold",
    threshold: 3600,
    treat_missing_data: "breaching",
  },
};

/** The environments' intent (docs/aws.md, the brief), written here rather than read from the environment files. */
const INTENT: Record<
  string,
  {
    drRegion: string | undefined;
    budgetUsd: string;
    deletionProtection: boolean;
    kmsDeletionWindowDays: number;
    natGateways: number;
    logDays: number;
    backupDays: number;
    snapshotDays: number;
  }
> = {
  dev: {
    drRegion: undefined,
    budgetUsd: "3500.00",
    deletionProtection: false,
    kmsDeletionWindowDays: 7,
    natGateways: 1,
    logDays: 90,
    backupDays: 7,
    snapshotDays: 14,
  },
  staging: {
    drRegion: undefined,
    budgetUsd: "8000.00",
    deletionProtection: true,
    kmsDeletionWindowDays: 30,
    natGateways: 1,
    logDays: 180,
    backupDays: 14,
    snapshotDays: 35,
  },
  prod: {
    drRegion: "eu-central-1",
    budgetUsd: "25000.00",
    deletionProtection: true,
    kmsDeletionWindowDays: 30,
    natGateways: 0,
    logDays: 365,
    backupDays: 35,
    snapshotDays: 365,
  },
};

test("the intent table covers every AWS environment in the registry", () => {
  expect(AWS_ENVIRONMENTS.map((e) => e.name).sort()).toEqual(Object.keys(INTENT).sort());
});

describe("aws-prod cross-region backup copies", () => {
  const synth = synthAws(awsProd);
  test("daily snapshots are copied to a CMK-encrypted vault in eu-central-1", () => {
    const daily = synth.only("aws_backup_plan").config.rule.find((r: any) => r.rule_name === "daily-snapshot");
    const [drVaultName, drVault] = synth.entries("aws_backup_vault").find(([, v]) => v.provider === "aws.dr") ?? [];
    expect(drVault?.kms_key_arn).toMatch(/aws_kms_key\.dr-backup_key_/);
    expect(daily.copy_action).toEqual([
      { destination_vault_arn: `\${aws_backup_vault.${drVaultName}.arn}`, lifecycle: { delete_after: 365 } },
    ]);
    const drProvider = synth.json.provider.aws.find((p: any) => p.alias === "dr");
    expect(drProvider).toMatchObject({ region: "eu-central-1", allowed_account_ids: [awsProd.accountId] });
    const drKey = synth.entries("aws_kms_key").find(([n]) => n.startsWith("dr-backup_key_"))?.[1];
    expect(drKey).toMatchObject({ provider: "aws.dr", enable_key_rotation: true });
  });
});

describe.each(byName)("aws-%s security settings", (_name, env: AwsEnvironment) => {
  const synth = synthAws(env);
  const { text } = synth;
  // Engine-specific tests run for the environments on that engine (test/aws/engines.test.ts covers Snowflake and Atlas).
  const onRedshift = env.warehouse === "redshift" ? test : test.skip;
  const onDocumentDb = env.documentStore === "documentdb" ? test : test.skip;
  const want = INTENT[_name]!;

  // ---- Provider and state
  test("provider pins the account and carries no credentials", () => {
    // GIVEN the synthesized provider block THEN region and allowed account only
    const provider = synth.json.provider.aws[0];
    expect(provider).toMatchObject({ region: env.region, allowed_account_ids: [env.accountId] });
    for (const key of ["access_key", "secret_key", "token", "profile", "shared_credentials_files"])
      expect(provider).not.toHaveProperty(key);
  });

  // ---- KMS
  test("one CMK per data domain (plus the DR vault's key where backups are copied), each with rotation, a deletion window and an alias", () => {
    const keys = synth.entries("aws_kms_key");
    expect(keys).toHaveLength(11 + (want.drRegion ? 1 : 0));
    for (const [, key] of keys) {
      expect(key.enable_key_rotation).toBe(true);
      expect(key.rotation_period_in_days).toBe(365);
      expect(key.deletion_window_in_days).toBe(want.kmsDeletionWindowDays);
      expect(key.lifecycle?.prevent_destroy ?? false).toBe(want.deletionProtection);
    }
    expect(synth.entries("aws_kms_alias")).toHaveLength(11 + (want.drRegion ? 1 : 0));
  });

  test("each key policy admits the account root plus only its domain's service principal, under its condition", () => {
    const acct = env.accountId;
    const root = { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: "kms:*", Resource: "*" };
    const logsCondition = (groups: string) => ({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:eu-west-1:${acct}:log-group:${groups}` },
    });
    // The intent, not read from constructs/aws/kms-keys.ts: the account administers every key through IAM; a
    // service principal only where that service encrypts on the account's behalf, scoped by context or account.
    const expected: Record<string, object[]> = {
      oltp: [root],
      olap: [root],
      nosql: [root],
      streaming: [root],
      rawzone: [root],
      backup: [root],
      models: [root],
      logs: [root, { Principal: { Service: "logs.eu-west-1.amazonaws.com" }, Condition: logsCondition("*") }],
      orchestration: [root, { Principal: { Service: "logs.eu-west-1.amazonaws.com" }, Condition: logsCondition("airflow-*") }],
      audit: [
        root,
        {
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "kms:GenerateDataKey*",
          Condition: {
            StringEquals: { "aws:SourceAccount": acct },
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${acct}:trail/*` },
          },
        },
        { Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:DescribeKey" },
      ],
      alerts: [
        root,
        {
          Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] },
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Condition: { StringEquals: { "aws:SourceAccount": acct } },
        },
      ],
    };
    for (const [domain, statements] of Object.entries(expected)) {
      const policy = JSON.parse(synth.byIdPrefix("aws_kms_key", `keys_${domain}_`).config.policy);
      expect({ domain, statements: policy.Statement }).toMatchObject({ domain, statements });
      expect({ domain, count: policy.Statement.length }).toEqual({ domain, count: statements.length });
    }
  });

  test('no KMS key policy statement allows Principal "*"', () => {
    const keys = synth.entries("aws_kms_key");
    expect(keys.length).toBeGreaterThanOrEqual(11);
    for (const [id, key] of keys) {
      const principals = JSON.parse(key.policy).Statement.map((st: any) => JSON.stringify(st.Principal));
      expect({ id, open: principals.filter((p: string) => p === '"*"' || /"AWS":(\[[^\]]*)?"\*"/.test(p)) }).toEqual({ id, open: [] });
    }
  });

  // ---- Network
  test("VPC with 3 data and 3 compute subnets; data route table has no default route", () => {
    const subnets = synth.configs("aws_subnet");
    expect(subnets.filter((s) => s.tags.tier === "data").map((s) => s.availability_zone)).toEqual([...env.availabilityZones]);
    expect(subnets.filter((s) => s.tags.tier === "compute")).toHaveLength(3);
    for (const s of subnets) expect(s.map_public_ip_on_launch).toBe(false);
    const dataRt = synth.byIdPrefix("aws_route_table", "network_data-rt_").config;
    expect(dataRt.route).toBeUndefined();
    const dataRtRefs = synth.entries("aws_route").filter(([, r]) => String(r.route_table_id).includes("network_data-rt_"));
    expect(dataRtRefs).toHaveLength(0);
  });

  test(`NAT gateways: ${want.natGateways}; internet gateway only with NAT`, () => {
    expect(synth.entries("aws_nat_gateway")).toHaveLength(want.natGateways);
    expect(synth.entries("aws_internet_gateway")).toHaveLength(want.natGateways > 0 ? 1 : 0);
    const defaultRoutes = synth.entries("aws_route").filter(([, r]) => r.destination_cidr_block === "0.0.0.0/0");
    expect(defaultRoutes).toHaveLength(want.natGateways > 0 ? 4 : 0);
  });

  test("VPC endpoints: S3 gateway plus KMS, Secrets Manager, STS, Logs interfaces with private DNS", () => {
    const endpoints = synth.configs("aws_vpc_endpoint");
    const services = endpoints.map((e) => e.service_name);
    for (const s of ["s3", "kms", "secretsmanager", "sts", "logs"]) expect(services).toContain(`com.amazonaws.${env.region}.${s}`);
    expect(endpoints.find((e) => e.service_name.endsWith(".s3"))?.vpc_endpoint_type).toBe("Gateway");
    // AWS service endpoints; a SaaS PrivateLink endpoint (Atlas) resolves through the vendor's own DNS names.
    const awsInterfaces = endpoints.filter(
      (x) => x.vpc_endpoint_type === "Interface" && String(x.service_name).startsWith("com.amazonaws."),
    );
    for (const e of awsInterfaces) expect(e.private_dns_enabled).toBe(true);
  });

  test("VPC flow logs capture ALL traffic into a KMS-encrypted group", () => {
    expect(synth.only("aws_flow_log").config).toMatchObject({ traffic_type: "ALL", log_destination_type: "cloud-watch-logs" });
    expect(synth.byIdPrefix("aws_cloudwatch_log_group", "network_flow-log-group_").config.kms_key_id).toMatch(/aws_kms_key\.keys_logs_/);
  });

  test("no security group ingress from 0.0.0.0/0 (or ::/0) anywhere", () => {
    for (const [, rule] of synth.entries("aws_vpc_security_group_ingress_rule")) {
      expect(rule.cidr_ipv4 ?? "").not.toBe("0.0.0.0/0");
      expect(rule.cidr_ipv6 ?? "").not.toBe("::/0");
    }
    for (const [, sg] of synth.entries("aws_security_group")) expect(sg.ingress).toBeUndefined();
    expect(synth.only("aws_default_security_group").config.ingress).toBeUndefined();
    expect(text).not.toMatch(/"cidr_blocks":\s*\[\s*"0\.0\.0\.0\/0"/);
  });

  test("data stores accept connections only from named security groups", () => {
    const ingress = synth.configs("aws_vpc_security_group_ingress_rule");
    const toStore = ingress.filter((r) => [5432, 5439, 27017, 9098].includes(r.from_port));
    expect(toStore.length).toBeGreaterThan(0);
    for (const r of toStore) expect(r.referenced_security_group_id).toMatch(/aws_security_group\./);
  });

  // ---- Log groups
  test(`every log group is KMS-encrypted and kept ${want.logDays} days (>= 90)`, () => {
    const groups = synth.entries("aws_cloudwatch_log_group");
    expect(groups.length).toBeGreaterThanOrEqual(9);
    for (const [, g] of groups) {
      // MWAA encrypts its own groups with the environment's orchestration key.
      expect(g.kms_key_id).toMatch(String(g.name).startsWith("airflow-") ? /aws_kms_key\.keys_orchestration_/ : /aws_kms_key\.keys_logs_/);
      expect(g.retention_in_days).toBe(want.logDays);
      expect(g.retention_in_days).toBeGreaterThanOrEqual(90);
    }
  });

  // ---- S3
  test("every bucket blocks public access, is versioned, has a TLS-only policy and owner-enforced objects", () => {
    const buckets = synth.entries("aws_s3_bucket");
    expect(buckets).toHaveLength(BUCKETS[env.name]);
    for (const [, pab] of synth.entries("aws_s3_bucket_public_access_block")) {
      expect(pab).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
    }
    expect(synth.entries("aws_s3_bucket_public_access_block")).toHaveLength(BUCKETS[env.name]);
    for (const [, v] of synth.entries("aws_s3_bucket_versioning")) expect(v.versioning_configuration.status).toBe("Enabled");
    expect(synth.entries("aws_s3_bucket_versioning")).toHaveLength(BUCKETS[env.name]);
    for (const [, o] of synth.entries("aws_s3_bucket_ownership_controls")) expect(o.rule.object_ownership).toBe("BucketOwnerEnforced");
    const policies = synth.entries("aws_s3_bucket_policy");
    expect(policies).toHaveLength(BUCKETS[env.name]);
    for (const [, p] of policies) {
      const deny = JSON.parse(p.policy).Statement.find((s: any) => s.Sid === "DenyInsecureTransport");
      expect(deny).toMatchObject({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    }
    for (const [, b] of buckets) {
      expect(b.force_destroy).toBe(false);
      expect(b.lifecycle?.prevent_destroy ?? false).toBe(want.deletionProtection);
    }
  });

  test("data buckets use SSE-KMS with their CMK and bucket keys; only the access-log bucket uses SSE-S3", () => {
    const sse = synth.entries("aws_s3_bucket_server_side_encryption_configuration");
    const kms = sse.filter(([, s]) => s.rule[0].apply_server_side_encryption_by_default.sse_algorithm === "aws:kms");
    expect(kms).toHaveLength(BUCKETS[env.name] - 1);
    for (const [, s] of kms) {
      expect(s.rule[0].bucket_key_enabled).toBe(true);
      expect(s.rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toMatch(
        /aws_kms_key\.keys_(rawzone|audit|models|orchestration)_/,
      );
    }
    const aes = sse.filter(([, s]) => s.rule[0].apply_server_side_encryption_by_default.sse_algorithm === "AES256");
    expect(aes.map(([id]) => id)).toEqual([expect.stringMatching(/^access-logs_/)]);
  });

  test("data buckets log access and tier to IA then Glacier", () => {
    expect(synth.entries("aws_s3_bucket_logging")).toHaveLength(BUCKETS[env.name] - 1);
    const raw = synth.byIdPrefix("aws_s3_bucket_lifecycle_configuration", "raw-zone_").config;
    expect(raw.rule[0].transition).toEqual([
      { days: 30, storage_class: "STANDARD_IA" },
      { days: 90, storage_class: "GLACIER" },
    ]);
  });

  // ---- CloudTrail
  test("CloudTrail: multi-region, log file validation, KMS, CloudWatch copy, S3 data events", () => {
    const trail = synth.only("aws_cloudtrail").config;
    expect(trail).toMatchObject({
      is_multi_region_trail: true,
      enable_log_file_validation: true,
      include_global_service_events: true,
      enable_logging: true,
    });
    expect(trail.kms_key_id).toMatch(/aws_kms_key\.keys_audit_/);
    expect(trail.cloud_watch_logs_group_arn).toMatch(/aws_cloudwatch_log_group\.audit_log_group_/);
    expect(trail.event_selector[0].data_resource[0].type).toBe("AWS::S3::Object");
    expect(trail.event_selector[0].data_resource[0].values).toHaveLength(2);
  });

  // ---- Aurora
  test("Aurora: CMK, IAM auth, managed password, deletion protection, final snapshot, log export", () => {
    const c = synth.only("aws_rds_cluster").config;
    expect(c).toMatchObject({
      engine: "aurora-postgresql",
      storage_encrypted: true,
      iam_database_authentication_enabled: true,
      manage_master_user_password: true,
      deletion_protection: want.deletionProtection,
      skip_final_snapshot: false,
      backup_retention_period: want.backupDays,
      enabled_cloudwatch_logs_exports: ["postgresql"],
    });
    expect(c.kms_key_id).toMatch(/aws_kms_key\.keys_oltp_/);
    expect(c.master_user_secret_kms_key_id).toMatch(/aws_kms_key\.keys_oltp_/);
    expect(c.final_snapshot_identifier).toBe(`pay-${env.name}-euw1-oltp-final`);
    expect(c).not.toHaveProperty("master_password");
    expect(c.lifecycle?.prevent_destroy ?? false).toBe(want.deletionProtection);
  });

  test("Aurora parameter group: TLS forced, pgaudit, logical replication for Debezium", () => {
    const params = Object.fromEntries(synth.only("aws_rds_cluster_parameter_group").config.parameter.map((p: any) => [p.name, p.value]));
    expect(params).toMatchObject({
      "rds.force_ssl": "1",
      "rds.logical_replication": "1",
      shared_preload_libraries: "pg_stat_statements,pgaudit",
    });
  });

  test("Aurora instances: private, Performance Insights with the CMK, enhanced monitoring", () => {
    for (const [, i] of synth.entries("aws_rds_cluster_instance")) {
      expect(i).toMatchObject({ publicly_accessible: false, performance_insights_enabled: true, monitoring_interval: 60 });
      expect(i.performance_insights_kms_key_id).toMatch(/aws_kms_key\.keys_oltp_/);
    }
  });

  // ---- Redshift
  onRedshift("Redshift Serverless: CMK, managed admin password, audit logs, private, enhanced VPC routing, require_ssl", () => {
    const ns = synth.only("aws_redshiftserverless_namespace").config;
    expect(ns.kms_key_id).toMatch(/aws_kms_key\.keys_olap_/);
    expect(ns.manage_admin_password).toBe(true);
    expect(ns.log_exports).toEqual(["connectionlog", "userlog", "useractivitylog"]);
    expect(ns).not.toHaveProperty("admin_user_password");
    const wg = synth.only("aws_redshiftserverless_workgroup").config;
    expect(wg).toMatchObject({ enhanced_vpc_routing: true, publicly_accessible: false });
    expect(wg.subnet_ids).toHaveLength(3);
    expect(wg.config_parameter).toEqual(
      expect.arrayContaining([
        { parameter_key: "require_ssl", parameter_value: "true" },
        { parameter_key: "enable_user_activity_logging", parameter_value: "true" },
      ]),
    );
  });

  // ---- DocumentDB
  onDocumentDb("DocumentDB: TLS enforced by parameter group, CMK, backups, deletion protection, audit logs", () => {
    const pg = synth.only("aws_docdb_cluster_parameter_group").config;
    const params = Object.fromEntries(pg.parameter.map((p: any) => [p.name, p.value]));
    expect(params).toMatchObject({ tls: "enabled", audit_logs: "all", profiler: "enabled" });
    const c = synth.only("aws_docdb_cluster").config;
    expect(c).toMatchObject({
      storage_encrypted: true,
      manage_master_user_password: true,
      backup_retention_period: want.backupDays,
      deletion_protection: want.deletionProtection,
      skip_final_snapshot: false,
      enabled_cloudwatch_logs_exports: ["audit", "profiler"],
    });
    expect(c.kms_key_id).toMatch(/aws_kms_key\.keys_nosql_/);
    expect(c.db_cluster_parameter_group_name).toMatch(/aws_docdb_cluster_parameter_group\./);
    expect(c).not.toHaveProperty("master_password");
  });

  onDocumentDb("DocumentDB collections are published with their indexes", () => {
    const out = Object.entries(synth.outputs).find(([k]) => k.includes("document-collections"));
    const collections = JSON.parse(String(out?.[1].value));
    const indexes = (c: string) => collections[c].indexes.map(({ name: _n, ...spec }: any) => spec);
    // The brief's access paths: one payment per document, merchant/customer/status timelines; errors by
    // service and correlation id, expiring after 90 days; one feature vector per entity and feature-set version.
    expect(Object.keys(collections)).toEqual(["transactions", "error_logs", "ml_features"]);
    expect(indexes("transactions")).toEqual([
      { keys: { paymentId: 1 }, unique: true },
      { keys: { merchantId: 1, createdAt: -1 } },
      { keys: { customerId: 1, createdAt: -1 } },
      { keys: { status: 1, createdAt: -1 } },
    ]);
    expect(indexes("error_logs")).toEqual([
      { keys: { service: 1, severity: 1, occurredAt: -1 } },
      { keys: { correlationId: 1 } },
      { keys: { occurredAt: 1 }, expireAfterSeconds: 90 * 24 * 3600 },
    ]);
    expect(indexes("ml_features")).toEqual([
      { keys: { entityType: 1, entityId: 1, featureSet: 1, version: 1 }, unique: true },
      { keys: { featureSet: 1, computedAt: -1 } },
    ]);
  });

  // ---- MSK
  test("MSK: TLS in transit, IAM auth only, CMK at rest, no public access, broker logs", () => {
    const c = synth.only("aws_msk_cluster").config;
    expect(c.encryption_info.encryption_in_transit).toEqual({ client_broker: "TLS", in_cluster: true });
    expect(c.encryption_info.encryption_at_rest_kms_key_arn).toMatch(/aws_kms_key\.keys_streaming_/);
    expect(c.client_authentication).toEqual({ sasl: { iam: true, scram: false }, unauthenticated: false });
    expect(c.broker_node_group_info.connectivity_info.public_access.type).toBe("DISABLED");
    expect(c.logging_info.broker_logs.cloudwatch_logs.enabled).toBe(true);
    expect(synth.only("aws_msk_configuration").config.server_properties).toContain("auto.create.topics.enable=false");
  });

  test("MSK Connect: Debezium source and S3 sink over IAM + TLS; plugin locations from the environment", () => {
    const connectors = synth.configs("aws_mskconnect_connector");
    // Debezium source + S3 sink, plus one sink per SaaS engine chosen.
    const saasSinks = (env.warehouse === "snowflake" ? 1 : 0) + (env.documentStore === "mongodb-atlas" ? 1 : 0);
    expect(connectors).toHaveLength(2 + saasSinks);
    for (const c of connectors) {
      expect(c.kafka_cluster_client_authentication.authentication_type).toBe("IAM");
      expect(c.kafka_cluster_encryption_in_transit.encryption_type).toBe("TLS");
    }
    const source = synth.byIdPrefix("aws_mskconnect_connector", "cdc-source_").config.connector_configuration;
    expect(source).toMatchObject({
      "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
      "plugin.name": "pgoutput",
      "publication.name": "debezium_publication",
      "publication.autocreate.mode": "disabled",
      "schema.include.list": "payments",
      "database.sslmode": "require",
      "table.include.list": env.cdc.tables.map((t) => `payments.${t}`).join(","),
    });
    expect(source["database.password"]).toMatch(/^\$\$\{secretsmanager:[^:]+\/debezium:password\}$/);
    const plugins = synth.entries("aws_mskconnect_custom_plugin").map(([, p]) => p.location.s3);
    expect(plugins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ bucket_arn: `arn:aws:s3:::${env.cdc.debeziumPlugin.bucket}`, file_key: env.cdc.debeziumPlugin.key }),
        expect.objectContaining({ bucket_arn: `arn:aws:s3:::${env.cdc.s3SinkPlugin.bucket}`, file_key: env.cdc.s3SinkPlugin.key }),
      ]),
    );
    const sink = synth.byIdPrefix("aws_mskconnect_connector", "cdc-sink_").config.connector_configuration;
    expect(sink["s3.ssea.name"]).toBe("aws:kms");
  });

  // ---- Glue
  test("Glue: security configuration encrypts S3, logs and bookmarks; runs in the VPC (schedule: test/aws/schedule-owner.test.ts)", () => {
    const sc = synth.byIdPrefix("aws_glue_security_configuration", "etl_").config.encryption_configuration;
    expect(sc.s3_encryption.s3_encryption_mode).toBe("SSE-KMS");
    expect(sc.cloudwatch_encryption.cloudwatch_encryption_mode).toBe("SSE-KMS");
    expect(sc.job_bookmarks_encryption.job_bookmarks_encryption_mode).toBe("CSE-KMS");
    const job = synth.byIdPrefix("aws_glue_job", "etl_").config;
    expect(job.security_configuration).toMatch(/aws_glue_security_configuration\./);
    expect(job.connections).toHaveLength(1);
    expect(
      synth.only("aws_glue_data_catalog_encryption_settings").config.data_catalog_encryption_settings.encryption_at_rest
        .catalog_encryption_mode,
    ).toBe("SSE-KMS");
  });

  // ---- Backup
  test("AWS Backup: CMK vault, continuous (PITR) rule and daily snapshots covering every store", () => {
    const vaults = synth.configs("aws_backup_vault");
    expect(vaults.filter((v) => /aws_kms_key\.keys_backup_/.test(v.kms_key_arn))).toHaveLength(1);
    const rules = synth.only("aws_backup_plan").config.rule;
    expect(rules.find((r: any) => r.rule_name === "continuous-pitr")).toMatchObject({
      enable_continuous_backup: true,
      lifecycle: { delete_after: want.backupDays },
    });
    expect(rules.find((r: any) => r.rule_name === "daily-snapshot").lifecycle.delete_after).toBe(want.snapshotDays);
    const selected = synth.only("aws_backup_selection").config.resources.join(" ");
    const stores = [
      "aws_rds_cluster",
      ...(env.documentStore === "documentdb" ? ["aws_docdb_cluster"] : []),
      ...(env.warehouse === "redshift" ? ["aws_redshiftserverless_namespace"] : []),
      "aws_s3_bucket.raw-zone",
      "aws_s3_bucket.curated-zone",
    ];
    for (const t of stores) expect(selected).toContain(t);
    const vaultCount = want.drRegion ? 2 : 1;
    expect(vaults).toHaveLength(vaultCount);
    expect(synth.entries("aws_backup_vault_lock_configuration")).toHaveLength(want.deletionProtection ? vaultCount : 0);
  });

  // ---- Alarms
  test("one alarm per SLA row to a KMS-encrypted topic with the environment's e-mails", () => {
    // Drift alarms (one per model) are asserted in test/aws/orchestration-ml.test.ts.
    const alarms = synth
      .entries("aws_cloudwatch_metric_alarm")
      .filter(([id]) => id.startsWith("alarms_"))
      .map(([, a]) => a);
    // Snowflake and Atlas report their SLA rows through their own alerting (test/aws/engines.test.ts).
    const native = [
      ...(env.warehouse === "snowflake" ? ["olap-query-duration"] : []),
      ...(env.documentStore === "mongodb-atlas" ? ["nosql-latency"] : []),
    ];
    const expected = Object.entries(SLA_ALARM_TABLE).filter(([name]) => !native.includes(name));
    const names = alarms.map((a) => String(a.alarm_name).replace(/^pay-[a-z]+-euw1-/, "")).sort();
    expect(names).toEqual(expected.map(([name]) => name).sort());
    for (const [name, row] of expected) {
      const alarm = alarms.find((a) => String(a.alarm_name).endsWith(`-${name}`));
      expect({ name, alarm }).toMatchObject({ name, alarm: row });
    }
    const topic = synth.only("aws_sns_topic").config;
    expect(topic.kms_master_key_id).toMatch(/aws_kms_key\.keys_alerts_/);
    for (const a of alarms) expect(a.alarm_actions).toEqual([expect.stringMatching(/aws_sns_topic\./)]);
    const emails = synth.entries("aws_sns_topic_subscription").map(([, s]) => s.endpoint);
    expect(emails).toEqual([...env.alertContacts.emails]);
    expect(synth.only("aws_cloudwatch_event_rule").config.event_pattern).toContain("Glue Job State Change");
  });

  test("the alarm topic refuses publishing without TLS and admits only this account's alarm, event and budget services", () => {
    const statements = JSON.parse(synth.only("aws_sns_topic_policy").config.policy).Statement;
    expect(statements).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "*",
        Resource: [expect.stringMatching(/^\$\{aws_sns_topic\.alarms_topic_[0-9A-F]+\.arn\}$/)],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      expect.objectContaining({
        Effect: "Allow",
        Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] },
        Action: "sns:Publish",
        Condition: { StringEquals: { "aws:SourceAccount": env.accountId } },
      }),
    ]);
  });

  test(`budget ${env.budget ? "present" : "absent"}`, () => {
    expect(synth.entries("aws_budgets_budget")).toHaveLength(env.budget ? 1 : 0);
    expect(synth.only("aws_budgets_budget").config.limit_amount).toBe(INTENT[_name]!.budgetUsd);
  });

  // ---- IAM
  test("every role trusts one service pinned to the account (or one SaaS principal bound to an external id) and has a non-wildcard inline policy", () => {
    for (const [, role] of synth.entries("aws_iam_role")) {
      const trust = JSON.parse(role.assume_role_policy);
      expect(trust.Statement).toHaveLength(1);
      const condition = trust.Statement[0].Condition.StringEquals;
      const pinned =
        condition["aws:SourceAccount"] === env.accountId ||
        (trust.Statement[0].Principal.AWS !== undefined && condition["sts:ExternalId"] !== undefined);
      expect(pinned).toBe(true);
    }
    for (const [, p] of synth.entries("aws_iam_role_policy")) {
      for (const s of JSON.parse(p.policy).Statement) {
        expect(s.Action).not.toBe("*");
        expect([s.Action].flat()).not.toContain("s3:*");
      }
    }
  });

  test("Aurora, DocumentDB and Redshift passwords never appear in the JSON", () => {
    expect(text).not.toMatch(/"(master_password|admin_user_password|password)"\s*:/);
    expect(text).not.toMatch(/"(access_key|secret_key)"\s*:/);
    expect(synth.entries("aws_secretsmanager_secret_version")).toHaveLength(0);
  });

  // ---- Tags
  test("required tags on every taggable resource", () => {
    // GIVEN every resource whose schema has `tags` (read from the provider classes, not from the JSON)
    const taggable = synth.resources().filter((r) => isTaggableType(r.type));
    expect(taggable.length).toBeGreaterThan(100);
    // THEN each carries every required key with the environment's values
    const missing: string[] = [];
    for (const { type, name: id } of taggable) {
      // Atlas clusters carry tags as [{ key, value }] blocks.
      const raw = synth.json.resource[type][id].tags ?? {};
      const tags: Record<string, string> = Array.isArray(raw) ? Object.fromEntries(raw.map((t: any) => [t.key, t.value])) : raw;
      for (const key of BRIEF_TAGS) if (!tags[key]) missing.push(`${type}.${id}:${key}`);
      if (tags.environment !== env.name) missing.push(`${type}.${id}:environment=${tags.environment}`);
    }
    expect(missing).toEqual([]);
  });

  test("deletion protection reaches every stateful resource as prevent_destroy", () => {
    for (const type of [
      "aws_rds_cluster",
      "aws_docdb_cluster",
      "aws_msk_cluster",
      "aws_redshiftserverless_namespace",
      "aws_redshiftserverless_workgroup",
      "aws_backup_vault",
      "aws_s3_bucket",
      "aws_kms_key",
      "aws_cloudtrail",
    ]) {
      for (const [, r] of synth.entries(type)) expect(r.lifecycle?.prevent_destroy ?? false).toBe(want.deletionProtection);
    }
  });

  test("cdktf matcher: Aurora cluster has deletion protection as configured", () => {
    expect(text).toHaveResourceWithProperties({ tfResourceType: "aws_rds_cluster" } as any, {
      deletion_protection: want.deletionProtection,
      iam_database_authentication_enabled: true,
    });
  });
});

describe("Testing.fullSynth", () => {
  test("aws-prod produces a Terraform JSON file with the S3 backend", () => {
    const app = Testing.app();
    const stack = new AwsPlatformStack(app, "aws-prod", { environment: awsProd });
    const { json } = fullSynthesize(stack).synthesized;
    expect(json.terraform.backend.s3).toMatchObject({ use_lockfile: true, encrypt: true });
  });
});

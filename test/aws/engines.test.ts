import { awsDev } from "../../environments/aws-dev";
import { awsProd } from "../../environments/aws-prod";
import { awsStaging } from "../../environments/aws-staging";
import { AwsEnvironment } from "../../environments/aws-types";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { SynthesizedStack, synthAws } from "../helpers/synth";

/**
 * Prod switched to the brief's engines. The validator refuses it as long as prod runs Airflow, whose
 * nightly DAG loads Redshift (see "orchestration" below); its prod-only settings are still validated.
 */
const prodOnSaas: AwsEnvironment = {
  ...structuredClone(awsProd),
  warehouse: "snowflake",
  documentStore: "mongodb-atlas",
  cdc: {
    ...awsProd.cdc,
    snowflakeSinkPlugin: { bucket: "pay-prod-artifacts-333333333333", key: "msk-connect/snowflake-kafka-connector-3.1.0.zip" },
    mongoSinkPlugin: { bucket: "pay-prod-artifacts-333333333333", key: "msk-connect/mongo-kafka-connect-1.15.0.zip" },
  },
  snowflake: {
    ...structuredClone(awsDev.snowflake!),
    accountName: "PAY_PROD",
    edition: "business-critical",
    warehouses: {
      loading: { size: "SMALL", autoSuspendSeconds: 60, maxClusterCount: 1 },
      transformation: { size: "LARGE", autoSuspendSeconds: 60, maxClusterCount: 1 },
      bi: { size: "MEDIUM", autoSuspendSeconds: 300, maxClusterCount: 4 },
    },
    monthlyCreditQuota: 3000,
    // Prod has no NAT gateway: Snowflake is reached through PrivateLink, so the corporate range is private too.
    privateLink: true,
    allowedClientCidrs: ["10.250.0.0/16"],
    timeTravelDays: 30,
    replication: { secondaryAccount: "PAYORG.PAY_PROD_DR", intervalMinutes: 10 },
  },
  mongodbAtlas: {
    ...structuredClone(awsDev.mongodbAtlas!),
    apiKeySecretName: "pay/prod/atlas-api-key",
    secretReaderRoleArn: "arn:aws:iam::333333333333:role/pay-prod-atlas-secret-reader",
    instanceSize: "M50",
    diskSizeGb: 500,
    secondaryRegion: "eu-central-1",
  },
};

/**
 * Prod's network (no NAT), retention and Snowflake/Atlas settings without Airflow, the combination the
 * validator accepts: the prod-only constructs (failover group, PrivateLink, second Atlas region) synthesize.
 */
const prodShapeOnSaas: AwsEnvironment = {
  ...structuredClone(prodOnSaas),
  tier: "staging",
  orchestration: { enabled: false },
  ml: { enabled: false },
};

const by = (synth: SynthesizedStack, type: string, key: string): Record<string, any> =>
  Object.fromEntries(synth.entries(type).map(([, r]) => [r[key], r]));

describe("engine choice per environment (literal table from README/docs/aws.md)", () => {
  test.each([
    ["dev", awsDev, 0, 0, 1, 1],
    ["staging", awsStaging, 1, 1, 0, 0],
    ["prod", awsProd, 1, 1, 0, 0],
  ] as const)("%s: Redshift, DocumentDB, Snowflake, Atlas counts", (_n, env, redshift, docdb, snowflake, atlas) => {
    const synth = synthAws(env);
    expect(synth.entries("aws_redshiftserverless_workgroup")).toHaveLength(redshift);
    expect(synth.entries("aws_docdb_cluster")).toHaveLength(docdb);
    expect(synth.entries("snowflake_warehouse")).toHaveLength(snowflake * 3);
    expect(synth.entries("mongodbatlas_advanced_cluster")).toHaveLength(atlas);
  });
});

describe("aws-dev on Snowflake", () => {
  const synth = synthAws(awsDev);
  const { text } = synth;

  test("provider: key-pair JWT, organization and account from the environment, preview resources listed", () => {
    const provider = (synth.json.provider as any).snowflake[0];
    expect(provider).toMatchObject({ organization_name: "PAYORG", account_name: "PAY_DEV", authenticator: "SNOWFLAKE_JWT" });
    expect(provider.private_key).toBeUndefined();
    expect(provider.password).toBeUndefined();
    expect(provider.preview_features_enabled).toEqual(
      expect.arrayContaining(["snowflake_stage_resource", "snowflake_pipe_resource", "snowflake_storage_integration_resource"]),
    );
  });

  test("RAW, CURATED and ANALYTICS with 1 day of Time Travel, no PUBLIC schema, destroyable in dev", () => {
    const dbs = by(synth, "snowflake_database", "name");
    expect(Object.keys(dbs).sort()).toEqual(["ANALYTICS", "CURATED", "RAW"]);
    for (const db of Object.values(dbs)) {
      expect(db).toMatchObject({
        data_retention_time_in_days: 1,
        drop_public_schema_on_creation: true,
        lifecycle: { prevent_destroy: false },
      });
    }
    const schemas = synth
      .entries("snowflake_schema")
      .map(([, s]) => s.name)
      .sort();
    expect(schemas).toEqual(["CDC", "LANDING", "PAYMENTS", "STAR"]);
  });

  test("warehouses: XSMALL loading, transformation and BI, auto-suspend/resume, one monthly monitor", () => {
    const wh = by(synth, "snowflake_warehouse", "name");
    expect(wh.LOADING_WH).toMatchObject({
      warehouse_size: "XSMALL",
      auto_suspend: 60,
      auto_resume: "true",
      initially_suspended: true,
      max_cluster_count: 1,
    });
    expect(wh.TRANSFORM_WH).toMatchObject({ warehouse_size: "XSMALL", auto_suspend: 60, auto_resume: "true" });
    expect(wh.BI_WH).toMatchObject({ warehouse_size: "XSMALL", auto_suspend: 60, max_cluster_count: 1 });
    // A single-cluster warehouse has no scaling policy.
    expect(wh.BI_WH.scaling_policy).toBeUndefined();
    const monitor = synth.only("snowflake_resource_monitor").config;
    expect(monitor).toMatchObject({
      credit_quota: 100,
      frequency: "MONTHLY",
      notify_triggers: [75, 90],
      suspend_trigger: 100,
      suspend_immediate_trigger: 110,
    });
    for (const w of Object.values(wh)) {
      expect(w.resource_monitor).toMatch(/snowflake_resource_monitor\./);
      // The cost estimator prices credits by the edition named in the comment.
      expect(w.comment).toMatch(/\(enterprise edition\)$/);
    }
    expect(synth.only("snowflake_current_account").config.resource_monitor).toMatch(/snowflake_resource_monitor\./);
  });

  test("access roles per schema granted to LOADER, TRANSFORMER, ANALYST and FRAUD_ML; nothing to PUBLIC", () => {
    const roles = synth
      .entries("snowflake_account_role")
      .map(([, r]) => r.name)
      .sort();
    expect(roles).toEqual(
      [
        "ANALYST",
        "ANALYTICS_STAR_R",
        "ANALYTICS_STAR_RW",
        "CURATED_PAYMENTS_R",
        "CURATED_PAYMENTS_RW",
        "FRAUD_ML",
        "LOADER",
        "RAW_CDC_R",
        "RAW_CDC_RW",
        "RAW_LANDING_R",
        "RAW_LANDING_RW",
        "TRANSFORMER",
      ].sort(),
    );
    // Which access roles each functional role inherits, resolved from the grant references.
    const roleName = (ref: string) => {
      const id = /snowflake_account_role\.([^.]+)\.name/.exec(ref)?.[1];
      return id ? synth.json.resource.snowflake_account_role[id].name : ref;
    };
    const inherits: Record<string, string[]> = {};
    for (const [, g] of synth.entries("snowflake_grant_account_role")) {
      if (g.parent_role_name === undefined) continue;
      (inherits[roleName(g.parent_role_name)] ??= []).push(roleName(g.role_name));
    }
    expect(inherits.LOADER.sort()).toEqual(["RAW_CDC_RW", "RAW_LANDING_RW"]);
    expect(inherits.TRANSFORMER.sort()).toEqual(["ANALYTICS_STAR_RW", "CURATED_PAYMENTS_RW", "RAW_CDC_R", "RAW_LANDING_R"]);
    expect(inherits.ANALYST).toEqual(["ANALYTICS_STAR_R"]);
    expect(inherits.FRAUD_ML.sort()).toEqual(["ANALYTICS_STAR_R", "CURATED_PAYMENTS_R"]);
    expect(inherits.SYSADMIN.sort()).toEqual(["ANALYST", "FRAUD_ML", "LOADER", "TRANSFORMER"]);
    const grants = synth.configs("snowflake_grant_privileges_to_account_role");
    expect(grants.some((g) => g.account_role_name === "PUBLIC")).toBe(false);
    expect(text).not.toMatch(/"(parent_role_name|account_role_name)":\s*"PUBLIC"/);
    const futureSelects = grants.filter((g) => g.on_schema_object?.future && g.privileges.includes("SELECT"));
    expect(futureSelects).toHaveLength(4 * 2);
  });

  test("service users are key-pair only: no password, no key in state, key secrets in Secrets Manager with the olap CMK", () => {
    const users = by(synth, "snowflake_service_user", "name");
    expect(Object.keys(users).sort()).toEqual(["ETL_TRANSFORMER_SVC", "KAFKA_LOADER_SVC"]);
    for (const u of Object.values(users)) {
      expect(u.rsa_public_key).toBeUndefined();
      expect(u.lifecycle.ignore_changes).toEqual(["rsa_public_key", "rsa_public_key_2"]);
      expect(u.network_policy).toMatch(/snowflake_network_policy\./);
    }
    expect(synth.entries("snowflake_user")).toHaveLength(0);
    const secrets = synth
      .entries("aws_secretsmanager_secret")
      .map(([, s]) => s)
      .filter((s) => /snowflake\//.test(s.name));
    expect(secrets.map((s) => s.name).sort()).toEqual([
      "pay-dev-euw1-snowflake/etl_transformer_svc",
      "pay-dev-euw1-snowflake/kafka_loader_svc",
    ]);
    for (const s of secrets) expect(s.kms_key_id).toMatch(/aws_kms_key\.keys_olap_/);
    expect(synth.entries("aws_secretsmanager_secret_version")).toHaveLength(0);
  });

  test("network policy: NAT gateway IP and the corporate range, no 0.0.0.0/0; SAML2 SSO from the environment", () => {
    const policy = synth.only("snowflake_network_policy").config;
    expect(policy.allowed_ip_list).toEqual([expect.stringMatching(/aws_eip\.network_nat-0-eip_.*\.public_ip/), "203.0.113.0/24"]);
    expect(synth.only("snowflake_current_account").config.network_policy).toMatch(/snowflake_network_policy\./);
    expect(synth.only("snowflake_saml2_integration").config).toMatchObject({
      saml2_provider: "OKTA",
      saml2_sso_url: "https://example.okta.com/app/snowflake/exk-payments-dev/sso/saml",
      enabled: "true",
    });
    expect(synth.entries("snowflake_failover_group")).toHaveLength(0);
  });

  test("the OLAP SLA row (query > 10 s on BI_WH) is a Snowflake alert e-mailing the environment's contacts", () => {
    const alert = synth.only("snowflake_alert").config;
    expect(alert.condition).toContain("WAREHOUSE_NAME = 'BI_WH' AND TOTAL_ELAPSED_TIME > 10000");
    expect(alert.action).toContain("'data-platform-dev@example.com'");
    expect(alert).toMatchObject({ alert_schedule: { interval: 60 }, enabled: true });
    expect(synth.only("snowflake_email_notification_integration").config.allowed_recipients).toEqual(["data-platform-dev@example.com"]);
  });

  test("curated zone -> storage integration (role trusts Snowflake's user with an external id) -> stage -> auto-ingest pipe", () => {
    const integration = synth.only("snowflake_storage_integration").config;
    expect(integration).toMatchObject({ storage_provider: "S3", type: "EXTERNAL_STAGE", enabled: true });
    expect(integration.storage_allowed_locations).toEqual([
      expect.stringMatching(/^s3:\/\/\$\{aws_s3_bucket\.curated-zone_bucket_.*\.bucket\}\/$/),
    ]);
    const role = synth.byIdPrefix("aws_iam_role", "olap-ingest_role_").config;
    expect(integration.storage_aws_role_arn).toBe(`arn:aws:iam::111111111111:role/${role.name}`);
    const trust = JSON.parse(role.assume_role_policy).Statement[0];
    expect(trust.Principal.AWS).toMatch(/snowflake_storage_integration\..*\.storage_aws_iam_user_arn/);
    expect(trust.Condition.StringEquals["sts:ExternalId"]).toBe(integration.storage_aws_external_id);
    const policy = JSON.parse(synth.byIdPrefix("aws_iam_role_policy", "olap-ingest_role_").config.policy).Statement;
    expect(policy.flatMap((s: any) => [s.Action].flat())).not.toContain("s3:PutObject");
    expect(synth.only("snowflake_pipe").config).toMatchObject({ auto_ingest: true });
    const notification = synth.only("aws_s3_bucket_notification").config;
    expect(notification.bucket).toMatch(/aws_s3_bucket\.curated-zone_bucket_/);
    expect(notification.queue[0]).toMatchObject({ events: ["s3:ObjectCreated:*"], filter_suffix: ".parquet" });
    expect(notification.queue[0].queue_arn).toMatch(/snowflake_pipe\..*\.notification_channel/);
  });
});

describe("aws-dev on MongoDB Atlas", () => {
  const synth = synthAws(awsDev);

  test("provider reads the API key from Secrets Manager through an assumed role", () => {
    expect((synth.json.provider as any).mongodbatlas[0]).toEqual({
      assume_role: [{ role_arn: "arn:aws:iam::111111111111:role/pay-dev-atlas-secret-reader" }],
      secret_name: "pay/dev/atlas-api-key",
      region: "eu-west-1",
    });
  });

  test("M10 x 3 in EU_WEST_1, PITR, CMK encryption, TLS 1.2, no termination protection in dev", () => {
    const c = synth.only("mongodbatlas_advanced_cluster").config;
    expect(c).toMatchObject({
      cluster_type: "REPLICASET",
      backup_enabled: true,
      pit_enabled: true,
      encryption_at_rest_provider: "AWS",
      termination_protection_enabled: false,
      mongo_db_major_version: "8.0",
      advanced_configuration: { minimum_enabled_tls_protocol: "TLS1_2", javascript_enabled: false },
    });
    expect(c.replication_specs).toEqual([
      {
        region_configs: [
          {
            provider_name: "AWS",
            region_name: "EU_WEST_1",
            priority: 7,
            electable_specs: { instance_size: "M10", node_count: 3, disk_size_gb: 40 },
          },
        ],
      },
    ]);
    const ear = synth.only("mongodbatlas_encryption_at_rest").config.aws_kms_config[0];
    expect(ear).toMatchObject({ enabled: true, region: "EU_WEST_1" });
    expect(ear.customer_master_key_id).toMatch(/aws_kms_key\.keys_nosql_.*\.key_id/);
  });

  test("PrivateLink only: endpoint service, interface endpoint in the data subnets, link; no IP access list", () => {
    expect(synth.entries("mongodbatlas_project_ip_access_list")).toHaveLength(0);
    const endpoint = synth.byIdPrefix("aws_vpc_endpoint", "nosql-atlas_endpoint_").config;
    expect(endpoint.vpc_endpoint_type).toBe("Interface");
    expect(endpoint.service_name).toMatch(/mongodbatlas_privatelink_endpoint\..*\.endpoint_service_name/);
    expect(endpoint.subnet_ids).toHaveLength(3);
    for (const s of endpoint.subnet_ids) expect(s).toMatch(/aws_subnet\.network_data-/);
    expect(synth.only("mongodbatlas_privatelink_endpoint_service").config.endpoint_service_id).toMatch(
      /aws_vpc_endpoint\.nosql-atlas_endpoint_.*\.id/,
    );
  });

  test("backups: 7-day PITR window and 14 daily snapshots (the environment's retention); auditing on; alerts by e-mail", () => {
    expect(synth.only("mongodbatlas_cloud_backup_schedule").config).toMatchObject({
      restore_window_days: 7,
      policy_item_daily: { frequency_interval: 1, retention_unit: "days", retention_value: 14 },
    });
    expect(synth.only("mongodbatlas_auditing").config).toMatchObject({ enabled: true });
    const alerts = synth.configs("mongodbatlas_alert_configuration");
    const metrics = alerts.flatMap((a) => (a.metric_threshold_config ?? []).map((m: any) => `${m.metric_name}>${m.threshold}`));
    expect(metrics.sort()).toEqual(["DISK_PARTITION_SPACE_USED_DATA>80", "OP_EXECUTION_TIME_READS>50", "OP_EXECUTION_TIME_WRITES>50"]);
    expect(alerts.map((a) => a.event_type)).toContain("NO_PRIMARY");
    for (const a of alerts)
      expect(a.notification).toEqual([expect.objectContaining({ type_name: "EMAIL", email_address: "data-platform-dev@example.com" })]);
  });

  test("database users are IAM roles with per-collection custom roles; no passwords", () => {
    const users = synth.configs("mongodbatlas_database_user");
    expect(users).toHaveLength(2);
    for (const u of users) {
      expect(u).toMatchObject({ auth_database_name: "$external", aws_iam_type: "ROLE" });
      expect(u.password).toBeUndefined();
      expect(u.username).toMatch(/aws_iam_role\..*\.arn/);
    }
    const roles = synth
      .entries("mongodbatlas_custom_db_role")
      .map(([, r]) => r.role_name)
      .sort();
    expect(roles).toEqual([
      "error_logs_read",
      "error_logs_write",
      "ml_features_read",
      "ml_features_write",
      "transactions_read",
      "transactions_write",
    ]);
    const sinkUser = users.find((u) => /cdc-atlas_role_/.test(u.username));
    // The role is referenced (not named) so that Terraform creates it before the user.
    expect(sinkUser?.roles).toEqual([
      {
        role_name: expect.stringMatching(/mongodbatlas_custom_db_role\.nosql-atlas_role-transactions-write_.*\.role_name/),
        database_name: "admin",
      },
    ]);
  });
});

describe("aws-dev people sign in to Atlas through the organization's identity provider", () => {
  test("two IdP groups mapped to ORG_MEMBER and their project roles", () => {
    const synth = synthAws(awsDev);
    const mappings = synth.configs("mongodbatlas_federated_settings_org_role_mapping");
    expect(mappings.map((m) => [m.external_group_name, m.role_assignments[1].roles])).toEqual([
      ["payments-data-engineers", ["GROUP_DATA_ACCESS_READ_WRITE", "GROUP_CLUSTER_MANAGER"]],
      ["payments-sre", ["GROUP_READ_ONLY"]],
    ]);
    for (const m of mappings) {
      expect(m).toMatchObject({ federation_settings_id: "6a1b2c3d4e5f60718293a4b5", org_id: "5f1e2d3c4b5a69788796a5b4" });
      expect(m.role_assignments[0]).toEqual({ org_id: "5f1e2d3c4b5a69788796a5b4", roles: ["ORG_MEMBER"] });
      expect(m.role_assignments[1].group_id).toMatch(/mongodbatlas_project\..*\.id/);
    }
  });

  test("prod refuses GROUP_OWNER for an IdP group", () => {
    const env = structuredClone(prodOnSaas) as any;
    env.mongodbAtlas.sso = {
      federationSettingsId: "6a1b2c3d4e5f60718293a4b5",
      groups: [{ externalGroupName: "admins", projectRoles: ["GROUP_OWNER"] }],
    };
    expect(() => validateAwsEnvironment(env)).toThrow(
      /mongodbAtlas\.sso\.groups\[0\]\.projectRoles\[0\]: got "GROUP_OWNER"; allowed: a role below GROUP_OWNER in prod/,
    );
  });
});

describe("CDC sinks carry the Debezium source's tables", () => {
  test.each([
    ["dev", awsDev],
    ["prod's shape on Snowflake + Atlas", prodShapeOnSaas],
  ] as const)("%s", (_n, env) => {
    const synth = synthAws(env);
    const config = (prefix: string) => synth.byIdPrefix("aws_mskconnect_connector", prefix).config.connector_configuration;
    // GIVEN the tables the Debezium source captures, read from its own configuration
    const source = config("cdc-source_");
    const prefix = source["topic.prefix"];
    const sourceTopics = source["table.include.list"].split(",").map((t: string) => `${prefix}.${t}`);
    expect(sourceTopics.length).toBeGreaterThan(0);
    // THEN Snowflake reads exactly those topics, each mapped to a table
    const snowflake = config("cdc-snowflake_");
    expect(snowflake.topics.split(",")).toEqual(sourceTopics);
    expect(snowflake["snowflake.topic2table.map"].split(",").map((m: string) => m.split(":")[0])).toEqual(sourceTopics);
    // AND Atlas reads the payment topic into transactions
    const atlas = config("cdc-atlas_");
    expect(atlas.topics.split(",")).toEqual([`${prefix}.payments.payment`]);
    expect(sourceTopics).toContain(atlas.topics);
    expect(atlas).toMatchObject({ database: "payments", collection: "transactions" });
  });

  test("sink roles consume only the CDC topics of their environment", () => {
    const synth = synthAws(awsDev);
    for (const id of ["cdc-snowflake_role_", "cdc-atlas_role_"]) {
      const statements = JSON.parse(synth.byIdPrefix("aws_iam_role_policy", id).config.policy).Statement;
      const read = statements.find((s: any) => [s.Action].flat().includes("kafka-cluster:ReadData"));
      expect([read.Resource].flat()).toEqual([expect.stringMatching(/:topic\/pay-dev-euw1-streaming\/\*\/pay\.dev\.cdc\.\*$/)]);
    }
  });
});

describe("prod's shape on Snowflake + Atlas (the promotion path, without Airflow)", () => {
  const synth = synthAws(prodShapeOnSaas);

  test("Snowflake failover group to the DR account every 10 minutes; 30 days of Time Travel", () => {
    expect(synth.only("snowflake_failover_group").config).toMatchObject({
      allowed_accounts: ["PAYORG.PAY_PROD_DR"],
      replication_schedule: { interval: 10 },
      lifecycle: { prevent_destroy: true },
    });
    for (const [, db] of synth.entries("snowflake_database")) expect(db.data_retention_time_in_days).toBe(30);
  });

  test("Snowflake through PrivateLink: endpoint + private zone, connector and ETL via the endpoint, no internet egress", () => {
    expect(synth.entries("aws_nat_gateway")).toHaveLength(0);
    const endpoint = synth.byIdPrefix("aws_vpc_endpoint", "olap-privatelink_endpoint_").config;
    expect(endpoint.vpc_endpoint_type).toBe("Interface");
    expect(endpoint.service_name).toMatch(/data\.snowflake_system_get_privatelink_config\..*\.aws_vpce_id/);
    expect(synth.only("aws_route53_zone").config).toMatchObject({ name: "privatelink.snowflakecomputing.com" });
    expect(synth.entries("aws_route53_record")).toHaveLength(5);
    const connector = synth.byIdPrefix("aws_mskconnect_connector", "cdc-snowflake_").config.connector_configuration;
    expect(connector["snowflake.url.name"]).toMatch(/data\.snowflake_system_get_privatelink_config\..*\.account_url\}:443$/);
    const egress = synth.configs("aws_vpc_security_group_egress_rule");
    expect(egress.filter((r) => r.cidr_ipv4 === "0.0.0.0/0")).toEqual([]);
    expect(synth.only("snowflake_network_policy").config.allowed_ip_list).toEqual(["10.130.0.0/16", "10.250.0.0/16"]);
    expect((synth.json.provider as any).snowflake[0].preview_features_enabled).toContain(
      "snowflake_system_get_privatelink_config_datasource",
    );
  });

  test("Atlas: 3 x M50 in EU_WEST_1 and 2 in EU_CENTRAL_1; 35-day PITR and 365 daily snapshots", () => {
    const specs = synth.only("mongodbatlas_advanced_cluster").config.replication_specs[0].region_configs;
    expect(specs.map((r: any) => [r.region_name, r.priority, r.electable_specs.instance_size, r.electable_specs.node_count])).toEqual([
      ["EU_WEST_1", 7, "M50", 3],
      ["EU_CENTRAL_1", 6, "M50", 2],
    ]);
    expect(synth.only("mongodbatlas_cloud_backup_schedule").config).toMatchObject({
      restore_window_days: 35,
      policy_item_daily: { retention_value: 365 },
    });
  });
});

describe("engine fields are validated with environment, field, value and allowed values", () => {
  const expectIssue = (env: AwsEnvironment, pattern: RegExp) => expect(() => validateAwsEnvironment(env)).toThrow(pattern);
  const devWith = (mutate: (e: any) => void): AwsEnvironment => {
    const e = structuredClone(awsDev) as any;
    mutate(e);
    return e;
  };

  test("unknown engines name the allowed values", () => {
    expectIssue(
      devWith((e) => (e.warehouse = "bigquery")),
      /Invalid environment "dev"[\s\S]*warehouse: got "bigquery"; allowed: one of redshift, snowflake/,
    );
    expectIssue(
      devWith((e) => (e.documentStore = "cosmos")),
      /documentStore: got "cosmos"; allowed: one of documentdb, mongodb-atlas/,
    );
  });

  test("a chosen engine needs its block and plugin; an unused block is refused", () => {
    expectIssue(
      devWith((e) => delete e.snowflake),
      /snowflake: got undefined; allowed: a Snowflake account block/,
    );
    expectIssue(
      devWith((e) => delete e.mongodbAtlas),
      /mongodbAtlas: got undefined; allowed: an Atlas block/,
    );
    expectIssue(
      devWith((e) => delete e.cdc.snowflakeSinkPlugin),
      /cdc\.snowflakeSinkPlugin: got undefined/,
    );
    expectIssue(
      devWith((e) => (e.warehouse = "redshift")),
      /snowflake: got "\(block\)"; allowed: unset unless warehouse is "snowflake"/,
    );
  });

  test("Snowflake inputs: account, org id, region, sizes, Time Travel, networks", () => {
    expectIssue(
      devWith((e) => (e.snowflake.accountName = "pay-dev")),
      /snowflake\.accountName: got "pay-dev"/,
    );
    expectIssue(
      devWith((e) => (e.snowflake.region = "eu-central-1")),
      /snowflake\.region: got "eu-central-1"; allowed: the environment's region \(eu-west-1\)/,
    );
    expectIssue(
      devWith((e) => (e.snowflake.warehouses.bi.size = "HUGE")),
      /snowflake\.warehouses\.bi\.size: got "HUGE"; allowed: one of XSMALL/,
    );
    expectIssue(
      devWith((e) => (e.snowflake.warehouses.loading.autoSuspendSeconds = 0)),
      /snowflake\.warehouses\.loading\.autoSuspendSeconds: got 0/,
    );
    expectIssue(
      devWith((e) => ((e.snowflake.edition = "standard"), (e.snowflake.timeTravelDays = 7))),
      /snowflake\.timeTravelDays: got 7; allowed: an integer from 0 to 1/,
    );
    expectIssue(
      devWith((e) => (e.snowflake.allowedClientCidrs = ["0.0.0.0/0"])),
      /snowflake\.allowedClientCidrs\[0\]: got "0\.0\.0\.0\/0"/,
    );
    expectIssue(
      devWith((e) => (e.network.natGateways = 0)),
      /network\.natGateways: got 0; allowed: 1 or 3 when warehouse is "snowflake" without snowflake\.privateLink/,
    );
    expectIssue(
      devWith((e) => (e.snowflake.allowedClientCidrs = ["10.250.0.0/16"])),
      /snowflake\.allowedClientCidrs\[0\]: got "10\.250\.0\.0\/16"; allowed: a public egress range/,
    );
    expectIssue(
      devWith((e) => ((e.snowflake.privateLink = true), (e.snowflake.edition = "enterprise"))),
      /snowflake\.edition: got "enterprise"; allowed: "business-critical" \(PrivateLink needs it\)/,
    );
  });

  test("Atlas inputs: organization id, role in the account, tier", () => {
    expectIssue(
      devWith((e) => (e.mongodbAtlas.orgId = "my-org")),
      /mongodbAtlas\.orgId: got "my-org"; allowed: an Atlas organization id: 24 lowercase hex/,
    );
    expectIssue(
      devWith((e) => (e.mongodbAtlas.secretReaderRoleArn = "arn:aws:iam::999999999999:role/x")),
      /mongodbAtlas\.secretReaderRoleArn: got "arn:aws:iam::999999999999:role\/x"; allowed: an IAM role ARN in account 111111111111/,
    );
    expectIssue(
      devWith((e) => (e.mongodbAtlas.instanceSize = "M0")),
      /mongodbAtlas\.instanceSize: got "M0"/,
    );
  });

  test("prod on the brief's engines requires replication, a second region and M30+", () => {
    const env = structuredClone(prodOnSaas) as any;
    delete env.snowflake.replication;
    delete env.mongodbAtlas.secondaryRegion;
    env.mongodbAtlas.instanceSize = "M20";
    env.snowflake.timeTravelDays = 1;
    expectIssue(env, /snowflake\.replication: got undefined; allowed: a failover group/);
    expectIssue(env, /mongodbAtlas\.secondaryRegion: got undefined; allowed: a second region \(required in prod\)/);
    expectIssue(env, /mongodbAtlas\.instanceSize: got "M20"; allowed: M30 or larger in prod/);
    expectIssue(env, /snowflake\.timeTravelDays: got 1; allowed: at least 7 days in prod/);
    expect(() => validateAwsEnvironment(prodShapeOnSaas)).not.toThrow();
  });

  test("Airflow's nightly DAG loads Redshift: orchestration with Snowflake is refused, naming the allowed value", () => {
    // Prod must run Airflow, so prod on Snowflake is refused with exactly this one problem.
    expect(() => validateAwsEnvironment(prodOnSaas)).toThrow(
      /Invalid environment "prod" \(1 problem\):\s+- warehouse: got "snowflake"; allowed: "redshift" while orchestration\.enabled is true/,
    );
    expectIssue(
      devWith((e) => {
        e.orchestration = { enabled: true, environmentClass: "mw1.small", minWorkers: 1, maxWorkers: 2, schedulers: 2 };
      }),
      /Invalid environment "dev"[\s\S]*warehouse: got "snowflake"; allowed: "redshift" while orchestration\.enabled is true \(the nightly DAG loads Redshift through the Data API; with "snowflake" set orchestration\.enabled: false\)/,
    );
  });
});

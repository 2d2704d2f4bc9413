/**
 * Issue 11 ("deploys on the first try"), AWS findings: each test states what the provider or the
 * service accepts (from the provider source and the service documentation, docs/provider-review-aws.md)
 * and checks the synthesized stack against it.
 */
import { readFileSync } from "node:fs";
import { AwsNaming } from "../../constructs/aws/naming";
import { AwsEnvironment } from "../../environments/aws-types";
import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { SynthesizedStack, ref, synthAws } from "../helpers/synth";

/** The IAM statements of the inline policy of the role a resource's `roleArnAttr` points at. */
function rolePolicyOf(synth: SynthesizedStack, roleRef: string): { Action: string | string[]; Resource: string | string[] }[] {
  const roleId = /aws_iam_role\.([^.]+)\.arn/.exec(roleRef)?.[1];
  const policy = synth.entries("aws_iam_role_policy").find(([, p]) => String(p.role).includes(`aws_iam_role.${roleId}.`))?.[1];
  if (!policy) throw new Error(`no inline policy for ${roleRef}`);
  return JSON.parse(policy.policy).Statement;
}

const actionsOf = (s: { Action: string | string[] }) => [s.Action].flat();
const resourcesIn = (s: { Resource: string | string[] }) => [s.Resource].flat();

/** An IAM resource pattern (`*` any run of characters, `?` one) as an anchored regex. */
const iamGlob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );

// Hours of the freshness window per environment: 24 h schedule + the job timeout + 1 h, in whole hours.
const FRESHNESS_WINDOW_HOURS: Record<string, number> = { dev: 26, staging: 27, prod: 29 };
/** Dev's nightly schedule is paused (nothing publishes): its freshness alarm must notify nobody. */
const FRESHNESS_NOTIFIES: Record<string, boolean> = { dev: false, staging: true, prod: true };
/** Staging and prod load Redshift through the Data API; dev runs Snowflake (Snowpipe reads the curated zone). */
const LOADS_REDSHIFT: Record<string, boolean> = { dev: false, staging: true, prod: true };

describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s deploys on the first try", (_name, env: AwsEnvironment) => {
  const synth = synthAws(env);

  // ---- Finding 6: Glue refuses CRAWL_NEW_FOLDERS_ONLY with anything but LOG/LOG.
  test("the incremental crawler logs schema changes and deletions (the only behaviours Glue accepts for it)", () => {
    const crawler = synth.only("aws_glue_crawler").config;
    expect(crawler.recrawl_policy).toEqual({ recrawl_behavior: "CRAWL_NEW_FOLDERS_ONLY" });
    expect(crawler.schema_change_policy).toEqual({ update_behavior: "LOG", delete_behavior: "LOG" });
  });

  // ---- Finding 7: ca_certificate_identifier is for Multi-AZ DB clusters; Aurora takes it per instance.
  test("the Aurora cluster sets no CA certificate; every instance does", () => {
    expect(synth.only("aws_rds_cluster").config).not.toHaveProperty("ca_certificate_identifier");
    const instances = synth.configs("aws_rds_cluster_instance");
    expect(instances).toHaveLength(1 + env.sizing.aurora.readerCount);
    for (const i of instances) expect(i.ca_cert_identifier).toBe("rds-ca-rsa2048-g1");
  });

  // ---- Finding 11: the freshness metric is published once a night.
  test("the freshness alarm covers a whole schedule interval plus the job timeout, every period required", () => {
    const alarm = synth.entries("aws_cloudwatch_metric_alarm").find(([, a]) => a.alarm_name.endsWith("data-freshness"))![1];
    expect(alarm).toMatchObject({
      period: 3600,
      evaluation_periods: FRESHNESS_WINDOW_HOURS[env.name],
      datapoints_to_alarm: FRESHNESS_WINDOW_HOURS[env.name],
      treat_missing_data: "breaching",
      threshold: 3600,
      comparison_operator: "GreaterThanThreshold",
    });
    expect(alarm.period * alarm.evaluation_periods).toBeGreaterThan(86400 + env.sizing.glue.timeoutMinutes * 60);
    expect(alarm.tags["metric-publication-seconds"]).toBe("86400");
    expect(alarm.actions_enabled).toBe(FRESHNESS_NOTIFIES[env.name]);
  });

  // ---- Finding 12: Glue 5.0 writes to <--custom-logGroup-prefix>/{output,error}.
  test("Glue 5.0 logs go to two pre-created KMS-encrypted groups under --custom-logGroup-prefix", () => {
    const job = synth.byIdPrefix("aws_glue_job", "etl_nightly-job_").config;
    expect(job.glue_version).toBe("5.0");
    const args = job.default_arguments;
    expect(args).not.toHaveProperty("--continuous-log-logGroup");
    expect(args).not.toHaveProperty("--enable-continuous-cloudwatch-log");
    const prefix = `/pay/${env.name}/glue/etl`;
    expect(args["--custom-logGroup-prefix"]).toBe(prefix);
    const groups = synth.configs("aws_cloudwatch_log_group");
    for (const stream of ["output", "error"]) {
      const group = groups.find((g) => g.name === `${prefix}/${stream}`);
      expect(group).toMatchObject({
        retention_in_days: env.retention.logDays,
        kms_key_id: expect.stringMatching(/aws_kms_key\.keys_logs_/),
      });
    }
  });

  // ---- Finding 13: prod has no NAT; the job's Data API calls need the redshift-data endpoint.
  test("the Glue job reaches the Redshift Data API privately where it loads Redshift: interface endpoint and grants", () => {
    const endpoints = synth
      .entries("aws_vpc_endpoint")
      .map(([, e]) => e)
      .filter((e) => e.service_name === `com.amazonaws.${env.region}.redshift-data`);
    expect(endpoints.map((e) => [e.vpc_endpoint_type, e.private_dns_enabled])).toEqual(
      LOADS_REDSHIFT[env.name] ? [["Interface", true]] : [],
    );
    const statements = rolePolicyOf(synth, synth.byIdPrefix("aws_glue_job", "etl_nightly-job_").config.role_arn);
    const actions = statements.flatMap(actionsOf);
    const dataApi = ["redshift-data:BatchExecuteStatement", "redshift-data:DescribeStatement", "redshift-serverless:GetCredentials"];
    expect(dataApi.filter((a) => actions.includes(a))).toEqual(LOADS_REDSHIFT[env.name] ? dataApi : []);
  });

  test("each AWS service has at most one VPC endpoint (two with private DNS for one service are refused at apply)", () => {
    const services = synth.entries("aws_vpc_endpoint").map(([, e]) => e.service_name);
    expect(services.filter((svc, i) => services.indexOf(svc) !== i)).toEqual([]);
  });

  // ---- Finding 14: the script exists in the repository and is uploaded by the stack.
  test("the job's script is an S3 object the stack uploads from glue/nightly_curate.py", () => {
    const object = synth.byIdPrefix("aws_s3_object", "etl_script_").config;
    expect(object).toMatchObject({
      key: "glue/scripts/nightly_curate.py",
      bucket: expect.stringMatching(/aws_s3_bucket\.artifacts_bucket_/),
    });
    expect(object.source).toMatch(/nightly_curate\.py$/);
    expect(object.source_hash).toMatch(/^\$\{filemd5\(/);
    expect(object).not.toHaveProperty("etag");
    // Encrypted with the artifacts bucket's CMK, like every object the stack uploads.
    expect(object).toMatchObject({ server_side_encryption: "aws:kms", kms_key_id: expect.stringMatching(/aws_kms_key\.keys_/) });
    const job = synth.byIdPrefix("aws_glue_job", "etl_nightly-job_").config;
    expect(job.command.script_location).toMatch(
      /^s3:\/\/\$\{aws_s3_object\.etl_script_[^.]+\.bucket\}\/\$\{aws_s3_object\.etl_script_[^.]+\.key\}$/,
    );
  });

  test("the script reads exactly the arguments the job passes (Glue's own arguments aside)", () => {
    const script = readFileSync("glue/nightly_curate.py", "utf8");
    const names = (variable: string) =>
      [...new RegExp(`${variable} = \\[([^\\]]*)\\]`).exec(script)![1]!.matchAll(/"([a-z_A-Z]+)"/g)].map((m) => m[1]);
    // The Redshift arguments are read only when passed (the job loads Redshift).
    const read = [...names("JOB_ARGUMENTS"), ...(LOADS_REDSHIFT[env.name] ? names("REDSHIFT_ARGUMENTS") : [])].filter(
      (a) => a !== "JOB_NAME",
    );
    const glueOwn = [
      "--job-language",
      "--job-bookmark-option",
      "--enable-metrics",
      "--enable-observability-metrics",
      "--custom-logGroup-prefix",
      "--enable-spark-ui",
      "--spark-event-logs-path",
      "--TempDir",
    ];
    const passed = Object.keys(synth.byIdPrefix("aws_glue_job", "etl_nightly-job_").config.default_arguments).filter(
      (k) => !glueOwn.includes(k),
    );
    expect(passed.map((k) => k.replace(/^--/, "")).sort()).toEqual([...read].sort());
  });

  test("MSK Connect worker-only properties are in the worker configuration, not the connector", () => {
    for (const [, c] of synth.entries("aws_mskconnect_connector"))
      expect(c.connector_configuration).not.toHaveProperty("topic.creation.enable");
    const sourceWorker = synth.byIdPrefix("aws_mskconnect_worker_configuration", "cdc-source_worker-configuration_").config;
    expect(sourceWorker.properties_file_content.split("\n")).toContain("topic.creation.enable=true");
  });

  test("create_before_destroy only on resources whose name changes with what forces their replacement", () => {
    const replaceable = Object.entries(synth.json.resource).flatMap(([type, byId]) =>
      Object.entries(byId)
        .filter(([, r]) => r.lifecycle?.create_before_destroy === true)
        .map(([id, r]) => ({ address: `${type}.${id}`, name: r.name as string })),
    );
    // Dev runs Atlas (no DocumentDB parameter group) and two more connectors (Snowflake and MongoDB sinks).
    const documentDb = LOADS_REDSHIFT[env.name] ? ["aws_docdb_cluster_parameter_group"] : [];
    const workers = LOADS_REDSHIFT[env.name] ? 2 : 4;
    expect(replaceable.map((r) => r.address.split(".")[0]).sort()).toEqual([
      ...documentDb,
      "aws_msk_configuration",
      ...Array<string>(workers).fill("aws_mskconnect_worker_configuration"),
      "aws_rds_cluster_parameter_group",
    ]);
    for (const r of replaceable) expect(r.name).toMatch(/-[0-9a-f]{8}$/);
  });

  test("the warehouse role is described as what it can do: read the curated zone for COPY", () => {
    const roles = synth.entries("aws_iam_role").filter(([, r]) => r.name.endsWith("-warehouse"));
    expect(roles).toHaveLength(LOADS_REDSHIFT[env.name] ? 1 : 0);
    for (const [id, role] of roles) {
      expect(role.description).not.toMatch(/UNLOAD|Spectrum/);
      const actions = rolePolicyOf(synth, ref("aws_iam_role", id, "arn")).flatMap(actionsOf);
      expect(actions).not.toContain("s3:PutObject");
      expect(actions.filter((a) => a.startsWith("glue:"))).toEqual([]);
    }
  });

  test(`the replication slot is debezium_pay_${env.name}_cdc, as sql/postgres/003 documents`, () => {
    const source = synth.byIdPrefix("aws_mskconnect_connector", "cdc-source_").config.connector_configuration;
    expect(source["slot.name"]).toBe(`debezium_pay_${env.name}_cdc`);
    const sql = readFileSync("sql/postgres/003_cdc_publication.sql", "utf8");
    expect(sql).toContain("debezium_<workload>_<env>_cdc");
    expect(sql).not.toContain("slot.name = debezium_payments");
  });

  // ---- Finding 10: every topic a connector writes is inside its IAM grants.
  test("every topic the Debezium connector writes is granted (data, heartbeat, MSK Connect internal topics)", () => {
    const [, source] = synth.entries("aws_mskconnect_connector").find(([id]) => id.startsWith("cdc-source_"))!;
    const cfg = source.connector_configuration;
    // Debezium 2.x naming: <topic.prefix>.<schema>.<table>; heartbeat <topic.heartbeat.prefix>.<topic.prefix>.
    const dataTopics = String(cfg["table.include.list"])
      .split(",")
      .map((t) => `${cfg["topic.prefix"]}.${t}`);
    const heartbeat = `${cfg["topic.heartbeat.prefix"] ?? "__debezium-heartbeat"}.${cfg["topic.prefix"]}`;
    const internal = ["offsets", "status", "configs"].map((k) => `__amazon_msk_connect_${k}_${source.name}_0a1b2c3d`);
    const statements = rolePolicyOf(synth, source.service_execution_role_arn);
    const granted = (action: string) =>
      statements
        .filter((s) => actionsOf(s).includes(action))
        .flatMap(resourcesIn)
        .map((arn) => /:topic\/[^/]+\/\*\/(.+)$/.exec(arn)?.[1])
        .filter((p): p is string => p !== undefined)
        .map(iamGlob);
    for (const action of ["kafka-cluster:WriteData", "kafka-cluster:CreateTopic"]) {
      const patterns = granted(action);
      const uncovered = [...dataTopics, heartbeat, ...internal].filter((t) => !patterns.some((p) => p.test(t)));
      expect({ action, uncovered }).toEqual({ action, uncovered: [] });
    }
    expect(heartbeat).toBe(`__debezium-heartbeat.pay.${env.name}.cdc`);
  });

  test("every data topic the sink lands is matched by its topics.regex and readable by its role", () => {
    const source = synth.byIdPrefix("aws_mskconnect_connector", "cdc-source_").config.connector_configuration;
    const [, sink] = synth.entries("aws_mskconnect_connector").find(([id]) => id.startsWith("cdc-sink_"))!;
    const regex = new RegExp(`^${sink.connector_configuration["topics.regex"]}$`);
    const dataTopics = String(source["table.include.list"])
      .split(",")
      .map((t) => `${source["topic.prefix"]}.${t}`);
    expect(dataTopics.filter((t) => !regex.test(t))).toEqual([]);
    const readable = rolePolicyOf(synth, sink.service_execution_role_arn)
      .filter((s) => actionsOf(s).includes("kafka-cluster:ReadData"))
      .flatMap(resourcesIn)
      .map((arn) => /:topic\/[^/]+\/\*\/(.+)$/.exec(arn)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(iamGlob);
    expect(dataTopics.filter((t) => !readable.some((p) => p.test(t)))).toEqual([]);
    // MSK Connect keeps the sink's offsets, status and configs in its own internal topics.
    const statements = rolePolicyOf(synth, sink.service_execution_role_arn);
    const internal = ["offsets", "status", "configs"].map((k) => `__amazon_msk_connect_${k}_${sink.name}_0a1b2c3d`);
    for (const action of ["kafka-cluster:CreateTopic", "kafka-cluster:WriteData", "kafka-cluster:ReadData"]) {
      const patterns = statements
        .filter((s) => actionsOf(s).includes(action))
        .flatMap(resourcesIn)
        .map((arn) => /:topic\/[^/]+\/\*\/(.+)$/.exec(arn)?.[1])
        .filter((p): p is string => p !== undefined)
        .map(iamGlob);
      expect({ action, uncovered: internal.filter((t) => !patterns.some((p) => p.test(t))) }).toEqual({ action, uncovered: [] });
    }
  });

  // ---- Security items
  test(`the CloudTrail bucket is write-once: Object Lock at creation, ${env.deletionProtection ? "COMPLIANCE" : "GOVERNANCE"}, 365 days`, () => {
    expect(synth.byIdPrefix("aws_s3_bucket", "audit_bucket_").config.object_lock_enabled).toBe(true);
    const lock = synth.only("aws_s3_bucket_object_lock_configuration").config;
    expect(lock.bucket).toMatch(/aws_s3_bucket\.audit_bucket_/);
    expect(lock.rule.default_retention).toEqual({ mode: env.deletionProtection ? "COMPLIANCE" : "GOVERNANCE", days: 365 });
    for (const [id, b] of synth.entries("aws_s3_bucket"))
      expect({ id, lock: b.object_lock_enabled === true }).toEqual({ id, lock: id.startsWith("audit_") });
  });

  test(`the CloudTrail bucket has a copy outside itself (AWS Backup${env.drRegion ? `, copied to ${env.drRegion}` : ""})`, () => {
    const selected: string[] = synth.only("aws_backup_selection").config.resources;
    expect(selected.some((r) => /aws_s3_bucket\.audit_bucket_[^.]+\.arn/.test(r))).toBe(true);
  });

  test("every bucket aborts incomplete multipart uploads within 7 days", () => {
    const buckets = synth.entries("aws_s3_bucket").map(([id]) => id);
    const lifecycles = synth.configs("aws_s3_bucket_lifecycle_configuration");
    const aborting = buckets.filter((id) =>
      lifecycles.some(
        (l) =>
          String(l.bucket).includes(`aws_s3_bucket.${id}.`) &&
          l.rule.some((r: any) => r.status === "Enabled" && r.abort_incomplete_multipart_upload?.[0]?.days_after_initiation <= 7),
      ),
    );
    expect(aborting.sort()).toEqual(buckets.sort());
  });

  // The CIS AWS Foundations section 4 events the brief names, with one CloudTrail event each must match.
  test.each([
    ["unauthorized API calls", "UnauthorizedOperation"],
    ["root use", '"Root"'],
    ["IAM policy changes", "PutRolePolicy"],
    ["KMS key disable", "DisableKey"],
    ["KMS key deletion", "ScheduleKeyDeletion"],
    ["CloudTrail config changes", "StopLogging"],
    ["security group changes", "AuthorizeSecurityGroupIngress"],
    ["NACL changes", "CreateNetworkAclEntry"],
    ["route table changes", "CreateRoute"],
    ["console sign-in without MFA", "MFAUsed"],
  ])("CIS alarm for %s: a metric filter on the trail's log group and an alarm to the alert topic", (_what, token) => {
    const trailGroup = synth.only("aws_cloudtrail").config.cloud_watch_logs_group_arn as string;
    const groupId = /aws_cloudwatch_log_group\.([^.]+)\.arn/.exec(trailGroup)![1];
    const filters = synth
      .entries("aws_cloudwatch_log_metric_filter")
      .map(([, f]) => f)
      .filter((f) => f.pattern.includes(token));
    expect(filters.length).toBeGreaterThanOrEqual(1);
    for (const f of filters) {
      expect(f.log_group_name).toBe(`\${aws_cloudwatch_log_group.${groupId}.name}`);
      const alarm = synth
        .entries("aws_cloudwatch_metric_alarm")
        .find(([, a]) => a.metric_name === f.metric_transformation.name && a.namespace === f.metric_transformation.namespace)?.[1];
      expect(alarm).toMatchObject({
        threshold: 1,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        treat_missing_data: "notBreaching",
        alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\.alarms_topic_[^.]+\.arn\}$/)],
      });
    }
  });

  test("the Debezium secret rotates every 30 days through AWS's PostgreSQL rotation function in the compute subnets", () => {
    const rotation = synth.only("aws_secretsmanager_secret_rotation").config;
    expect(rotation.secret_id).toMatch(/aws_secretsmanager_secret\.cdc-source_credentials_/);
    expect(rotation.rotation_rules).toEqual({ automatically_after_days: 30 });
    expect(rotation.rotate_immediately).toBe(false);
    expect(rotation.rotation_lambda_arn).toMatch(
      /aws_serverlessapplicationrepository_cloudformation_stack\.[^.]+\.outputs\["RotationLambdaARN"\]/,
    );
    const app = synth.only("aws_serverlessapplicationrepository_cloudformation_stack").config;
    expect(app.application_id).toBe(
      "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
    );
    expect(app.semantic_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(app.parameters.endpoint).toBe(`https://secretsmanager.${env.region}.amazonaws.com`);
    expect(app.parameters.kmsKeyArn).toMatch(/aws_kms_key\.keys_oltp_/);
    for (const i of [0, 1, 2]) expect(app.parameters.vpcSubnetIds).toContain(`aws_subnet.network_compute-${i}_`);
    // The function's security group reaches PostgreSQL and HTTPS inside the VPC, nothing else.
    const sgRef = app.parameters.vpcSecurityGroupIds as string;
    const sgId = /aws_security_group\.([^.]+)\.id/.exec(sgRef)![1];
    const egress = synth
      .entries("aws_vpc_security_group_egress_rule")
      .map(([, r]) => r)
      .filter((r) => String(r.security_group_id).includes(`aws_security_group.${sgId}.`));
    expect(egress.map((r) => [r.from_port, r.cidr_ipv4 ?? "sg"]).sort()).toEqual([
      [443, env.network.vpcCidr],
      [5432, "sg"],
    ]);
  });
});

describe("AwsNaming.replaceableName", () => {
  const naming = new AwsNaming({ workload: "pay", environment: "prod", region: "eu-west-1", uniqueSeed: "333333333333" });
  test("the same replacement-forcing arguments give the same name; any change gives a new one", () => {
    const a = naming.replaceableName("mskConnectResource", "cdc-source-worker", { content: "x=1" });
    expect(naming.replaceableName("mskConnectResource", "cdc-source-worker", { content: "x=1" })).toBe(a);
    expect(naming.replaceableName("mskConnectResource", "cdc-source-worker", { content: "x=2" })).not.toBe(a);
    expect(a).toMatch(/^pay-prod-euw1-cdc-source-worker-[0-9a-f]{8}$/);
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pinnedRequirements } from "../../constructs/aws/drift-monitor";
import { uploadableFileContent } from "../../constructs/aws/private/file-content";
import { toAirflowCron } from "../../constructs/aws/managed-airflow";
import { awsProd } from "../../environments/aws-prod";
import { AwsEnvironment } from "../../environments/aws-types";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { AWS_ENVIRONMENTS, devOnRedshift, devWith } from "../helpers/aws";
import { SynthesizedStack, synthAws } from "../helpers/synth";

const ROOT = path.join(__dirname, "..", "..");

/** What each environment runs, written from the environment files' intent (dev pays for none of it). */
const EXPECTED: Record<
  string,
  {
    airflow?: { environmentClass: string; minWorkers: number; maxWorkers: number; schedulers: number; logDays: number };
    mlflowSize?: string;
    driftModels: string[];
    packageIndex?: string;
    privateEndpoints: boolean;
  }
> = {
  dev: { driftModels: [], privateEndpoints: false },
  staging: {
    airflow: { environmentClass: "mw1.small", minWorkers: 1, maxWorkers: 2, schedulers: 2, logDays: 180 },
    mlflowSize: "Small",
    driftModels: ["fraud-detection", "personalization"],
    privateEndpoints: false,
  },
  prod: {
    airflow: { environmentClass: "mw1.medium", minWorkers: 2, maxWorkers: 5, schedulers: 2, logDays: 365 },
    mlflowSize: "Medium",
    driftModels: ["fraud-detection", "personalization"],
    packageIndex: "https://pypi-mirror.pay.example.com/simple/",
    privateEndpoints: true,
  },
};

const MWAA_LOG_SUFFIXES = ["DAGProcessing", "Scheduler", "Task", "WebServer", "Worker"];
const UPLOADED_KEYS = [
  "dags/model_drift.py",
  "dags/nightly_pipeline.py",
  "dags/platform_common.py",
  "dags/platform_config.json",
  "requirements.txt",
];

const statementsOf = (synth: SynthesizedStack, roleIdPrefix: string): any[] =>
  JSON.parse(synth.byIdPrefix("aws_iam_role_policy", roleIdPrefix).config.policy).Statement;
const actionsOn = (statements: any[], resource: RegExp): string[] =>
  statements
    .filter((s) => [s.Resource].flat().some((r: string) => resource.test(r)))
    .flatMap((s) => [s.Action].flat())
    .sort();

describe.each(AWS_ENVIRONMENTS.filter((e) => EXPECTED[e.name].airflow).map((e) => [e.name, e] as const))(
  "aws-%s Airflow (MWAA)",
  (name, env) => {
    const synth = synthAws(env);
    const want = EXPECTED[name].airflow!;
    const mwaa = synth.entries("aws_mwaa_environment");
    const m = mwaa[0]?.[1] ?? {};
    const prefix = `pay-${name}-euw1`;

    test(`one ${want.environmentClass} environment, ${want.minWorkers}-${want.maxWorkers} workers, ${want.schedulers} schedulers, Airflow 2.10.3`, () => {
      expect(mwaa).toHaveLength(1);
      expect(m).toMatchObject({
        name: `${prefix}-airflow`,
        airflow_version: "2.10.3",
        environment_class: want.environmentClass,
        min_workers: want.minWorkers,
        max_workers: want.maxWorkers,
        schedulers: want.schedulers,
        lifecycle: { prevent_destroy: true },
      });
    });

    test("private web server in two private compute subnets, encrypted with the orchestration CMK", () => {
      expect(m.webserver_access_mode).toBe("PRIVATE_ONLY");
      expect(m.endpoint_management).toBe("SERVICE");
      expect(m.kms_key).toMatch(/^\$\{aws_kms_key\.keys_orchestration_/);
      expect(m.network_configuration.subnet_ids).toEqual([
        expect.stringMatching(/^\$\{aws_subnet\.network_compute-0_/),
        expect.stringMatching(/^\$\{aws_subnet\.network_compute-1_/),
      ]);
      expect(m.network_configuration.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.airflow_sg_/)]);
    });

    test(`internet egress ${EXPECTED[name].privateEndpoints ? "none (prod has no NAT)" : "HTTPS only, through NAT"}`, () => {
      const open = synth
        .entries("aws_vpc_security_group_egress_rule")
        .filter(([id, r]) => id.startsWith("airflow_sg_") && r.cidr_ipv4 === "0.0.0.0/0");
      expect(open.map(([, r]) => [r.from_port, r.to_port])).toEqual(EXPECTED[name].privateEndpoints ? [] : [[443, 443]]);
    });

    test("the Airflow security group admits only itself: no ingress from a CIDR", () => {
      const sgRef = m.network_configuration.security_group_ids[0].replace(/\.id\}$/, ".id}");
      const ingress = synth.entries("aws_vpc_security_group_ingress_rule").filter(([, r]) => r.security_group_id === sgRef);
      expect(ingress.map(([, r]) => [r.referenced_security_group_id, r.cidr_ipv4])).toEqual([[sgRef, undefined]]);
    });

    test(`all five log types at INFO, into pre-created groups kept ${want.logDays} days with the orchestration CMK`, () => {
      for (const type of ["dag_processing_logs", "scheduler_logs", "task_logs", "webserver_logs", "worker_logs"]) {
        expect(m.logging_configuration[type]).toEqual({ enabled: true, log_level: "INFO" });
      }
      const groups = synth
        .entries("aws_cloudwatch_log_group")
        .map(([, g]) => g)
        .filter((g) => String(g.name).startsWith("airflow-"));
      expect(groups.map((g) => g.name).sort()).toEqual(MWAA_LOG_SUFFIXES.map((s) => `airflow-${prefix}-airflow-${s}`).sort());
      for (const g of groups) {
        expect(g).toMatchObject({ retention_in_days: want.logDays, lifecycle: { prevent_destroy: true } });
        expect(g.kms_key_id).toMatch(/aws_kms_key\.keys_orchestration_/);
      }
    });

    test("DAG bucket: versioned, SSE-KMS with the orchestration CMK, public access blocked, never tiered to Glacier", () => {
      expect(m.source_bucket_arn).toMatch(/^\$\{aws_s3_bucket\.airflow_dags_bucket_/);
      expect(synth.byIdPrefix("aws_s3_bucket_versioning", "airflow_dags_").config.versioning_configuration.status).toBe("Enabled");
      const sse = synth.byIdPrefix("aws_s3_bucket_server_side_encryption_configuration", "airflow_dags_").config.rule[0];
      expect(sse.apply_server_side_encryption_by_default).toMatchObject({ sse_algorithm: "aws:kms" });
      expect(sse.apply_server_side_encryption_by_default.kms_master_key_id).toMatch(/keys_orchestration_/);
      expect(synth.byIdPrefix("aws_s3_bucket_public_access_block", "airflow_dags_").config).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(synth.byIdPrefix("aws_s3_bucket_lifecycle_configuration", "airflow_dags_").config.rule[0].transition).toEqual([]);
    });

    test("the stack uploads every DAG file, the generated config and the pinned requirements, KMS-encrypted", () => {
      const objects = synth
        .entries("aws_s3_object")
        .map(([, o]) => o)
        .filter((o) => String(o.bucket).includes("airflow_dags_bucket"));
      expect(objects.map((o) => o.key).sort()).toEqual(UPLOADED_KEYS);
      for (const o of objects) {
        expect(o).toMatchObject({ server_side_encryption: "aws:kms" });
        expect(o.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_versioning\.airflow_dags_versioning_/)]);
      }
      for (const file of ["model_drift.py", "nightly_pipeline.py", "platform_common.py"]) {
        expect(objects.find((o) => o.key === `dags/${file}`)?.content).toBe(readFileSync(path.join(ROOT, "dags", file), "utf8"));
      }
      expect(m.requirements_s3_path).toMatch(/aws_s3_object\.airflow_requirements_.*\.key/);
      expect(m.requirements_s3_object_version).toMatch(/aws_s3_object\.airflow_requirements_.*\.version_id/);
    });

    test("execution role: assumed by MWAA only; runs exactly the nightly and drift jobs; publishes to the alert topic only", () => {
      const trust = JSON.parse(synth.byIdPrefix("aws_iam_role", "airflow_role_").config.assume_role_policy).Statement[0];
      expect(trust.Principal.Service).toEqual(["airflow.amazonaws.com", "airflow-env.amazonaws.com"]);
      const statements = statementsOf(synth, "airflow_role_");
      const glue = statements.find((s) => [s.Action].flat().includes("glue:StartJobRun"));
      expect(glue.Resource).toEqual([
        expect.stringMatching(
          new RegExp(`^arn:aws:glue:eu-west-1:${env.accountId}:job/\\$\\{aws_glue_job\\.etl_nightly-job_[0-9A-F]+\\.name\\}$`),
        ),
        expect.stringMatching(
          new RegExp(`^arn:aws:glue:eu-west-1:${env.accountId}:job/\\$\\{aws_glue_job\\.drift_job_[0-9A-F]+\\.name\\}$`),
        ),
      ]);
      expect([synth.byIdPrefix("aws_glue_job", "etl_").config.name, synth.byIdPrefix("aws_glue_job", "drift_").config.name]).toEqual([
        `${prefix}-nightly-curate`,
        `${prefix}-model-drift`,
      ]);
      expect(actionsOn(statements, /aws_sns_topic\.alarms_topic_/)).toEqual(["sns:Publish"]);
      expect(actionsOn(statements, /aws_redshiftserverless_workgroup\.olap_workgroup_/)).toEqual([
        "redshift-data:BatchExecuteStatement",
        "redshift-data:ExecuteStatement",
        "redshift-serverless:GetCredentials",
      ]);
      for (const s of statements) expect([s.Action].flat()).not.toContain("*");
      // The key: decrypt DAG objects; encrypt only through SQS (Celery queue) and S3.
      const kms = statements.filter((s) => String(s.Resource).includes("keys_orchestration_"));
      expect(kms.map((s) => [s.Action, s.Condition?.StringLike?.["kms:ViaService"]])).toEqual([
        [["kms:Decrypt", "kms:DescribeKey"], undefined],
        [
          ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:Encrypt"],
          ["sqs.eu-west-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"],
        ],
      ]);
    });
  },
);

describe.each(AWS_ENVIRONMENTS.filter((e) => EXPECTED[e.name].airflow).map((e) => [e.name, e] as const))(
  "aws-%s DAG configuration",
  (name, env) => {
    const synth = synthAws(env);
    const object = synth.entries("aws_s3_object").find(([, o]) => o.key === "dags/platform_config.json")?.[1];
    const config = JSON.parse(object?.content ?? "{}");

    test("nightly pipeline: 02:00 UTC (the Glue cron of the environment file), running, 2 retries, 60-minute SLA (brief: OLAP data > 1 h old)", () => {
      expect(config.nightly).toMatchObject({ schedule: "0 2 * * *", paused: false, retries: 2, retry_delay_minutes: 10, sla_minutes: 60 });
      expect(config.environment).toBe(name);
    });

    test("every name in the config is a reference to a resource this stack creates, not a retyped string", () => {
      const refs = [...String(object?.content).matchAll(/\$\{([a-z0-9_]+)\.([^.}]+)\.[a-z_]+\}/g)].map((r) => [r[1], r[2]]);
      expect(refs.length).toBeGreaterThanOrEqual(5);
      for (const [type, id] of refs) expect(Object.keys(synth.json.resource[type] ?? {})).toContain(id);
      expect(config.nightly.glue_job_name).toMatch(/^\$\{aws_glue_job\.etl_nightly-job_[0-9A-F]+\.name\}$/);
      expect(config.drift.glue_job_name).toMatch(/^\$\{aws_glue_job\.drift_job_[0-9A-F]+\.name\}$/);
      expect(config.warehouse.workgroup_name).toMatch(/^\$\{aws_redshiftserverless_workgroup\.olap_workgroup_[0-9A-F]+\.workgroup_name\}$/);
      expect(config.alert_topic_arn).toMatch(/^\$\{aws_sns_topic\.alarms_topic_[0-9A-F]+\.arn\}$/);
      expect(config.metrics).toEqual({ namespace: "Payments/DataPlatform", freshness_metric: "SecondsSinceLastLoad" });
    });

    test("every config key a DAG reads exists in the generated config", () => {
      // The DAGs bind sections to these names (CONFIG["nightly"] -> NIGHTLY, ...); each subscript must resolve.
      const sections: Record<string, unknown> = {
        CONFIG: config,
        NIGHTLY: config.nightly,
        WAREHOUSE: config.warehouse,
        warehouse: config.warehouse,
        DRIFT: config.drift,
        metric: config.metrics,
      };
      const used = readdirSync(path.join(ROOT, "dags"))
        .filter((f) => f.endsWith(".py"))
        .flatMap((f) => [
          ...readFileSync(path.join(ROOT, "dags", f), "utf8").matchAll(/\b(CONFIG|NIGHTLY|WAREHOUSE|warehouse|DRIFT|metric)\["(\w+)"\]/g),
        ])
        .map((m) => [m[1], m[2]] as const);
      expect(used.length).toBeGreaterThanOrEqual(15);
      for (const [section, key] of used) expect(Object.keys(sections[section] as object)).toContain(key);
      expect(readFileSync(path.join(ROOT, "dags", "model_drift.py"), "utf8")).toContain('CONFIG.get("drift")');
    });
  },
);

describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s MLflow and drift monitoring", (name, env) => {
  const synth = synthAws(env);
  const want = EXPECTED[name];
  const prefix = `pay-${name}-euw1`;
  const servers = synth.configs("aws_sagemaker_mlflow_tracking_server");
  const driftAlarms = synth
    .entries("aws_cloudwatch_metric_alarm")
    .filter(([id]) => id.startsWith("drift_"))
    .map(([, a]) => a);

  test(`tracking servers: ${want.mlflowSize ?? "none"}`, () => {
    expect(servers.map((s) => [s.tracking_server_name, s.tracking_server_size, s.mlflow_version])).toEqual(
      want.mlflowSize ? [[`${prefix}-mlflow`, want.mlflowSize, "2.16"]] : [],
    );
  });

  test(`one drift alarm per model (${want.driftModels.length}) on Payments/ML DriftShare > 0.3, to the alert topic`, () => {
    expect(driftAlarms.map((a) => a.alarm_name).sort()).toEqual(want.driftModels.map((m) => `${prefix}-drift-${m}`));
    for (const a of driftAlarms) {
      expect(a).toMatchObject({
        namespace: "Payments/ML",
        metric_name: "DriftShare",
        threshold: 0.3,
        comparison_operator: "GreaterThanThreshold",
        statistic: "Maximum",
        treat_missing_data: "breaching",
        tags: expect.objectContaining({ "metric-publication-seconds": "86400" }),
      });
      // Published once a day by a job of at most 30 minutes: hourly periods over 24 h + 30 min + 1 h,
      // every one required (ceil(24.5) + 1 = 26), so the hours between two runs never read as "no report".
      expect(a).toMatchObject({ period: 3600, evaluation_periods: 26, datapoints_to_alarm: 26 });
      expect(a.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.alarms_topic_/)]);
      expect(a.dimensions.Environment).toBe(name);
    }
    expect(driftAlarms.map((a) => a.dimensions.Model).sort()).toEqual(want.driftModels);
  });

  test(`VPC endpoints for MWAA and MLflow ${want.privateEndpoints ? "present (no NAT)" : "absent (NAT reaches the APIs)"}`, () => {
    const services = synth.entries("aws_vpc_endpoint").map(([, e]) => e.service_name);
    const ml = [
      "com.amazonaws.eu-west-1.sqs",
      "com.amazonaws.eu-west-1.ecr.api",
      "com.amazonaws.eu-west-1.ecr.dkr",
      "com.amazonaws.eu-west-1.airflow.api",
      "com.amazonaws.eu-west-1.airflow.env",
      "com.amazonaws.eu-west-1.sns",
      "com.amazonaws.eu-west-1.sagemaker.api",
      "aws.sagemaker.eu-west-1.experiments",
    ];
    expect(ml.filter((s) => services.includes(s))).toEqual(want.privateEndpoints ? ml : []);
  });
});

describe.each(AWS_ENVIRONMENTS.filter((e) => EXPECTED[e.name].mlflowSize).map((e) => [e.name, e] as const))(
  "aws-%s ML resources",
  (name, env) => {
    const synth = synthAws(env);
    const want = EXPECTED[name];
    const server = synth.entries("aws_sagemaker_mlflow_tracking_server")[0][1];

    test("the server is protected from destroy (experiments and registry live in it)", () => {
      expect(server.lifecycle).toEqual({ prevent_destroy: true });
    });

    test("artifact store is the dedicated models bucket (versioned, models CMK, not tiered to Glacier, in AWS Backup)", () => {
      expect(server.artifact_store_uri).toMatch(/^s3:\/\/\$\{aws_s3_bucket\.mlflow_models_bucket_[0-9A-F]+\.bucket\}\/mlflow\/$/);
      expect(synth.byIdPrefix("aws_s3_bucket_versioning", "mlflow_models_").config.versioning_configuration.status).toBe("Enabled");
      const sse = synth.byIdPrefix("aws_s3_bucket_server_side_encryption_configuration", "mlflow_models_").config.rule[0];
      expect(sse.apply_server_side_encryption_by_default.kms_master_key_id).toMatch(/keys_models_/);
      const lifecycle = synth.byIdPrefix("aws_s3_bucket_lifecycle_configuration", "mlflow_models_").config.rule[0];
      expect(lifecycle.transition).toEqual([]);
      expect(lifecycle.noncurrent_version_expiration).toEqual([{ noncurrent_days: 365 }]);
      expect(synth.entries("aws_backup_selection")[0][1].resources).toContainEqual(
        expect.stringMatching(/aws_s3_bucket\.mlflow_models_bucket_/),
      );
    });

    test("the server's role is assumed by SageMaker and reaches only the models bucket's mlflow/ prefix", () => {
      expect(server.role_arn).toMatch(/aws_iam_role\.mlflow_role_/);
      const statements = statementsOf(synth, "mlflow_role_");
      const objectResources = statements
        .filter((s) => [s.Action].flat().some((a: string) => a.startsWith("s3:")))
        .flatMap((s) => [s.Resource].flat());
      for (const r of objectResources) expect(r).toMatch(/aws_s3_bucket\.mlflow_models_bucket_/);
    });

    test("MLflow access: the training roles (Glue ETL, Airflow) and the reviewer policy, not the drift job", () => {
      const onServer = (roleId: string) => actionsOn(statementsOf(synth, roleId), /aws_sagemaker_mlflow_tracking_server\.mlflow_server_/);
      expect(onServer("etl_role_")).toContain("sagemaker-mlflow:*");
      expect(onServer("airflow_role_")).toContain("sagemaker-mlflow:*");
      expect(onServer("drift_role_")).toEqual([]);
      const reviewer = JSON.parse(synth.byIdPrefix("aws_iam_policy", "mlflow_reviewer-policy_").config.policy).Statement;
      const reviewerActions = actionsOn(reviewer, /aws_sagemaker_mlflow_tracking_server\./);
      expect(reviewerActions).toContain("sagemaker-mlflow:TransitionModelVersionStage");
      expect(reviewerActions).not.toContain("sagemaker-mlflow:*");
    });

    test("drift job: Glue 5.0, 2 x G.1X, pinned Evidently, no trigger (Airflow starts it), reports to the models bucket", () => {
      const job = synth.byIdPrefix("aws_glue_job", "drift_").config;
      expect(job).toMatchObject({
        name: `pay-${name}-euw1-model-drift`,
        glue_version: "5.0",
        worker_type: "G.1X",
        number_of_workers: 2,
        timeout: 30,
      });
      expect(job.default_arguments["--additional-python-modules"]).toBe("evidently==0.4.40");
      expect(job.default_arguments["--python-modules-installer-option"]).toBe(
        want.packageIndex ? `--index-url=${want.packageIndex}` : undefined,
      );
      expect(job.default_arguments["--report_uri"]).toMatch(/mlflow_models_bucket_.*\/drift-reports\/$/);
      // Glue 5.0 logging: <prefix>/output and <prefix>/error, pre-created with the logs CMK.
      expect(job.default_arguments).not.toHaveProperty("--enable-continuous-cloudwatch-log");
      expect(job.default_arguments["--custom-logGroup-prefix"]).toBe(`/pay/${name}/glue/drift`);
      const groups = synth.entries("aws_cloudwatch_log_group").map(([, g]) => g.name);
      expect(groups).toEqual(expect.arrayContaining([`/pay/${name}/glue/drift/output`, `/pay/${name}/glue/drift/error`]));
      expect(job.security_configuration).toMatch(/aws_glue_security_configuration\.drift_/);
      const script = synth.byIdPrefix("aws_s3_object", "drift_script_").config;
      expect(script.content).toBe(readFileSync(path.join(ROOT, "ml", "drift", "drift_job.py"), "utf8"));
      expect(script.key).toBe("ml/drift/drift_job.py");
      expect(script.bucket).toMatch(/aws_s3_bucket\.artifacts_bucket_/);
      expect(job.command.script_location).toMatch(
        /^s3:\/\/\$\{aws_s3_object\.drift_script_[0-9A-F]+\.bucket\}\/\$\{aws_s3_object\.drift_script_[0-9A-F]+\.key\}$/,
      );
      expect(synth.entries("aws_glue_trigger").filter(([, t]) => JSON.stringify(t.actions).includes("drift_job"))).toEqual([]);
    });
  },
);

describe("Airflow without ML (dev switched to mw1.micro)", () => {
  // GIVEN dev with orchestration on and ML off, back on Redshift (the nightly DAG loads it through the Data API)
  const env = devWith((e) => {
    e.orchestration = { enabled: true, environmentClass: "mw1.micro", minWorkers: 1, maxWorkers: 1, schedulers: 1 };
    devOnRedshift(e);
  });
  const synth = synthAws(env);
  const config = JSON.parse(String(synth.entries("aws_s3_object").find(([, o]) => o.key === "dags/platform_config.json")?.[1].content));

  test("Airflow owns the nightly job (no Glue trigger) and keeps dev's pause flag", () => {
    expect(synth.entries("aws_mwaa_environment").map(([, m]) => [m.environment_class, m.schedulers])).toEqual([["mw1.micro", 1]]);
    expect(synth.entries("aws_glue_trigger")).toEqual([]);
    expect(config.nightly.paused).toBe(true);
  });

  test("no drift section, drift job, MLflow server or models bucket; the Airflow role runs only the nightly job", () => {
    expect(config.drift).toBeUndefined();
    expect(synth.entries("aws_sagemaker_mlflow_tracking_server")).toEqual([]);
    expect(synth.entries("aws_glue_job").map(([id]) => id.split("_")[0])).toEqual(["etl"]);
    const glue = statementsOf(synth, "airflow_role_").find((s) => [s.Action].flat().includes("glue:StartJobRun"));
    expect(glue.Resource).toEqual([expect.stringMatching(/aws_glue_job\.etl_nightly-job_/)]);
  });

  test("NAT in dev: no MWAA interface endpoints, HTTPS egress to the internet allowed", () => {
    expect(synth.entries("aws_vpc_endpoint").filter(([id]) => id.startsWith("private-endpoints_"))).toEqual([]);
    const sg = synth.entries("aws_vpc_security_group_egress_rule").filter(([id]) => id.startsWith("airflow_sg_out-internet"));
    expect(sg.map(([, r]) => [r.cidr_ipv4, r.from_port, r.to_port])).toEqual([["0.0.0.0/0", 443, 443]]);
  });
});

describe("docs follow the alarms", () => {
  test("the runbook has an entry for every drift alarm of prod and for the Airflow callbacks", () => {
    const runbook = readFileSync(path.join(ROOT, "docs", "runbook.md"), "utf8");
    const names = synthAws(awsProd)
      .entries("aws_cloudwatch_metric_alarm")
      .filter(([id]) => id.startsWith("drift_"))
      .map(([, a]) => String(a.alarm_name));
    expect(names).toEqual(["pay-prod-euw1-drift-fraud-detection", "pay-prod-euw1-drift-personalization"]);
    for (const n of names) expect(runbook.includes(n) || runbook.includes(n.replace("pay-prod-euw1", "…"))).toBe(true);
    expect(runbook).toContain("### Model drift (`…-drift-<model>`)");
    expect(runbook).toContain("### Airflow task failed / SLA missed");
  });
});

describe("code the stack ships", () => {
  test("every Python file under dags/ and ml/ compiles (python3 -m py_compile)", () => {
    const files = ["dags", path.join("ml", "drift")].flatMap((d) =>
      readdirSync(path.join(ROOT, d))
        .filter((f) => f.endsWith(".py"))
        .map((f) => path.join(ROOT, d, f)),
    );
    expect(files.length).toBe(4);
    const out = mkdtempSync(path.join(tmpdir(), "pyc-"));
    for (const f of files) {
      expect(() => execFileSync("python3", ["-m", "py_compile", f], { env: { ...process.env, PYTHONPYCACHEPREFIX: out } })).not.toThrow();
    }
  });

  test("py_compile fails on a syntax error (the check above can fail)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pybad-"));
    const bad = path.join(dir, "bad.py");
    writeFileSync(bad, "def broken(:\n");
    expect(() => execFileSync("python3", ["-m", "py_compile", bad], { stdio: "pipe" })).toThrow();
  });

  test("a file Terraform would interpolate is refused before upload", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tpl-"));
    const file = path.join(dir, "dag.py");
    writeFileSync(file, 'x = 1\nprint(f"${x}")\n');
    expect(() => uploadableFileContent(file)).toThrow(/dag\.py:2 contains "\$\{" or "%\{"/);
    writeFileSync(file, "x = {'a': 1}\n");
    expect(uploadableFileContent(file)).toBe("x = {'a': 1}\n");
  });

  test("requirements must pin every package exactly", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "req-"));
    const loose = path.join(dir, "requirements.txt");
    writeFileSync(loose, "# comment\nevidently>=0.4\npandas\n");
    expect(() => pinnedRequirements(loose)).toThrow(/not pinned: evidently>=0.4, pandas/);
    expect(pinnedRequirements(path.join(ROOT, "ml", "drift", "requirements.txt"))).toEqual(["evidently==0.4.40"]);
    expect(pinnedRequirements(path.join(ROOT, "dags", "requirements.txt"))).toEqual(["apache-airflow-providers-amazon==9.0.0"]);
  });

  test.each([
    ["cron(0 2 * * ? *)", "0 2 * * *"],
    ["cron(30 1 ? * MON-FRI *)", "30 1 * * MON-FRI"],
  ])("Glue cron %s is Airflow cron %s", (aws, airflow) => {
    expect(toAirflowCron(aws)).toBe(airflow);
  });

  test("a cron pinned to a year or malformed is refused", () => {
    expect(() => toAirflowCron("cron(0 2 * * ? 2027)")).toThrow(/expected cron\(<min> <hour>/);
    expect(() => toAirflowCron("rate(1 day)")).toThrow(/schedule rate\(1 day\)/);
  });
});

describe("orchestration and ML fields are validated", () => {
  const prodWith = (mutate: (env: any) => void): AwsEnvironment => {
    const env = structuredClone(awsProd) as any;
    mutate(env);
    return env;
  };

  test.each<[string, () => AwsEnvironment, RegExp]>([
    [
      "prod without Airflow",
      () => prodWith((e) => (e.orchestration = { enabled: false })),
      /orchestration.enabled: got false; allowed: true in prod/,
    ],
    ["prod without ML", () => prodWith((e) => (e.ml = { enabled: false })), /ml.enabled: got false; allowed: true in prod/],
    [
      "mw1.micro in prod",
      () => prodWith((e) => (e.orchestration.environmentClass = "mw1.micro")),
      /orchestration.environmentClass: got "mw1.micro"; allowed: mw1.small or larger in prod/,
    ],
    [
      "unknown class",
      () => prodWith((e) => (e.orchestration.environmentClass = "mw2.small")),
      /orchestration.environmentClass: got "mw2.small"; allowed: one of mw1.micro/,
    ],
    [
      "maxWorkers below min",
      () => prodWith((e) => (e.orchestration.maxWorkers = 1)),
      /orchestration.maxWorkers: got 1; allowed: an integer from 2 to 25/,
    ],
    [
      "one scheduler",
      () => prodWith((e) => (e.orchestration.schedulers = 1)),
      /orchestration.schedulers: got 1; allowed: an integer from 2 to 5/,
    ],
    [
      "server size",
      () => prodWith((e) => (e.ml.trackingServerSize = "XL")),
      /ml.trackingServerSize: got "XL"; allowed: one of Small, Medium, Large/,
    ],
    [
      "unknown model",
      () => prodWith((e) => (e.ml.models = ["churn"])),
      /ml.models\[0\]: got "churn"; allowed: one of fraud-detection, personalization/,
    ],
    [
      "model twice",
      () => prodWith((e) => (e.ml.models = ["fraud-detection", "fraud-detection"])),
      /ml.models\[1\]: got "fraud-detection"; allowed: a model listed once/,
    ],
    ["threshold 0", () => prodWith((e) => (e.ml.driftThreshold = 0)), /ml.driftThreshold: got 0; allowed: a share of features above 0/],
    [
      "no package index without NAT",
      () => prodWith((e) => delete e.ml.packageIndexUrl),
      /ml.packageIndexUrl: got undefined; allowed: a PyPI mirror reachable inside the VPC/,
    ],
    [
      "http index",
      () => prodWith((e) => (e.ml.packageIndexUrl = "http://pypi")),
      /ml.packageIndexUrl: got "http:\/\/pypi"; allowed: an https:\/\/ URL/,
    ],
    [
      "ML without Airflow",
      () => devWith((e) => (e.ml = { enabled: true, trackingServerSize: "Small", models: ["fraud-detection"], driftThreshold: 0.3 })),
      /ml.enabled: got true; allowed: false unless orchestration.enabled is true/,
    ],
  ])("%s", (_name, build, message) => {
    expect(() => validateAwsEnvironment(build())).toThrow(message);
  });

  test("dev on Redshift may run Airflow on mw1.micro with one scheduler", () => {
    const env = devWith((e) => {
      e.orchestration = { enabled: true, environmentClass: "mw1.micro", minWorkers: 1, maxWorkers: 1, schedulers: 1 };
      devOnRedshift(e);
    });
    expect(() => validateAwsEnvironment(env)).not.toThrow();
  });
});

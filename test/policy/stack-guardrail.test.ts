/**
 * End to end: a real stack, loosened the way a hurried change would (an escape-hatch override on the
 * construct's resource), fails the policy pass with the expected rule id. That the shipped stacks pass is
 * test/policy/shipped-azure-stacks.test.ts and shipped-aws-stacks.test.ts.
 * Bad values in an environment file are stopped even earlier, by validation (test/foundation/validate.test.ts).
 */
import { Testing, TerraformResource, TerraformStack } from "cdktf";
import { awsProd } from "../../environments/aws-prod";
import { prod } from "../../environments/prod";
import { evaluateStack } from "../../policy/engine/evaluate";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";
import { AzurePlatformStack } from "../../stacks/azure-platform-stack";
import { SynthesizedStack, synthesize } from "../helpers/synth";

type Loosen = (resources: TerraformResource[]) => void;

/** The first resource of a Terraform type in the stack. */
function first(resources: TerraformResource[], type: string): TerraformResource {
  const found = resources.find((r) => r.terraformResourceType === type);
  if (!found) throw new Error(`no ${type} in the stack`);
  return found;
}

/** Rule ids of the unsuppressed error findings of a synthesized stack. */
function errors(name: string, synth: SynthesizedStack): string[] {
  const { findings } = evaluateStack(name, synth.json, { packs: ["baseline", "deployability", "production"] });
  return findings.filter((f) => f.status === "fail" && f.severity === "error").map((f) => f.ruleId);
}

function failures(build: (app: ReturnType<typeof Testing.app>) => TerraformStack, name: string, loosen: Loosen): string[] {
  const stack = build(Testing.app());
  loosen(stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource));
  return errors(name, synthesize(stack));
}

const azure = (app: ReturnType<typeof Testing.app>) => new AzurePlatformStack(app, "azure-prod", { environment: prod });
const aws = (app: ReturnType<typeof Testing.app>) => new AwsPlatformStack(app, "aws-prod", { environment: awsProd });

describe("a loosened construct fails synth's policy pass with the expected rule", () => {
  test.each<[string, Loosen, string]>([
    [
      "SQL server public network access on",
      (r) => first(r, "azurerm_mssql_server").addOverride("public_network_access_enabled", true),
      "AZ-SQL-001",
    ],
    ["SQL server TLS 1.0", (r) => first(r, "azurerm_mssql_server").addOverride("minimum_tls_version", "1.0"), "AZ-SQL-002"],
    [
      "Cosmos DB without its customer-managed key",
      (r) => first(r, "azurerm_cosmosdb_account").addOverride("key_vault_key_id", null),
      "AZ-COS-003",
    ],
    ["Log Analytics kept 30 days", (r) => first(r, "azurerm_log_analytics_workspace").addOverride("retention_in_days", 30), "AZ-LOG-001"],
    [
      "NSG rule open to the internet",
      (r) => first(r, "azurerm_network_security_group").addOverride("security_rule.0.source_address_prefix", "Internet"),
      "AZ-NET-001",
    ],
    [
      "a password literal on the SQL server",
      (r) => first(r, "azurerm_mssql_server").addOverride("administrator_login_password", "Sup3rS3cret!2024"),
      "GEN-SEC-001",
    ],
  ])("azure-prod: %s", (_what, loosen, ruleId) => {
    expect(failures(azure, "azure-prod", loosen)).toContain(ruleId);
  });

  test.each<[string, Loosen, string]>([
    [
      "MSK client traffic in plaintext",
      (r) => first(r, "aws_msk_cluster").addOverride("encryption_info.encryption_in_transit.client_broker", "PLAINTEXT"),
      "AWS-MSK-001",
    ],
    ["CloudWatch log group kept 14 days", (r) => first(r, "aws_cloudwatch_log_group").addOverride("retention_in_days", 14), "AWS-CWL-001"],
    ["Aurora without deletion protection", (r) => first(r, "aws_rds_cluster").addOverride("deletion_protection", false), "AWS-RDS-005"],
    [
      "incremental crawler updating the catalog",
      (r) => first(r, "aws_glue_crawler").addOverride("schema_change_policy.update_behavior", "UPDATE_IN_DATABASE"),
      "AWS-DEP-001",
    ],
    [
      "CA certificate on the Aurora cluster",
      (r) => first(r, "aws_rds_cluster").addOverride("ca_certificate_identifier", "rds-ca-rsa2048-g1"),
      "AWS-DEP-002",
    ],
    [
      "freshness alarm back to one 5-minute period",
      (r) =>
        r
          .filter((x) => x.terraformResourceType === "aws_cloudwatch_metric_alarm" && x.node.id === "data-freshness")
          .forEach((a) => {
            a.addOverride("period", 300);
            a.addOverride("evaluation_periods", 1);
            a.addOverride("datapoints_to_alarm", 1);
          }),
      "AWS-DEP-003",
    ],
    [
      "Glue 4.0 logging arguments on a Glue 5.0 job",
      (r) => first(r, "aws_glue_job").addOverride("default_arguments.--continuous-log-logGroup", "/pay/prod/glue/etl"),
      "AWS-DEP-004",
    ],
    [
      "no Redshift Data API endpoint in a VPC without NAT",
      (r) =>
        r
          .filter((x) => x.node.id === "redshift-data-interface")
          .forEach((e) => e.addOverride("service_name", "com.amazonaws.eu-west-1.athena")),
      "AWS-DEP-005",
    ],
    [
      "Debezium heartbeat topic outside the grants",
      (r) =>
        r
          .filter((x) => x.terraformResourceType === "aws_mskconnect_connector" && x.node.scope?.node.id === "cdc-source")
          .forEach((c) =>
            c.addOverride("connector_configuration", {
              "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
              "topic.prefix": "pay.prod.cdc",
              "table.include.list": "payments.payment",
              "heartbeat.interval.ms": "60000",
              "topic.heartbeat.prefix": "__hb",
            }),
          ),
      "AWS-DEP-006",
    ],
    [
      "the trail bucket without Object Lock",
      (r) =>
        r
          .filter((x) => x.terraformResourceType === "aws_s3_bucket_object_lock_configuration")
          .forEach((l) => l.addOverride("rule.default_retention.mode", "GOVERNANCE")),
      "AWS-CT-006",
    ],
    [
      "the Debezium secret without rotation rules",
      (r) => first(r, "aws_secretsmanager_secret_rotation").addOverride("rotation_rules.automatically_after_days", 365),
      "AWS-SM-002",
    ],
    [
      "Airflow web server public",
      (r) => first(r, "aws_mwaa_environment").addOverride("webserver_access_mode", "PUBLIC_ONLY"),
      "AWS-MWAA-001",
    ],
    ["Airflow without its CMK", (r) => first(r, "aws_mwaa_environment").addOverride("kms_key", null), "AWS-MWAA-002"],
    [
      "Airflow task logs off",
      (r) => first(r, "aws_mwaa_environment").addOverride("logging_configuration.task_logs.enabled", false),
      "AWS-MWAA-003",
    ],
    [
      "MLflow artifacts in a bucket outside the stack",
      (r) => first(r, "aws_sagemaker_mlflow_tracking_server").addOverride("artifact_store_uri", "s3://shared-ml-bucket/mlflow/"),
      "AWS-ML-001",
    ],
    ["a DAG uploaded without the CMK", (r) => first(r, "aws_s3_object").addOverride("kms_key_id", null), "AWS-S3-007"],
    [
      "MLflow server destroyable",
      (r) => first(r, "aws_sagemaker_mlflow_tracking_server").addOverride("lifecycle.prevent_destroy", false),
      "GEN-LCK-001",
    ],
  ])("aws-prod: %s", (_what, loosen, ruleId) => {
    expect(failures(aws, "aws-prod", loosen)).toContain(ruleId);
  });
});

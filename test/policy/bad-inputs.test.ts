/** Deliberately bad inputs: each must fail with the expected rule id under the packs the environments use. */
import { evaluateStack } from "../../policy/engine/evaluate";
import { doc } from "./fixtures/cases";

function failingRules(resources: Parameters<typeof doc>[0], extra: Parameters<typeof doc>[1] = {}): string[] {
  const { findings } = evaluateStack("bad", doc(resources, extra), { packs: ["baseline"] });
  return findings.filter((f) => f.status === "fail").map((f) => `${f.ruleId} ${f.address}`);
}

describe("deliberately bad inputs", () => {
  it.each([
    [
      "public network access on (storage)",
      { "azurerm_storage_account.st": { public_network_access_enabled: true } },
      "AZ-ST-003 azurerm_storage_account.st",
    ],
    [
      "public network access on (SQL)",
      { "azurerm_mssql_server.sql": { public_network_access_enabled: true } },
      "AZ-SQL-001 azurerm_mssql_server.sql",
    ],
    ["public network access default (Cosmos)", { "azurerm_cosmosdb_account.c": {} }, "AZ-COS-002 azurerm_cosmosdb_account.c"],
    ["TLS 1.0 on storage", { "azurerm_storage_account.st": { min_tls_version: "TLS1_0" } }, "AZ-ST-001 azurerm_storage_account.st"],
    ["TLS 1.0 on SQL", { "azurerm_mssql_server.sql": { minimum_tls_version: "1.0" } }, "AZ-SQL-002 azurerm_mssql_server.sql"],
    [
      "MSK plaintext",
      { "aws_msk_cluster.m": { encryption_info: { encryption_in_transit: { client_broker: "PLAINTEXT" } } } },
      "AWS-MSK-001 aws_msk_cluster.m",
    ],
    ["no CMK on storage", { "azurerm_storage_account.st": {} }, "AZ-ST-006 azurerm_storage_account.st"],
    ["no CMK on S3", { "aws_s3_bucket.b": {} }, "AWS-S3-003 aws_s3_bucket.b"],
    ["no CMK on Aurora", { "aws_rds_cluster.db": { storage_encrypted: true } }, "AWS-RDS-001 aws_rds_cluster.db"],
    [
      "short retention (Log Analytics 30 d)",
      { "azurerm_log_analytics_workspace.l": { retention_in_days: 30 } },
      "AZ-LOG-001 azurerm_log_analytics_workspace.l",
    ],
    [
      "short retention (CloudWatch 14 d)",
      { "aws_cloudwatch_log_group.g": { retention_in_days: 14 } },
      "AWS-CWL-001 aws_cloudwatch_log_group.g",
    ],
    [
      "short retention (SQL audit 30 d)",
      {
        "azurerm_mssql_server.sql": {},
        "azurerm_mssql_server_extended_auditing_policy.a": { server_id: "${azurerm_mssql_server.sql.id}", retention_in_days: 30 },
      },
      "AZ-SQL-005 azurerm_mssql_server.sql",
    ],
    [
      "open ingress (security group)",
      { "aws_security_group.sg": { ingress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }] } },
      "AWS-NET-001 aws_security_group.sg",
    ],
    [
      "open ingress (NSG rule)",
      { "azurerm_network_security_rule.r": { direction: "Inbound", access: "Allow", source_address_prefix: "Internet" } },
      "AZ-NET-001 azurerm_network_security_rule.r",
    ],
    [
      "password literal (SQL admin)",
      { "azurerm_mssql_server.sql": { administrator_login_password: "Sup3rS3cret!" } },
      "GEN-SEC-001 azurerm_mssql_server.sql",
    ],
    [
      "password literal (connection string)",
      {
        "azurerm_data_factory_linked_service_azure_sql_database.ls": {
          connection_string: "Server=tcp:x.database.windows.net;Database=d;User ID=a;Password=hunter2hunter2;",
        },
      },
      "GEN-SEC-001 azurerm_data_factory_linked_service_azure_sql_database.ls",
    ],
    [
      "password literal (terraform_data SQL script)",
      { "terraform_data.seed": { input: "CREATE LOGIN app WITH PASSWORD = 'Winter2024!'" } },
      "GEN-SEC-001 terraform_data.seed",
    ],
    [
      "AWS access key literal",
      { "aws_glue_job.j": { default_arguments: { "--key": "AKIAABCDEFGHIJKLMNOP" } } },
      "GEN-SEC-001 aws_glue_job.j",
    ],
  ])("%s", (_name, resources, expected) => {
    expect(failingRules(resources as Parameters<typeof doc>[0])).toContain(expected);
  });

  it("flags a client secret in a provider block", () => {
    const out = failingRules({}, { provider: { azurerm: [{ features: [{}], client_secret: "s3cr3t-value-xyz" }] } });
    expect(out).toContain("GEN-SEC-002 provider.azurerm");
  });

  it("does not flag references, secret names or key ids", () => {
    const out = failingRules({
      "azurerm_mssql_server.sql": { administrator_login_password: "${random_password.p.result}" },
      "azurerm_key_vault_secret.s": { name: "sql-password", key_vault_id: "${azurerm_key_vault.kv.id}" },
      "azurerm_data_factory_linked_service_azure_sql_database.ls": {
        connection_string: "Integrated Security=False;Data Source=x.database.windows.net;Initial Catalog=oltp;",
        use_managed_identity: true,
        key_vault_password: { linked_service_name: "kv", secret_name: "sql-password" },
      },
    });
    expect(out.filter((f) => f.startsWith("GEN-SEC"))).toEqual([]);
  });
});

describe("S3 server access log target buckets", () => {
  it("accept SSE-S3 (AWS requires it for log delivery) while data buckets need SSE-KMS", () => {
    const sse = (bucket: string, algorithm: string) => ({
      bucket: `\${aws_s3_bucket.${bucket}.id}`,
      rule: { apply_server_side_encryption_by_default: { sse_algorithm: algorithm } },
    });
    const out = failingRules({
      "aws_s3_bucket.logs": {},
      "aws_s3_bucket.data": {},
      "aws_s3_bucket_server_side_encryption_configuration.l": sse("logs", "AES256"),
      "aws_s3_bucket_server_side_encryption_configuration.d": sse("data", "AES256"),
      "aws_s3_bucket_logging.x": { bucket: "${aws_s3_bucket.data.id}", target_bucket: "${aws_s3_bucket.logs.id}" },
    });
    expect(out).toContain("AWS-S3-003 aws_s3_bucket.data");
    expect(out).not.toContain("AWS-S3-003 aws_s3_bucket.logs");
  });
});

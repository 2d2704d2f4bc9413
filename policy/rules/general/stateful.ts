/** Resource types that hold data or keys: deleting them loses card data, audit logs or the keys to read them. */
export const STATEFUL_AZURE_TYPES: ReadonlySet<string> = new Set([
  "azurerm_mssql_server",
  "azurerm_mssql_database",
  "azurerm_cosmosdb_account",
  "azurerm_synapse_workspace",
  "azurerm_synapse_sql_pool",
  "azurerm_storage_account",
  "azurerm_key_vault",
  "azurerm_key_vault_key",
  "azurerm_log_analytics_workspace",
]);

export const STATEFUL_AWS_TYPES: ReadonlySet<string> = new Set([
  "aws_rds_cluster",
  "aws_docdb_cluster",
  "aws_redshift_cluster",
  "aws_redshiftserverless_namespace",
  "aws_s3_bucket",
  "aws_kms_key",
  "aws_backup_vault",
  "aws_msk_cluster",
  // Airflow run history (metadata database) and MLflow experiments and the model registry.
  "aws_mwaa_environment",
  "aws_sagemaker_mlflow_tracking_server",
]);

export const STATEFUL_TYPES: readonly string[] = [...STATEFUL_AZURE_TYPES, ...STATEFUL_AWS_TYPES];

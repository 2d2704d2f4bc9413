/**
 * Resource types of the platform whose provider schema has `tags` (checked against the generated
 * provider typings: `readonly tags?:` in @cdktf/provider-azurerm|aws/lib/<resource>/index.d.ts).
 */
export const TAGGABLE_TYPES: readonly string[] = [
  // azurerm 4.x
  "azurerm_resource_group", "azurerm_virtual_network", "azurerm_network_security_group", "azurerm_private_dns_zone",
  "azurerm_private_dns_zone_virtual_network_link", "azurerm_private_endpoint", "azurerm_firewall", "azurerm_firewall_policy",
  "azurerm_public_ip", "azurerm_network_ddos_protection_plan", "azurerm_key_vault", "azurerm_key_vault_key",
  "azurerm_user_assigned_identity", "azurerm_log_analytics_workspace", "azurerm_mssql_server", "azurerm_mssql_database",
  "azurerm_mssql_failover_group", "azurerm_cosmosdb_account", "azurerm_synapse_workspace", "azurerm_synapse_sql_pool",
  "azurerm_storage_account", "azurerm_data_factory", "azurerm_monitor_action_group", "azurerm_monitor_metric_alert",
  "azurerm_monitor_scheduled_query_rules_alert_v2", "azurerm_portal_dashboard",
  // aws 6.x
  "aws_vpc", "aws_subnet", "aws_route_table", "aws_nat_gateway", "aws_vpc_endpoint", "aws_security_group",
  "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_flow_log", "aws_kms_key", "aws_iam_role",
  "aws_iam_policy", "aws_cloudtrail", "aws_backup_plan", "aws_backup_vault", "aws_rds_cluster", "aws_rds_cluster_instance",
  "aws_rds_cluster_parameter_group", "aws_db_subnet_group", "aws_redshiftserverless_namespace", "aws_redshiftserverless_workgroup",
  "aws_redshift_cluster", "aws_redshift_parameter_group", "aws_docdb_cluster", "aws_docdb_cluster_instance",
  "aws_docdb_cluster_parameter_group", "aws_msk_cluster", "aws_mskconnect_connector", "aws_s3_bucket", "aws_glue_catalog_database",
  "aws_glue_job", "aws_glue_trigger", "aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm", "aws_sns_topic",
  "aws_secretsmanager_secret", "aws_eip", "aws_internet_gateway",
];

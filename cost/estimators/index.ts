/**
 * Resource type -> estimator. To price a new type: write a pure estimator (resource + prices +
 * usage -> components) next to its siblings, register it here, and add its meters to the price book.
 * A type that is neither registered nor listed as free is reported as "not priced", never as $0.
 */
import { Estimator } from "./context";
import * as awsDb from "./aws/databases";
import * as awsPlatform from "./aws/platform";
import { cosmosAccount, cosmosThroughput } from "./azure/cosmos";
import { dataFactory, dataFactoryIrAzure, dataFactoryIrSelfHosted } from "./azure/data-factory";
import { keyVaultKey } from "./azure/keyvault";
import { logAnalyticsWorkspace, monitorMetricAlert, scheduledQueryAlertV2, sentinelOnboarding } from "./azure/monitor";
import { ddosProtectionPlan, firewall, privateDnsZone, privateEndpoint, publicIp } from "./azure/network";
import { mssqlDatabase } from "./azure/sql";
import { storageAccount } from "./azure/storage";
import { synapseSqlPool, synapseWorkspace } from "./azure/synapse";
import { atlasAdvancedCluster } from "./saas/mongodb-atlas";
import { snowflakeWarehouse } from "./saas/snowflake";

export const ESTIMATORS: Readonly<Record<string, Estimator>> = {
  // Azure
  azurerm_mssql_database: mssqlDatabase,
  azurerm_synapse_sql_pool: synapseSqlPool,
  azurerm_synapse_workspace: synapseWorkspace,
  azurerm_cosmosdb_account: cosmosAccount,
  azurerm_cosmosdb_sql_database: cosmosThroughput,
  azurerm_cosmosdb_sql_container: cosmosThroughput,
  azurerm_cosmosdb_mongo_database: cosmosThroughput,
  azurerm_cosmosdb_mongo_collection: cosmosThroughput,
  azurerm_data_factory: dataFactory,
  azurerm_data_factory_integration_runtime_azure: dataFactoryIrAzure,
  azurerm_data_factory_integration_runtime_self_hosted: dataFactoryIrSelfHosted,
  azurerm_storage_account: storageAccount,
  azurerm_log_analytics_workspace: logAnalyticsWorkspace,
  azurerm_sentinel_log_analytics_workspace_onboarding: sentinelOnboarding,
  azurerm_monitor_metric_alert: monitorMetricAlert,
  azurerm_monitor_scheduled_query_rules_alert_v2: scheduledQueryAlertV2,
  azurerm_private_endpoint: privateEndpoint,
  azurerm_private_dns_zone: privateDnsZone,
  azurerm_public_ip: publicIp,
  azurerm_firewall: firewall,
  azurerm_network_ddos_protection_plan: ddosProtectionPlan,
  azurerm_key_vault_key: keyVaultKey,
  // AWS
  aws_rds_cluster: awsDb.rdsCluster,
  aws_rds_cluster_instance: awsDb.rdsClusterInstance,
  aws_db_instance: awsDb.dbInstance,
  aws_redshift_cluster: awsDb.redshiftCluster,
  aws_redshiftserverless_workgroup: awsDb.redshiftServerlessWorkgroup,
  aws_redshiftserverless_namespace: awsDb.redshiftServerlessNamespace,
  aws_docdb_cluster: awsDb.docdbCluster,
  aws_docdb_cluster_instance: awsDb.docdbClusterInstance,
  aws_msk_cluster: awsDb.mskCluster,
  aws_mskconnect_connector: awsDb.mskConnectConnector,
  aws_nat_gateway: awsPlatform.natGateway,
  aws_vpc_endpoint: awsPlatform.vpcEndpoint,
  aws_kms_key: awsPlatform.kmsKey,
  aws_kms_replica_key: awsPlatform.kmsKey,
  aws_s3_bucket: awsPlatform.s3Bucket,
  aws_glue_job: awsPlatform.glueJob,
  aws_glue_crawler: awsPlatform.glueCrawler,
  aws_cloudwatch_log_group: awsPlatform.cloudwatchLogGroup,
  aws_cloudwatch_metric_alarm: awsPlatform.cloudwatchMetricAlarm,
  aws_cloudtrail: awsPlatform.cloudtrail,
  aws_backup_vault: awsPlatform.backupVault,
  aws_secretsmanager_secret: awsPlatform.secretsManagerSecret,
  // Snowflake and MongoDB Atlas (billed by the vendors; priced with the AWS stacks that hold them)
  snowflake_warehouse: snowflakeWarehouse,
  mongodbatlas_advanced_cluster: atlasAdvancedCluster,
};

/**
 * Types with no charge of their own, with the reason shown in the report. Patterns end in `*`.
 * Keep this list small and explicit: anything billable belongs in ESTIMATORS or stays "not priced".
 */
export const FREE_TYPES: Readonly<Record<string, string>> = {
  // Azure: containers, networking plumbing, identity, governance
  azurerm_resource_group: "container",
  azurerm_virtual_network: "no charge (peering and gateways are billed separately)",
  azurerm_subnet: "no charge",
  "azurerm_subnet_*_association": "no charge",
  azurerm_network_security_group: "no charge",
  azurerm_network_security_rule: "no charge",
  azurerm_route_table: "no charge",
  azurerm_route: "no charge",
  azurerm_private_dns_zone_virtual_network_link: "no charge (the zone is priced)",
  azurerm_private_dns_a_record: "no charge (the zone is priced; queries not estimated)",
  azurerm_firewall_policy: "no charge (the firewall is priced)",
  azurerm_firewall_policy_rule_collection_group: "no charge",
  azurerm_user_assigned_identity: "no charge",
  azurerm_role_assignment: "no charge",
  azurerm_management_lock: "no charge",
  azurerm_monitor_diagnostic_setting: "no charge of its own (ingestion is priced on the destination workspace)",
  azurerm_monitor_action_group: "first 1,000 e-mails a month are free",
  "azurerm_consumption_budget_*": "no charge",
  "azurerm_*policy_assignment": "no charge",
  "azurerm_policy_*": "no charge",
  azurerm_key_vault: "vault has no charge; keys are priced (Infracost lists it as free)",
  azurerm_key_vault_access_policy: "no charge",
  azurerm_key_vault_secret: "operations at $0.03/10k transactions, negligible",
  azurerm_mssql_server: "logical server has no charge; databases are priced",
  azurerm_mssql_failover_group: "no charge; the geo-secondary database is priced",
  azurerm_mssql_firewall_rule: "no charge",
  azurerm_mssql_virtual_network_rule: "no charge",
  "azurerm_mssql_server_*": "server settings (auditing, TDE, security alert policy): no charge of their own",
  azurerm_mssql_database_extended_auditing_policy: "no charge of its own (log ingestion priced on the workspace)",
  azurerm_mssql_database_vulnerability_assessment_rule_baseline: "no charge",
  azurerm_synapse_firewall_rule: "no charge",
  azurerm_synapse_workspace_aad_admin: "no charge",
  azurerm_synapse_workspace_key: "no charge (the Key Vault key is priced)",
  azurerm_synapse_managed_private_endpoint: "no charge",
  azurerm_synapse_role_assignment: "no charge",
  "azurerm_cosmosdb_sql_role_*": "no charge",
  azurerm_data_factory_pipeline: "activity runs are priced on the factory",
  "azurerm_data_factory_trigger_*": "no charge of its own (runs priced on the factory)",
  "azurerm_data_factory_linked_service_*": "no charge",
  "azurerm_data_factory_dataset_*": "no charge",
  azurerm_data_factory_custom_dataset: "no charge",
  azurerm_data_factory_linked_custom_service: "no charge",
  "azurerm_data_factory_credential_*": "no charge",
  azurerm_portal_dashboard: "shared Azure dashboards: no charge",
  azurerm_data_factory_managed_private_endpoint: "no charge of its own (managed VNet activity hours priced on the IR)",
  azurerm_storage_container: "no charge (capacity priced on the account)",
  azurerm_storage_data_lake_gen2_filesystem: "no charge (capacity priced on the account)",
  azurerm_storage_management_policy: "no charge",
  azurerm_storage_account_network_rules: "no charge",
  azurerm_monitor_data_collection_rule: "no charge of its own",
  // AWS: networking plumbing, IAM, parameter/subnet groups, configuration sub-resources
  aws_vpc: "no charge",
  aws_subnet: "no charge",
  aws_route_table: "no charge",
  aws_route: "no charge",
  aws_route_table_association: "no charge",
  aws_internet_gateway: "no charge",
  aws_security_group: "no charge",
  aws_security_group_rule: "no charge",
  "aws_vpc_security_group_*_rule": "no charge",
  "aws_network_acl*": "no charge",
  aws_default_security_group: "no charge",
  "aws_iam_*": "no charge",
  aws_kms_alias: "no charge",
  aws_db_subnet_group: "no charge",
  aws_db_parameter_group: "no charge",
  aws_rds_cluster_parameter_group: "no charge",
  aws_docdb_subnet_group: "no charge",
  aws_docdb_cluster_parameter_group: "no charge",
  aws_redshift_subnet_group: "no charge",
  aws_redshift_parameter_group: "no charge",
  aws_msk_configuration: "no charge",
  "aws_s3_bucket_*": "bucket configuration: no charge (storage and requests priced on the bucket)",
  aws_backup_plan: "no charge (storage priced on the vault)",
  aws_backup_selection: "no charge",
  aws_glue_catalog_database: "first million Data Catalog objects are free",
  aws_glue_catalog_table: "first million Data Catalog objects are free",
  aws_glue_connection: "no charge",
  aws_glue_security_configuration: "no charge",
  aws_glue_trigger: "no charge (runs priced on the job)",
  aws_secretsmanager_secret_version: "no charge (the secret is priced)",
  aws_secretsmanager_secret_rotation: "no charge of its own",
  aws_flow_log: "delivery billed on the destination (log group ingestion or S3 bucket usage)",
  aws_cloudwatch_log_resource_policy: "no charge",
  aws_backup_vault_lock_configuration: "no charge",
  aws_budgets_budget: "no charge for budgets without actions (first two action-enabled budgets free)",
  aws_cloudwatch_event_rule: "AWS service events on the default bus: no charge",
  aws_cloudwatch_event_target: "no charge",
  aws_glue_data_catalog_encryption_settings: "no charge",
  aws_mskconnect_custom_plugin: "no charge (connector capacity is priced)",
  aws_mskconnect_worker_configuration: "no charge",
  aws_redshiftserverless_usage_limit: "no charge",
  aws_sns_topic_policy: "no charge",
  aws_sns_topic_subscription: "no charge (deliveries billed on the topic)",
  // Snowflake: access control, configuration and metadata objects bill nothing of their own
  snowflake_account_role: "no charge",
  "snowflake_grant_*": "no charge",
  snowflake_schema: "no charge (storage is billed per database)",
  snowflake_network_policy: "no charge",
  snowflake_saml2_integration: "no charge",
  snowflake_storage_integration: "no charge",
  snowflake_stage: "no charge of its own (the S3 bucket is priced)",
  snowflake_service_user: "no charge",
  snowflake_resource_monitor: "no charge",
  snowflake_current_account: "account parameters: no charge",
  snowflake_table: "no charge of its own (storage is billed per database)",
  aws_route53_record: "no charge of its own (queries to private zones are not estimated)",
  snowflake_alert: "no charge of its own (runs on a warehouse, which is priced)",
  snowflake_email_notification_integration: "no charge",
  // MongoDB Atlas: project configuration; the cluster is priced
  mongodbatlas_project: "no charge (clusters are priced)",
  mongodbatlas_cloud_provider_access_setup: "no charge",
  mongodbatlas_cloud_provider_access_authorization: "no charge",
  mongodbatlas_encryption_at_rest: "no charge of its own (KMS requests are priced on the key)",
  mongodbatlas_privatelink_endpoint: "no charge of its own (the AWS interface endpoint is priced)",
  mongodbatlas_privatelink_endpoint_service: "no charge of its own (the AWS interface endpoint is priced)",
  mongodbatlas_custom_db_role: "no charge",
  mongodbatlas_database_user: "no charge",
  mongodbatlas_federated_settings_org_role_mapping: "no charge",
  mongodbatlas_alert_configuration: "no charge",
  mongodbatlas_cloud_backup_schedule: "no charge of its own (backup storage is a line of the cluster)",
  // Not cloud resources
  "random_*": "not a cloud resource",
  "time_*": "not a cloud resource",
  null_resource: "not a cloud resource",
  terraform_data: "not a cloud resource",
};

/**
 * Billable types knowingly left unpriced (shown as "not priced" with this reason).
 * Unknown types get a generic reason.
 */
export const KNOWN_UNPRICED: Readonly<Record<string, string>> = {
  azurerm_virtual_network_peering: "VNet peering is billed per GB transferred; no price in the price book",
  azurerm_mssql_elasticpool: "elastic pools not estimated yet (prices exist for westeurope GP/BC in unit-prices.md)",
  azurerm_security_center_subscription_pricing: "Microsoft Defender plans are not in the price book",
  azurerm_cosmosdb_account_continuous_backup: "not in the price book",
  aws_eip: "public IPv4 address hours are not in the price book",
  aws_sns_topic: "SNS requests are not in the price book",
  aws_cloudwatch_dashboard: "dashboards beyond the 3 free ones are not in the price book",
  aws_route53_zone: "hosted zones ($0.50/month list) are not in the price book",
  snowflake_database: "Snowflake storage (per TB-month, incl. Time Travel and Fail-safe) is not in the price book",
  snowflake_pipe: "Snowpipe compute (per second of load) and per-file charges are not in the price book",
  snowflake_failover_group: "replication compute and cross-region transfer are not in the price book",
  mongodbatlas_auditing: "auditing is part of the Atlas subscription; no separate list price in the price book",
};

function matches(pattern: string, type: string): boolean {
  if (!pattern.includes("*")) return pattern === type;
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return re.test(type);
}

/** The reason a type is free, if it is in FREE_TYPES. */
export function freeReason(type: string): string | undefined {
  if (type in FREE_TYPES) return FREE_TYPES[type];
  const hit = Object.keys(FREE_TYPES).find((p) => p.includes("*") && matches(p, type));
  return hit ? FREE_TYPES[hit] : undefined;
}

/**
 * Resource type -> estimator. To price a new type: write a pure estimator (resource + prices +
 * usage -> components) next to its siblings, register it here, and add its meters to the price book.
 * Every type the stacks synthesize must be in exactly one of ESTIMATORS, FREE_TYPES or
 * KNOWN_UNPRICED (test/cost/coverage.test.ts); an unclassified type is reported as "not priced"
 * and makes the stack's estimate incomplete, never $0.
 */
import { Estimator } from "./context";
import * as awsCompute from "./aws/compute";
import * as awsDb from "./aws/databases";
import * as awsPlatform from "./aws/platform";
import { cosmosAccount, cosmosThroughput } from "./azure/cosmos";
import { dataFactory, dataFactoryIrAzure, dataFactoryIrSelfHosted } from "./azure/data-factory";
import { keyVaultKey } from "./azure/keyvault";
import { logAnalyticsWorkspace, monitorMetricAlert, scheduledQueryAlertV2, sentinelOnboarding } from "./azure/monitor";
import { ddosProtectionPlan, firewall, firewallPolicy, privateDnsZone, privateEndpoint, publicIp } from "./azure/network";
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
  azurerm_firewall_policy: firewallPolicy,
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
  aws_eip: awsPlatform.eip,
  aws_sns_topic: awsPlatform.snsTopic,
  aws_cloudwatch_log_metric_filter: awsPlatform.cloudwatchLogMetricFilter,
  aws_cloudwatch_dashboard: awsPlatform.cloudwatchDashboard,
  aws_s3_bucket_replication_configuration: awsPlatform.s3ReplicationConfiguration,
  aws_lambda_function: awsCompute.lambdaFunction,
  aws_ecr_repository: awsCompute.ecrRepository,
  aws_mwaa_environment: awsCompute.mwaaEnvironment,
  aws_ecs_task_definition: awsCompute.ecsTaskDefinition,
  aws_ecs_service: awsCompute.ecsService,
  // Snowflake and MongoDB Atlas (billed by the vendors; priced with the AWS stacks that hold them)
  snowflake_warehouse: snowflakeWarehouse,
  mongodbatlas_advanced_cluster: atlasAdvancedCluster,
};

const NO_CHARGE = "no charge";
const NOT_CLOUD = "not a cloud resource (Terraform provider utility)";
const SERVER_SETTING = "server/workspace setting: no charge of its own (audit logs are priced where they are ingested)";
const DEFENDER = "no charge of its own: Microsoft Defender for SQL is billed by the subscription's Defender plan";
const S3_CONFIG = "bucket configuration: no charge (storage and requests are priced on the bucket)";

/**
 * Types with no charge of their own, each with the reason shown in the report. Exact type names
 * only, no patterns: a new type is never free by omission, it fails the coverage test until someone
 * classifies it. Anything billable belongs in ESTIMATORS, or in KNOWN_UNPRICED with a reason.
 */
export const FREE_TYPES: Readonly<Record<string, string>> = {
  // Azure: containers, networking plumbing, identity, governance
  azurerm_resource_group: "container",
  azurerm_virtual_network: "no charge (peering and gateways are billed separately)",
  azurerm_subnet: NO_CHARGE,
  azurerm_subnet_network_security_group_association: NO_CHARGE,
  azurerm_subnet_route_table_association: NO_CHARGE,
  azurerm_network_security_group: NO_CHARGE,
  azurerm_network_security_rule: NO_CHARGE,
  azurerm_route_table: NO_CHARGE,
  azurerm_route: NO_CHARGE,
  azurerm_private_dns_zone_virtual_network_link: "no charge (the zone is priced)",
  azurerm_private_dns_a_record: "no charge (the zone is priced; queries not estimated)",
  azurerm_firewall_policy_rule_collection_group: "no charge (the firewall is priced)",
  azurerm_user_assigned_identity: NO_CHARGE,
  azurerm_role_assignment: NO_CHARGE,
  azurerm_management_lock: NO_CHARGE,
  azurerm_monitor_diagnostic_setting: "no charge of its own (ingestion is priced on the destination workspace)",
  azurerm_monitor_action_group: "first 1,000 e-mails a month are free",
  azurerm_monitor_data_collection_rule: "no charge of its own (ingestion is priced on the workspace)",
  azurerm_consumption_budget_subscription: NO_CHARGE,
  azurerm_consumption_budget_resource_group: NO_CHARGE,
  azurerm_resource_group_policy_assignment: NO_CHARGE,
  azurerm_subscription_policy_assignment: NO_CHARGE,
  azurerm_management_group_policy_assignment: NO_CHARGE,
  azurerm_policy_definition: NO_CHARGE,
  azurerm_policy_set_definition: NO_CHARGE,
  azurerm_portal_dashboard: "shared Azure dashboards: no charge",
  azurerm_key_vault: "vault has no charge; keys are priced (Infracost lists it as free)",
  azurerm_key_vault_access_policy: NO_CHARGE,
  azurerm_key_vault_secret: "operations at $0.03/10k transactions, negligible",
  azurerm_mssql_server: "logical server has no charge; databases are priced",
  azurerm_mssql_failover_group: "no charge; the geo-secondary database is priced",
  azurerm_mssql_firewall_rule: NO_CHARGE,
  azurerm_mssql_virtual_network_rule: NO_CHARGE,
  azurerm_mssql_server_extended_auditing_policy: SERVER_SETTING,
  azurerm_mssql_server_microsoft_support_auditing_policy: SERVER_SETTING,
  azurerm_mssql_server_transparent_data_encryption: "no charge (the Key Vault key is priced)",
  azurerm_mssql_server_security_alert_policy: DEFENDER,
  azurerm_mssql_server_vulnerability_assessment: DEFENDER,
  azurerm_mssql_database_extended_auditing_policy: SERVER_SETTING,
  azurerm_mssql_database_vulnerability_assessment_rule_baseline: DEFENDER,
  azurerm_synapse_firewall_rule: NO_CHARGE,
  azurerm_synapse_workspace_aad_admin: NO_CHARGE,
  azurerm_synapse_workspace_key: "no charge (the Key Vault key is priced)",
  azurerm_synapse_managed_private_endpoint: NO_CHARGE,
  azurerm_synapse_role_assignment: NO_CHARGE,
  azurerm_synapse_workspace_extended_auditing_policy: SERVER_SETTING,
  azurerm_synapse_sql_pool_extended_auditing_policy: SERVER_SETTING,
  azurerm_synapse_workspace_security_alert_policy: DEFENDER,
  azurerm_synapse_sql_pool_security_alert_policy: DEFENDER,
  azurerm_synapse_workspace_vulnerability_assessment: DEFENDER,
  azurerm_synapse_sql_pool_vulnerability_assessment: DEFENDER,
  azurerm_cosmosdb_sql_role_assignment: NO_CHARGE,
  azurerm_cosmosdb_sql_role_definition: NO_CHARGE,
  azurerm_data_factory_pipeline: "activity runs are priced on the factory",
  azurerm_data_factory_trigger_schedule: "no charge of its own (runs priced on the factory)",
  azurerm_data_factory_linked_custom_service: NO_CHARGE,
  azurerm_data_factory_custom_dataset: NO_CHARGE,
  azurerm_data_factory_credential_user_managed_identity: NO_CHARGE,
  azurerm_data_factory_managed_private_endpoint: "no charge of its own (managed VNet activity hours priced on the IR)",
  azurerm_storage_container: "no charge (capacity priced on the account)",
  azurerm_storage_data_lake_gen2_filesystem: "no charge (capacity priced on the account)",
  azurerm_storage_data_lake_gen2_path: "no charge (capacity priced on the account)",
  azurerm_storage_management_policy: NO_CHARGE,
  azurerm_storage_account_network_rules: NO_CHARGE,
  // AWS: networking plumbing, IAM, parameter/subnet groups, configuration sub-resources
  aws_vpc: NO_CHARGE,
  aws_subnet: NO_CHARGE,
  aws_route_table: NO_CHARGE,
  aws_route: NO_CHARGE,
  aws_route_table_association: NO_CHARGE,
  aws_internet_gateway: NO_CHARGE,
  aws_security_group: NO_CHARGE,
  aws_security_group_rule: NO_CHARGE,
  aws_vpc_security_group_ingress_rule: NO_CHARGE,
  aws_vpc_security_group_egress_rule: NO_CHARGE,
  aws_network_acl: NO_CHARGE,
  aws_network_acl_rule: NO_CHARGE,
  aws_default_security_group: NO_CHARGE,
  aws_default_network_acl: NO_CHARGE,
  aws_iam_role: NO_CHARGE,
  aws_iam_role_policy: NO_CHARGE,
  aws_iam_role_policy_attachment: NO_CHARGE,
  aws_iam_policy: NO_CHARGE,
  aws_iam_openid_connect_provider: NO_CHARGE,
  aws_kms_alias: NO_CHARGE,
  aws_kms_key_policy: NO_CHARGE,
  aws_kms_grant: NO_CHARGE,
  aws_db_subnet_group: NO_CHARGE,
  aws_db_parameter_group: NO_CHARGE,
  aws_rds_cluster_parameter_group: NO_CHARGE,
  aws_docdb_subnet_group: NO_CHARGE,
  aws_docdb_cluster_parameter_group: NO_CHARGE,
  aws_redshift_subnet_group: NO_CHARGE,
  aws_redshift_parameter_group: NO_CHARGE,
  aws_msk_configuration: NO_CHARGE,
  aws_appautoscaling_target: "no charge (the scaled resource is priced at the size the target keeps it at)",
  aws_appautoscaling_policy: "no charge (the scaled resource is priced)",
  aws_s3_object: "no charge of its own: its bytes are in the bucket's storage usage (as Infracost shows them)",
  aws_s3_bucket_lifecycle_configuration: S3_CONFIG,
  aws_s3_bucket_logging: S3_CONFIG,
  aws_s3_bucket_ownership_controls: S3_CONFIG,
  aws_s3_bucket_policy: S3_CONFIG,
  aws_s3_bucket_public_access_block: S3_CONFIG,
  aws_s3_bucket_server_side_encryption_configuration: S3_CONFIG,
  aws_s3_bucket_versioning: S3_CONFIG,
  aws_s3_bucket_object_lock_configuration: S3_CONFIG,
  aws_s3_bucket_notification: S3_CONFIG,
  aws_s3_bucket_acl: S3_CONFIG,
  aws_s3_bucket_cors_configuration: S3_CONFIG,
  aws_backup_plan: "no charge (storage priced on the vault)",
  aws_backup_selection: NO_CHARGE,
  aws_backup_vault_lock_configuration: NO_CHARGE,
  aws_backup_vault_policy: NO_CHARGE,
  aws_glue_catalog_database: "first million Data Catalog objects are free",
  aws_glue_catalog_table: "first million Data Catalog objects are free",
  aws_glue_connection: NO_CHARGE,
  aws_glue_security_configuration: NO_CHARGE,
  aws_glue_trigger: "no charge (runs priced on the job)",
  aws_glue_data_catalog_encryption_settings: NO_CHARGE,
  aws_secretsmanager_secret_version: "no charge (the secret is priced)",
  aws_secretsmanager_secret_rotation: "no charge of its own (the rotation function is priced as a Lambda function)",
  aws_serverlessapplicationrepository_cloudformation_stack:
    "no charge of its own (CloudFormation is free for AWS:: resources); the rotation Lambda it deploys runs once per 30-day rotation, under $0.01 a month",
  aws_secretsmanager_secret_policy: NO_CHARGE,
  aws_lambda_permission: NO_CHARGE,
  aws_lambda_alias: NO_CHARGE,
  aws_lambda_event_source_mapping: "no charge of its own (invocations are priced on the function)",
  aws_cloudwatch_log_stream: NO_CHARGE,
  aws_cloudwatch_log_subscription_filter: "no charge of its own (delivery is billed on the destination)",
  aws_vpc_endpoint_policy: NO_CHARGE,
  aws_flow_log: "delivery billed on the destination (log group ingestion or S3 bucket usage)",
  aws_cloudwatch_log_resource_policy: NO_CHARGE,
  aws_budgets_budget: "no charge for budgets without actions (first two action-enabled budgets free)",
  aws_cloudwatch_event_rule: "AWS service events on the default bus: no charge",
  aws_cloudwatch_event_target: NO_CHARGE,
  aws_scheduler_schedule: "first 14 million invocations a month are free (Infracost lists it as free); the task it starts is priced",
  aws_scheduler_schedule_group: NO_CHARGE,
  aws_ecs_cluster: "no charge (Fargate tasks are priced on their task definition or service)",
  aws_ecs_cluster_capacity_providers: NO_CHARGE,
  aws_ecr_lifecycle_policy: NO_CHARGE,
  aws_ecr_repository_policy: NO_CHARGE,
  aws_mskconnect_custom_plugin: "no charge (connector capacity is priced)",
  aws_mskconnect_worker_configuration: NO_CHARGE,
  aws_redshiftserverless_usage_limit: "no charge (a deactivating limit caps the workgroup's estimate)",
  aws_sns_topic_policy: NO_CHARGE,
  aws_sns_topic_subscription: "no charge (deliveries billed on the topic)",
  // Snowflake: access control, configuration and metadata objects bill nothing of their own
  snowflake_account_role: NO_CHARGE,
  snowflake_grant_account_role: NO_CHARGE,
  snowflake_grant_privileges_to_account_role: NO_CHARGE,
  snowflake_schema: "no charge (storage is billed per database)",
  snowflake_network_policy: NO_CHARGE,
  snowflake_saml2_integration: NO_CHARGE,
  snowflake_storage_integration: NO_CHARGE,
  snowflake_stage: "no charge of its own (the S3 bucket is priced)",
  snowflake_service_user: NO_CHARGE,
  snowflake_resource_monitor: NO_CHARGE,
  snowflake_current_account: "account parameters: no charge",
  snowflake_table: "no charge of its own (storage is billed per database)",
  aws_route53_record: "no charge of its own (queries to private zones are not estimated)",
  snowflake_alert: "no charge of its own (runs on a warehouse, which is priced)",
  snowflake_email_notification_integration: NO_CHARGE,
  // MongoDB Atlas: project configuration; the cluster is priced
  mongodbatlas_project: "no charge (clusters are priced)",
  mongodbatlas_cloud_provider_access_setup: NO_CHARGE,
  mongodbatlas_cloud_provider_access_authorization: NO_CHARGE,
  mongodbatlas_encryption_at_rest: "no charge of its own (KMS requests are priced on the key)",
  mongodbatlas_privatelink_endpoint: "no charge of its own (the AWS interface endpoint is priced)",
  mongodbatlas_privatelink_endpoint_service: "no charge of its own (the AWS interface endpoint is priced)",
  mongodbatlas_custom_db_role: NO_CHARGE,
  mongodbatlas_database_user: NO_CHARGE,
  mongodbatlas_federated_settings_org_role_mapping: NO_CHARGE,
  mongodbatlas_alert_configuration: NO_CHARGE,
  mongodbatlas_cloud_backup_schedule: "no charge of its own (backup storage is a line of the cluster)",
  // Not cloud resources
  random_password: NOT_CLOUD,
  random_id: NOT_CLOUD,
  random_string: NOT_CLOUD,
  time_sleep: NOT_CLOUD,
  time_offset: NOT_CLOUD,
  time_rotating: NOT_CLOUD,
  time_static: NOT_CLOUD,
  null_resource: NOT_CLOUD,
  terraform_data: NOT_CLOUD,
};

/**
 * Billable types knowingly left unpriced (shown as "not priced" with this reason; the stack's
 * status is then incomplete).
 */
export const KNOWN_UNPRICED: Readonly<Record<string, string>> = {
  azurerm_virtual_network_peering: "VNet peering is billed per GB transferred; no price in the price book",
  azurerm_mssql_elasticpool: "elastic pools not estimated yet (prices exist for westeurope GP/BC in unit-prices.md)",
  azurerm_security_center_subscription_pricing: "Microsoft Defender plans are not in the price book",
  aws_sagemaker_mlflow_tracking_server:
    "SageMaker managed MLflow tracking server hours (by tracking_server_size) are not in the price book: no Infracost golden and no provider price page readable offline",
  aws_route53_zone: "hosted zones ($0.50/month list) are not in the price book",
  snowflake_database: "Snowflake storage (per TB-month, incl. Time Travel and Fail-safe) is not in the price book",
  snowflake_pipe: "Snowpipe compute (per second of load) and per-file charges are not in the price book",
  snowflake_failover_group: "replication compute and cross-region transfer are not in the price book",
  mongodbatlas_auditing: "auditing is part of the Atlas subscription; no separate list price in the price book",
};

/** The reason a type is free, if it is in FREE_TYPES. */
export function freeReason(type: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(FREE_TYPES, type) ? FREE_TYPES[type] : undefined;
}

/** How the estimator treats a resource type; `unclassified` is a gap to close. */
export function classify(type: string): "estimated" | "free" | "known-unpriced" | "unclassified" {
  if (Object.prototype.hasOwnProperty.call(ESTIMATORS, type)) return "estimated";
  if (freeReason(type) !== undefined) return "free";
  if (Object.prototype.hasOwnProperty.call(KNOWN_UNPRICED, type)) return "known-unpriced";
  return "unclassified";
}

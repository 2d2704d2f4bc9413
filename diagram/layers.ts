/**
 * The classification table of the diagram renderer: which layer each Terraform resource type belongs
 * to, how it is drawn, and what part it plays in the data flows.
 *
 * Adding a resource type to a construct? Add a row to `RESOURCE_TYPES` (or make sure a row of
 * `PREFIX_RULES` covers it), then `npm run synth && npm run diagram`. `test/diagram` fails on a type
 * that no row covers.
 */
import { blocks } from "../tfjson";

/** Layers, top to bottom, as the Azure brief draws them plus the cross-cutting ones. */
export const LAYERS = [
  { id: "ingestion", title: "Ingestion" },
  { id: "operational", title: "Operational layer (OLTP, NoSQL)" },
  { id: "integration", title: "Integration layer (ETL, CDC)" },
  { id: "analytical", title: "Analytical layer (OLAP, data lake)" },
  { id: "ml", title: "Orchestration and machine learning" },
  { id: "security", title: "Security and governance" },
  { id: "network", title: "Network and private access" },
  { id: "observability", title: "Monitoring and alerting" },
  { id: "other", title: "Unclassified (add a row to diagram/layers.ts)" },
] as const;
export type LayerId = (typeof LAYERS)[number]["id"];

/**
 * The part a node plays in data flows.
 * - `source`: an operational store that integration reads from (OLTP, NoSQL).
 * - `sink`: a warehouse that integration loads into.
 * - `lake`: a landing zone; engines that read a source or a stream write to it, other engines read it.
 * - `stream`: an event log; engines that read a source publish to it, other engines consume it.
 * - `engine`: moves data; flows are derived from what its resources reference.
 */
export type FlowRole = "source" | "sink" | "lake" | "stream" | "engine";

/**
 * How resources of a type become nodes.
 * - `node`: one node per resource.
 * - `group`: one node per type with a count (DNS zones, alerts, identities...).
 * - `child`: folded into the node of a parent resource (a database into its server), shown as a line
 *   of the parent's label; a child without a parent in the stack falls back to a group.
 * - `link`: not drawn; what it references counts as referenced by whatever references it (a Glue
 *   connection between a job and a warehouse).
 * - `privateEndpoint`: one node per endpoint in the network layer, linked to its target.
 */
export type DrawKind = "node" | "group" | "child" | "link" | "privateEndpoint";

/** An extra edge drawn from a resource to the resources it references through one attribute. */
export interface LinkSpec {
  /** Attribute holding the reference; `undefined` means any attribute. */
  readonly attr?: string;
  /** Target resource types. */
  readonly to: readonly string[];
  /** Edge label. */
  readonly label: string;
  /** Draw the edge from the target to this resource instead. @default false */
  readonly reverse?: boolean;
}

/** One row of the table. */
export interface TypeEntry {
  readonly layer: LayerId;
  /** Short human label, singular. */
  readonly label: string;
  readonly kind: DrawKind;
  readonly role?: FlowRole;
  /** `child` only: parent types, most specific first. */
  readonly parents?: readonly string[];
  /** `child` only: the attribute that references the parent. @default - any reference, either way */
  readonly parentAttr?: string;
  /** Attribute shown as the resource's name. @default "name" */
  readonly nameAttr?: string;
  /** Extra label lines from the configuration (SKU, regions, backups). */
  readonly details?: (config: Record<string, unknown>) => readonly string[];
  readonly links?: readonly LinkSpec[];
  /** `engine` only: types it reads from whatever their role (overrides the role rule). */
  readonly reads?: readonly string[];
  /** `engine` only: types it writes to whatever their role (overrides the role rule). */
  readonly writes?: readonly string[];
  /** Rows that apply instead when the resource's Terraform name matches (first match wins). */
  readonly variants?: readonly { readonly match: RegExp; readonly entry: TypeEntry }[];
}

/** A literal (no `${...}` token) scalar as text, else undefined. */
export function literal(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string" && value.length > 0 && !value.includes("${")) return value;
  return undefined;
}

const line = (label: string, value: unknown): string[] => {
  const v = literal(value);
  return v === undefined ? [] : [`${label}: ${v}`];
};
const flag = (text: string, value: unknown): string[] => (value === true ? [text] : []);

const STORE_TYPES_AZURE = [
  "azurerm_mssql_server",
  "azurerm_mssql_database",
  "azurerm_cosmosdb_account",
  "azurerm_synapse_workspace",
  "azurerm_storage_account",
];
const STORE_TYPES_AWS = [
  "aws_rds_cluster",
  "aws_docdb_cluster",
  "aws_redshiftserverless_namespace",
  "aws_s3_bucket",
  "aws_dynamodb_table",
  "aws_efs_file_system",
];

const LOG_BUCKET: TypeEntry = { layer: "security", label: "S3 audit log bucket", kind: "node", nameAttr: "bucket" };
const ARTIFACT_BUCKET: TypeEntry = { layer: "integration", label: "S3 artifacts bucket", kind: "node", nameAttr: "bucket" };

/** Exact resource types. */
export const RESOURCE_TYPES: Readonly<Record<string, TypeEntry>> = {
  // ---- Azure: operational
  azurerm_mssql_server: {
    layer: "operational",
    label: "Azure SQL server (OLTP)",
    kind: "node",
    role: "source",
    details: (c) => [
      ...line("TLS min", c.minimum_tls_version),
      ...(c.public_network_access_enabled === false ? ["public access off"] : []),
    ],
  },
  azurerm_mssql_database: {
    layer: "operational",
    label: "SQL database",
    kind: "child",
    role: "source",
    parents: ["azurerm_mssql_server"],
    parentAttr: "server_id",
    details: (c) => [
      ...line("SKU", c.sku_name),
      ...flag("zone-redundant", c.zone_redundant),
      ...(literal(c.read_scale) === "true" ? ["read scale-out"] : []),
      ...blocks(c.short_term_retention_policy).flatMap((p) => line("PITR days", p.retention_days)),
      ...(literal(c.create_mode) === "Secondary" ? ["geo-secondary"] : []),
    ],
  },
  azurerm_mssql_failover_group: {
    layer: "operational",
    label: "Failover group",
    kind: "child",
    parents: ["azurerm_mssql_server"],
    parentAttr: "server_id",
    links: [{ attr: "partner_server", to: ["azurerm_mssql_server"], label: "failover group (geo-replica)" }],
  },
  azurerm_cosmosdb_account: {
    layer: "operational",
    label: "Cosmos DB account (NoSQL)",
    kind: "node",
    role: "source",
    details: (c) => {
      const regions = blocks(c.geo_location)
        .slice()
        .sort((a, b) => Number(a.failover_priority ?? 0) - Number(b.failover_priority ?? 0))
        .map((g) => literal(g.location))
        .filter((l): l is string => l !== undefined);
      const backup = blocks(c.backup)[0];
      return [
        ...(regions.length > 0 ? [`regions: ${regions.join(", ")}`] : []),
        ...(backup ? [`backup: ${[literal(backup.type), literal(backup.tier)].filter((x) => x !== undefined).join(" ")}`] : []),
      ];
    },
  },
  azurerm_cosmosdb_sql_container: {
    layer: "operational",
    label: "container",
    kind: "child",
    parents: ["azurerm_cosmosdb_sql_database", "azurerm_cosmosdb_account"],
  },
  azurerm_cosmosdb_sql_database: { layer: "operational", label: "SQL API database", kind: "child", parents: ["azurerm_cosmosdb_account"] },

  // ---- Azure: integration
  azurerm_data_factory: { layer: "integration", label: "Data Factory (ETL)", kind: "node", role: "engine" },
  azurerm_data_factory_pipeline: {
    layer: "integration",
    label: "pipeline",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },
  azurerm_data_factory_managed_private_endpoint: {
    layer: "integration",
    label: "managed private endpoint",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },
  azurerm_data_factory_integration_runtime_azure: {
    layer: "integration",
    label: "managed VNet integration runtime",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },
  azurerm_data_factory_trigger_schedule: {
    layer: "integration",
    label: "schedule trigger",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },

  // ---- Azure: analytical
  azurerm_synapse_workspace: { layer: "analytical", label: "Synapse workspace (OLAP)", kind: "node", role: "sink" },
  azurerm_synapse_sql_pool: {
    layer: "analytical",
    label: "dedicated SQL pool",
    kind: "child",
    parents: ["azurerm_synapse_workspace"],
    parentAttr: "synapse_workspace_id",
    details: (c) => [...line("SKU", c.sku_name), ...flag("geo-backup", c.geo_backup_policy_enabled)],
  },
  azurerm_storage_account: {
    layer: "analytical",
    label: "Storage account",
    kind: "node",
    role: "lake",
    details: (c) => [...line("replication", c.account_replication_type)],
    variants: [
      {
        match: /lake|dl|adls/i,
        entry: {
          layer: "analytical",
          label: "Data lake (ADLS Gen2)",
          kind: "node",
          role: "lake",
          details: (c) => [...line("replication", c.account_replication_type)],
        },
      },
    ],
  },

  // ---- Azure: security and governance
  azurerm_key_vault: {
    layer: "security",
    label: "Key Vault (HSM keys)",
    kind: "node",
    details: (c) => [...line("purge protection", c.purge_protection_enabled)],
  },
  azurerm_key_vault_key: {
    layer: "security",
    label: "customer-managed key",
    kind: "child",
    parents: ["azurerm_key_vault"],
    parentAttr: "key_vault_id",
  },
  azurerm_user_assigned_identity: { layer: "security", label: "Workload identity", kind: "group" },
  azurerm_role_assignment: {
    layer: "security",
    label: "role assignment",
    kind: "child",
    parents: ["azurerm_user_assigned_identity"],
    parentAttr: "principal_id",
  },
  azurerm_resource_group: { layer: "security", label: "Resource group", kind: "group" },
  azurerm_resource_group_policy_assignment: {
    layer: "security",
    label: "PCI DSS v4 policy assignment",
    kind: "child",
    parents: ["azurerm_resource_group"],
  },
  azurerm_management_lock: { layer: "security", label: "CanNotDelete lock", kind: "child", parents: ["azurerm_resource_group"] },
  azurerm_firewall: { layer: "security", label: "Azure Firewall", kind: "node" },
  azurerm_firewall_policy: { layer: "security", label: "firewall policy", kind: "child", parents: ["azurerm_firewall"] },
  azurerm_firewall_policy_rule_collection_group: {
    layer: "security",
    label: "rule collection group",
    kind: "child",
    parents: ["azurerm_firewall_policy"],
  },
  azurerm_public_ip: { layer: "security", label: "public IP", kind: "child", parents: ["azurerm_firewall"] },
  azurerm_network_ddos_protection_plan: { layer: "security", label: "DDoS Network Protection plan", kind: "node" },

  // ---- Azure: network
  azurerm_virtual_network: {
    layer: "network",
    label: "Virtual network",
    kind: "node",
    details: (c) => (Array.isArray(c.address_space) ? [`address space: ${c.address_space.join(", ")}`] : []),
  },
  azurerm_subnet: { layer: "network", label: "subnet", kind: "child", parents: ["azurerm_virtual_network"] },
  azurerm_network_security_group: { layer: "network", label: "NSG (deny-all inbound)", kind: "group" },
  azurerm_subnet_network_security_group_association: {
    layer: "network",
    label: "subnet association",
    kind: "child",
    parents: ["azurerm_network_security_group"],
  },
  azurerm_route_table: { layer: "network", label: "Route table (to firewall)", kind: "node" },
  azurerm_subnet_route_table_association: {
    layer: "network",
    label: "subnet association",
    kind: "child",
    parents: ["azurerm_route_table"],
  },
  azurerm_private_dns_zone: { layer: "network", label: "Private DNS zone", kind: "group" },
  azurerm_private_dns_zone_virtual_network_link: {
    layer: "network",
    label: "VNet link",
    kind: "child",
    parents: ["azurerm_private_dns_zone"],
  },
  azurerm_private_endpoint: { layer: "network", label: "Private endpoint", kind: "privateEndpoint" },

  // ---- Azure: monitoring
  azurerm_log_analytics_workspace: {
    layer: "observability",
    label: "Log Analytics workspace",
    kind: "node",
    details: (c) => line("retention days", c.retention_in_days),
  },
  azurerm_monitor_diagnostic_setting: {
    layer: "observability",
    label: "Diagnostic setting",
    kind: "group",
    links: [{ attr: "log_analytics_workspace_id", to: ["azurerm_log_analytics_workspace"], label: "logs" }],
  },
  azurerm_monitor_action_group: { layer: "observability", label: "Action group (on-call)", kind: "node" },
  azurerm_monitor_metric_alert: {
    layer: "observability",
    label: "Metric alert",
    kind: "group",
    links: [{ attr: "action", to: ["azurerm_monitor_action_group"], label: "notify" }],
  },
  azurerm_monitor_scheduled_query_rules_alert_v2: {
    layer: "observability",
    label: "Log query alert",
    kind: "group",
    links: [{ attr: "action", to: ["azurerm_monitor_action_group"], label: "notify" }],
  },
  azurerm_monitor_activity_log_alert: {
    layer: "observability",
    label: "Activity log alert",
    kind: "group",
    links: [{ attr: "action", to: ["azurerm_monitor_action_group"], label: "notify" }],
  },
  azurerm_portal_dashboard: { layer: "observability", label: "Dashboard", kind: "group" },
  azurerm_consumption_budget_resource_group: { layer: "observability", label: "Budget", kind: "group" },
  azurerm_consumption_budget_subscription: { layer: "observability", label: "Budget", kind: "group" },

  // ---- AWS: ingestion and operational
  aws_msk_cluster: {
    layer: "ingestion",
    label: "MSK (Kafka)",
    kind: "node",
    role: "stream",
    nameAttr: "cluster_name",
    details: (c) => [...line("Kafka", c.kafka_version), ...line("brokers", c.number_of_broker_nodes)],
  },
  aws_msk_configuration: { layer: "ingestion", label: "configuration", kind: "child", parents: ["aws_msk_cluster"] },
  aws_rds_cluster: {
    layer: "operational",
    label: "Aurora PostgreSQL (OLTP)",
    kind: "node",
    role: "source",
    nameAttr: "cluster_identifier",
    details: (c) => [
      ...line("engine", c.engine_version),
      ...line("backup days", c.backup_retention_period),
      ...flag("deletion protection", c.deletion_protection),
    ],
  },
  aws_rds_cluster_instance: {
    layer: "operational",
    label: "instance",
    kind: "child",
    parents: ["aws_rds_cluster"],
    parentAttr: "cluster_identifier",
  },
  aws_rds_cluster_parameter_group: { layer: "operational", label: "parameter group", kind: "child", parents: ["aws_rds_cluster"] },
  aws_db_subnet_group: { layer: "operational", label: "subnet group", kind: "child", parents: ["aws_rds_cluster"] },
  aws_docdb_cluster: {
    layer: "operational",
    label: "DocumentDB (NoSQL)",
    kind: "node",
    role: "source",
    nameAttr: "cluster_identifier",
    details: (c) => [...line("backup days", c.backup_retention_period), ...flag("deletion protection", c.deletion_protection)],
  },
  aws_docdb_cluster_instance: {
    layer: "operational",
    label: "instance",
    kind: "child",
    parents: ["aws_docdb_cluster"],
    parentAttr: "cluster_identifier",
  },
  aws_docdb_cluster_parameter_group: { layer: "operational", label: "parameter group", kind: "child", parents: ["aws_docdb_cluster"] },
  aws_docdb_subnet_group: { layer: "operational", label: "subnet group", kind: "child", parents: ["aws_docdb_cluster"] },
  aws_s3_bucket: {
    layer: "ingestion",
    label: "S3 raw zone",
    kind: "node",
    role: "lake",
    nameAttr: "bucket",
    variants: [
      {
        match: /models/i,
        entry: { layer: "ml", label: "S3 models bucket (MLflow artifacts, drift reports)", kind: "node", nameAttr: "bucket" },
      },
      { match: /airflow|dags/i, entry: { layer: "ml", label: "S3 DAG bucket", kind: "node", nameAttr: "bucket" } },
      { match: /log|trail|audit|access/i, entry: LOG_BUCKET },
      { match: /artifact|script|plugin|asset|code/i, entry: ARTIFACT_BUCKET },
      { match: /curated/i, entry: { layer: "analytical", label: "S3 curated zone", kind: "node", role: "lake", nameAttr: "bucket" } },
    ],
  },

  // ---- AWS: integration
  aws_mskconnect_connector: {
    layer: "integration",
    label: "MSK Connect connector",
    kind: "node",
    role: "engine",
    variants: [
      // The SaaS sinks reach their engine through literal URLs or references to the cluster: name the flow.
      {
        match: /cdc-snowflake/,
        entry: {
          layer: "integration",
          label: "Snowflake Kafka connector (CDC)",
          kind: "node",
          role: "engine",
          writes: ["snowflake_database"],
        },
      },
      {
        match: /cdc-atlas/,
        entry: {
          layer: "integration",
          label: "MongoDB Kafka sink (CDC)",
          kind: "node",
          role: "engine",
          reads: ["aws_msk_cluster"],
          writes: ["mongodbatlas_advanced_cluster"],
        },
      },
    ],
  },
  aws_mskconnect_custom_plugin: { layer: "integration", label: "custom plugin", kind: "child", parents: ["aws_mskconnect_connector"] },
  aws_mskconnect_worker_configuration: {
    layer: "integration",
    label: "worker configuration",
    kind: "child",
    parents: ["aws_mskconnect_connector"],
  },
  aws_glue_job: {
    layer: "integration",
    label: "Glue Spark job",
    kind: "node",
    role: "engine",
    reads: ["aws_glue_catalog_database"],
    variants: [{ match: /drift/i, entry: { layer: "ml", label: "Evidently drift job (Glue)", kind: "node" } }],
  },
  aws_mwaa_environment: {
    layer: "ml",
    label: "Amazon MWAA (Airflow)",
    kind: "node",
    details: (c) => [
      ...line("class", c.environment_class),
      ...line("Airflow", c.airflow_version),
      ...line("web server", c.webserver_access_mode),
    ],
    links: [{ attr: "source_bucket_arn", to: ["aws_s3_bucket"], label: "DAGs", reverse: true }],
  },
  aws_sagemaker_mlflow_tracking_server: {
    layer: "ml",
    label: "SageMaker MLflow tracking server",
    kind: "node",
    nameAttr: "tracking_server_name",
    details: (c) => [...line("size", c.tracking_server_size), ...line("MLflow", c.mlflow_version)],
    links: [{ attr: "artifact_store_uri", to: ["aws_s3_bucket"], label: "artifacts" }],
  },
  aws_glue_crawler: { layer: "integration", label: "Glue crawler", kind: "node", role: "engine", writes: ["aws_glue_catalog_database"] },
  aws_glue_connection: { layer: "integration", label: "Glue connection", kind: "link" },
  aws_glue_trigger: { layer: "integration", label: "trigger", kind: "child", parents: ["aws_glue_job"] },
  aws_glue_catalog_database: { layer: "analytical", label: "Glue Data Catalog database", kind: "group", role: "lake" },
  aws_glue_data_catalog_encryption_settings: { layer: "security", label: "Glue catalog encryption (CMK)", kind: "group" },
  aws_glue_catalog_table: { layer: "analytical", label: "catalog table", kind: "child", parents: ["aws_glue_catalog_database"] },
  aws_glue_security_configuration: { layer: "security", label: "Glue security configuration", kind: "group" },

  // ---- AWS: analytical
  aws_redshiftserverless_namespace: {
    layer: "analytical",
    label: "Redshift Serverless (OLAP)",
    kind: "node",
    role: "sink",
    nameAttr: "namespace_name",
  },
  aws_redshiftserverless_workgroup: {
    layer: "analytical",
    label: "workgroup",
    kind: "child",
    parents: ["aws_redshiftserverless_namespace"],
    details: (c) => [...line("base RPU", c.base_capacity), ...(c.publicly_accessible === false ? ["not public"] : [])],
  },
  aws_redshiftserverless_usage_limit: {
    layer: "analytical",
    label: "usage limit",
    kind: "child",
    parents: ["aws_redshiftserverless_workgroup"],
  },

  // ---- AWS: security
  aws_kms_key: { layer: "security", label: "KMS key (CMK)", kind: "group" },
  aws_kms_alias: { layer: "security", label: "alias", kind: "child", parents: ["aws_kms_key"] },
  aws_iam_role: { layer: "security", label: "IAM role", kind: "group" },
  aws_cloudtrail: { layer: "security", label: "CloudTrail", kind: "node" },
  aws_backup_vault: { layer: "security", label: "AWS Backup vault", kind: "node" },
  aws_backup_plan: {
    layer: "security",
    label: "backup plan",
    kind: "child",
    parents: ["aws_backup_vault"],
    links: [{ attr: "rule", to: ["aws_backup_vault"], label: "cross-region copy" }],
  },
  aws_backup_selection: {
    layer: "security",
    label: "backup selection",
    kind: "child",
    parents: ["aws_backup_plan"],
    links: [{ attr: "resources", to: STORE_TYPES_AWS, label: "backup", reverse: true }],
  },
  aws_secretsmanager_secret: { layer: "security", label: "Secrets Manager secret", kind: "group" },
  aws_serverlessapplicationrepository_cloudformation_stack: {
    layer: "security",
    label: "secret rotation function (AWS SAR)",
    kind: "node",
  },

  // ---- AWS: network
  aws_vpc: { layer: "network", label: "VPC", kind: "node", details: (c) => line("CIDR", c.cidr_block) },
  aws_subnet: { layer: "network", label: "subnet", kind: "child", parents: ["aws_vpc"], parentAttr: "vpc_id" },
  aws_security_group: { layer: "network", label: "Security group", kind: "group" },
  aws_vpc_endpoint: {
    layer: "network",
    label: "VPC endpoint",
    kind: "privateEndpoint",
    details: (c) => [...line("type", c.vpc_endpoint_type)],
  },
  aws_eip: { layer: "network", label: "Elastic IP", kind: "child", parents: ["aws_nat_gateway", "aws_vpc"] },

  // ---- AWS: monitoring
  aws_cloudwatch_log_group: { layer: "observability", label: "CloudWatch log group", kind: "group" },
  aws_cloudwatch_metric_alarm: {
    layer: "observability",
    label: "CloudWatch alarm",
    kind: "group",
    links: [{ attr: "alarm_actions", to: ["aws_sns_topic"], label: "notify" }],
  },
  aws_sns_topic: { layer: "observability", label: "SNS topic (alerts)", kind: "node" },
  aws_sns_topic_subscription: { layer: "observability", label: "subscription", kind: "child", parents: ["aws_sns_topic"] },
  aws_cloudwatch_dashboard: { layer: "observability", label: "CloudWatch dashboard", kind: "group", nameAttr: "dashboard_name" },
  aws_budgets_budget: { layer: "observability", label: "Budget", kind: "group" },
  aws_cloudwatch_event_rule: { layer: "observability", label: "EventBridge rule", kind: "group" },
  aws_cloudwatch_event_target: { layer: "observability", label: "target", kind: "child", parents: ["aws_cloudwatch_event_rule"] },

  // ---- Azure: settings folded into their service (labels only; the prefix rules would fold them too)
  azurerm_mssql_server_transparent_data_encryption: {
    layer: "operational",
    label: "TDE with CMK",
    kind: "child",
    parents: ["azurerm_mssql_server"],
    parentAttr: "server_id",
  },
  azurerm_mssql_server_extended_auditing_policy: {
    layer: "operational",
    label: "auditing to Log Analytics",
    kind: "child",
    parents: ["azurerm_mssql_server"],
    parentAttr: "server_id",
  },
  azurerm_mssql_server_microsoft_support_auditing_policy: {
    layer: "operational",
    label: "Microsoft support auditing",
    kind: "child",
    parents: ["azurerm_mssql_server"],
    parentAttr: "server_id",
  },
  azurerm_mssql_server_security_alert_policy: {
    layer: "operational",
    label: "Defender threat detection",
    kind: "child",
    parents: ["azurerm_mssql_server"],
  },
  azurerm_cosmosdb_sql_role_assignment: {
    layer: "operational",
    label: "data-plane role assignment",
    kind: "child",
    parents: ["azurerm_cosmosdb_account"],
  },
  azurerm_data_factory_linked_custom_service: {
    layer: "integration",
    label: "linked service",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },
  azurerm_data_factory_custom_dataset: {
    layer: "integration",
    label: "dataset",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },
  azurerm_data_factory_credential_user_managed_identity: {
    layer: "integration",
    label: "managed identity credential",
    kind: "child",
    parents: ["azurerm_data_factory"],
    parentAttr: "data_factory_id",
  },
  azurerm_storage_data_lake_gen2_filesystem: {
    layer: "analytical",
    label: "filesystem",
    kind: "child",
    parents: ["azurerm_storage_account"],
    parentAttr: "storage_account_id",
  },
  azurerm_synapse_workspace_aad_admin: {
    layer: "analytical",
    label: "Entra ID admin",
    kind: "child",
    parents: ["azurerm_synapse_workspace"],
    parentAttr: "synapse_workspace_id",
  },
  azurerm_synapse_workspace_key: {
    layer: "analytical",
    label: "workspace CMK",
    kind: "child",
    parents: ["azurerm_synapse_workspace"],
    parentAttr: "synapse_workspace_id",
  },
  azurerm_sentinel_log_analytics_workspace_onboarding: { layer: "security", label: "Microsoft Sentinel (SIEM)", kind: "node" },
  // hashicorp/time: deploy-time ordering and dates recorded once in state.
  time_sleep: { layer: "security", label: "RBAC propagation wait", kind: "group" },
  time_offset: { layer: "security", label: "key expiry date", kind: "group" },
  time_static: { layer: "observability", label: "budget creation date", kind: "group" },
  // ---- Snowflake (warehouse: "snowflake")
  snowflake_database: {
    layer: "analytical",
    label: "Snowflake database (OLAP)",
    kind: "node",
    role: "sink",
    details: (c) => [...line("Time Travel days", c.data_retention_time_in_days)],
  },
  snowflake_schema: { layer: "analytical", label: "schema", kind: "child", parents: ["snowflake_database"], parentAttr: "database" },
  snowflake_table: { layer: "analytical", label: "landing table", kind: "child", parents: ["snowflake_database"], parentAttr: "database" },
  snowflake_warehouse: { layer: "analytical", label: "Snowflake warehouse (auto-suspend)", kind: "group" },
  snowflake_stage: { layer: "integration", label: "Snowflake external stage (curated zone)", kind: "link" },
  snowflake_pipe: {
    layer: "integration",
    label: "Snowpipe (S3 auto-ingest)",
    kind: "node",
    role: "engine",
    reads: ["aws_s3_bucket"],
    writes: ["snowflake_database"],
  },
  snowflake_storage_integration: { layer: "security", label: "Snowflake storage integration (IAM role + external id)", kind: "node" },
  snowflake_failover_group: { layer: "analytical", label: "Snowflake failover group (DR account)", kind: "node" },
  aws_route53_zone: { layer: "network", label: "Route 53 private zone", kind: "node" },
  aws_route53_record: { layer: "network", label: "DNS record", kind: "child", parents: ["aws_route53_zone"], parentAttr: "zone_id" },
  snowflake_network_policy: { layer: "network", label: "Snowflake network policy (NAT IPs + VPN)", kind: "node" },
  snowflake_current_account: { layer: "security", label: "Snowflake account settings", kind: "group" },
  snowflake_saml2_integration: { layer: "security", label: "Snowflake SAML2 SSO", kind: "node" },
  snowflake_account_role: { layer: "security", label: "Snowflake role", kind: "group" },
  snowflake_grant_account_role: { layer: "security", label: "Snowflake role grant", kind: "group" },
  snowflake_grant_privileges_to_account_role: { layer: "security", label: "Snowflake privilege grant", kind: "group" },
  snowflake_service_user: { layer: "security", label: "Snowflake service user (key pair)", kind: "group" },
  snowflake_alert: { layer: "observability", label: "Snowflake alert (OLAP SLA)", kind: "node" },
  snowflake_email_notification_integration: { layer: "observability", label: "Snowflake e-mail integration", kind: "group" },
  snowflake_resource_monitor: { layer: "observability", label: "Snowflake resource monitor (credit quota)", kind: "node" },

  // ---- MongoDB Atlas (documentStore: "mongodb-atlas")
  mongodbatlas_advanced_cluster: {
    layer: "operational",
    label: "MongoDB Atlas (NoSQL)",
    kind: "node",
    role: "source",
    details: (c) => [
      ...flag("PITR", c.pit_enabled),
      ...line("encryption", c.encryption_at_rest_provider),
      ...flag("termination protection", c.termination_protection_enabled),
    ],
  },
  mongodbatlas_project: { layer: "operational", label: "Atlas project", kind: "group" },
  mongodbatlas_cloud_backup_schedule: {
    layer: "operational",
    label: "backup schedule",
    kind: "child",
    parents: ["mongodbatlas_advanced_cluster"],
    parentAttr: "cluster_name",
  },
  mongodbatlas_encryption_at_rest: { layer: "security", label: "Atlas encryption at rest (AWS KMS CMK)", kind: "node" },
  mongodbatlas_cloud_provider_access_setup: { layer: "security", label: "Atlas cloud provider access", kind: "group" },
  mongodbatlas_cloud_provider_access_authorization: { layer: "security", label: "Atlas cloud provider access", kind: "group" },
  mongodbatlas_privatelink_endpoint: { layer: "network", label: "Atlas PrivateLink endpoint service", kind: "node" },
  mongodbatlas_privatelink_endpoint_service: { layer: "network", label: "Atlas PrivateLink link", kind: "group" },
  mongodbatlas_federated_settings_org_role_mapping: { layer: "security", label: "Atlas SSO group mapping", kind: "group" },
  mongodbatlas_database_user: { layer: "security", label: "Atlas database user (IAM role)", kind: "group" },
  mongodbatlas_custom_db_role: { layer: "security", label: "Atlas custom role (per collection)", kind: "group" },
  mongodbatlas_auditing: { layer: "security", label: "Atlas database auditing", kind: "node" },
  mongodbatlas_alert_configuration: { layer: "observability", label: "Atlas alert", kind: "group" },
  terraform_data: {
    layer: "other",
    label: "terraform_data",
    kind: "group",
    variants: [
      {
        match: /cdc/i,
        entry: { layer: "operational", label: "CDC + schema deployment (sql/azure-sql)", kind: "child", parents: ["azurerm_mssql_server"] },
      },
    ],
  },
};

/**
 * Families of types, by name prefix (longest prefix wins), so a new resource of a known service lands
 * in the right place without a new row. Exact rows above take precedence.
 */
export const PREFIX_RULES: readonly { readonly prefix: string; readonly entry: TypeEntry }[] = [
  {
    prefix: "azurerm_mssql_",
    entry: { layer: "operational", label: "SQL setting", kind: "child", parents: ["azurerm_mssql_database", "azurerm_mssql_server"] },
  },
  {
    prefix: "azurerm_cosmosdb_",
    entry: { layer: "operational", label: "Cosmos DB setting", kind: "child", parents: ["azurerm_cosmosdb_account"] },
  },
  {
    prefix: "azurerm_data_factory_linked_service",
    entry: {
      layer: "integration",
      label: "linked service",
      kind: "child",
      parents: ["azurerm_data_factory"],
      parentAttr: "data_factory_id",
    },
  },
  {
    prefix: "azurerm_data_factory_dataset",
    entry: { layer: "integration", label: "dataset", kind: "child", parents: ["azurerm_data_factory"], parentAttr: "data_factory_id" },
  },
  {
    prefix: "azurerm_data_factory_trigger",
    entry: { layer: "integration", label: "trigger", kind: "child", parents: ["azurerm_data_factory"], parentAttr: "data_factory_id" },
  },
  {
    prefix: "azurerm_data_factory_",
    entry: { layer: "integration", label: "Data Factory setting", kind: "child", parents: ["azurerm_data_factory"] },
  },
  {
    prefix: "azurerm_synapse_",
    entry: {
      layer: "analytical",
      label: "Synapse setting",
      kind: "child",
      parents: ["azurerm_synapse_sql_pool", "azurerm_synapse_workspace"],
    },
  },
  {
    prefix: "azurerm_storage_",
    entry: { layer: "analytical", label: "storage setting", kind: "child", parents: ["azurerm_storage_account"] },
  },
  { prefix: "azurerm_key_vault_", entry: { layer: "security", label: "Key Vault setting", kind: "child", parents: ["azurerm_key_vault"] } },
  { prefix: "azurerm_role_", entry: { layer: "security", label: "RBAC", kind: "group" } },
  { prefix: "azurerm_policy_", entry: { layer: "security", label: "Azure Policy", kind: "group" } },
  {
    prefix: "azurerm_private_dns_",
    entry: { layer: "network", label: "private DNS record", kind: "child", parents: ["azurerm_private_dns_zone"] },
  },
  { prefix: "azurerm_network_", entry: { layer: "network", label: "network setting", kind: "group" } },
  { prefix: "azurerm_subnet_", entry: { layer: "network", label: "subnet setting", kind: "child", parents: ["azurerm_subnet"] } },
  {
    prefix: "azurerm_firewall_",
    entry: { layer: "security", label: "firewall setting", kind: "child", parents: ["azurerm_firewall_policy", "azurerm_firewall"] },
  },
  { prefix: "azurerm_monitor_", entry: { layer: "observability", label: "Azure Monitor", kind: "group" } },
  {
    prefix: "azurerm_log_analytics_",
    entry: { layer: "observability", label: "Log Analytics", kind: "child", parents: ["azurerm_log_analytics_workspace"] },
  },
  { prefix: "azurerm_consumption_budget_", entry: { layer: "observability", label: "Budget", kind: "group" } },
  { prefix: "azurerm_dashboard", entry: { layer: "observability", label: "Dashboard", kind: "group" } },
  { prefix: "azurerm_application_insights", entry: { layer: "observability", label: "Application Insights", kind: "group" } },
  { prefix: "azurerm_eventhub", entry: { layer: "ingestion", label: "Event Hubs", kind: "group", role: "stream" } },
  { prefix: "azurerm_stream_analytics_", entry: { layer: "integration", label: "Stream Analytics", kind: "group", role: "engine" } },

  { prefix: "aws_rds_", entry: { layer: "operational", label: "Aurora setting", kind: "child", parents: ["aws_rds_cluster"] } },
  { prefix: "aws_db_", entry: { layer: "operational", label: "database setting", kind: "child", parents: ["aws_rds_cluster"] } },
  { prefix: "aws_docdb_", entry: { layer: "operational", label: "DocumentDB setting", kind: "child", parents: ["aws_docdb_cluster"] } },
  { prefix: "aws_msk_", entry: { layer: "ingestion", label: "MSK setting", kind: "child", parents: ["aws_msk_cluster"] } },
  {
    prefix: "aws_mskconnect_",
    entry: { layer: "integration", label: "MSK Connect setting", kind: "child", parents: ["aws_mskconnect_connector"] },
  },
  {
    prefix: "aws_s3_bucket_",
    entry: { layer: "ingestion", label: "bucket setting", kind: "child", parents: ["aws_s3_bucket"], parentAttr: "bucket" },
  },
  { prefix: "aws_s3_", entry: { layer: "ingestion", label: "S3 setting", kind: "child", parents: ["aws_s3_bucket"] } },
  { prefix: "aws_glue_", entry: { layer: "integration", label: "Glue", kind: "child", parents: ["aws_glue_job"] } },
  {
    prefix: "aws_redshiftserverless_",
    entry: { layer: "analytical", label: "Redshift setting", kind: "child", parents: ["aws_redshiftserverless_namespace"] },
  },
  { prefix: "aws_redshift_", entry: { layer: "analytical", label: "Redshift", kind: "group", role: "sink" } },
  { prefix: "aws_kms_", entry: { layer: "security", label: "KMS", kind: "child", parents: ["aws_kms_key"] } },
  { prefix: "aws_iam_", entry: { layer: "security", label: "IAM policy", kind: "child", parents: ["aws_iam_role"] } },
  { prefix: "aws_cloudtrail", entry: { layer: "security", label: "CloudTrail", kind: "child", parents: ["aws_cloudtrail"] } },
  {
    prefix: "aws_backup_",
    entry: { layer: "security", label: "AWS Backup", kind: "child", parents: ["aws_backup_vault", "aws_backup_plan"] },
  },
  {
    prefix: "aws_secretsmanager_",
    entry: { layer: "security", label: "secret setting", kind: "child", parents: ["aws_secretsmanager_secret"] },
  },
  { prefix: "aws_guardduty_", entry: { layer: "security", label: "GuardDuty", kind: "group" } },
  { prefix: "aws_securityhub_", entry: { layer: "security", label: "Security Hub", kind: "group" } },
  { prefix: "aws_config_", entry: { layer: "security", label: "AWS Config", kind: "group" } },
  { prefix: "aws_lakeformation_", entry: { layer: "security", label: "Lake Formation", kind: "group" } },
  {
    prefix: "aws_vpc_security_group_",
    entry: { layer: "network", label: "rule", kind: "child", parents: ["aws_security_group"], parentAttr: "security_group_id" },
  },
  {
    prefix: "aws_security_group_",
    entry: { layer: "network", label: "rule", kind: "child", parents: ["aws_security_group"], parentAttr: "security_group_id" },
  },
  { prefix: "aws_default_", entry: { layer: "network", label: "locked-down default", kind: "child", parents: ["aws_vpc"] } },
  {
    prefix: "aws_route",
    entry: { layer: "network", label: "routing", kind: "child", parents: ["aws_route_table", "aws_subnet", "aws_vpc"] },
  },
  { prefix: "aws_internet_gateway", entry: { layer: "network", label: "internet gateway", kind: "child", parents: ["aws_vpc"] } },
  { prefix: "aws_nat_gateway", entry: { layer: "network", label: "NAT gateway", kind: "child", parents: ["aws_subnet", "aws_vpc"] } },
  { prefix: "aws_flow_log", entry: { layer: "network", label: "flow log", kind: "child", parents: ["aws_vpc"] } },
  { prefix: "aws_network_acl", entry: { layer: "network", label: "network ACL", kind: "child", parents: ["aws_vpc"] } },
  { prefix: "aws_vpc_", entry: { layer: "network", label: "VPC setting", kind: "child", parents: ["aws_vpc"] } },
  { prefix: "aws_cloudwatch_", entry: { layer: "observability", label: "CloudWatch", kind: "group" } },
  { prefix: "aws_sns_", entry: { layer: "observability", label: "SNS", kind: "child", parents: ["aws_sns_topic"] } },
  { prefix: "aws_budgets_", entry: { layer: "observability", label: "Budget", kind: "group" } },
  { prefix: "aws_ce_", entry: { layer: "observability", label: "Cost anomaly monitor", kind: "group" } },
];

/** Types whose resources hold data: a reference to a customer-managed key from one draws a CMK edge. */
export const KEY_TYPES: readonly string[] = ["azurerm_key_vault_key", "aws_kms_key"];

/** Layers whose nodes get CMK edges (the data path; not every log group that uses a key). */
export const DATA_LAYERS: readonly LayerId[] = ["ingestion", "operational", "integration", "analytical"];

/** Types that count as data stores for backup and CMK edges. */
export const STORE_TYPES: readonly string[] = [...STORE_TYPES_AZURE, ...STORE_TYPES_AWS];

/**
 * One hop of a documented flow from the briefs. Drawn only when a resource of a `from` type and one of
 * a `to` type exist in the stack; its label replaces a derived label on the same edge.
 */
export interface DocumentedHop {
  readonly flow: string;
  /** Resource types; `type#regex` also requires the Terraform name to match; `ext:<actor>` an external actor. */
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly label: string;
  /** Skip the hop when any resource of these types exists (the derived flow draws it instead). */
  readonly unless?: readonly string[];
}

/** An actor outside the stacks that documented flows start from. */
export const EXTERNAL_ACTORS = {
  paymentsApi: {
    id: "ext_payments_api",
    label: "Payments API<br/>(application team's stack, not in this repository)",
    layer: "ingestion" as LayerId,
  },
} as const;

export const DOCUMENTED_HOPS: readonly DocumentedHop[] = [
  // Azure brief, flow 1: the API writes payments to SQL and API logs, sessions, fraud features, webhooks to Cosmos DB.
  { flow: "1", from: ["ext:paymentsApi"], to: ["azurerm_mssql_server"], label: "flow 1: payment writes" },
  { flow: "1", from: ["ext:paymentsApi"], to: ["azurerm_cosmosdb_account"], label: "flow 1: api_logs, sessions, fraud, webhooks" },
  // Flow 2 (nightly 02:00 UTC): SQL CDC net changes -> Data Factory -> Parquet in the lake -> COPY into
  // Synapse staging -> star schema procedures. Flow 3 (every 2 minutes): Cosmos DB api_logs -> Data
  // Factory -> staged in the lake -> Synapse Fact_API_Performance (docs/etl-flows.md).
  { flow: "2", from: ["azurerm_mssql_server"], to: ["azurerm_data_factory"], label: "flow 2: CDC net changes, nightly" },
  { flow: "3", from: ["azurerm_cosmosdb_account"], to: ["azurerm_data_factory"], label: "flow 3: api_logs, every 2 min" },
  { flow: "2, 3", from: ["azurerm_data_factory"], to: ["azurerm_storage_account"], label: "flows 2, 3: stage Parquet" },
  { flow: "2, 3", from: ["azurerm_storage_account"], to: ["azurerm_synapse_workspace"], label: "flows 2, 3: COPY into stg" },
  { flow: "2, 3", from: ["azurerm_data_factory"], to: ["azurerm_synapse_workspace"], label: "flows 2, 3: load star schema" },
  {
    flow: "3",
    from: ["azurerm_cosmosdb_account"],
    to: ["azurerm_synapse_workspace"],
    label: "flow 3: api_logs",
    unless: ["azurerm_data_factory"],
  },
  // AWS brief: the application writes to Aurora and DocumentDB; Debezium CDC into Kafka; S3 raw zone; Spark ETL into the warehouse.
  { flow: "1", from: ["ext:paymentsApi"], to: ["aws_rds_cluster"], label: "flow 1: payment writes" },
  { flow: "1", from: ["ext:paymentsApi"], to: ["aws_docdb_cluster"], label: "flow 1: logs, ML features" },
  { flow: "2", from: ["aws_rds_cluster"], to: ["aws_msk_cluster"], label: "flow 2: Debezium CDC", unless: ["aws_mskconnect_connector"] },
  { flow: "2", from: ["aws_msk_cluster"], to: ["aws_s3_bucket#raw"], label: "flow 2: raw zone sink", unless: ["aws_mskconnect_connector"] },
  {
    flow: "2",
    from: ["aws_s3_bucket#raw"],
    to: ["aws_redshiftserverless_namespace"],
    label: "flow 2: Spark ETL",
    unless: ["aws_glue_job"],
  },
  { flow: "2", from: ["aws_s3_bucket#curated"], to: ["aws_redshiftserverless_namespace"], label: "flow 2: COPY into star schema" },
];

/** Small hand-written stacks in the shape of `cdk.tf.json`, for renderer unit tests. */
import { ref } from "../helpers/synth";

/** An Azure stack: SQL server + database, Cosmos DB, Data Factory with linked services, lake, Synapse. */
export function azureFixture(): Record<string, unknown> {
  return {
    resource: {
      azurerm_mssql_server: {
        oltp_server_A1: { name: "sql-pay-t-weu", minimum_tls_version: "1.2", public_network_access_enabled: false },
        oltp_secondary_B2: { name: "sql-pay-t-neu" },
      },
      azurerm_mssql_database: {
        oltp_db_C3: { name: "sqldb-oltp", server_id: ref("azurerm_mssql_server.oltp_server_A1"), sku_name: "BC_Gen5_8" },
      },
      azurerm_mssql_failover_group: {
        oltp_fg_D4: {
          name: "sqlfg",
          server_id: ref("azurerm_mssql_server.oltp_server_A1"),
          partner_server: [{ id: ref("azurerm_mssql_server.oltp_secondary_B2") }],
        },
      },
      azurerm_cosmosdb_account: {
        nosql_account_E5: {
          name: "cosmos-pay-t",
          geo_location: [
            { location: "northeurope", failover_priority: 1 },
            { location: "westeurope", failover_priority: 0 },
          ],
          key_vault_key_id: ref("azurerm_key_vault_key.kv_key_F6", "versionless_id"),
        },
      },
      azurerm_key_vault: { kv_vault_G7: { name: "kv-pay-t" } },
      azurerm_key_vault_key: { kv_key_F6: { name: "cmk-cosmos", key_vault_id: ref("azurerm_key_vault.kv_vault_G7") } },
      azurerm_data_factory: { etl_factory_H8: { name: "adf-pay-t" } },
      azurerm_data_factory_linked_custom_service: {
        etl_ls_sql_I9: {
          data_factory_id: ref("azurerm_data_factory.etl_factory_H8"),
          type_properties_json: `{"server":"${ref("azurerm_mssql_server.oltp_server_A1", "fully_qualified_domain_name")}"}`,
        },
        etl_ls_lake_J0: {
          data_factory_id: ref("azurerm_data_factory.etl_factory_H8"),
          type_properties_json: `{"url":"${ref("azurerm_storage_account.lake_account_K1", "primary_dfs_endpoint")}"}`,
        },
        etl_ls_synapse_L2: {
          data_factory_id: ref("azurerm_data_factory.etl_factory_H8"),
          type_properties_json: `{"server":"${ref("azurerm_synapse_workspace.olap_ws_M3", "connectivity_endpoints")}"}`,
        },
      },
      azurerm_storage_account: { "data-lake_account_K1": { name: "stpaytdl", account_replication_type: "ZRS" } },
      azurerm_synapse_workspace: { olap_ws_M3: { name: "synw-pay-t" } },
      azurerm_private_dns_zone: Object.fromEntries(
        ["database", "documents", "dfs"].map((z, i) => [`zone_${z}_${i}`, { name: `privatelink.${z}.example` }]),
      ),
      azurerm_private_endpoint: {
        oltp_pe_N4: {
          name: "pe-sql",
          private_service_connection: {
            private_connection_resource_id: ref("azurerm_mssql_server.oltp_server_A1"),
            subresource_names: ["sqlServer"],
          },
        },
      },
      azurerm_monitor_metric_alert: {
        alert_a: { name: "alrt-a", action: [{ action_group_id: ref("azurerm_monitor_action_group.ag_O5") }] },
        alert_b: { name: "alrt-b", action: [{ action_group_id: ref("azurerm_monitor_action_group.ag_O5") }] },
      },
      azurerm_monitor_action_group: { ag_O5: { name: "ag-oncall" } },
    },
  };
}

/** The same stack without any resource of `type`. */
export function fixtureWithout(json: Record<string, unknown>, type: string): Record<string, unknown> {
  const resource = { ...(json.resource as Record<string, unknown>) };
  delete resource[type];
  return { ...json, resource };
}

/** An AWS stack: Aurora -> source connector -> MSK -> sink connector -> raw S3; Glue job; Redshift. */
export function awsFixture(): Record<string, unknown> {
  return {
    resource: {
      aws_rds_cluster: { oltp_cluster_A: { cluster_identifier: "pay-t-oltp", backup_retention_period: 35 } },
      aws_msk_cluster: { streaming_cluster_B: { cluster_name: "pay-t-streaming" } },
      aws_s3_bucket: {
        "raw-zone_bucket_C": { bucket: "pay-t-raw" },
        "access-logs_bucket_D": { bucket: "pay-t-access-logs" },
      },
      aws_mskconnect_connector: {
        cdc_source_E: {
          name: "cdc-source",
          connector_configuration: { "database.hostname": ref("aws_rds_cluster.oltp_cluster_A", "endpoint") },
          kafka_cluster: {
            apache_kafka_cluster: { bootstrap_servers: ref("aws_msk_cluster.streaming_cluster_B", "bootstrap_brokers_sasl_iam") },
          },
        },
        cdc_sink_F: {
          name: "cdc-sink",
          connector_configuration: { "s3.bucket.name": ref("aws_s3_bucket.raw-zone_bucket_C", "bucket") },
          kafka_cluster: {
            apache_kafka_cluster: { bootstrap_servers: ref("aws_msk_cluster.streaming_cluster_B", "bootstrap_brokers_sasl_iam") },
          },
        },
      },
      aws_redshiftserverless_namespace: { olap_namespace_G: { namespace_name: "pay-t-olap" } },
      aws_vpc_endpoint: { s3_gateway_H: { service_name: "com.amazonaws.eu-west-1.s3", vpc_endpoint_type: "Gateway" } },
    },
  };
}

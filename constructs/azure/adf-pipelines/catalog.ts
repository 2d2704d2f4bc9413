/**
 * Names of the factory's entities (linked services, datasets, integration runtime, credential) that
 * pipelines refer to. One place, so the pipelines and the `EtlFactory` construct cannot disagree.
 * They are names inside the factory, not Azure resource names: they do not carry the environment.
 */
export const ADF_INTEGRATION_RUNTIME = "ir-managed-vnet";
export const ADF_CREDENTIAL = "cred_workload_identity";

export const LINKED_SERVICES = {
  oltp: "ls_oltp_azure_sql",
  olap: "ls_olap_synapse_dw",
  cosmos: "ls_nosql_cosmos",
  lake: "ls_datalake_adls",
  keyVault: "ls_key_vault",
} as const;
export type LinkedServiceKey = keyof typeof LINKED_SERVICES;

export const DATASETS = {
  /** Azure SQL (OLTP): stored procedure calls and SELECTs; no table of its own. */
  oltpQuery: { name: "ds_oltp_query", linkedService: LINKED_SERVICES.oltp, parameters: [] as readonly string[] },
  /** A Parquet file in the lake's staging filesystem. */
  lakeParquet: { name: "ds_lake_parquet", linkedService: LINKED_SERVICES.lake, parameters: ["folder", "file"] as readonly string[] },
  /** A table of the Synapse dedicated pool. */
  olapTable: { name: "ds_olap_table", linkedService: LINKED_SERVICES.olap, parameters: ["schema", "table"] as readonly string[] },
  /** The Cosmos DB `api_logs` container. */
  apiLogs: { name: "ds_nosql_api_logs", linkedService: LINKED_SERVICES.cosmos, parameters: [] as readonly string[] },
} as const;
export type DatasetKey = keyof typeof DATASETS;

/** Pipeline names (fixed: alerts, queries and docs refer to them). */
export const PIPELINES = {
  oltpToOlap: "etl_oltp_to_olap",
  apiLogsToOlap: "etl_api_logs_to_olap",
} as const;

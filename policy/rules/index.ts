/**
 * Registry of every policy rule (one rule per file under policy/rules/<service>/).
 * A test fails when a rule file is not listed here.
 */
import type { Rule } from "../engine/types";
import AWS_BAK_001 from "./aws-backup/aws-bak-001-vault-kms";
import AWS_BAK_002 from "./aws-backup/aws-bak-002-retention";
import AWS_BAK_003 from "./aws-backup/aws-bak-003-cross-region-copy";
import AWS_BAK_004 from "./aws-backup/aws-bak-004-selection";
import AWS_CT_001 from "./aws-cloudtrail/aws-ct-001-log-validation";
import AWS_CT_002 from "./aws-cloudtrail/aws-ct-002-kms";
import AWS_CT_003 from "./aws-cloudtrail/aws-ct-003-multi-region";
import AWS_CT_004 from "./aws-cloudtrail/aws-ct-004-cloudwatch";
import AWS_CT_005 from "./aws-cloudtrail/aws-ct-005-logging-on";
import AWS_CT_006 from "./aws-cloudtrail/aws-ct-006-bucket-object-lock";
import AWS_CT_007 from "./aws-cloudtrail/aws-ct-007-bucket-copy";
import AWS_CT_008 from "./aws-cloudtrail/aws-ct-008-cis-alarms";
import AWS_DEP_001 from "./aws-deployability/aws-dep-001-crawler-behaviors";
import AWS_DEP_002 from "./aws-deployability/aws-dep-002-aurora-cluster-ca";
import AWS_DEP_003 from "./aws-deployability/aws-dep-003-alarm-window";
import AWS_DEP_004 from "./aws-deployability/aws-dep-004-glue5-logging";
import AWS_DEP_005 from "./aws-deployability/aws-dep-005-glue-private-endpoints";
import AWS_DEP_006 from "./aws-deployability/aws-dep-006-connector-topic-grants";
import AWS_DEP_007 from "./aws-deployability/aws-dep-007-connector-worker-properties";
import AWS_DEP_008 from "./aws-deployability/aws-dep-008-autoscaled-tasks-max";
import AWS_DEP_009 from "./aws-deployability/aws-dep-009-replaceable-names";
import AWS_DOC_001 from "./aws-docdb/aws-doc-001-encrypted-cmk";
import AWS_DOC_002 from "./aws-docdb/aws-doc-002-tls";
import AWS_DOC_003 from "./aws-docdb/aws-doc-003-audit-logs";
import AWS_DOC_004 from "./aws-docdb/aws-doc-004-backup-retention";
import AWS_DOC_005 from "./aws-docdb/aws-doc-005-deletion-protection";
import AWS_MWAA_001 from "./aws-mwaa/aws-mwaa-001-private-webserver";
import AWS_MWAA_002 from "./aws-mwaa/aws-mwaa-002-cmk";
import AWS_MWAA_003 from "./aws-mwaa/aws-mwaa-003-logging";
import AWS_ML_001 from "./aws-sagemaker/aws-ml-001-mlflow-artifact-store";
import AWS_GLUE_001 from "./aws-glue/aws-glue-001-security-configuration";
import AWS_GLUE_002 from "./aws-glue/aws-glue-002-continuous-logging";
import AWS_IAM_001 from "./aws-iam/aws-iam-001-no-admin-wildcards";
import AWS_IAM_002 from "./aws-iam/aws-iam-002-trust-policy";
import AWS_KMS_001 from "./aws-kms/aws-kms-001-rotation";
import AWS_KMS_002 from "./aws-kms/aws-kms-002-deletion-window";
import AWS_KMS_003 from "./aws-kms/aws-kms-003-no-open-key-policy";
import AWS_CW_001 from "./aws-logs/aws-cw-001-alarm-actions";
import AWS_CWL_001 from "./aws-logs/aws-cwl-001-retention";
import AWS_CWL_002 from "./aws-logs/aws-cwl-002-kms";
import AWS_SM_001 from "./aws-messaging/aws-sm-001-kms";
import AWS_SM_002 from "./aws-messaging/aws-sm-002-rotation";
import AWS_SNS_001 from "./aws-messaging/aws-sns-001-kms";
import AWS_MSK_001 from "./aws-msk/aws-msk-001-tls";
import AWS_MSK_002 from "./aws-msk/aws-msk-002-cmk";
import AWS_MSK_003 from "./aws-msk/aws-msk-003-logging";
import AWS_MSK_004 from "./aws-msk/aws-msk-004-client-auth";
import AWS_MSK_005 from "./aws-msk/aws-msk-005-no-public-access";
import AWS_MSK_006 from "./aws-msk/aws-msk-006-connector-tls-iam";
import AWS_NET_001 from "./aws-network/aws-net-001-no-open-ingress";
import AWS_NET_002 from "./aws-network/aws-net-002-flow-logs";
import AWS_NET_003 from "./aws-network/aws-net-003-no-public-ip-on-launch";
import AWS_NET_004 from "./aws-network/aws-net-004-s3-endpoint";
import AWS_RDS_001 from "./aws-rds/aws-rds-001-encrypted-cmk";
import AWS_RDS_002 from "./aws-rds/aws-rds-002-iam-auth";
import AWS_RDS_003 from "./aws-rds/aws-rds-003-backup-retention";
import AWS_RDS_004 from "./aws-rds/aws-rds-004-log-exports";
import AWS_RDS_005 from "./aws-rds/aws-rds-005-deletion-protection";
import AWS_RDS_006 from "./aws-rds/aws-rds-006-force-tls";
import AWS_RDS_007 from "./aws-rds/aws-rds-007-instance-private";
import AWS_RDS_008 from "./aws-rds/aws-rds-008-multi-az";
import AWS_RS_001 from "./aws-redshift/aws-rs-001-cmk";
import AWS_RS_002 from "./aws-redshift/aws-rs-002-not-public";
import AWS_RS_003 from "./aws-redshift/aws-rs-003-audit-logging";
import AWS_RS_004 from "./aws-redshift/aws-rs-004-enhanced-vpc-routing";
import AWS_RS_005 from "./aws-redshift/aws-rs-005-managed-admin-password";
import AWS_S3_001 from "./aws-s3/aws-s3-001-public-access-block";
import AWS_S3_002 from "./aws-s3/aws-s3-002-versioning";
import AWS_S3_003 from "./aws-s3/aws-s3-003-sse-kms";
import AWS_S3_004 from "./aws-s3/aws-s3-004-tls-only";
import AWS_S3_005 from "./aws-s3/aws-s3-005-access-logging";
import AWS_S3_006 from "./aws-s3/aws-s3-006-abort-multipart";
import AWS_S3_007 from "./aws-s3/aws-s3-007-object-sse-kms";
import AZ_DEP_001 from "./azure/az-dep-001-secondary-database-max-size";
import AZ_DEP_002 from "./azure/az-dep-002-private-storage-data-plane";
import AZ_DEP_003 from "./azure/az-dep-003-budget-start-date";
import AZ_DEP_004 from "./azure/az-dep-004-cmk-consumer-waits-for-rbac";
import AZ_DEP_005 from "./azure/az-dep-005-key-after-endpoint-and-rbac";
import AZ_DEP_006 from "./azure/az-dep-006-log-alert-skips-query-validation";
import AZ_DEP_007 from "./azure/az-dep-007-storage-service-metric-category";
import AZ_DEP_008 from "./azure/az-dep-008-container-grant-after-container";
import AZ_DEP_009 from "./azure/az-dep-009-fixed-name-create-before-destroy";
import AZ_DEP_010 from "./azure/az-dep-010-etl-through-failover-listener";
import AZ_DEP_011 from "./azure/az-dep-011-endpoint-after-zone-link";
import AZ_COS_001 from "./azure-cosmos/az-cos-001-local-auth";
import AZ_COS_002 from "./azure-cosmos/az-cos-002-public-network";
import AZ_COS_003 from "./azure-cosmos/az-cos-003-cmk";
import AZ_COS_004 from "./azure-cosmos/az-cos-004-min-tls";
import AZ_COS_005 from "./azure-cosmos/az-cos-005-private-endpoint";
import AZ_COS_006 from "./azure-cosmos/az-cos-006-diagnostics";
import AZ_COS_007 from "./azure-cosmos/az-cos-007-metadata-writes";
import AZ_COS_008 from "./azure-cosmos/az-cos-008-backup";
import AZ_COS_009 from "./azure-cosmos/az-cos-009-multi-region";
import AZ_COS_010 from "./azure-cosmos/az-cos-010-zone-redundant";
import AZ_ADF_001 from "./azure-datafactory/az-adf-001-public-network";
import AZ_ADF_002 from "./azure-datafactory/az-adf-002-managed-vnet";
import AZ_ADF_003 from "./azure-datafactory/az-adf-003-cmk";
import AZ_ADF_004 from "./azure-datafactory/az-adf-004-private-endpoint";
import AZ_ADF_005 from "./azure-datafactory/az-adf-005-diagnostics";
import AZ_ADF_006 from "./azure-datafactory/az-adf-006-linked-service-identity";
import AZ_ADF_007 from "./azure-datafactory/az-adf-007-runtime-vnet";
import AZ_GOV_001 from "./azure-governance/az-gov-001-resource-group-lock";
import AZ_KV_001 from "./azure-keyvault/az-kv-001-purge-protection";
import AZ_KV_002 from "./azure-keyvault/az-kv-002-public-network";
import AZ_KV_003 from "./azure-keyvault/az-kv-003-network-acls";
import AZ_KV_004 from "./azure-keyvault/az-kv-004-rbac";
import AZ_KV_005 from "./azure-keyvault/az-kv-005-private-endpoint";
import AZ_KV_006 from "./azure-keyvault/az-kv-006-diagnostics";
import AZ_KV_007 from "./azure-keyvault/az-kv-007-key-rotation";
import AZ_KV_008 from "./azure-keyvault/az-kv-008-key-strength";
import AZ_KV_009 from "./azure-keyvault/az-kv-009-soft-delete-retention";
import AZ_KV_010 from "./azure-keyvault/az-kv-010-key-expiration";
import AZ_LOG_001 from "./azure-monitor/az-log-001-retention";
import AZ_LOG_002 from "./azure-monitor/az-log-002-local-auth";
import AZ_LOG_003 from "./azure-monitor/az-log-003-workspace-audit";
import AZ_MON_001 from "./azure-monitor/az-mon-001-diagnostic-destination";
import AZ_MON_002 from "./azure-monitor/az-mon-002-alert-actions";
import AZ_MON_003 from "./azure-monitor/az-mon-003-action-group-receivers";
import AZ_SEN_001 from "./azure-monitor/az-sen-001-sentinel";
import AZ_NET_001 from "./azure-network/az-net-001-nsg-no-internet-ingress";
import AZ_NET_002 from "./azure-network/az-net-002-subnet-nsg";
import AZ_NET_003 from "./azure-network/az-net-003-diagnostics";
import AZ_NET_004 from "./azure-network/az-net-004-firewall-threat-intel";
import AZ_NET_005 from "./azure-network/az-net-005-private-dns";
import AZ_NET_006 from "./azure-network/az-net-006-paas-firewall-open";
import AZ_NET_007 from "./azure-network/az-net-007-ddos";
import AZ_NET_008 from "./azure-network/az-net-008-zones";
import AZ_NET_009 from "./azure-network/az-net-009-firewall-idps-deny";
import AZ_SQL_001 from "./azure-sql/az-sql-001-public-network";
import AZ_SQL_002 from "./azure-sql/az-sql-002-min-tls";
import AZ_SQL_003 from "./azure-sql/az-sql-003-entra-only";
import AZ_SQL_004 from "./azure-sql/az-sql-004-tde-cmk";
import AZ_SQL_005 from "./azure-sql/az-sql-005-auditing";
import AZ_SQL_006 from "./azure-sql/az-sql-006-threat-detection";
import AZ_SQL_007 from "./azure-sql/az-sql-007-private-endpoint";
import AZ_SQL_008 from "./azure-sql/az-sql-008-db-diagnostics";
import AZ_SQL_009 from "./azure-sql/az-sql-009-pitr";
import AZ_SQL_010 from "./azure-sql/az-sql-010-zone-redundant";
import AZ_SQL_011 from "./azure-sql/az-sql-011-geo-backup";
import AZ_SQL_012 from "./azure-sql/az-sql-012-long-term-retention";
import AZ_SQL_013 from "./azure-sql/az-sql-013-failover-group";
import AZ_ST_001 from "./azure-storage/az-st-001-min-tls";
import AZ_ST_002 from "./azure-storage/az-st-002-https-only";
import AZ_ST_003 from "./azure-storage/az-st-003-public-network";
import AZ_ST_004 from "./azure-storage/az-st-004-no-public-blobs";
import AZ_ST_005 from "./azure-storage/az-st-005-no-shared-key";
import AZ_ST_006 from "./azure-storage/az-st-006-cmk";
import AZ_ST_007 from "./azure-storage/az-st-007-network-deny";
import AZ_ST_008 from "./azure-storage/az-st-008-private-endpoint";
import AZ_ST_009 from "./azure-storage/az-st-009-diagnostics";
import AZ_ST_010 from "./azure-storage/az-st-010-soft-delete";
import AZ_ST_011 from "./azure-storage/az-st-011-geo-redundant";
import AZ_ST_012 from "./azure-storage/az-st-012-infrastructure-encryption";
import AZ_SYN_001 from "./azure-synapse/az-syn-001-public-network";
import AZ_SYN_002 from "./azure-synapse/az-syn-002-managed-vnet";
import AZ_SYN_003 from "./azure-synapse/az-syn-003-exfiltration";
import AZ_SYN_004 from "./azure-synapse/az-syn-004-cmk";
import AZ_SYN_005 from "./azure-synapse/az-syn-005-entra-only";
import AZ_SYN_006 from "./azure-synapse/az-syn-006-private-endpoint";
import AZ_SYN_007 from "./azure-synapse/az-syn-007-diagnostics";
import AZ_SYN_008 from "./azure-synapse/az-syn-008-pool-tde";
import AZ_SYN_009 from "./azure-synapse/az-syn-009-pool-geo-backup";
import GEN_LCK_001 from "./general/gen-lck-001-prevent-destroy";
import GEN_SEC_001 from "./general/gen-sec-001-no-secret-literals";
import GEN_SEC_002 from "./general/gen-sec-002-no-secret-literals-stack";
import GEN_TAG_001 from "./general/gen-tag-001-required-tags";
import SF_001 from "./snowflake/sf-001-network-policy-no-wildcard";
import SF_002 from "./snowflake/sf-002-nothing-granted-to-public";
import SF_003 from "./snowflake/sf-003-time-travel";
import SF_004 from "./snowflake/sf-004-no-password-users";
import ATL_001 from "./mongodbatlas/atl-001-no-ip-access-list";
import ATL_002 from "./mongodbatlas/atl-002-cmk-encryption";
import ATL_003 from "./mongodbatlas/atl-003-backup-pitr";
import ATL_004 from "./mongodbatlas/atl-004-tls-minimum";
import ATL_005 from "./mongodbatlas/atl-005-no-password-users";
import ATL_006 from "./mongodbatlas/atl-006-auditing";
import ATL_007 from "./mongodbatlas/atl-007-termination-protection";

export const ALL_RULES: readonly Rule[] = [
  AWS_BAK_001,
  AWS_BAK_002,
  AWS_BAK_003,
  AWS_BAK_004,
  AWS_CT_001,
  AWS_CT_002,
  AWS_CT_003,
  AWS_CT_004,
  AWS_CT_005,
  AWS_CT_006,
  AWS_CT_007,
  AWS_CT_008,
  AWS_DEP_001,
  AWS_DEP_002,
  AWS_DEP_003,
  AWS_DEP_004,
  AWS_DEP_005,
  AWS_DEP_006,
  AWS_DEP_007,
  AWS_DEP_008,
  AWS_DEP_009,
  AWS_DOC_001,
  AWS_DOC_002,
  AWS_DOC_003,
  AWS_DOC_004,
  AWS_DOC_005,
  AWS_GLUE_001,
  AWS_GLUE_002,
  AWS_MWAA_001,
  AWS_MWAA_002,
  AWS_MWAA_003,
  AWS_ML_001,
  AWS_IAM_001,
  AWS_IAM_002,
  AWS_KMS_001,
  AWS_KMS_002,
  AWS_KMS_003,
  AWS_CW_001,
  AWS_CWL_001,
  AWS_CWL_002,
  AWS_SM_001,
  AWS_SM_002,
  AWS_SNS_001,
  AWS_MSK_001,
  AWS_MSK_002,
  AWS_MSK_003,
  AWS_MSK_004,
  AWS_MSK_005,
  AWS_MSK_006,
  AWS_NET_001,
  AWS_NET_002,
  AWS_NET_003,
  AWS_NET_004,
  AWS_RDS_001,
  AWS_RDS_002,
  AWS_RDS_003,
  AWS_RDS_004,
  AWS_RDS_005,
  AWS_RDS_006,
  AWS_RDS_007,
  AWS_RDS_008,
  AWS_RS_001,
  AWS_RS_002,
  AWS_RS_003,
  AWS_RS_004,
  AWS_RS_005,
  AWS_S3_001,
  AWS_S3_002,
  AWS_S3_003,
  AWS_S3_004,
  AWS_S3_005,
  AWS_S3_006,
  AWS_S3_007,
  AZ_DEP_001,
  AZ_DEP_002,
  AZ_DEP_003,
  AZ_DEP_004,
  AZ_DEP_005,
  AZ_DEP_006,
  AZ_DEP_007,
  AZ_DEP_008,
  AZ_DEP_009,
  AZ_DEP_010,
  AZ_DEP_011,
  AZ_COS_001,
  AZ_COS_002,
  AZ_COS_003,
  AZ_COS_004,
  AZ_COS_005,
  AZ_COS_006,
  AZ_COS_007,
  AZ_COS_008,
  AZ_COS_009,
  AZ_COS_010,
  AZ_ADF_001,
  AZ_ADF_002,
  AZ_ADF_003,
  AZ_ADF_004,
  AZ_ADF_005,
  AZ_ADF_006,
  AZ_ADF_007,
  AZ_GOV_001,
  AZ_KV_001,
  AZ_KV_002,
  AZ_KV_003,
  AZ_KV_004,
  AZ_KV_005,
  AZ_KV_006,
  AZ_KV_007,
  AZ_KV_008,
  AZ_KV_009,
  AZ_KV_010,
  AZ_LOG_001,
  AZ_LOG_002,
  AZ_LOG_003,
  AZ_MON_001,
  AZ_MON_002,
  AZ_MON_003,
  AZ_SEN_001,
  AZ_NET_001,
  AZ_NET_002,
  AZ_NET_003,
  AZ_NET_004,
  AZ_NET_005,
  AZ_NET_006,
  AZ_NET_007,
  AZ_NET_008,
  AZ_NET_009,
  AZ_SQL_001,
  AZ_SQL_002,
  AZ_SQL_003,
  AZ_SQL_004,
  AZ_SQL_005,
  AZ_SQL_006,
  AZ_SQL_007,
  AZ_SQL_008,
  AZ_SQL_009,
  AZ_SQL_010,
  AZ_SQL_011,
  AZ_SQL_012,
  AZ_SQL_013,
  AZ_ST_001,
  AZ_ST_002,
  AZ_ST_003,
  AZ_ST_004,
  AZ_ST_005,
  AZ_ST_006,
  AZ_ST_007,
  AZ_ST_008,
  AZ_ST_009,
  AZ_ST_010,
  AZ_ST_011,
  AZ_ST_012,
  AZ_SYN_001,
  AZ_SYN_002,
  AZ_SYN_003,
  AZ_SYN_004,
  AZ_SYN_005,
  AZ_SYN_006,
  AZ_SYN_007,
  AZ_SYN_008,
  AZ_SYN_009,
  GEN_LCK_001,
  GEN_SEC_001,
  GEN_SEC_002,
  GEN_TAG_001,
  // Snowflake and MongoDB Atlas (the brief's engines on AWS)
  SF_001,
  SF_002,
  SF_003,
  SF_004,
  ATL_001,
  ATL_002,
  ATL_003,
  ATL_004,
  ATL_005,
  ATL_006,
  ATL_007,
];

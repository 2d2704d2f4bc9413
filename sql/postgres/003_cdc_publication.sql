-- 003_cdc_publication.sql - logical replication for Debezium (AWS flow: PostgreSQL -> Debezium
-- on MSK Connect -> Kafka -> S3 -> Redshift/Snowflake). Requires wal_level = logical
-- (RDS: rds.logical_replication = 1 in the parameter group).
-- Captured tables = the environments' CDC list: payment, refund, dispute, merchant, customer, payment_method.
--
-- REPLICA IDENTITY, per table:
--   payment         DEFAULT (primary key): highest volume, the key is enough for deletes and the
--                   after-image carries every column; FULL would double the WAL of the hot table.
--   refund, dispute FULL: low volume, status transitions audited with their before-image.
--   merchant, customer, payment_method DEFAULT: they are published with a column list that
--                   leaves out personal/card data, and PostgreSQL requires a column list to
--                   contain the replica identity, which FULL would make every column.
-- The publication uses PostgreSQL 15 column lists so PII and card data never enter Kafka.
-- The debezium role: LOGIN + REPLICATION (on RDS: GRANT rds_replication), SELECT on the
-- captured tables for the initial snapshot, no superuser. Its password is NOT set here: the
-- secret lives in AWS Secrets Manager (rotated by the rotation Lambda, which runs ALTER ROLE
-- ... PASSWORD) and Debezium reads it through the MSK Connect config provider.
-- Debezium runs with publication.autocreate.mode = disabled, one slot per environment named after
-- its topic prefix (debezium_<workload>_<env>_cdc, e.g. debezium_pay_prod_cdc: debeziumSlotName() in
-- constructs/aws/debezium-connector.ts) and column.include.list derived from the GRANT statements
-- below at synth time (constructs/aws/postgres-cdc-grants.ts): the snapshot never SELECTs a column
-- the role has no privilege on. Change a grant here and the connector follows.

ALTER TABLE payments.payment REPLICA IDENTITY DEFAULT;
ALTER TABLE payments.refund REPLICA IDENTITY FULL;
ALTER TABLE payments.dispute REPLICA IDENTITY FULL;
ALTER TABLE payments.merchant REPLICA IDENTITY DEFAULT;
ALTER TABLE payments.customer REPLICA IDENTITY DEFAULT;
ALTER TABLE payments.payment_method REPLICA IDENTITY DEFAULT;

DO $$
DECLARE
    v_tables text := 'payments.payment, payments.refund, payments.dispute, '
        || 'payments.merchant (merchant_id, public_id, legal_name, display_name, country_code, default_currency_code, mcc, status, created_at, updated_at), '
        || 'payments.customer (customer_id, merchant_id, external_ref, country_code, created_at, updated_at, deleted_at), '
        || 'payments.payment_method (payment_method_id, customer_id, type, vault_token_ref, card_brand, issuer_country_code, status, created_at, updated_at)';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'debezium_publication') THEN
        EXECUTE 'CREATE PUBLICATION debezium_publication FOR TABLE ' || v_tables
             || ' WITH (publish = ''insert, update, delete, truncate'')';
    ELSE
        -- reconcile: the list above is the source of truth
        EXECUTE 'ALTER PUBLICATION debezium_publication SET TABLE ' || v_tables;
    END IF;
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'debezium') THEN
        CREATE ROLE debezium WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_replication') THEN
        EXECUTE 'GRANT rds_replication TO debezium';       -- Amazon RDS / Aurora
    ELSE
        ALTER ROLE debezium WITH REPLICATION;                -- self-managed PostgreSQL
    END IF;
END
$$;

GRANT USAGE ON SCHEMA payments TO debezium;
GRANT SELECT ON payments.payment, payments.refund, payments.dispute TO debezium;
GRANT SELECT (merchant_id, public_id, legal_name, display_name, country_code, default_currency_code, mcc, status, created_at, updated_at)
    ON payments.merchant TO debezium;
GRANT SELECT (customer_id, merchant_id, external_ref, country_code, created_at, updated_at, deleted_at)
    ON payments.customer TO debezium;
GRANT SELECT (payment_method_id, customer_id, type, vault_token_ref, card_brand, issuer_country_code, status, created_at, updated_at)
    ON payments.payment_method TO debezium;

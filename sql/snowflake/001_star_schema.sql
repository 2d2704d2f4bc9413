-- 001_star_schema.sql - the star schema of sql/synapse/003-004 and sql/redshift/ for Snowflake
-- (ANALYTICS.STAR, applied by the pipeline as TRANSFORMER; the schema itself is created by Terraform
-- with managed access). Same 6 dimensions and 2 facts, same keys and columns (a test compares them).
-- Snowflake has no distribution: micro-partitions are pruned by clustering, so the facts cluster on
-- date_key first (the Redshift SORTKEY / Synapse partition column) and small dimensions need nothing.
-- PRIMARY KEY / FOREIGN KEY are informational in Snowflake (only NOT NULL is enforced): the ETL
-- data-quality step checks them, as on Redshift. timestamp_ntz holds UTC (columns end in _utc).
-- Idempotent: CREATE ... IF NOT EXISTS. Time Travel retention is inherited from the database.

USE DATABASE ANALYTICS;
USE SCHEMA STAR;

CREATE TABLE IF NOT EXISTS star.dim_date (
    date_key integer NOT NULL,
    full_date date,
    year smallint NOT NULL,
    quarter smallint NOT NULL,
    month smallint NOT NULL,
    month_name varchar(12) NOT NULL,
    day_of_month smallint NOT NULL,
    day_of_week_iso smallint NOT NULL,
    day_name varchar(12) NOT NULL,
    iso_week smallint NOT NULL,
    is_weekend boolean NOT NULL,
    PRIMARY KEY (date_key)
);

CREATE TABLE IF NOT EXISTS star.dim_currency (
    currency_key integer NOT NULL,
    currency_code char(3) NOT NULL,
    name varchar(64) NOT NULL,
    minor_units smallint NOT NULL,
    is_active boolean NOT NULL,
    load_run_id varchar(64),
    updated_at_utc timestamp_ntz NOT NULL,
    PRIMARY KEY (currency_key)
);

CREATE TABLE IF NOT EXISTS star.dim_geography (
    geography_key integer NOT NULL,
    country_code char(2) NOT NULL,
    country_name varchar(100) NOT NULL,
    region varchar(50) NOT NULL,
    is_eu boolean NOT NULL,
    load_run_id varchar(64),
    updated_at_utc timestamp_ntz NOT NULL,
    PRIMARY KEY (geography_key)
);

CREATE TABLE IF NOT EXISTS star.dim_merchant (
    merchant_key integer NOT NULL,
    merchant_id bigint NOT NULL,
    public_id varchar(32),
    legal_name varchar(200),
    display_name varchar(100),
    country_code char(2),
    default_currency_code char(3),
    mcc char(4),
    status varchar(16),
    valid_from_utc timestamp_ntz NOT NULL,
    valid_to_utc timestamp_ntz NOT NULL,
    is_current boolean NOT NULL,
    row_hash varchar(64),
    load_run_id varchar(64),
    PRIMARY KEY (merchant_key)
);

CREATE TABLE IF NOT EXISTS star.dim_customer (
    customer_key integer NOT NULL,
    customer_id bigint NOT NULL,
    merchant_id bigint,
    country_code char(2),
    created_at_utc timestamp_ntz,
    is_deleted boolean NOT NULL,
    valid_from_utc timestamp_ntz NOT NULL,
    valid_to_utc timestamp_ntz NOT NULL,
    is_current boolean NOT NULL,
    row_hash varchar(64),
    load_run_id varchar(64),
    PRIMARY KEY (customer_key)
);

CREATE TABLE IF NOT EXISTS star.dim_payment_method (
    payment_method_key integer NOT NULL,
    payment_method_id bigint NOT NULL,
    customer_id bigint,
    type varchar(16),
    card_brand varchar(16),
    issuer_country_code char(2),
    status varchar(16),
    created_at_utc timestamp_ntz,
    load_run_id varchar(64),
    updated_at_utc timestamp_ntz NOT NULL,
    PRIMARY KEY (payment_method_key)
);

CREATE TABLE IF NOT EXISTS star.fact_payment (
    payment_id bigint NOT NULL,
    date_key integer NOT NULL REFERENCES star.dim_date (date_key),
    merchant_key integer NOT NULL REFERENCES star.dim_merchant (merchant_key),
    customer_key integer NOT NULL REFERENCES star.dim_customer (customer_key),
    payment_method_key integer NOT NULL REFERENCES star.dim_payment_method (payment_method_key),
    currency_key integer NOT NULL REFERENCES star.dim_currency (currency_key),
    geography_key integer NOT NULL REFERENCES star.dim_geography (geography_key),
    status varchar(32) NOT NULL,
    effective_status varchar(32) NOT NULL,
    capture_method varchar(16),
    amount_minor bigint NOT NULL,
    amount decimal(19,4) NOT NULL,
    amount_refunded_minor bigint NOT NULL,
    amount_refunded decimal(19,4) NOT NULL,
    refund_count integer NOT NULL,
    is_disputed boolean NOT NULL,
    dispute_status varchar(32),
    amount_disputed_minor bigint NOT NULL,
    created_at_utc timestamp_ntz NOT NULL,
    captured_at_utc timestamp_ntz,
    source_updated_at_utc timestamp_ntz,
    source_lsn varchar(32),
    load_run_id varchar(64) NOT NULL,
    updated_run_id varchar(64),
    loaded_at_utc timestamp_ntz NOT NULL,
    PRIMARY KEY (payment_id)
)
CLUSTER BY (date_key, merchant_key);

CREATE TABLE IF NOT EXISTS star.fact_api_performance (
    request_id varchar(64) NOT NULL,
    date_key integer NOT NULL REFERENCES star.dim_date (date_key),
    merchant_key integer NOT NULL REFERENCES star.dim_merchant (merchant_key),
    bucket_5min_utc timestamp_ntz NOT NULL,
    endpoint varchar(128) NOT NULL,
    http_method varchar(8) NOT NULL,
    status_code smallint NOT NULL,
    is_error boolean NOT NULL,
    latency_ms integer NOT NULL,
    region varchar(32),
    event_time_utc timestamp_ntz NOT NULL,
    load_run_id varchar(64) NOT NULL,
    loaded_at_utc timestamp_ntz NOT NULL,
    PRIMARY KEY (request_id)
)
CLUSTER BY (date_key, bucket_5min_utc);

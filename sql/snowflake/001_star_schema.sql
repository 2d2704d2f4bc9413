/*
  001_star_schema.sql - the star schema of sql/synapse and sql/redshift for Snowflake (ANALYTICS.STAR,
  applied by the pipeline as TRANSFORMER; the schema itself is created by Terraform with managed access).
  Same 6 dimensions and 2 facts, same columns, snake_case as on Redshift. Idempotent (IF NOT EXISTS);
  Time Travel retention is inherited from the database.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/
USE DATABASE ANALYTICS;
USE SCHEMA STAR;

-- star.dim_date: calendar 2015-2040, DateKey yyyymmdd, -1 = unknown
CREATE TABLE IF NOT EXISTS star.dim_date (
    date_key integer NOT NULL,
    full_date date NULL,
    year smallint NOT NULL,
    quarter smallint NOT NULL,
    month smallint NOT NULL,
    month_name varchar(12) NOT NULL,
    day_of_month smallint NOT NULL,
    day_of_week_iso smallint NOT NULL,
    day_name varchar(12) NOT NULL,
    iso_week smallint NOT NULL,
    is_weekend boolean NOT NULL
);

-- star.dim_currency: type 1
CREATE TABLE IF NOT EXISTS star.dim_currency (
    currency_key integer NOT NULL,
    currency_code char(3) NOT NULL,
    name varchar(64) NOT NULL,
    minor_units smallint NOT NULL,
    is_active boolean NOT NULL,
    load_run_id varchar(64) NULL,
    updated_at_utc timestamp_ntz(3) NOT NULL
);

-- star.dim_geography: type 1; a deleted country keeps its row (facts reference it)
CREATE TABLE IF NOT EXISTS star.dim_geography (
    geography_key integer NOT NULL,
    country_code char(2) NOT NULL,
    country_name varchar(100) NOT NULL,
    region varchar(50) NOT NULL,
    is_eu boolean NOT NULL,
    load_run_id varchar(64) NULL,
    updated_at_utc timestamp_ntz(3) NOT NULL
);

-- star.dim_merchant: SCD type 2: a version is valid in [ValidFromUtc, ValidToUtc), versions of one merchant are contiguous
CREATE TABLE IF NOT EXISTS star.dim_merchant (
    merchant_key integer NOT NULL,
    merchant_id bigint NOT NULL,
    public_id varchar(32) NULL,
    legal_name varchar(200) NULL,
    display_name varchar(100) NULL,
    country_code char(2) NULL,
    default_currency_code char(3) NULL,
    mcc char(4) NULL,
    status varchar(16) NULL,
    valid_from_utc timestamp_ntz(3) NOT NULL,
    valid_to_utc timestamp_ntz(3) NOT NULL,
    is_current boolean NOT NULL,
    row_hash char(64) NULL,
    load_run_id varchar(64) NULL
);

-- star.dim_customer: SCD type 2 like Dim_Merchant; the largest dimension (switch to HASH(CustomerKey) above ~2 GB compressed)
CREATE TABLE IF NOT EXISTS star.dim_customer (
    customer_key integer NOT NULL,
    customer_id bigint NOT NULL,
    merchant_id bigint NULL,
    country_code char(2) NULL,
    created_at_utc timestamp_ntz(3) NULL,
    is_deleted boolean NOT NULL,
    valid_from_utc timestamp_ntz(3) NOT NULL,
    valid_to_utc timestamp_ntz(3) NOT NULL,
    is_current boolean NOT NULL,
    row_hash char(64) NULL,
    load_run_id varchar(64) NULL
);

-- star.dim_payment_method: type 1; a deleted method is kept with Status 'detached'
CREATE TABLE IF NOT EXISTS star.dim_payment_method (
    payment_method_key integer NOT NULL,
    payment_method_id bigint NOT NULL,
    customer_id bigint NULL,
    type varchar(16) NULL,
    card_brand varchar(16) NULL,
    issuer_country_code char(2) NULL,
    status varchar(16) NULL,
    created_at_utc timestamp_ntz(3) NULL,
    load_run_id varchar(64) NULL,
    updated_at_utc timestamp_ntz(3) NOT NULL
);

-- star.fact_payment: one row per payment. HASH(PaymentId): highest cardinality, no skew (HASH(MerchantKey) would skew on a large merchant), the upsert by PaymentId stays distribution-local. The natural keys (MerchantId, CustomerId, PaymentMethodId, CurrencyCode) are kept so that a row loaded on the unknown member (-1) is re-keyed when the member arrives
CREATE TABLE IF NOT EXISTS star.fact_payment (
    payment_id bigint NOT NULL,
    date_key integer NOT NULL,
    merchant_key integer NOT NULL,
    customer_key integer NOT NULL,
    payment_method_key integer NOT NULL,
    currency_key integer NOT NULL,
    geography_key integer NOT NULL,
    merchant_id bigint NULL,
    customer_id bigint NULL,
    payment_method_id bigint NULL,
    currency_code char(3) NULL,
    status varchar(32) NOT NULL,
    effective_status varchar(32) NOT NULL,
    capture_method varchar(16) NULL,
    amount_minor bigint NOT NULL,
    amount number(19,4) NOT NULL,
    amount_refunded_minor bigint NOT NULL,
    amount_refunded number(19,4) NOT NULL,
    refund_count integer NOT NULL,
    is_disputed boolean NOT NULL,
    dispute_status varchar(32) NULL,
    amount_disputed_minor bigint NOT NULL,
    created_at_utc timestamp_ntz(3) NOT NULL,
    captured_at_utc timestamp_ntz(3) NULL,
    source_updated_at_utc timestamp_ntz(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    load_run_id varchar(64) NOT NULL,
    updated_run_id varchar(64) NULL,
    loaded_at_utc timestamp_ntz(3) NOT NULL
)
CLUSTER BY (date_key, merchant_key);

-- star.fact_api_performance: flow 3, one row per API request, append only
CREATE TABLE IF NOT EXISTS star.fact_api_performance (
    request_id varchar(64) NOT NULL,
    date_key integer NOT NULL,
    merchant_key integer NOT NULL,
    merchant_id bigint NULL,
    bucket5_min_utc timestamp_ntz(0) NOT NULL,
    endpoint varchar(128) NOT NULL,
    http_method varchar(8) NOT NULL,
    status_code smallint NOT NULL,
    is_error boolean NOT NULL,
    latency_ms integer NOT NULL,
    region varchar(32) NULL,
    event_time_utc timestamp_ntz(3) NOT NULL,
    load_run_id varchar(64) NOT NULL,
    loaded_at_utc timestamp_ntz(3) NOT NULL
)
CLUSTER BY (date_key, bucket5_min_utc);

/*
  005_facts.sql - the facts.
  Synapse: clustered columnstore, monthly partitions on DateKey through December 2029 (a yearly
  SPLIT adds the next year, docs/runbook.md). Redshift: DISTKEY + compound SORTKEY on DateKey.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- dw.Fact_Payment: one row per payment. HASH(PaymentId): highest cardinality, no skew (HASH(MerchantKey) would skew on a large merchant), the upsert by PaymentId stays distribution-local. The natural keys (MerchantId, CustomerId, PaymentMethodId, CurrencyCode) are kept so that a row loaded on the unknown member (-1) is re-keyed when the member arrives
CREATE TABLE IF NOT EXISTS dw.fact_payment (
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
    amount decimal(19,4) NOT NULL,
    amount_refunded_minor bigint NOT NULL,
    amount_refunded decimal(19,4) NOT NULL,
    refund_count integer NOT NULL,
    is_disputed boolean NOT NULL,
    dispute_status varchar(32) NULL,
    amount_disputed_minor bigint NOT NULL,
    created_at_utc timestamp(3) NOT NULL,
    captured_at_utc timestamp(3) NULL,
    source_updated_at_utc timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    load_run_id varchar(64) NOT NULL,
    updated_run_id varchar(64) NULL,
    loaded_at_utc timestamp(3) NOT NULL
)
DISTKEY (payment_id) COMPOUND SORTKEY (date_key, merchant_key);

-- dw.Fact_API_Performance: flow 3, one row per API request, append only
CREATE TABLE IF NOT EXISTS dw.fact_api_performance (
    request_id varchar(64) NOT NULL,
    date_key integer NOT NULL,
    merchant_key integer NOT NULL,
    merchant_id bigint NULL,
    bucket5_min_utc timestamp(0) NOT NULL,
    endpoint varchar(128) NOT NULL,
    http_method varchar(8) NOT NULL,
    status_code smallint NOT NULL,
    is_error boolean NOT NULL,
    latency_ms integer NOT NULL,
    region varchar(32) NULL,
    event_time_utc timestamp(3) NOT NULL,
    load_run_id varchar(64) NOT NULL,
    loaded_at_utc timestamp(3) NOT NULL
)
DISTKEY (request_id) COMPOUND SORTKEY (date_key, bucket5_min_utc);

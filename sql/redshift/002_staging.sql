/*
  002_staging.sql - one landing table per OLTP table (truncated by each run's copy) and stg.ApiLogs.
  CDC columns: CdcStartLsn ('0x' + 20 hex digits), CdcOperation (1 delete, 5 insert/update),
  CdcCommitUtc (commit time of the change: the SCD2 version time); NULL for full extracts.
  Personal and card data columns are not captured and have no column here.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- stg.Country: full extract
CREATE TABLE IF NOT EXISTS stg.country (
    country_code char(2) NOT NULL,
    name varchar(100) NOT NULL,
    region varchar(50) NOT NULL,
    is_eu boolean NOT NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Currency: full extract
CREATE TABLE IF NOT EXISTS stg.currency (
    currency_code char(3) NOT NULL,
    name varchar(64) NOT NULL,
    minor_units smallint NOT NULL,
    is_active boolean NOT NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Merchant: CDC net changes
CREATE TABLE IF NOT EXISTS stg.merchant (
    merchant_id bigint NOT NULL,
    public_id varchar(32) NULL,
    legal_name varchar(200) NULL,
    display_name varchar(100) NULL,
    country_code char(2) NULL,
    default_currency_code char(3) NULL,
    mcc char(4) NULL,
    status varchar(16) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Customer: CDC net changes
CREATE TABLE IF NOT EXISTS stg.customer (
    customer_id bigint NOT NULL,
    merchant_id bigint NULL,
    external_ref varchar(64) NULL,
    country_code char(2) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    deleted_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.PaymentMethod: CDC net changes
CREATE TABLE IF NOT EXISTS stg.payment_method (
    payment_method_id bigint NOT NULL,
    customer_id bigint NULL,
    type varchar(16) NULL,
    vault_token_ref varchar(64) NULL,
    card_brand varchar(16) NULL,
    issuer_country_code char(2) NULL,
    status varchar(16) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Payment: CDC net changes
CREATE TABLE IF NOT EXISTS stg.payment (
    payment_id bigint NOT NULL,
    merchant_id bigint NULL,
    customer_id bigint NULL,
    payment_method_id bigint NULL,
    idempotency_key varchar(64) NULL,
    amount_minor bigint NULL,
    currency_code char(3) NULL,
    status varchar(32) NULL,
    capture_method varchar(16) NULL,
    description varchar(500) NULL,
    failure_code varchar(64) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    captured_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Refund: CDC net changes
CREATE TABLE IF NOT EXISTS stg.refund (
    refund_id bigint NOT NULL,
    payment_id bigint NULL,
    idempotency_key varchar(64) NULL,
    amount_minor bigint NULL,
    reason varchar(32) NULL,
    status varchar(16) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Dispute: CDC net changes
CREATE TABLE IF NOT EXISTS stg.dispute (
    dispute_id bigint NOT NULL,
    payment_id bigint NULL,
    amount_minor bigint NULL,
    reason varchar(32) NULL,
    status varchar(32) NULL,
    evidence_due_by timestamp(3) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.Payout: full extract
CREATE TABLE IF NOT EXISTS stg.payout (
    payout_id bigint NOT NULL,
    merchant_id bigint NULL,
    amount_minor bigint NULL,
    currency_code char(3) NULL,
    status varchar(16) NULL,
    arrival_date date NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NULL,
    cdc_commit_utc timestamp(3) NULL,
    run_id varchar(64) NULL,
    extracted_at_utc timestamp(3) NULL
)
DISTSTYLE EVEN;

-- stg.ApiLogs: flow 3: API request logs copied from the Cosmos DB api_logs container by Data Factory (one row per request, no payload, no IP address); removed once loaded
CREATE TABLE IF NOT EXISTS stg.api_logs (
    request_id varchar(64) NOT NULL,
    merchant_id bigint NULL,
    endpoint varchar(128) NOT NULL,
    http_method varchar(8) NOT NULL,
    status_code smallint NOT NULL,
    latency_ms integer NOT NULL,
    region varchar(32) NULL,
    event_time_utc timestamp(3) NOT NULL,
    ingested_at_utc timestamp(3) NOT NULL
)
DISTSTYLE EVEN;

/*
  003_etl_tables.sql - run log, data-quality results, refund/dispute state, work tables.
  Work tables stand in for temp tables: flow 2 runs in one transaction and a dedicated pool
  allows no DDL (CTAS included) inside a transaction.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- etl.Load_Run: one row per flow 2 run: published (the gate passed and the load committed) or rejected; the highest published ToLsn is the warehouse-side watermark
CREATE TABLE IF NOT EXISTS etl.load_run (
    run_id varchar(64) NOT NULL,
    to_lsn varchar(22) NOT NULL,
    status varchar(16) NOT NULL,
    failed_checks integer NOT NULL,
    first_failure varchar(400) NULL,
    finished_at_utc timestamp(3) NOT NULL
)
DISTSTYLE EVEN;

-- etl.DQ_Result: one row per check of a published run (a rejected run's checks are rolled back with it; Load_Run keeps the count and the first failure)
CREATE TABLE IF NOT EXISTS etl.dq_result (
    run_id varchar(64) NOT NULL,
    check_name varchar(64) NOT NULL,
    table_name varchar(128) NOT NULL,
    severity varchar(8) NOT NULL,
    violations bigint NOT NULL,
    passed boolean NOT NULL,
    checked_at_utc timestamp(3) NOT NULL
)
DISTSTYLE EVEN;

-- etl.Refund_State: current state of every refund (CDC gives deltas, the fact needs totals)
CREATE TABLE IF NOT EXISTS etl.refund_state (
    refund_id bigint NOT NULL,
    payment_id bigint NOT NULL,
    amount_minor bigint NOT NULL,
    status varchar(16) NOT NULL,
    updated_at_utc timestamp(3) NULL,
    load_run_id varchar(64) NOT NULL
)
DISTKEY (payment_id);

-- etl.Dispute_State: current state of every dispute
CREATE TABLE IF NOT EXISTS etl.dispute_state (
    dispute_id bigint NOT NULL,
    payment_id bigint NOT NULL,
    amount_minor bigint NOT NULL,
    status varchar(32) NOT NULL,
    created_at_utc timestamp(3) NULL,
    load_run_id varchar(64) NOT NULL
)
DISTKEY (payment_id);

-- etl.Digits: 0-9, source of the calendar's day numbers (no recursive CTE or generate_series on every engine)
CREATE TABLE IF NOT EXISTS etl.digits (
    digit integer NOT NULL
)
DISTSTYLE ALL;

-- etl.Work_Currency: latest staged row per currency
CREATE TABLE IF NOT EXISTS etl.work_currency (
    currency_code char(3) NOT NULL,
    name varchar(64) NOT NULL,
    minor_units smallint NOT NULL,
    is_active boolean NOT NULL
)
DISTSTYLE EVEN;

-- etl.Work_Country: latest staged row per country
CREATE TABLE IF NOT EXISTS etl.work_country (
    country_code char(2) NOT NULL,
    name varchar(100) NOT NULL,
    region varchar(50) NOT NULL,
    is_eu boolean NOT NULL
)
DISTSTYLE EVEN;

-- etl.Work_Merchant: latest staged change per merchant, with its version time
CREATE TABLE IF NOT EXISTS etl.work_merchant (
    merchant_id bigint NOT NULL,
    public_id varchar(32) NULL,
    legal_name varchar(200) NULL,
    display_name varchar(100) NULL,
    country_code char(2) NULL,
    default_currency_code char(3) NULL,
    mcc char(4) NULL,
    status varchar(16) NULL,
    created_at timestamp(3) NULL,
    cdc_operation integer NOT NULL,
    change_at_utc timestamp(3) NOT NULL,
    row_hash char(64) NOT NULL
)
DISTSTYLE EVEN;

-- etl.Work_Customer: latest staged change per customer, with its version time
CREATE TABLE IF NOT EXISTS etl.work_customer (
    customer_id bigint NOT NULL,
    merchant_id bigint NULL,
    country_code char(2) NULL,
    created_at timestamp(3) NULL,
    is_deleted boolean NOT NULL,
    cdc_operation integer NOT NULL,
    change_at_utc timestamp(3) NOT NULL,
    row_hash char(64) NOT NULL
)
DISTSTYLE EVEN;

-- etl.Work_PaymentMethod: latest staged change per payment method
CREATE TABLE IF NOT EXISTS etl.work_payment_method (
    payment_method_id bigint NOT NULL,
    customer_id bigint NULL,
    type varchar(16) NULL,
    card_brand varchar(16) NULL,
    issuer_country_code char(2) NULL,
    status varchar(16) NULL,
    created_at timestamp(3) NULL
)
DISTSTYLE EVEN;

-- etl.Work_Payment: latest staged change per payment
CREATE TABLE IF NOT EXISTS etl.work_payment (
    payment_id bigint NOT NULL,
    merchant_id bigint NULL,
    customer_id bigint NULL,
    payment_method_id bigint NULL,
    amount_minor bigint NULL,
    currency_code char(3) NULL,
    status varchar(32) NULL,
    capture_method varchar(16) NULL,
    created_at timestamp(3) NULL,
    updated_at timestamp(3) NULL,
    captured_at timestamp(3) NULL,
    cdc_start_lsn varchar(22) NULL,
    cdc_operation integer NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_Refund: latest staged change per refund
CREATE TABLE IF NOT EXISTS etl.work_refund (
    refund_id bigint NOT NULL,
    payment_id bigint NULL,
    amount_minor bigint NULL,
    status varchar(16) NULL,
    updated_at timestamp(3) NULL,
    cdc_operation integer NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_Dispute: latest staged change per dispute
CREATE TABLE IF NOT EXISTS etl.work_dispute (
    dispute_id bigint NOT NULL,
    payment_id bigint NULL,
    amount_minor bigint NULL,
    status varchar(32) NULL,
    created_at timestamp(3) NULL,
    cdc_operation integer NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_Affected: payments whose fact row changes in this run
CREATE TABLE IF NOT EXISTS etl.work_affected (
    payment_id bigint NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_Days: days whose aggregates this run recomputes (before and after the run)
CREATE TABLE IF NOT EXISTS etl.work_days (
    date_key integer NOT NULL
)
DISTSTYLE EVEN;

-- etl.Work_RefundAgg: refund totals of the affected payments
CREATE TABLE IF NOT EXISTS etl.work_refund_agg (
    payment_id bigint NOT NULL,
    amount_refunded_minor bigint NOT NULL,
    refund_count integer NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_DisputeAgg: dispute totals and latest status of the affected payments
CREATE TABLE IF NOT EXISTS etl.work_dispute_agg (
    payment_id bigint NOT NULL,
    amount_disputed_minor bigint NOT NULL,
    dispute_status varchar(32) NULL
)
DISTKEY (payment_id);

-- etl.Work_Adjust: new refund/dispute figures of payments not in this run's payment changes
CREATE TABLE IF NOT EXISTS etl.work_adjust (
    payment_id bigint NOT NULL,
    effective_status varchar(32) NOT NULL,
    amount_refunded_minor bigint NOT NULL,
    amount_refunded decimal(19,4) NOT NULL,
    refund_count integer NOT NULL,
    is_disputed boolean NOT NULL,
    dispute_status varchar(32) NULL,
    amount_disputed_minor bigint NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_Rekey: fact rows on an unknown member (-1) whose member has arrived, with their new keys
CREATE TABLE IF NOT EXISTS etl.work_rekey (
    payment_id bigint NOT NULL,
    merchant_key integer NOT NULL,
    customer_key integer NOT NULL,
    payment_method_key integer NOT NULL,
    currency_key integer NOT NULL,
    geography_key integer NOT NULL,
    amount decimal(19,4) NOT NULL,
    amount_refunded decimal(19,4) NOT NULL
)
DISTKEY (payment_id);

-- etl.Work_ApiBatch: flow 3: the staged requests one run loads
CREATE TABLE IF NOT EXISTS etl.work_api_batch (
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
DISTKEY (request_id);

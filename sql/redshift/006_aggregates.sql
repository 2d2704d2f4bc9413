/*
  006_aggregates.sql - aggregates for BI.
  agg.Payment_Daily_Currency is recomputed by the load for every day a run touched.
  Materialized views are maintained by the engine; there is no CREATE OR ALTER for them.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- agg.Payment_Daily_Currency: daily totals by currency with refunds and disputes, recomputed for every day a run touched (deleted payments' days included)
CREATE TABLE IF NOT EXISTS agg.payment_daily_currency (
    date_key integer NOT NULL,
    currency_key integer NOT NULL,
    payment_count bigint NOT NULL,
    succeeded_count bigint NOT NULL,
    failed_count bigint NOT NULL,
    amount_minor bigint NOT NULL,
    amount decimal(19,4) NOT NULL,
    amount_refunded decimal(19,4) NOT NULL,
    disputed_count bigint NOT NULL,
    refresh_run_id varchar(64) NOT NULL,
    refreshed_at_utc timestamp(3) NOT NULL
)
DISTSTYLE ALL SORTKEY (date_key);

-- agg.mv_Payment_Daily_Merchant: COUNT/SUM only: maintained through the fact's updates and deletes
DROP MATERIALIZED VIEW IF EXISTS agg.mv_Payment_Daily_Merchant;
CREATE MATERIALIZED VIEW agg.mv_Payment_Daily_Merchant
AUTO REFRESH YES
AS
SELECT f.date_key, f.merchant_key, f.currency_key, f.effective_status, COUNT(*) AS payment_count,
       SUM(f.amount_minor) AS amount_minor, SUM(f.amount_refunded_minor) AS amount_refunded_minor,
       SUM(f.amount_disputed_minor) AS amount_disputed_minor, SUM(f.refund_count) AS refund_count
FROM dw.fact_payment AS f
GROUP BY f.date_key, f.merchant_key, f.currency_key, f.effective_status;

-- agg.mv_API_Performance_5min: MAX needs FOR_APPEND on a dedicated pool; the fact is append-only (flow 3 never updates or deletes it)
DROP MATERIALIZED VIEW IF EXISTS agg.mv_API_Performance_5min;
CREATE MATERIALIZED VIEW agg.mv_API_Performance_5min
AUTO REFRESH YES
AS
SELECT f.bucket5_min_utc, f.endpoint, f.http_method, f.merchant_key, COUNT(*) AS request_count,
       SUM(CASE WHEN f.is_error = TRUE THEN 1 ELSE 0 END) AS error_count, SUM(CAST(f.latency_ms AS bigint)) AS latency_ms_sum,
       MAX(f.latency_ms) AS latency_ms_max
FROM dw.fact_api_performance AS f
GROUP BY f.bucket5_min_utc, f.endpoint, f.http_method, f.merchant_key;

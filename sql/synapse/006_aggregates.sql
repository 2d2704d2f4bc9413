/*
  006_aggregates.sql - aggregates for BI.
  agg.Payment_Daily_Currency is recomputed by the load for every day a run touched.
  Materialized views are maintained by the engine; there is no CREATE OR ALTER for them.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- agg.Payment_Daily_Currency: daily totals by currency with refunds and disputes, recomputed for every day a run touched (deleted payments' days included)
IF OBJECT_ID(N'agg.Payment_Daily_Currency', N'U') IS NULL
CREATE TABLE agg.Payment_Daily_Currency (
    DateKey int NOT NULL,
    CurrencyKey int NOT NULL,
    PaymentCount bigint NOT NULL,
    SucceededCount bigint NOT NULL,
    FailedCount bigint NOT NULL,
    AmountMinor bigint NOT NULL,
    Amount decimal(19,4) NOT NULL,
    AmountRefunded decimal(19,4) NOT NULL,
    DisputedCount bigint NOT NULL,
    RefreshRunId nvarchar(64) NOT NULL,
    RefreshedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (DateKey, CurrencyKey));
GO

-- agg.mv_Payment_Daily_Merchant: COUNT/SUM only: maintained through the fact's updates and deletes
IF OBJECT_ID(N'agg.mv_Payment_Daily_Merchant', N'V') IS NULL
EXEC (N'
CREATE MATERIALIZED VIEW agg.mv_Payment_Daily_Merchant
WITH (DISTRIBUTION = HASH(MerchantKey))
AS
SELECT f.DateKey, f.MerchantKey, f.CurrencyKey, f.EffectiveStatus, COUNT_BIG(*) AS PaymentCount,
       SUM(f.AmountMinor) AS AmountMinor, SUM(f.AmountRefundedMinor) AS AmountRefundedMinor,
       SUM(f.AmountDisputedMinor) AS AmountDisputedMinor, SUM(f.RefundCount) AS RefundCount
FROM dw.Fact_Payment AS f
GROUP BY f.DateKey, f.MerchantKey, f.CurrencyKey, f.EffectiveStatus;
');
GO

-- agg.mv_API_Performance_5min: MAX needs FOR_APPEND on a dedicated pool; the fact is append-only (flow 3 never updates or deletes it)
IF OBJECT_ID(N'agg.mv_API_Performance_5min', N'V') IS NULL
EXEC (N'
CREATE MATERIALIZED VIEW agg.mv_API_Performance_5min
WITH (DISTRIBUTION = HASH(Bucket5MinUtc), FOR_APPEND)
AS
SELECT f.Bucket5MinUtc, f.Endpoint, f.HttpMethod, f.MerchantKey, COUNT_BIG(*) AS RequestCount,
       SUM(CASE WHEN f.IsError = 1 THEN 1 ELSE 0 END) AS ErrorCount, SUM(CAST(f.LatencyMs AS bigint)) AS LatencyMsSum,
       MAX(f.LatencyMs) AS LatencyMsMax
FROM dw.Fact_API_Performance AS f
GROUP BY f.Bucket5MinUtc, f.Endpoint, f.HttpMethod, f.MerchantKey;
');
GO

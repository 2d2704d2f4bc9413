/*
  005_aggregates.sql - aggregates for BI (Power BI / Looker) and flow 3 dashboards.

  Materialized views (maintained by Synapse on every insert into the base table, used
  automatically by the optimizer). Restrictions respected: GROUP BY with COUNT_BIG/SUM only,
  no MIN/MAX on dw.Fact_Payment (MIN/MAX would disable the view on every UPDATE/DELETE, and the
  payment fact is upserted), no non-deterministic functions, no expressions in GROUP BY (the
  5-minute bucket is a column of the fact), a single base table, no OUTER JOIN.
  There is no CREATE OR ALTER MATERIALIZED VIEW: each view is created only when missing (EXEC so
  CREATE is first in its batch); etl.usp_Refresh_Aggregates rebuilds a view Synapse disabled.
  agg.Payment_Daily_Currency is a plain aggregate table (daily totals by currency with refunds
  and disputes) refreshed by etl.usp_Refresh_Aggregates for the days a run touched.
*/

IF OBJECT_ID(N'agg.mv_Payment_Daily_Merchant', N'V') IS NULL
EXEC (N'
CREATE MATERIALIZED VIEW agg.mv_Payment_Daily_Merchant
WITH (DISTRIBUTION = HASH(MerchantKey))
AS
SELECT
    f.DateKey,
    f.MerchantKey,
    f.CurrencyKey,
    f.EffectiveStatus,
    COUNT_BIG(*) AS PaymentCount,
    SUM(f.AmountMinor) AS AmountMinor,
    SUM(f.AmountRefundedMinor) AS AmountRefundedMinor,
    SUM(f.AmountDisputedMinor) AS AmountDisputedMinor,
    SUM(f.RefundCount) AS RefundCount
FROM dw.Fact_Payment AS f
GROUP BY f.DateKey, f.MerchantKey, f.CurrencyKey, f.EffectiveStatus;
');
GO

IF OBJECT_ID(N'agg.mv_API_Performance_5min', N'V') IS NULL
EXEC (N'
CREATE MATERIALIZED VIEW agg.mv_API_Performance_5min
WITH (DISTRIBUTION = HASH(Endpoint))
AS
SELECT
    f.Bucket5MinUtc,
    f.Endpoint,
    f.HttpMethod,
    f.MerchantKey,
    COUNT_BIG(*) AS RequestCount,
    SUM(CAST(f.IsError AS int)) AS ErrorCount,
    SUM(CAST(f.LatencyMs AS bigint)) AS LatencyMsSum,
    MAX(f.LatencyMs) AS LatencyMsMax
FROM dw.Fact_API_Performance AS f
GROUP BY f.Bucket5MinUtc, f.Endpoint, f.HttpMethod, f.MerchantKey;
');
GO

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

/*
  004_facts.sql - fact tables (HASH-distributed, clustered columnstore, partitioned by date key).

  dw.Fact_Payment  grain: one row per payment (the brief's single fact). HASH(PaymentId): highest
                   cardinality key, no skew (a large merchant would skew HASH(MerchantKey)), and
                   the CDC upsert by PaymentId stays distribution-local. Monthly partitions on
                   DateKey (payment creation date) for partition elimination and switching;
                   Synapse needs ~1M rows per distribution per partition for good columnstore
                   segments, so monthly is right from ~60M payments/month.
  dw.Fact_API_Performance  grain: one API request (flow 3, near real time). HASH(RequestId).
  etl.Refund_State / etl.Dispute_State: the current state of every refund and dispute, so that
                   the payment fact can be recomputed when only a refund or dispute changed
                   (CDC gives deltas, not totals). Internal to the ETL, not for reporting.
  Money: *Minor columns are integers in the currency's minor unit (as in the OLTP); the DECIMAL
  columns are the same amounts in major units, computed at load with Dim_Currency.MinorUnits.
*/

IF OBJECT_ID(N'dw.Fact_Payment', N'U') IS NULL
CREATE TABLE dw.Fact_Payment (
    PaymentId bigint NOT NULL,
    DateKey int NOT NULL,
    MerchantKey int NOT NULL,
    CustomerKey int NOT NULL,
    PaymentMethodKey int NOT NULL,
    CurrencyKey int NOT NULL,
    GeographyKey int NOT NULL,              -- the merchant's country
    Status varchar(32) NOT NULL,            -- source status
    EffectiveStatus varchar(32) NOT NULL,   -- status after refunds and disputes
    CaptureMethod varchar(16) NULL,
    AmountMinor bigint NOT NULL,
    Amount decimal(19,4) NOT NULL,
    AmountRefundedMinor bigint NOT NULL,
    AmountRefunded decimal(19,4) NOT NULL,
    RefundCount int NOT NULL,
    IsDisputed bit NOT NULL,
    DisputeStatus varchar(32) NULL,
    AmountDisputedMinor bigint NOT NULL,
    CreatedAtUtc datetime2(3) NOT NULL,
    CapturedAtUtc datetime2(3) NULL,
    SourceUpdatedAtUtc datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    LoadRunId nvarchar(64) NOT NULL,        -- run that (re)inserted the row
    UpdatedRunId nvarchar(64) NULL,         -- last run that applied refunds/disputes
    LoadedAtUtc datetime2(3) NOT NULL
)
WITH (
    DISTRIBUTION = HASH(PaymentId),
    CLUSTERED COLUMNSTORE INDEX,
    PARTITION (DateKey RANGE RIGHT FOR VALUES (
        20240101, 20240201, 20240301, 20240401, 20240501, 20240601, 20240701, 20240801, 20240901, 20241001, 20241101, 20241201,
        20250101, 20250201, 20250301, 20250401, 20250501, 20250601, 20250701, 20250801, 20250901, 20251001, 20251101, 20251201,
        20260101, 20260201, 20260301, 20260401, 20260501, 20260601, 20260701, 20260801, 20260901, 20261001, 20261101, 20261201
    ))
);
GO

IF OBJECT_ID(N'dw.Fact_API_Performance', N'U') IS NULL
CREATE TABLE dw.Fact_API_Performance (
    RequestId varchar(64) NOT NULL,
    DateKey int NOT NULL,
    MerchantKey int NOT NULL,
    Bucket5MinUtc datetime2(0) NOT NULL,    -- start of the 5-minute bucket (materialized view grain)
    Endpoint varchar(128) NOT NULL,
    HttpMethod varchar(8) NOT NULL,
    StatusCode smallint NOT NULL,
    IsError bit NOT NULL,                   -- 5xx
    LatencyMs int NOT NULL,
    Region varchar(32) NULL,
    EventTimeUtc datetime2(3) NOT NULL,
    LoadRunId nvarchar(64) NOT NULL,
    LoadedAtUtc datetime2(3) NOT NULL
)
WITH (
    DISTRIBUTION = HASH(RequestId),
    CLUSTERED COLUMNSTORE INDEX,
    PARTITION (DateKey RANGE RIGHT FOR VALUES (
        20250101, 20250201, 20250301, 20250401, 20250501, 20250601, 20250701, 20250801, 20250901, 20251001, 20251101, 20251201,
        20260101, 20260201, 20260301, 20260401, 20260501, 20260601, 20260701, 20260801, 20260901, 20261001, 20261101, 20261201
    ))
);
GO

IF OBJECT_ID(N'etl.Refund_State', N'U') IS NULL
CREATE TABLE etl.Refund_State (
    RefundId bigint NOT NULL,
    PaymentId bigint NOT NULL,
    AmountMinor bigint NOT NULL,
    Status varchar(16) NOT NULL,
    UpdatedAtUtc datetime2(3) NULL,
    LoadRunId nvarchar(64) NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), CLUSTERED COLUMNSTORE INDEX);
GO

IF OBJECT_ID(N'etl.Dispute_State', N'U') IS NULL
CREATE TABLE etl.Dispute_State (
    DisputeId bigint NOT NULL,
    PaymentId bigint NOT NULL,
    AmountMinor bigint NOT NULL,
    Status varchar(32) NOT NULL,
    CreatedAtUtc datetime2(3) NULL,
    LoadRunId nvarchar(64) NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), CLUSTERED COLUMNSTORE INDEX);
GO

/*
  005_facts.sql - the facts.
  Synapse: clustered columnstore, monthly partitions on DateKey through December 2029 (a yearly
  SPLIT adds the next year, docs/runbook.md). Redshift: DISTKEY + compound SORTKEY on DateKey.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- dw.Fact_Payment: one row per payment. HASH(PaymentId): highest cardinality, no skew (HASH(MerchantKey) would skew on a large merchant), the upsert by PaymentId stays distribution-local. The natural keys (MerchantId, CustomerId, PaymentMethodId, CurrencyCode) are kept so that a row loaded on the unknown member (-1) is re-keyed when the member arrives
IF OBJECT_ID(N'dw.Fact_Payment', N'U') IS NULL
CREATE TABLE dw.Fact_Payment (
    PaymentId bigint NOT NULL,
    DateKey int NOT NULL,
    MerchantKey int NOT NULL,
    CustomerKey int NOT NULL,
    PaymentMethodKey int NOT NULL,
    CurrencyKey int NOT NULL,
    GeographyKey int NOT NULL,
    MerchantId bigint NULL,
    CustomerId bigint NULL,
    PaymentMethodId bigint NULL,
    CurrencyCode char(3) NULL,
    Status varchar(32) NOT NULL,
    EffectiveStatus varchar(32) NOT NULL,
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
    LoadRunId nvarchar(64) NOT NULL,
    UpdatedRunId nvarchar(64) NULL,
    LoadedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), CLUSTERED COLUMNSTORE INDEX, PARTITION (DateKey RANGE RIGHT FOR VALUES (20240101, 20240201, 20240301, 20240401, 20240501, 20240601, 20240701, 20240801, 20240901, 20241001, 20241101, 20241201, 20250101, 20250201, 20250301, 20250401, 20250501, 20250601, 20250701, 20250801, 20250901, 20251001, 20251101, 20251201, 20260101, 20260201, 20260301, 20260401, 20260501, 20260601, 20260701, 20260801, 20260901, 20261001, 20261101, 20261201, 20270101, 20270201, 20270301, 20270401, 20270501, 20270601, 20270701, 20270801, 20270901, 20271001, 20271101, 20271201, 20280101, 20280201, 20280301, 20280401, 20280501, 20280601, 20280701, 20280801, 20280901, 20281001, 20281101, 20281201, 20290101, 20290201, 20290301, 20290401, 20290501, 20290601, 20290701, 20290801, 20290901, 20291001, 20291101, 20291201)));
GO

-- dw.Fact_API_Performance: flow 3, one row per API request, append only
IF OBJECT_ID(N'dw.Fact_API_Performance', N'U') IS NULL
CREATE TABLE dw.Fact_API_Performance (
    RequestId varchar(64) NOT NULL,
    DateKey int NOT NULL,
    MerchantKey int NOT NULL,
    MerchantId bigint NULL,
    Bucket5MinUtc datetime2(0) NOT NULL,
    Endpoint varchar(128) NOT NULL,
    HttpMethod varchar(8) NOT NULL,
    StatusCode smallint NOT NULL,
    IsError bit NOT NULL,
    LatencyMs int NOT NULL,
    Region varchar(32) NULL,
    EventTimeUtc datetime2(3) NOT NULL,
    LoadRunId nvarchar(64) NOT NULL,
    LoadedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = HASH(RequestId), CLUSTERED COLUMNSTORE INDEX, PARTITION (DateKey RANGE RIGHT FOR VALUES (20240101, 20240201, 20240301, 20240401, 20240501, 20240601, 20240701, 20240801, 20240901, 20241001, 20241101, 20241201, 20250101, 20250201, 20250301, 20250401, 20250501, 20250601, 20250701, 20250801, 20250901, 20251001, 20251101, 20251201, 20260101, 20260201, 20260301, 20260401, 20260501, 20260601, 20260701, 20260801, 20260901, 20261001, 20261101, 20261201, 20270101, 20270201, 20270301, 20270401, 20270501, 20270601, 20270701, 20270801, 20270901, 20271001, 20271101, 20271201, 20280101, 20280201, 20280301, 20280401, 20280501, 20280601, 20280701, 20280801, 20280901, 20281001, 20281101, 20281201, 20290101, 20290201, 20290301, 20290401, 20290501, 20290601, 20290701, 20290801, 20290901, 20291001, 20291101, 20291201)));
GO

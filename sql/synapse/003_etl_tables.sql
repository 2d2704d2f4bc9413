/*
  003_etl_tables.sql - run log, data-quality results, refund/dispute state, work tables.
  Work tables stand in for temp tables: flow 2 runs in one transaction and a dedicated pool
  allows no DDL (CTAS included) inside a transaction.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- etl.Load_Run: one row per flow 2 run: published (the gate passed and the load committed) or rejected; the highest published ToLsn is the warehouse-side watermark
IF OBJECT_ID(N'etl.Load_Run', N'U') IS NULL
CREATE TABLE etl.Load_Run (
    RunId nvarchar(64) NOT NULL,
    ToLsn varchar(22) NOT NULL,
    Status varchar(16) NOT NULL,
    FailedChecks int NOT NULL,
    FirstFailure varchar(400) NULL,
    FinishedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX (RunId));
GO

-- etl.DQ_Result: one row per check of a published run (a rejected run's checks are rolled back with it; Load_Run keeps the count and the first failure)
IF OBJECT_ID(N'etl.DQ_Result', N'U') IS NULL
CREATE TABLE etl.DQ_Result (
    RunId nvarchar(64) NOT NULL,
    CheckName varchar(64) NOT NULL,
    TableName varchar(128) NOT NULL,
    Severity varchar(8) NOT NULL,
    Violations bigint NOT NULL,
    Passed bit NOT NULL,
    CheckedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX (RunId));
GO

-- etl.Refund_State: current state of every refund (CDC gives deltas, the fact needs totals)
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

-- etl.Dispute_State: current state of every dispute
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

-- etl.Digits: 0-9, source of the calendar's day numbers (no recursive CTE or generate_series on every engine)
IF OBJECT_ID(N'etl.Digits', N'U') IS NULL
CREATE TABLE etl.Digits (
    Digit int NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_Currency: latest staged row per currency
IF OBJECT_ID(N'etl.Work_Currency', N'U') IS NULL
CREATE TABLE etl.Work_Currency (
    CurrencyCode char(3) NOT NULL,
    Name nvarchar(64) NOT NULL,
    MinorUnits smallint NOT NULL,
    IsActive bit NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_Country: latest staged row per country
IF OBJECT_ID(N'etl.Work_Country', N'U') IS NULL
CREATE TABLE etl.Work_Country (
    CountryCode char(2) NOT NULL,
    Name nvarchar(100) NOT NULL,
    Region nvarchar(50) NOT NULL,
    IsEu bit NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_Merchant: latest staged change per merchant, with its version time
IF OBJECT_ID(N'etl.Work_Merchant', N'U') IS NULL
CREATE TABLE etl.Work_Merchant (
    MerchantId bigint NOT NULL,
    PublicId varchar(32) NULL,
    LegalName nvarchar(200) NULL,
    DisplayName nvarchar(100) NULL,
    CountryCode char(2) NULL,
    DefaultCurrencyCode char(3) NULL,
    Mcc char(4) NULL,
    Status varchar(16) NULL,
    CreatedAt datetime2(3) NULL,
    CdcOperation int NOT NULL,
    ChangeAtUtc datetime2(3) NOT NULL,
    RowHash char(64) NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_Customer: latest staged change per customer, with its version time
IF OBJECT_ID(N'etl.Work_Customer', N'U') IS NULL
CREATE TABLE etl.Work_Customer (
    CustomerId bigint NOT NULL,
    MerchantId bigint NULL,
    CountryCode char(2) NULL,
    CreatedAt datetime2(3) NULL,
    IsDeleted bit NOT NULL,
    CdcOperation int NOT NULL,
    ChangeAtUtc datetime2(3) NOT NULL,
    RowHash char(64) NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_PaymentMethod: latest staged change per payment method
IF OBJECT_ID(N'etl.Work_PaymentMethod', N'U') IS NULL
CREATE TABLE etl.Work_PaymentMethod (
    PaymentMethodId bigint NOT NULL,
    CustomerId bigint NULL,
    Type varchar(16) NULL,
    CardBrand varchar(16) NULL,
    IssuerCountryCode char(2) NULL,
    Status varchar(16) NULL,
    CreatedAt datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_Payment: latest staged change per payment
IF OBJECT_ID(N'etl.Work_Payment', N'U') IS NULL
CREATE TABLE etl.Work_Payment (
    PaymentId bigint NOT NULL,
    MerchantId bigint NULL,
    CustomerId bigint NULL,
    PaymentMethodId bigint NULL,
    AmountMinor bigint NULL,
    CurrencyCode char(3) NULL,
    Status varchar(32) NULL,
    CaptureMethod varchar(16) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CapturedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_Refund: latest staged change per refund
IF OBJECT_ID(N'etl.Work_Refund', N'U') IS NULL
CREATE TABLE etl.Work_Refund (
    RefundId bigint NOT NULL,
    PaymentId bigint NULL,
    AmountMinor bigint NULL,
    Status varchar(16) NULL,
    UpdatedAt datetime2(3) NULL,
    CdcOperation int NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_Dispute: latest staged change per dispute
IF OBJECT_ID(N'etl.Work_Dispute', N'U') IS NULL
CREATE TABLE etl.Work_Dispute (
    DisputeId bigint NOT NULL,
    PaymentId bigint NULL,
    AmountMinor bigint NULL,
    Status varchar(32) NULL,
    CreatedAt datetime2(3) NULL,
    CdcOperation int NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_Affected: payments whose fact row changes in this run
IF OBJECT_ID(N'etl.Work_Affected', N'U') IS NULL
CREATE TABLE etl.Work_Affected (
    PaymentId bigint NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_Days: days whose aggregates this run recomputes (before and after the run)
IF OBJECT_ID(N'etl.Work_Days', N'U') IS NULL
CREATE TABLE etl.Work_Days (
    DateKey int NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- etl.Work_RefundAgg: refund totals of the affected payments
IF OBJECT_ID(N'etl.Work_RefundAgg', N'U') IS NULL
CREATE TABLE etl.Work_RefundAgg (
    PaymentId bigint NOT NULL,
    AmountRefundedMinor bigint NOT NULL,
    RefundCount int NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_DisputeAgg: dispute totals and latest status of the affected payments
IF OBJECT_ID(N'etl.Work_DisputeAgg', N'U') IS NULL
CREATE TABLE etl.Work_DisputeAgg (
    PaymentId bigint NOT NULL,
    AmountDisputedMinor bigint NOT NULL,
    DisputeStatus varchar(32) NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_Adjust: new refund/dispute figures of payments not in this run's payment changes
IF OBJECT_ID(N'etl.Work_Adjust', N'U') IS NULL
CREATE TABLE etl.Work_Adjust (
    PaymentId bigint NOT NULL,
    EffectiveStatus varchar(32) NOT NULL,
    AmountRefundedMinor bigint NOT NULL,
    AmountRefunded decimal(19,4) NOT NULL,
    RefundCount int NOT NULL,
    IsDisputed bit NOT NULL,
    DisputeStatus varchar(32) NULL,
    AmountDisputedMinor bigint NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_Rekey: fact rows on an unknown member (-1) whose member has arrived, with their new keys
IF OBJECT_ID(N'etl.Work_Rekey', N'U') IS NULL
CREATE TABLE etl.Work_Rekey (
    PaymentId bigint NOT NULL,
    MerchantKey int NOT NULL,
    CustomerKey int NOT NULL,
    PaymentMethodKey int NOT NULL,
    CurrencyKey int NOT NULL,
    GeographyKey int NOT NULL,
    Amount decimal(19,4) NOT NULL,
    AmountRefunded decimal(19,4) NOT NULL
)
WITH (DISTRIBUTION = HASH(PaymentId), HEAP);
GO

-- etl.Work_ApiBatch: flow 3: the staged requests one run loads
IF OBJECT_ID(N'etl.Work_ApiBatch', N'U') IS NULL
CREATE TABLE etl.Work_ApiBatch (
    RequestId varchar(64) NOT NULL,
    MerchantId bigint NULL,
    Endpoint varchar(128) NOT NULL,
    HttpMethod varchar(8) NOT NULL,
    StatusCode smallint NOT NULL,
    LatencyMs int NOT NULL,
    Region varchar(32) NULL,
    EventTimeUtc datetime2(3) NOT NULL,
    IngestedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = HASH(RequestId), HEAP);
GO

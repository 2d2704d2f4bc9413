/*
  002_staging.sql - one landing table per OLTP table (truncated by each run's copy) and stg.ApiLogs.
  CDC columns: CdcStartLsn ('0x' + 20 hex digits), CdcOperation (1 delete, 5 insert/update),
  CdcCommitUtc (commit time of the change: the SCD2 version time); NULL for full extracts.
  Personal and card data columns are not captured and have no column here.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- stg.Country: full extract
IF OBJECT_ID(N'stg.Country', N'U') IS NULL
CREATE TABLE stg.Country (
    CountryCode char(2) NOT NULL,
    Name nvarchar(100) NOT NULL,
    Region nvarchar(50) NOT NULL,
    IsEu bit NOT NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Currency: full extract
IF OBJECT_ID(N'stg.Currency', N'U') IS NULL
CREATE TABLE stg.Currency (
    CurrencyCode char(3) NOT NULL,
    Name nvarchar(64) NOT NULL,
    MinorUnits smallint NOT NULL,
    IsActive bit NOT NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Merchant: CDC net changes
IF OBJECT_ID(N'stg.Merchant', N'U') IS NULL
CREATE TABLE stg.Merchant (
    MerchantId bigint NOT NULL,
    PublicId varchar(32) NULL,
    LegalName nvarchar(200) NULL,
    DisplayName nvarchar(100) NULL,
    CountryCode char(2) NULL,
    DefaultCurrencyCode char(3) NULL,
    Mcc char(4) NULL,
    Status varchar(16) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Customer: CDC net changes
IF OBJECT_ID(N'stg.Customer', N'U') IS NULL
CREATE TABLE stg.Customer (
    CustomerId bigint NOT NULL,
    MerchantId bigint NULL,
    ExternalRef varchar(64) NULL,
    CountryCode char(2) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    DeletedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.PaymentMethod: CDC net changes
IF OBJECT_ID(N'stg.PaymentMethod', N'U') IS NULL
CREATE TABLE stg.PaymentMethod (
    PaymentMethodId bigint NOT NULL,
    CustomerId bigint NULL,
    Type varchar(16) NULL,
    VaultTokenRef varchar(64) NULL,
    CardBrand varchar(16) NULL,
    IssuerCountryCode char(2) NULL,
    Status varchar(16) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Payment: CDC net changes
IF OBJECT_ID(N'stg.Payment', N'U') IS NULL
CREATE TABLE stg.Payment (
    PaymentId bigint NOT NULL,
    MerchantId bigint NULL,
    CustomerId bigint NULL,
    PaymentMethodId bigint NULL,
    IdempotencyKey varchar(64) NULL,
    AmountMinor bigint NULL,
    CurrencyCode char(3) NULL,
    Status varchar(32) NULL,
    CaptureMethod varchar(16) NULL,
    Description nvarchar(500) NULL,
    FailureCode varchar(64) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CapturedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Refund: CDC net changes
IF OBJECT_ID(N'stg.Refund', N'U') IS NULL
CREATE TABLE stg.Refund (
    RefundId bigint NOT NULL,
    PaymentId bigint NULL,
    IdempotencyKey varchar(64) NULL,
    AmountMinor bigint NULL,
    Reason varchar(32) NULL,
    Status varchar(16) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Dispute: CDC net changes
IF OBJECT_ID(N'stg.Dispute', N'U') IS NULL
CREATE TABLE stg.Dispute (
    DisputeId bigint NOT NULL,
    PaymentId bigint NULL,
    AmountMinor bigint NULL,
    Reason varchar(32) NULL,
    Status varchar(32) NULL,
    EvidenceDueBy datetime2(3) NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.Payout: full extract
IF OBJECT_ID(N'stg.Payout', N'U') IS NULL
CREATE TABLE stg.Payout (
    PayoutId bigint NOT NULL,
    MerchantId bigint NULL,
    AmountMinor bigint NULL,
    CurrencyCode char(3) NULL,
    Status varchar(16) NULL,
    ArrivalDate date NULL,
    CreatedAt datetime2(3) NULL,
    UpdatedAt datetime2(3) NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    CdcCommitUtc datetime2(3) NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

-- stg.ApiLogs: flow 3: API request logs copied from the Cosmos DB api_logs container by Data Factory (one row per request, no payload, no IP address); removed once loaded
IF OBJECT_ID(N'stg.ApiLogs', N'U') IS NULL
CREATE TABLE stg.ApiLogs (
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
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

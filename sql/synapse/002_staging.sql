/*
  002_staging.sql - one landing table per OLTP table (ROUND_ROBIN heaps: fastest load target).

  Data Factory truncates each table in the Copy activity's pre-copy script, then lands the rows
  returned by Azure SQL etl.usp_ReadNetChanges (CDC tables) or a full SELECT (Country, Currency,
  Payout), adding RunId = pipeline().RunId. CDC metadata are plain columns:
    CdcStartLsn  '0x...' LSN of the change, NULL for full extracts
    CdcOperation 1 = delete, 5 = insert/update ('all with merge'), NULL for full extracts
  Columns classified as personal/card data in Azure SQL are not captured by CDC (003) and have
  no column here: the warehouse holds pseudonymous ids only.
  Idempotent: each table is created only when missing.
*/
IF OBJECT_ID(N'stg.Country', N'U') IS NULL
CREATE TABLE stg.Country (
    CountryCode char(2) NOT NULL,
    Name nvarchar(100) NOT NULL,
    Region nvarchar(50) NOT NULL,
    IsEu bit NOT NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

IF OBJECT_ID(N'stg.Currency', N'U') IS NULL
CREATE TABLE stg.Currency (
    CurrencyCode char(3) NOT NULL,
    Name nvarchar(64) NOT NULL,
    MinorUnits tinyint NOT NULL,
    IsActive bit NOT NULL,
    CdcStartLsn varchar(22) NULL,
    CdcOperation int NULL,
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

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
    RunId nvarchar(64) NULL,
    ExtractedAtUtc datetime2(3) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

/* Flow 3: API request logs from the Cosmos DB change feed, filtered by Stream Analytics
   (one row per request, no payload, no IP address). Appended continuously; rows are removed by
   etl.usp_Load_Fact_API_Performance once loaded. */
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

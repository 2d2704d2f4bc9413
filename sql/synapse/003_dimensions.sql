/*
  003_dimensions.sql - the 6 dimensions of the star schema (REPLICATE: a full copy on every
  compute node, so joins with the hash-distributed facts never move data).

  Surrogate keys are INT assigned by the load procedures (MAX(key) + ROW_NUMBER()), not IDENTITY:
  IDENTITY values are not contiguous across distributions and cannot be set explicitly on load.
  Every dimension has an "unknown" member with key -1 so a late-arriving dimension row never
  drops a fact row (DQ 007 reports unknown-member references).
  SCD type 2 (history) on Dim_Merchant and Dim_Customer: ValidFromUtc / ValidToUtc / IsCurrent /
  RowHash. The other dimensions are type 1 (overwrite).
  Sizing note: REPLICATE is right below ~2 GB compressed; if Dim_Customer outgrows that, switch
  it to HASH(CustomerKey) (a one-line change here, the procedures do not depend on it).
  Synapse does not enforce PRIMARY KEY / FOREIGN KEY: uniqueness of keys is guaranteed by the
  load procedures and checked by etl.usp_DQ_Check.
*/

IF OBJECT_ID(N'dw.Dim_Date', N'U') IS NULL
CREATE TABLE dw.Dim_Date (
    DateKey int NOT NULL,              -- yyyymmdd, -1 = unknown
    FullDate date NULL,
    [Year] smallint NOT NULL,
    [Quarter] tinyint NOT NULL,
    [Month] tinyint NOT NULL,
    MonthName varchar(12) NOT NULL,
    DayOfMonth tinyint NOT NULL,
    DayOfWeekIso tinyint NOT NULL,     -- 1 = Monday
    DayName varchar(12) NOT NULL,
    IsoWeek tinyint NOT NULL,
    IsWeekend bit NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (DateKey));
GO

IF OBJECT_ID(N'dw.Dim_Currency', N'U') IS NULL
CREATE TABLE dw.Dim_Currency (
    CurrencyKey int NOT NULL,
    CurrencyCode char(3) NOT NULL,
    Name nvarchar(64) NOT NULL,
    MinorUnits tinyint NOT NULL,
    IsActive bit NOT NULL,
    LoadRunId nvarchar(64) NULL,
    UpdatedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (CurrencyKey));
GO

IF OBJECT_ID(N'dw.Dim_Geography', N'U') IS NULL
CREATE TABLE dw.Dim_Geography (
    GeographyKey int NOT NULL,
    CountryCode char(2) NOT NULL,
    CountryName nvarchar(100) NOT NULL,
    Region nvarchar(50) NOT NULL,
    IsEu bit NOT NULL,
    LoadRunId nvarchar(64) NULL,
    UpdatedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (GeographyKey));
GO

IF OBJECT_ID(N'dw.Dim_Merchant', N'U') IS NULL
CREATE TABLE dw.Dim_Merchant (
    MerchantKey int NOT NULL,
    MerchantId bigint NOT NULL,
    PublicId varchar(32) NULL,
    LegalName nvarchar(200) NULL,
    DisplayName nvarchar(100) NULL,
    CountryCode char(2) NULL,
    DefaultCurrencyCode char(3) NULL,
    Mcc char(4) NULL,
    Status varchar(16) NULL,
    ValidFromUtc datetime2(3) NOT NULL,
    ValidToUtc datetime2(3) NOT NULL,       -- 9999-12-31 for the current version
    IsCurrent bit NOT NULL,
    RowHash binary(32) NULL,
    LoadRunId nvarchar(64) NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED COLUMNSTORE INDEX);
GO

IF OBJECT_ID(N'dw.Dim_Customer', N'U') IS NULL
CREATE TABLE dw.Dim_Customer (
    CustomerKey int NOT NULL,
    CustomerId bigint NOT NULL,
    MerchantId bigint NULL,
    CountryCode char(2) NULL,
    CreatedAtUtc datetime2(3) NULL,
    IsDeleted bit NOT NULL,
    ValidFromUtc datetime2(3) NOT NULL,
    ValidToUtc datetime2(3) NOT NULL,
    IsCurrent bit NOT NULL,
    RowHash binary(32) NULL,
    LoadRunId nvarchar(64) NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED COLUMNSTORE INDEX);
GO

IF OBJECT_ID(N'dw.Dim_PaymentMethod', N'U') IS NULL
CREATE TABLE dw.Dim_PaymentMethod (
    PaymentMethodKey int NOT NULL,
    PaymentMethodId bigint NOT NULL,
    CustomerId bigint NULL,
    Type varchar(16) NULL,
    CardBrand varchar(16) NULL,
    IssuerCountryCode char(2) NULL,
    Status varchar(16) NULL,
    CreatedAtUtc datetime2(3) NULL,
    LoadRunId nvarchar(64) NULL,
    UpdatedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED COLUMNSTORE INDEX);
GO

/* Unknown members (key -1), inserted once. Synapse: single-row INSERT ... VALUES only. */
IF NOT EXISTS (SELECT 1 FROM dw.Dim_Date WHERE DateKey = -1)
    INSERT INTO dw.Dim_Date (DateKey, FullDate, [Year], [Quarter], [Month], MonthName, DayOfMonth, DayOfWeekIso, DayName, IsoWeek, IsWeekend)
    VALUES (-1, NULL, 0, 0, 0, 'Unknown', 0, 0, 'Unknown', 0, 0);
IF NOT EXISTS (SELECT 1 FROM dw.Dim_Currency WHERE CurrencyKey = -1)
    INSERT INTO dw.Dim_Currency (CurrencyKey, CurrencyCode, Name, MinorUnits, IsActive, LoadRunId, UpdatedAtUtc)
    VALUES (-1, 'XXX', N'Unknown', 2, 0, NULL, SYSUTCDATETIME());
IF NOT EXISTS (SELECT 1 FROM dw.Dim_Geography WHERE GeographyKey = -1)
    INSERT INTO dw.Dim_Geography (GeographyKey, CountryCode, CountryName, Region, IsEu, LoadRunId, UpdatedAtUtc)
    VALUES (-1, 'ZZ', N'Unknown', N'Unknown', 0, NULL, SYSUTCDATETIME());
IF NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant WHERE MerchantKey = -1)
    INSERT INTO dw.Dim_Merchant (MerchantKey, MerchantId, PublicId, LegalName, DisplayName, CountryCode, DefaultCurrencyCode, Mcc, Status, ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)
    VALUES (-1, -1, NULL, N'Unknown', N'Unknown', NULL, NULL, NULL, NULL, '1900-01-01', '9999-12-31', 1, NULL, NULL);
IF NOT EXISTS (SELECT 1 FROM dw.Dim_Customer WHERE CustomerKey = -1)
    INSERT INTO dw.Dim_Customer (CustomerKey, CustomerId, MerchantId, CountryCode, CreatedAtUtc, IsDeleted, ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)
    VALUES (-1, -1, NULL, NULL, NULL, 0, '1900-01-01', '9999-12-31', 1, NULL, NULL);
IF NOT EXISTS (SELECT 1 FROM dw.Dim_PaymentMethod WHERE PaymentMethodKey = -1)
    INSERT INTO dw.Dim_PaymentMethod (PaymentMethodKey, PaymentMethodId, CustomerId, Type, CardBrand, IssuerCountryCode, Status, CreatedAtUtc, LoadRunId, UpdatedAtUtc)
    VALUES (-1, -1, NULL, 'unknown', NULL, NULL, NULL, NULL, NULL, SYSUTCDATETIME());
GO

/* Calendar 2015-01-01 .. 2040-12-31, added only for missing dates (no recursive CTE in Synapse:
   numbers come from a cross join of a catalog view). */
INSERT INTO dw.Dim_Date (DateKey, FullDate, [Year], [Quarter], [Month], MonthName, DayOfMonth, DayOfWeekIso, DayName, IsoWeek, IsWeekend)
SELECT
    CONVERT(int, CONVERT(char(8), d.FullDate, 112)),
    d.FullDate,
    DATEPART(year, d.FullDate),
    DATEPART(quarter, d.FullDate),
    DATEPART(month, d.FullDate),
    DATENAME(month, d.FullDate),
    DATEPART(day, d.FullDate),
    (DATEDIFF(day, '19000101', d.FullDate) % 7) + 1,
    DATENAME(weekday, d.FullDate),
    DATEPART(iso_week, d.FullDate),
    CASE WHEN DATEDIFF(day, '19000101', d.FullDate) % 7 >= 5 THEN 1 ELSE 0 END
FROM (
    SELECT DATEADD(day, n.i, CONVERT(date, '20150101')) AS FullDate
    FROM (
        SELECT TOP (9497) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) - 1 AS i
        FROM sys.all_columns AS a CROSS JOIN sys.all_columns AS b
    ) AS n
) AS d
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Date AS x WHERE x.FullDate = d.FullDate);
GO

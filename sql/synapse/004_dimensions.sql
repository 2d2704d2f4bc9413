/*
  004_dimensions.sql - the 6 dimensions, their unknown members (-1) and the calendar.
  Surrogate keys: MAX(key) + ROW_NUMBER() in the load procedures (no IDENTITY: not contiguous
  across distributions, and no explicit values on load). Keys are not enforced by any engine here:
  the data-quality checks of etl.usp_DQ_Check guard them.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- dw.Dim_Date: calendar 2015-2040, DateKey yyyymmdd, -1 = unknown
IF OBJECT_ID(N'dw.Dim_Date', N'U') IS NULL
CREATE TABLE dw.Dim_Date (
    DateKey int NOT NULL,
    FullDate date NULL,
    Year smallint NOT NULL,
    Quarter smallint NOT NULL,
    Month smallint NOT NULL,
    MonthName varchar(12) NOT NULL,
    DayOfMonth smallint NOT NULL,
    DayOfWeekIso smallint NOT NULL,
    DayName varchar(12) NOT NULL,
    IsoWeek smallint NOT NULL,
    IsWeekend bit NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (DateKey));
GO

-- dw.Dim_Currency: type 1
IF OBJECT_ID(N'dw.Dim_Currency', N'U') IS NULL
CREATE TABLE dw.Dim_Currency (
    CurrencyKey int NOT NULL,
    CurrencyCode char(3) NOT NULL,
    Name nvarchar(64) NOT NULL,
    MinorUnits smallint NOT NULL,
    IsActive bit NOT NULL,
    LoadRunId nvarchar(64) NULL,
    UpdatedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (CurrencyKey));
GO

-- dw.Dim_Geography: type 1; a deleted country keeps its row (facts reference it)
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

-- dw.Dim_Merchant: SCD type 2: a version is valid in [ValidFromUtc, ValidToUtc), versions of one merchant are contiguous
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
    ValidToUtc datetime2(3) NOT NULL,
    IsCurrent bit NOT NULL,
    RowHash char(64) NULL,
    LoadRunId nvarchar(64) NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED COLUMNSTORE INDEX);
GO

-- dw.Dim_Customer: SCD type 2 like Dim_Merchant; the largest dimension (switch to HASH(CustomerKey) above ~2 GB compressed)
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
    RowHash char(64) NULL,
    LoadRunId nvarchar(64) NULL
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED COLUMNSTORE INDEX);
GO

-- dw.Dim_PaymentMethod: type 1; a deleted method is kept with Status 'detached'
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

INSERT INTO dw.Dim_Date (DateKey, FullDate, Year, Quarter, Month, MonthName, DayOfMonth, DayOfWeekIso, DayName, IsoWeek, IsWeekend)
SELECT -1, NULL, 0, 0, 0, 'Unknown', 0, 0, 'Unknown', 0, 0
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Date WHERE DateKey = -1);
INSERT INTO dw.Dim_Currency (CurrencyKey, CurrencyCode, Name, MinorUnits, IsActive, LoadRunId, UpdatedAtUtc)
SELECT -1, 'XXX', 'Unknown', 2, 0, NULL, SYSUTCDATETIME()
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Currency WHERE CurrencyKey = -1);
INSERT INTO dw.Dim_Geography (GeographyKey, CountryCode, CountryName, Region, IsEu, LoadRunId, UpdatedAtUtc)
SELECT -1, 'ZZ', 'Unknown', 'Unknown', 0, NULL, SYSUTCDATETIME()
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Geography WHERE GeographyKey = -1);
INSERT INTO dw.Dim_Merchant (MerchantKey, MerchantId, LegalName, DisplayName, ValidFromUtc, ValidToUtc, IsCurrent)
SELECT -1, -1, 'Unknown', 'Unknown', CAST('1900-01-01' AS datetime2(3)), CAST('9999-12-31' AS datetime2(3)), 1
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant WHERE MerchantKey = -1);
INSERT INTO dw.Dim_Customer (CustomerKey, CustomerId, IsDeleted, ValidFromUtc, ValidToUtc, IsCurrent)
SELECT -1, -1, 0, CAST('1900-01-01' AS datetime2(3)), CAST('9999-12-31' AS datetime2(3)), 1
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Customer WHERE CustomerKey = -1);
INSERT INTO dw.Dim_PaymentMethod (PaymentMethodKey, PaymentMethodId, Type, UpdatedAtUtc)
SELECT -1, -1, 'unknown', SYSUTCDATETIME()
WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_PaymentMethod WHERE PaymentMethodKey = -1);
INSERT INTO etl.Digits (Digit) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 0);
INSERT INTO etl.Digits (Digit) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 1);
INSERT INTO etl.Digits (Digit) SELECT 2 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 2);
INSERT INTO etl.Digits (Digit) SELECT 3 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 3);
INSERT INTO etl.Digits (Digit) SELECT 4 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 4);
INSERT INTO etl.Digits (Digit) SELECT 5 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 5);
INSERT INTO etl.Digits (Digit) SELECT 6 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 6);
INSERT INTO etl.Digits (Digit) SELECT 7 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 7);
INSERT INTO etl.Digits (Digit) SELECT 8 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 8);
INSERT INTO etl.Digits (Digit) SELECT 9 WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = 9);
INSERT INTO dw.Dim_Date (DateKey, FullDate, Year, Quarter, Month, MonthName, DayOfMonth, DayOfWeekIso, DayName, IsoWeek, IsWeekend)
SELECT CONVERT(int, CONVERT(char(8), c.FullDate, 112)), c.FullDate, DATEPART(year, c.FullDate), DATEPART(quarter, c.FullDate), DATEPART(month, c.FullDate),
       DATENAME(month, c.FullDate), DATEPART(day, c.FullDate), ((DATEDIFF(day, CAST('19000101' AS date), c.FullDate) % 7) + 1), DATENAME(weekday, c.FullDate),
       DATEPART(iso_week, c.FullDate), CAST(CASE WHEN ((DATEDIFF(day, CAST('19000101' AS date), c.FullDate) % 7) + 1) >= 6 THEN 1 ELSE 0 END AS bit)
FROM (SELECT DATEADD(day, a.Digit + 10 * b.Digit + 100 * e.Digit + 1000 * g.Digit, CAST('2015-01-01' AS date)) AS FullDate
      FROM etl.Digits AS a CROSS JOIN etl.Digits AS b CROSS JOIN etl.Digits AS e CROSS JOIN etl.Digits AS g) AS c
WHERE c.FullDate <= CAST('2040-12-31' AS date)
  AND NOT EXISTS (SELECT 1 FROM dw.Dim_Date AS x WHERE x.FullDate = c.FullDate);
GO

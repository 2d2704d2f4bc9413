/*
  007_load_procedures.sql - the load procedures.
  Flow 2: the pipeline calls etl.usp_Load_Warehouse once (run id, run LSN) after staging; it runs every step
  in one transaction and publishes only when the data-quality gate passes. Flow 3: etl.usp_Load_Fact_API_Performance.
  Dedicated pool: no CREATE OR ALTER (drop, then create), no MERGE, no temp tables in the transaction.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- etl.usp_Load_Dim_Currency: Type 1 currency dimension.
IF OBJECT_ID(N'etl.usp_Load_Dim_Currency', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Dim_Currency;
GO
CREATE PROCEDURE etl.usp_Load_Dim_Currency
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Currency: @RunId is required', 1;
    DELETE FROM etl.Work_Currency;
    INSERT INTO etl.Work_Currency (CurrencyCode, Name, MinorUnits, IsActive)
    SELECT s.CurrencyCode, s.Name, s.MinorUnits, CASE WHEN COALESCE(s.CdcOperation, 5) = 1 THEN 0 ELSE s.IsActive END
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.CurrencyCode ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Currency AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.Dim_Currency
    SET Name = s.Name, MinorUnits = s.MinorUnits, IsActive = s.IsActive, LoadRunId = @RunId, UpdatedAtUtc = SYSUTCDATETIME()
    FROM etl.Work_Currency AS s
    WHERE dw.Dim_Currency.CurrencyCode = s.CurrencyCode
      AND (dw.Dim_Currency.Name <> s.Name OR dw.Dim_Currency.MinorUnits <> s.MinorUnits OR dw.Dim_Currency.IsActive <> s.IsActive);
    INSERT INTO dw.Dim_Currency (CurrencyKey, CurrencyCode, Name, MinorUnits, IsActive, LoadRunId, UpdatedAtUtc)
    SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.CurrencyCode), s.CurrencyCode, s.Name, s.MinorUnits, s.IsActive, @RunId, SYSUTCDATETIME()
    FROM etl.Work_Currency AS s
    CROSS JOIN (SELECT COALESCE(MAX(CurrencyKey), 0) AS MaxKey FROM dw.Dim_Currency WHERE CurrencyKey > 0) AS mk
    WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Currency AS c WHERE c.CurrencyCode = s.CurrencyCode);
END;
GO

-- etl.usp_Load_Dim_Geography: Type 1 geography dimension (countries).
IF OBJECT_ID(N'etl.usp_Load_Dim_Geography', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Dim_Geography;
GO
CREATE PROCEDURE etl.usp_Load_Dim_Geography
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Geography: @RunId is required', 1;
    DELETE FROM etl.Work_Country;
    INSERT INTO etl.Work_Country (CountryCode, Name, Region, IsEu)
    SELECT s.CountryCode, s.Name, s.Region, s.IsEu
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.CountryCode ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Country AS x) AS s
    WHERE s.rn = 1 AND COALESCE(s.CdcOperation, 5) <> 1;
    UPDATE dw.Dim_Geography
    SET CountryName = s.Name, Region = s.Region, IsEu = s.IsEu, LoadRunId = @RunId, UpdatedAtUtc = SYSUTCDATETIME()
    FROM etl.Work_Country AS s
    WHERE dw.Dim_Geography.CountryCode = s.CountryCode
      AND (dw.Dim_Geography.CountryName <> s.Name OR dw.Dim_Geography.Region <> s.Region OR dw.Dim_Geography.IsEu <> s.IsEu);
    INSERT INTO dw.Dim_Geography (GeographyKey, CountryCode, CountryName, Region, IsEu, LoadRunId, UpdatedAtUtc)
    SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.CountryCode), s.CountryCode, s.Name, s.Region, s.IsEu, @RunId, SYSUTCDATETIME()
    FROM etl.Work_Country AS s
    CROSS JOIN (SELECT COALESCE(MAX(GeographyKey), 0) AS MaxKey FROM dw.Dim_Geography WHERE GeographyKey > 0) AS mk
    WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Geography AS g WHERE g.CountryCode = s.CountryCode);
END;
GO

-- etl.usp_Load_Dim_Merchant: SCD type 2 merchant dimension (version time = CDC commit time).
IF OBJECT_ID(N'etl.usp_Load_Dim_Merchant', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Dim_Merchant;
GO
CREATE PROCEDURE etl.usp_Load_Dim_Merchant
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Merchant: @RunId is required', 1;
    DELETE FROM etl.Work_Merchant;
    INSERT INTO etl.Work_Merchant (MerchantId, PublicId, LegalName, DisplayName, CountryCode, DefaultCurrencyCode, Mcc, Status, CreatedAt, CdcOperation, ChangeAtUtc, RowHash)
    SELECT s.MerchantId, s.PublicId, s.LegalName, s.DisplayName, s.CountryCode, s.DefaultCurrencyCode, s.Mcc, s.Status, s.CreatedAt, COALESCE(s.CdcOperation, 5),
           COALESCE(s.CdcCommitUtc, s.CreatedAt, SYSUTCDATETIME()),
           CONVERT(char(64), HASHBYTES('SHA2_256', CONCAT(s.PublicId, '|', s.LegalName, '|', s.DisplayName, '|', s.CountryCode, '|', s.DefaultCurrencyCode, '|', s.Mcc, '|', s.Status)), 2)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.MerchantId ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Merchant AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.Dim_Merchant
    SET ValidToUtc = CASE WHEN s.ChangeAtUtc > dw.Dim_Merchant.ValidFromUtc THEN s.ChangeAtUtc ELSE dw.Dim_Merchant.ValidFromUtc END,
        IsCurrent = 0
    FROM etl.Work_Merchant AS s
    WHERE dw.Dim_Merchant.MerchantId = s.MerchantId
      AND dw.Dim_Merchant.IsCurrent = 1
      AND dw.Dim_Merchant.MerchantKey > 0
      AND (s.CdcOperation = 1 OR dw.Dim_Merchant.RowHash <> s.RowHash OR dw.Dim_Merchant.RowHash IS NULL);
    INSERT INTO dw.Dim_Merchant (MerchantKey, MerchantId, PublicId, LegalName, DisplayName, CountryCode, DefaultCurrencyCode, Mcc, Status, ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)
    SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.MerchantId), s.MerchantId, s.PublicId, s.LegalName, s.DisplayName, s.CountryCode, s.DefaultCurrencyCode, s.Mcc, s.Status,
           CASE WHEN h.LastValidToUtc IS NULL THEN COALESCE(s.CreatedAt, s.ChangeAtUtc) ELSE h.LastValidToUtc END,
           CAST('9999-12-31' AS datetime2(3)), 1, s.RowHash, @RunId
    FROM etl.Work_Merchant AS s
    LEFT JOIN (SELECT v.MerchantId, MAX(v.ValidToUtc) AS LastValidToUtc FROM dw.Dim_Merchant AS v WHERE v.MerchantKey > 0 GROUP BY v.MerchantId) AS h
      ON h.MerchantId = s.MerchantId
    CROSS JOIN (SELECT COALESCE(MAX(MerchantKey), 0) AS MaxKey FROM dw.Dim_Merchant WHERE MerchantKey > 0) AS mk
    WHERE s.CdcOperation <> 1
      AND NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant AS c WHERE c.MerchantId = s.MerchantId AND c.IsCurrent = 1);
END;
GO

-- etl.usp_Load_Dim_Customer: SCD type 2 customer dimension (no personal data: merchant, country, erased flag).
IF OBJECT_ID(N'etl.usp_Load_Dim_Customer', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Dim_Customer;
GO
CREATE PROCEDURE etl.usp_Load_Dim_Customer
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Customer: @RunId is required', 1;
    DELETE FROM etl.Work_Customer;
    INSERT INTO etl.Work_Customer (CustomerId, MerchantId, CountryCode, IsDeleted, CreatedAt, CdcOperation, ChangeAtUtc, RowHash)
    SELECT s.CustomerId, s.MerchantId, s.CountryCode, CASE WHEN s.DeletedAt IS NULL THEN 0 ELSE 1 END, s.CreatedAt, COALESCE(s.CdcOperation, 5),
           COALESCE(s.CdcCommitUtc, s.CreatedAt, SYSUTCDATETIME()),
           CONVERT(char(64), HASHBYTES('SHA2_256', CONCAT(s.MerchantId, '|', s.CountryCode, '|', CASE WHEN s.DeletedAt IS NULL THEN 0 ELSE 1 END)), 2)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.CustomerId ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Customer AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.Dim_Customer
    SET ValidToUtc = CASE WHEN s.ChangeAtUtc > dw.Dim_Customer.ValidFromUtc THEN s.ChangeAtUtc ELSE dw.Dim_Customer.ValidFromUtc END,
        IsCurrent = 0
    FROM etl.Work_Customer AS s
    WHERE dw.Dim_Customer.CustomerId = s.CustomerId
      AND dw.Dim_Customer.IsCurrent = 1
      AND dw.Dim_Customer.CustomerKey > 0
      AND (s.CdcOperation = 1 OR dw.Dim_Customer.RowHash <> s.RowHash OR dw.Dim_Customer.RowHash IS NULL);
    INSERT INTO dw.Dim_Customer (CustomerKey, CustomerId, MerchantId, CountryCode, IsDeleted, ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)
    SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.CustomerId), s.CustomerId, s.MerchantId, s.CountryCode, s.IsDeleted,
           CASE WHEN h.LastValidToUtc IS NULL THEN COALESCE(s.CreatedAt, s.ChangeAtUtc) ELSE h.LastValidToUtc END,
           CAST('9999-12-31' AS datetime2(3)), 1, s.RowHash, @RunId
    FROM etl.Work_Customer AS s
    LEFT JOIN (SELECT v.CustomerId, MAX(v.ValidToUtc) AS LastValidToUtc FROM dw.Dim_Customer AS v WHERE v.CustomerKey > 0 GROUP BY v.CustomerId) AS h
      ON h.CustomerId = s.CustomerId
    CROSS JOIN (SELECT COALESCE(MAX(CustomerKey), 0) AS MaxKey FROM dw.Dim_Customer WHERE CustomerKey > 0) AS mk
    WHERE s.CdcOperation <> 1
      AND NOT EXISTS (SELECT 1 FROM dw.Dim_Customer AS c WHERE c.CustomerId = s.CustomerId AND c.IsCurrent = 1);
END;
GO

-- etl.usp_Load_Dim_PaymentMethod: Type 1 payment method dimension.
IF OBJECT_ID(N'etl.usp_Load_Dim_PaymentMethod', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Dim_PaymentMethod;
GO
CREATE PROCEDURE etl.usp_Load_Dim_PaymentMethod
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_PaymentMethod: @RunId is required', 1;
    DELETE FROM etl.Work_PaymentMethod;
    INSERT INTO etl.Work_PaymentMethod (PaymentMethodId, CustomerId, Type, CardBrand, IssuerCountryCode, Status, CreatedAt)
    SELECT s.PaymentMethodId, s.CustomerId, s.Type, s.CardBrand, s.IssuerCountryCode,
           CASE WHEN COALESCE(s.CdcOperation, 5) = 1 THEN 'detached' ELSE s.Status END, s.CreatedAt
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.PaymentMethodId ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.PaymentMethod AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.Dim_PaymentMethod
    SET CustomerId = COALESCE(s.CustomerId, dw.Dim_PaymentMethod.CustomerId),
        Type = COALESCE(s.Type, dw.Dim_PaymentMethod.Type),
        CardBrand = s.CardBrand, IssuerCountryCode = s.IssuerCountryCode, Status = s.Status,
        LoadRunId = @RunId, UpdatedAtUtc = SYSUTCDATETIME()
    FROM etl.Work_PaymentMethod AS s
    WHERE dw.Dim_PaymentMethod.PaymentMethodId = s.PaymentMethodId;
    INSERT INTO dw.Dim_PaymentMethod (PaymentMethodKey, PaymentMethodId, CustomerId, Type, CardBrand, IssuerCountryCode, Status, CreatedAtUtc, LoadRunId, UpdatedAtUtc)
    SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.PaymentMethodId), s.PaymentMethodId, s.CustomerId, s.Type, s.CardBrand,
           s.IssuerCountryCode, s.Status, s.CreatedAt, @RunId, SYSUTCDATETIME()
    FROM etl.Work_PaymentMethod AS s
    CROSS JOIN (SELECT COALESCE(MAX(PaymentMethodKey), 0) AS MaxKey FROM dw.Dim_PaymentMethod WHERE PaymentMethodKey > 0) AS mk
    WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_PaymentMethod AS c WHERE c.PaymentMethodId = s.PaymentMethodId);
END;
GO

-- etl.usp_Load_Fact_Payment: Payments upserted by PaymentId, refund/dispute state applied, late-arriving members re-keyed.
IF OBJECT_ID(N'etl.usp_Load_Fact_Payment', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Fact_Payment;
GO
CREATE PROCEDURE etl.usp_Load_Fact_Payment
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Fact_Payment: @RunId is required', 1;
    DELETE FROM etl.Work_Payment;
    INSERT INTO etl.Work_Payment (PaymentId, MerchantId, CustomerId, PaymentMethodId, AmountMinor, CurrencyCode, Status, CaptureMethod,
                                  CreatedAt, UpdatedAt, CapturedAt, CdcStartLsn, CdcOperation)
    SELECT s.PaymentId, s.MerchantId, s.CustomerId, s.PaymentMethodId, s.AmountMinor, s.CurrencyCode, s.Status, s.CaptureMethod,
           s.CreatedAt, s.UpdatedAt, s.CapturedAt, s.CdcStartLsn, COALESCE(s.CdcOperation, 5)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.PaymentId ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Payment AS x) AS s
    WHERE s.rn = 1;
    DELETE FROM etl.Work_Refund;
    INSERT INTO etl.Work_Refund (RefundId, PaymentId, AmountMinor, Status, UpdatedAt, CdcOperation)
    SELECT s.RefundId, s.PaymentId, s.AmountMinor, s.Status, s.UpdatedAt, COALESCE(s.CdcOperation, 5)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.RefundId ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Refund AS x) AS s
    WHERE s.rn = 1;
    DELETE FROM etl.Work_Dispute;
    INSERT INTO etl.Work_Dispute (DisputeId, PaymentId, AmountMinor, Status, CreatedAt, CdcOperation)
    SELECT s.DisputeId, s.PaymentId, s.AmountMinor, s.Status, s.CreatedAt, COALESCE(s.CdcOperation, 5)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.DisputeId ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Dispute AS x) AS s
    WHERE s.rn = 1;
    DELETE FROM etl.Work_Affected;
    INSERT INTO etl.Work_Affected (PaymentId)
    SELECT u.PaymentId FROM (
        SELECT PaymentId FROM etl.Work_Payment
        UNION SELECT PaymentId FROM etl.Work_Refund WHERE PaymentId IS NOT NULL
        UNION SELECT PaymentId FROM etl.Work_Dispute WHERE PaymentId IS NOT NULL
        UNION SELECT rs.PaymentId FROM etl.Refund_State AS rs WHERE rs.RefundId IN (SELECT RefundId FROM etl.Work_Refund)
        UNION SELECT ds.PaymentId FROM etl.Dispute_State AS ds WHERE ds.DisputeId IN (SELECT DisputeId FROM etl.Work_Dispute)
    ) AS u;
    DELETE FROM etl.Work_Days;
    INSERT INTO etl.Work_Days (DateKey)
    SELECT DISTINCT f.DateKey FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected);
    DELETE FROM etl.Refund_State WHERE RefundId IN (SELECT RefundId FROM etl.Work_Refund);
    INSERT INTO etl.Refund_State (RefundId, PaymentId, AmountMinor, Status, UpdatedAtUtc, LoadRunId)
    SELECT RefundId, PaymentId, AmountMinor, Status, UpdatedAt, @RunId FROM etl.Work_Refund WHERE CdcOperation <> 1;
    DELETE FROM etl.Dispute_State WHERE DisputeId IN (SELECT DisputeId FROM etl.Work_Dispute);
    INSERT INTO etl.Dispute_State (DisputeId, PaymentId, AmountMinor, Status, CreatedAtUtc, LoadRunId)
    SELECT DisputeId, PaymentId, AmountMinor, Status, CreatedAt, @RunId FROM etl.Work_Dispute WHERE CdcOperation <> 1;
    DELETE FROM etl.Work_RefundAgg;
    INSERT INTO etl.Work_RefundAgg (PaymentId, AmountRefundedMinor, RefundCount)
    SELECT r.PaymentId, SUM(CASE WHEN r.Status = 'succeeded' THEN r.AmountMinor ELSE 0 END), SUM(CASE WHEN r.Status = 'succeeded' THEN 1 ELSE 0 END)
    FROM etl.Refund_State AS r
    WHERE r.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected)
    GROUP BY r.PaymentId;
    DELETE FROM etl.Work_DisputeAgg;
    INSERT INTO etl.Work_DisputeAgg (PaymentId, AmountDisputedMinor, DisputeStatus)
    SELECT x.PaymentId, SUM(x.AmountMinor), MAX(CASE WHEN x.rn = 1 THEN x.Status END)
    FROM (SELECT ds.PaymentId, ds.AmountMinor, ds.Status,
                 ROW_NUMBER() OVER (PARTITION BY ds.PaymentId ORDER BY ds.CreatedAtUtc DESC, ds.DisputeId DESC) AS rn
          FROM etl.Dispute_State AS ds WHERE ds.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected)) AS x
    GROUP BY x.PaymentId;
    DELETE FROM etl.Work_Adjust;
    INSERT INTO etl.Work_Adjust (PaymentId, EffectiveStatus, AmountRefundedMinor, AmountRefunded, RefundCount, IsDisputed, DisputeStatus, AmountDisputedMinor)
    SELECT f.PaymentId,
           CASE WHEN da.DisputeStatus = 'lost' THEN 'charged_back'
             WHEN da.DisputeStatus IS NOT NULL AND da.DisputeStatus <> 'won' THEN 'disputed'
             WHEN COALESCE(ra.AmountRefundedMinor, 0) >= f.AmountMinor THEN 'refunded'
             WHEN COALESCE(ra.AmountRefundedMinor, 0) > 0 THEN 'partially_refunded'
             ELSE f.Status END,
           COALESCE(ra.AmountRefundedMinor, 0), CAST(CAST(COALESCE(ra.AmountRefundedMinor, 0) AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.MinorUnits, 2)) AS decimal(19,4)), COALESCE(ra.RefundCount, 0),
           CAST(CASE WHEN da.PaymentId IS NOT NULL THEN 1 ELSE 0 END AS bit), da.DisputeStatus, COALESCE(da.AmountDisputedMinor, 0)
    FROM dw.Fact_Payment AS f
    JOIN etl.Work_Affected AS a ON a.PaymentId = f.PaymentId
    LEFT JOIN dw.Dim_Currency AS cur ON cur.CurrencyKey = f.CurrencyKey AND cur.CurrencyKey > 0
    LEFT JOIN etl.Work_RefundAgg AS ra ON ra.PaymentId = f.PaymentId
    LEFT JOIN etl.Work_DisputeAgg AS da ON da.PaymentId = f.PaymentId
    WHERE f.PaymentId NOT IN (SELECT PaymentId FROM etl.Work_Payment);
    DELETE FROM dw.Fact_Payment WHERE PaymentId IN (SELECT PaymentId FROM etl.Work_Payment);
    INSERT INTO dw.Fact_Payment (PaymentId, DateKey, MerchantKey, CustomerKey, PaymentMethodKey, CurrencyKey, GeographyKey,
                                 MerchantId, CustomerId, PaymentMethodId, CurrencyCode,
                                 Status, EffectiveStatus, CaptureMethod, AmountMinor, Amount, AmountRefundedMinor, AmountRefunded,
                                 RefundCount, IsDisputed, DisputeStatus, AmountDisputedMinor, CreatedAtUtc, CapturedAtUtc,
                                 SourceUpdatedAtUtc, CdcStartLsn, LoadRunId, UpdatedRunId, LoadedAtUtc)
    SELECT p.PaymentId, COALESCE(dd.DateKey, -1), COALESCE(dm.MerchantKey, -1), COALESCE(dc.CustomerKey, -1),
           COALESCE(dpm.PaymentMethodKey, -1), COALESCE(cur.CurrencyKey, -1), COALESCE(geo.GeographyKey, -1),
           p.MerchantId, p.CustomerId, p.PaymentMethodId, p.CurrencyCode,
           p.Status, CASE WHEN da.DisputeStatus = 'lost' THEN 'charged_back'
             WHEN da.DisputeStatus IS NOT NULL AND da.DisputeStatus <> 'won' THEN 'disputed'
             WHEN COALESCE(ra.AmountRefundedMinor, 0) >= p.AmountMinor THEN 'refunded'
             WHEN COALESCE(ra.AmountRefundedMinor, 0) > 0 THEN 'partially_refunded'
             ELSE p.Status END,
           p.CaptureMethod, p.AmountMinor, CAST(CAST(p.AmountMinor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.MinorUnits, 2)) AS decimal(19,4)),
           COALESCE(ra.AmountRefundedMinor, 0), CAST(CAST(COALESCE(ra.AmountRefundedMinor, 0) AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.MinorUnits, 2)) AS decimal(19,4)), COALESCE(ra.RefundCount, 0),
           CAST(CASE WHEN da.PaymentId IS NOT NULL THEN 1 ELSE 0 END AS bit), da.DisputeStatus, COALESCE(da.AmountDisputedMinor, 0), p.CreatedAt, p.CapturedAt,
           p.UpdatedAt, p.CdcStartLsn, @RunId, @RunId, SYSUTCDATETIME()
    FROM etl.Work_Payment AS p
    LEFT JOIN dw.Dim_Date AS dd ON dd.FullDate = CAST(p.CreatedAt AS date)
    LEFT JOIN dw.Dim_Merchant AS dm ON dm.MerchantId = p.MerchantId AND dm.MerchantKey > 0
      AND p.CreatedAt >= dm.ValidFromUtc AND p.CreatedAt < dm.ValidToUtc
    LEFT JOIN dw.Dim_Customer AS dc ON dc.CustomerId = p.CustomerId AND dc.CustomerKey > 0
      AND p.CreatedAt >= dc.ValidFromUtc AND p.CreatedAt < dc.ValidToUtc
    LEFT JOIN dw.Dim_PaymentMethod AS dpm ON dpm.PaymentMethodId = p.PaymentMethodId AND dpm.PaymentMethodKey > 0
    LEFT JOIN dw.Dim_Currency AS cur ON cur.CurrencyCode = p.CurrencyCode AND cur.CurrencyKey > 0
    LEFT JOIN dw.Dim_Geography AS geo ON geo.CountryCode = dm.CountryCode AND geo.GeographyKey > 0
    LEFT JOIN etl.Work_RefundAgg AS ra ON ra.PaymentId = p.PaymentId
    LEFT JOIN etl.Work_DisputeAgg AS da ON da.PaymentId = p.PaymentId
    WHERE p.CdcOperation <> 1;
    UPDATE dw.Fact_Payment
    SET EffectiveStatus = a.EffectiveStatus, AmountRefundedMinor = a.AmountRefundedMinor, AmountRefunded = a.AmountRefunded,
        RefundCount = a.RefundCount, IsDisputed = a.IsDisputed, DisputeStatus = a.DisputeStatus,
        AmountDisputedMinor = a.AmountDisputedMinor, UpdatedRunId = @RunId
    FROM etl.Work_Adjust AS a
    WHERE dw.Fact_Payment.PaymentId = a.PaymentId;
    DELETE FROM etl.Work_Rekey;
    INSERT INTO etl.Work_Rekey (PaymentId, MerchantKey, CustomerKey, PaymentMethodKey, CurrencyKey, GeographyKey, Amount, AmountRefunded)
    SELECT f.PaymentId, COALESCE(dm.MerchantKey, f.MerchantKey), COALESCE(dc.CustomerKey, f.CustomerKey),
           COALESCE(dpm.PaymentMethodKey, f.PaymentMethodKey), COALESCE(cur.CurrencyKey, f.CurrencyKey),
           COALESCE(geo.GeographyKey, f.GeographyKey),
           CASE WHEN cur.CurrencyKey IS NULL THEN f.Amount ELSE CAST(CAST(f.AmountMinor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.MinorUnits, 2)) AS decimal(19,4)) END,
           CASE WHEN cur.CurrencyKey IS NULL THEN f.AmountRefunded ELSE CAST(CAST(f.AmountRefundedMinor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.MinorUnits, 2)) AS decimal(19,4)) END
    FROM dw.Fact_Payment AS f
    LEFT JOIN dw.Dim_Merchant AS dm ON f.MerchantKey = -1 AND dm.MerchantId = f.MerchantId AND dm.MerchantKey > 0
      AND f.CreatedAtUtc >= dm.ValidFromUtc AND f.CreatedAtUtc < dm.ValidToUtc
    LEFT JOIN dw.Dim_Customer AS dc ON f.CustomerKey = -1 AND dc.CustomerId = f.CustomerId AND dc.CustomerKey > 0
      AND f.CreatedAtUtc >= dc.ValidFromUtc AND f.CreatedAtUtc < dc.ValidToUtc
    LEFT JOIN dw.Dim_PaymentMethod AS dpm ON f.PaymentMethodKey = -1 AND dpm.PaymentMethodId = f.PaymentMethodId AND dpm.PaymentMethodKey > 0
    LEFT JOIN dw.Dim_Currency AS cur ON f.CurrencyKey = -1 AND cur.CurrencyCode = f.CurrencyCode AND cur.CurrencyKey > 0
    LEFT JOIN dw.Dim_Merchant AS cm ON f.GeographyKey = -1 AND cm.MerchantKey = COALESCE(dm.MerchantKey, f.MerchantKey) AND cm.MerchantKey > 0
    LEFT JOIN dw.Dim_Geography AS geo ON geo.CountryCode = cm.CountryCode AND geo.GeographyKey > 0
    WHERE (f.MerchantKey = -1 OR f.CustomerKey = -1 OR f.PaymentMethodKey = -1 OR f.CurrencyKey = -1 OR f.GeographyKey = -1)
      AND (dm.MerchantKey IS NOT NULL OR dc.CustomerKey IS NOT NULL OR dpm.PaymentMethodKey IS NOT NULL
           OR cur.CurrencyKey IS NOT NULL OR geo.GeographyKey IS NOT NULL);
    UPDATE dw.Fact_Payment
    SET MerchantKey = k.MerchantKey, CustomerKey = k.CustomerKey, PaymentMethodKey = k.PaymentMethodKey, CurrencyKey = k.CurrencyKey,
        GeographyKey = k.GeographyKey, Amount = k.Amount, AmountRefunded = k.AmountRefunded, UpdatedRunId = @RunId
    FROM etl.Work_Rekey AS k
    WHERE dw.Fact_Payment.PaymentId = k.PaymentId;
    INSERT INTO etl.Work_Days (DateKey)
    SELECT DISTINCT f.DateKey FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId OR f.UpdatedRunId = @RunId;
END;
GO

-- etl.usp_Refresh_Aggregates: agg.Payment_Daily_Currency recomputed for every day the run touched.
IF OBJECT_ID(N'etl.usp_Refresh_Aggregates', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Refresh_Aggregates;
GO
CREATE PROCEDURE etl.usp_Refresh_Aggregates
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Refresh_Aggregates: @RunId is required', 1;
    DELETE FROM agg.Payment_Daily_Currency WHERE DateKey IN (SELECT DateKey FROM etl.Work_Days);
    INSERT INTO agg.Payment_Daily_Currency (DateKey, CurrencyKey, PaymentCount, SucceededCount, FailedCount, AmountMinor, Amount,
                                            AmountRefunded, DisputedCount, RefreshRunId, RefreshedAtUtc)
    SELECT f.DateKey, f.CurrencyKey, COUNT_BIG(*),
           SUM(CASE WHEN f.Status = 'succeeded' THEN 1 ELSE 0 END), SUM(CASE WHEN f.Status = 'failed' THEN 1 ELSE 0 END),
           SUM(f.AmountMinor), SUM(f.Amount), SUM(f.AmountRefunded), SUM(CASE WHEN f.IsDisputed = 1 THEN 1 ELSE 0 END),
           @RunId, SYSUTCDATETIME()
    FROM dw.Fact_Payment AS f
    WHERE f.DateKey IN (SELECT DateKey FROM etl.Work_Days)
    GROUP BY f.DateKey, f.CurrencyKey;
END;
GO

-- etl.usp_DQ_Check: Data-quality checks of the run, recorded in etl.DQ_Result (the gate is in etl.usp_Load_Warehouse).
IF OBJECT_ID(N'etl.usp_DQ_Check', N'P') IS NOT NULL DROP PROCEDURE etl.usp_DQ_Check;
GO
CREATE PROCEDURE etl.usp_DQ_Check
    @RunId nvarchar(64),
    @ToLsnHex varchar(22)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_DQ_Check: @RunId is required', 1;
    IF @ToLsnHex IS NULL OR @ToLsnHex NOT LIKE '0x%' OR LEN(@ToLsnHex) <> 22 THROW 50100, N'etl.usp_DQ_Check: @ToLsnHex must be ''0x'' followed by 20 hex digits', 1;
    DELETE FROM etl.DQ_Result WHERE RunId = @RunId;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'staged_after_run_lsn', 'stg.*', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT CdcStartLsn FROM stg.Merchant UNION ALL SELECT CdcStartLsn FROM stg.Customer UNION ALL SELECT CdcStartLsn FROM stg.PaymentMethod
                UNION ALL SELECT CdcStartLsn FROM stg.Payment UNION ALL SELECT CdcStartLsn FROM stg.Refund UNION ALL SELECT CdcStartLsn FROM stg.Dispute) AS u
          WHERE u.CdcStartLsn > @ToLsnHex) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'run_lsn_behind_published', 'etl.Load_Run', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM etl.Load_Run AS r WHERE r.Status = 'published' AND r.ToLsn > @ToLsnHex) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'null_business_keys', 'stg.Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM etl.Work_Payment AS p WHERE p.CdcOperation <> 1 AND (p.MerchantId IS NULL OR p.CurrencyCode IS NULL OR p.CreatedAt IS NULL OR p.AmountMinor IS NULL OR p.Status IS NULL)) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'staged_not_loaded', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM etl.Work_Payment AS p WHERE p.CdcOperation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.Fact_Payment AS f WHERE f.PaymentId = p.PaymentId AND f.LoadRunId = @RunId)) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'deleted_still_loaded', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM etl.Work_Payment AS p WHERE p.CdcOperation = 1 AND EXISTS (SELECT 1 FROM dw.Fact_Payment AS f WHERE f.PaymentId = p.PaymentId)) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'duplicate_PaymentId', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT f.PaymentId FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) GROUP BY f.PaymentId HAVING COUNT(*) > 1) AS x) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'refund_exceeds_amount', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) AND f.AmountRefundedMinor > f.AmountMinor) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'dispute_exceeds_amount', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) AND f.AmountDisputedMinor > f.AmountMinor) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'customer_of_other_merchant', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM dw.Fact_Payment AS f
          JOIN dw.Dim_Customer AS c ON c.CustomerKey = f.CustomerKey AND c.CustomerKey > 0
          WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) AND c.MerchantId <> f.MerchantId) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'unresolved_late_member', 'dw.Fact_Payment', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM dw.Fact_Payment AS f
          LEFT JOIN dw.Dim_Merchant AS dm ON f.MerchantKey = -1 AND dm.MerchantId = f.MerchantId AND dm.MerchantKey > 0
            AND f.CreatedAtUtc >= dm.ValidFromUtc AND f.CreatedAtUtc < dm.ValidToUtc
          LEFT JOIN dw.Dim_Customer AS dc ON f.CustomerKey = -1 AND dc.CustomerId = f.CustomerId AND dc.CustomerKey > 0
            AND f.CreatedAtUtc >= dc.ValidFromUtc AND f.CreatedAtUtc < dc.ValidToUtc
          WHERE dm.MerchantKey IS NOT NULL OR dc.CustomerKey IS NOT NULL) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'missing_current_version', 'dw.Dim_Merchant', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM etl.Work_Merchant AS s
          WHERE s.CdcOperation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant AS c WHERE c.MerchantId = s.MerchantId AND c.IsCurrent = 1 AND c.RowHash = s.RowHash)) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'missing_current_version', 'dw.Dim_Customer', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM etl.Work_Customer AS s
          WHERE s.CdcOperation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.Dim_Customer AS c WHERE c.CustomerId = s.CustomerId AND c.IsCurrent = 1 AND c.RowHash = s.RowHash)) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'duplicate_current_version', 'dw.Dim_Merchant', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT c.MerchantId FROM dw.Dim_Merchant AS c WHERE c.IsCurrent = 1 GROUP BY c.MerchantId HAVING COUNT(*) > 1) AS x) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'duplicate_current_version', 'dw.Dim_Customer', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT c.CustomerId FROM dw.Dim_Customer AS c WHERE c.IsCurrent = 1 GROUP BY c.CustomerId HAVING COUNT(*) > 1) AS x) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'scd2_gap_or_overlap', 'dw.Dim_Merchant', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT v.ValidFromUtc, v.ValidToUtc, LAG(v.ValidToUtc) OVER (PARTITION BY v.MerchantId ORDER BY v.ValidFromUtc, v.MerchantKey) AS PrevTo
                FROM dw.Dim_Merchant AS v WHERE v.MerchantKey > 0) AS x
          WHERE (x.PrevTo IS NOT NULL AND x.PrevTo <> x.ValidFromUtc) OR x.ValidFromUtc > x.ValidToUtc) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'scd2_gap_or_overlap', 'dw.Dim_Customer', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT v.ValidFromUtc, v.ValidToUtc, LAG(v.ValidToUtc) OVER (PARTITION BY v.CustomerId ORDER BY v.ValidFromUtc, v.CustomerKey) AS PrevTo
                FROM dw.Dim_Customer AS v WHERE v.CustomerKey > 0) AS x
          WHERE (x.PrevTo IS NOT NULL AND x.PrevTo <> x.ValidFromUtc) OR x.ValidFromUtc > x.ValidToUtc) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'aggregate_matches_fact', 'agg.Payment_Daily_Currency', 'error', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM (SELECT DISTINCT DateKey FROM etl.Work_Days) AS w
          LEFT JOIN (SELECT f.DateKey, COUNT(*) AS N FROM dw.Fact_Payment AS f WHERE f.DateKey IN (SELECT DateKey FROM etl.Work_Days) GROUP BY f.DateKey) AS fc
            ON fc.DateKey = w.DateKey
          LEFT JOIN (SELECT a.DateKey, SUM(a.PaymentCount) AS N FROM agg.Payment_Daily_Currency AS a WHERE a.DateKey IN (SELECT DateKey FROM etl.Work_Days) GROUP BY a.DateKey) AS ac
            ON ac.DateKey = w.DateKey
          WHERE COALESCE(fc.N, 0) <> COALESCE(ac.N, 0)) AS c;
    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)
    SELECT @RunId, 'unknown_member_reference', 'dw.Fact_Payment', 'warn', c.N, CAST(CASE WHEN c.N = 0 THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM (SELECT COUNT_BIG(*) AS N
          FROM dw.Fact_Payment AS f WHERE (f.LoadRunId = @RunId OR f.UpdatedRunId = @RunId) AND (f.MerchantKey = -1 OR f.CurrencyKey = -1 OR f.DateKey = -1)) AS c;
END;
GO

-- etl.usp_Load_Warehouse: Flow 2 in one transaction: the steps, then the gate. Commits only when every error-level check passed; otherwise rolls back, records the rejected run in etl.Load_Run and fails (error 50200).
IF OBJECT_ID(N'etl.usp_Load_Warehouse', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Warehouse;
GO
CREATE PROCEDURE etl.usp_Load_Warehouse
    @RunId nvarchar(64),
    @ToLsnHex varchar(22)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Warehouse: @RunId is required', 1;
    IF @ToLsnHex IS NULL OR @ToLsnHex NOT LIKE '0x%' OR LEN(@ToLsnHex) <> 22 THROW 50100, N'etl.usp_Load_Warehouse: @ToLsnHex must be ''0x'' followed by 20 hex digits', 1;
    DECLARE @Failed bigint;
    DECLARE @First varchar(400);
    DECLARE @Message nvarchar(2048);
    BEGIN TRY
        BEGIN TRANSACTION;
        EXEC etl.usp_Load_Dim_Currency @RunId = @RunId;
        EXEC etl.usp_Load_Dim_Geography @RunId = @RunId;
        EXEC etl.usp_Load_Dim_Merchant @RunId = @RunId;
        EXEC etl.usp_Load_Dim_Customer @RunId = @RunId;
        EXEC etl.usp_Load_Dim_PaymentMethod @RunId = @RunId;
        EXEC etl.usp_Load_Fact_Payment @RunId = @RunId;
        EXEC etl.usp_Refresh_Aggregates @RunId = @RunId;
        EXEC etl.usp_DQ_Check @RunId = @RunId, @ToLsnHex = @ToLsnHex;
        SET @Failed = (SELECT COUNT_BIG(*) FROM etl.DQ_Result WHERE RunId = @RunId AND Severity = 'error' AND Passed = 0);
        IF @Failed > 0
        BEGIN
            SET @First = (SELECT MIN(CONCAT(CheckName, ' on ', TableName)) FROM etl.DQ_Result WHERE RunId = @RunId AND Severity = 'error' AND Passed = 0);
            ROLLBACK TRANSACTION;
            INSERT INTO etl.Load_Run (RunId, ToLsn, Status, FailedChecks, FirstFailure, FinishedAtUtc)
            SELECT @RunId, @ToLsnHex, 'rejected', @Failed, @First, SYSUTCDATETIME();
            SET @Message = CONCAT(N'etl.usp_Load_Warehouse: ', @Failed, N' data-quality check(s) failed for run ', @RunId, N', first: ', @First, N'; nothing was published, see etl.Load_Run.');
            THROW 50200, @Message, 1;
        END;
        INSERT INTO etl.Load_Run (RunId, ToLsn, Status, FailedChecks, FirstFailure, FinishedAtUtc)
        SELECT @RunId, @ToLsnHex, 'published', 0, NULL, SYSUTCDATETIME();
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

-- etl.usp_Load_Fact_API_Performance: Flow 3: staged API requests into the fact, once per RequestId, then removed from staging.
IF OBJECT_ID(N'etl.usp_Load_Fact_API_Performance', N'P') IS NOT NULL DROP PROCEDURE etl.usp_Load_Fact_API_Performance;
GO
CREATE PROCEDURE etl.usp_Load_Fact_API_Performance
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Fact_API_Performance: @RunId is required', 1;
    BEGIN TRY
        BEGIN TRANSACTION;
        DELETE FROM etl.Work_ApiBatch;
        INSERT INTO etl.Work_ApiBatch (RequestId, MerchantId, Endpoint, HttpMethod, StatusCode, LatencyMs, Region, EventTimeUtc, IngestedAtUtc)
        SELECT s.RequestId, s.MerchantId, s.Endpoint, s.HttpMethod, s.StatusCode, s.LatencyMs, s.Region, s.EventTimeUtc, s.IngestedAtUtc
        FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.RequestId ORDER BY x.IngestedAtUtc DESC) AS rn FROM stg.ApiLogs AS x) AS s
        WHERE s.rn = 1;
        INSERT INTO dw.Fact_API_Performance (RequestId, DateKey, MerchantKey, MerchantId, Bucket5MinUtc, Endpoint, HttpMethod, StatusCode, IsError,
                                             LatencyMs, Region, EventTimeUtc, LoadRunId, LoadedAtUtc)
        SELECT b.RequestId, CONVERT(int, CONVERT(char(8), b.EventTimeUtc, 112)), COALESCE(dm.MerchantKey, -1), b.MerchantId, DATEADD(minute, (DATEDIFF(minute, CAST('20000101' AS datetime2(0)), b.EventTimeUtc) / 5) * 5, CAST('20000101' AS datetime2(0))),
               b.Endpoint, b.HttpMethod, b.StatusCode, CAST(CASE WHEN b.StatusCode >= 500 THEN 1 ELSE 0 END AS bit), b.LatencyMs, b.Region, b.EventTimeUtc, @RunId, SYSUTCDATETIME()
        FROM etl.Work_ApiBatch AS b
        LEFT JOIN dw.Dim_Merchant AS dm ON dm.MerchantId = b.MerchantId AND dm.IsCurrent = 1 AND dm.MerchantKey > 0
        WHERE NOT EXISTS (SELECT 1 FROM dw.Fact_API_Performance AS f WHERE f.RequestId = b.RequestId);
        DELETE FROM stg.ApiLogs
        WHERE EXISTS (SELECT 1 FROM etl.Work_ApiBatch AS b WHERE b.RequestId = stg.ApiLogs.RequestId AND b.IngestedAtUtc >= stg.ApiLogs.IngestedAtUtc);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

/*
  006_load_procedures.sql - load procedures called by the Data Factory pipelines, in this order:
    flow 2 (nightly, after the Copy activities filled stg.*):
      etl.usp_Load_Dim_Currency, etl.usp_Load_Dim_Geography, etl.usp_Load_Dim_Merchant,
      etl.usp_Load_Dim_Customer, etl.usp_Load_Dim_PaymentMethod, etl.usp_Load_Fact_Payment,
      etl.usp_Refresh_Aggregates, then etl.usp_DQ_Check (007)
    flow 3 (every few minutes): etl.usp_Load_Fact_API_Performance
  Every procedure takes @RunId nvarchar(64) (the ADF pipeline run id), stamped on the rows it writes.

  Written for the Synapse dedicated SQL pool dialect:
    - no MERGE (its target may not be REPLICATE): UPDATE ... FROM with the join in WHERE
      (ANSI joins are not allowed in UPDATE/DELETE), then INSERT ... WHERE NOT EXISTS;
    - no table variables, no cursors, no @@ROWCOUNT, no OUTPUT, no CTE before INSERT/UPDATE;
      temp tables are built with CTAS before BEGIN TRANSACTION (no DDL inside the transaction);
    - variables are assigned with SET @x = (SELECT ...);
    - surrogate keys = MAX(key) + ROW_NUMBER() (no IDENTITY on the replicated dimensions).
  Staging tables hold only the current batch (truncated by the Copy activity), so each procedure
  processes the whole staging table; re-running a procedure with the same batch is harmless.
*/

CREATE OR ALTER PROCEDURE etl.usp_Load_Dim_Currency
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Currency: @RunId is required', 1;

    IF OBJECT_ID(N'tempdb..#src') IS NOT NULL DROP TABLE #src;
    CREATE TABLE #src WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT s.CurrencyCode, s.Name, s.MinorUnits,
           CAST(CASE WHEN ISNULL(s.CdcOperation, 5) = 1 THEN 0 ELSE s.IsActive END AS bit) AS IsActive
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.CurrencyCode ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Currency AS x) AS s
    WHERE s.rn = 1;

    DECLARE @MaxKey int = (SELECT ISNULL(MAX(CurrencyKey), 0) FROM dw.Dim_Currency WHERE CurrencyKey > 0);

    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE dw.Dim_Currency
        SET Name = s.Name, MinorUnits = s.MinorUnits, IsActive = s.IsActive, LoadRunId = @RunId, UpdatedAtUtc = SYSUTCDATETIME()
        FROM #src AS s
        WHERE dw.Dim_Currency.CurrencyCode = s.CurrencyCode
          AND (dw.Dim_Currency.Name <> s.Name OR dw.Dim_Currency.MinorUnits <> s.MinorUnits OR dw.Dim_Currency.IsActive <> s.IsActive);

        INSERT INTO dw.Dim_Currency (CurrencyKey, CurrencyCode, Name, MinorUnits, IsActive, LoadRunId, UpdatedAtUtc)
        SELECT @MaxKey + ROW_NUMBER() OVER (ORDER BY s.CurrencyCode), s.CurrencyCode, s.Name, s.MinorUnits, s.IsActive, @RunId, SYSUTCDATETIME()
        FROM #src AS s
        WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Currency AS d WHERE d.CurrencyCode = s.CurrencyCode);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_Load_Dim_Geography
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Geography: @RunId is required', 1;

    IF OBJECT_ID(N'tempdb..#src') IS NOT NULL DROP TABLE #src;
    CREATE TABLE #src WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT s.CountryCode, s.Name, s.Region, s.IsEu
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.CountryCode ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.Country AS x) AS s
    WHERE s.rn = 1 AND ISNULL(s.CdcOperation, 5) <> 1;   -- a deleted country keeps its row: facts reference it

    DECLARE @MaxKey int = (SELECT ISNULL(MAX(GeographyKey), 0) FROM dw.Dim_Geography WHERE GeographyKey > 0);

    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE dw.Dim_Geography
        SET CountryName = s.Name, Region = s.Region, IsEu = s.IsEu, LoadRunId = @RunId, UpdatedAtUtc = SYSUTCDATETIME()
        FROM #src AS s
        WHERE dw.Dim_Geography.CountryCode = s.CountryCode
          AND (dw.Dim_Geography.CountryName <> s.Name OR dw.Dim_Geography.Region <> s.Region OR dw.Dim_Geography.IsEu <> s.IsEu);

        INSERT INTO dw.Dim_Geography (GeographyKey, CountryCode, CountryName, Region, IsEu, LoadRunId, UpdatedAtUtc)
        SELECT @MaxKey + ROW_NUMBER() OVER (ORDER BY s.CountryCode), s.CountryCode, s.Name, s.Region, s.IsEu, @RunId, SYSUTCDATETIME()
        FROM #src AS s
        WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Geography AS d WHERE d.CountryCode = s.CountryCode);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

/* SCD type 2: a changed attribute closes the current version and opens a new one. */
CREATE OR ALTER PROCEDURE etl.usp_Load_Dim_Merchant
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Merchant: @RunId is required', 1;

    IF OBJECT_ID(N'tempdb..#src') IS NOT NULL DROP TABLE #src;
    CREATE TABLE #src WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT s.MerchantId, s.PublicId, s.LegalName, s.DisplayName, s.CountryCode, s.DefaultCurrencyCode, s.Mcc, s.Status,
           s.CreatedAt, ISNULL(s.CdcOperation, 5) AS CdcOperation,
           COALESCE(s.UpdatedAt, s.CreatedAt, SYSUTCDATETIME()) AS ChangeAtUtc,
           HASHBYTES('SHA2_256', CONCAT(s.PublicId, N'|', s.LegalName, N'|', s.DisplayName, N'|', s.CountryCode, N'|',
                                        s.DefaultCurrencyCode, N'|', s.Mcc, N'|', s.Status)) AS RowHash
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.MerchantId ORDER BY x.CdcStartLsn DESC, x.UpdatedAt DESC) AS rn
          FROM stg.Merchant AS x) AS s
    WHERE s.rn = 1;

    IF OBJECT_ID(N'tempdb..#hist') IS NOT NULL DROP TABLE #hist;
    CREATE TABLE #hist WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT d.MerchantId, MAX(d.ValidToUtc) AS LastValidToUtc
    FROM dw.Dim_Merchant AS d
    WHERE d.MerchantKey > 0 AND d.MerchantId IN (SELECT MerchantId FROM #src)
    GROUP BY d.MerchantId;

    DECLARE @MaxKey int = (SELECT ISNULL(MAX(MerchantKey), 0) FROM dw.Dim_Merchant WHERE MerchantKey > 0);

    BEGIN TRY
        BEGIN TRANSACTION;
        -- close the current version of changed or deleted merchants
        UPDATE dw.Dim_Merchant
        SET ValidToUtc = CASE WHEN s.ChangeAtUtc > dw.Dim_Merchant.ValidFromUtc THEN s.ChangeAtUtc ELSE dw.Dim_Merchant.ValidFromUtc END,
            IsCurrent = 0
        FROM #src AS s
        WHERE dw.Dim_Merchant.MerchantId = s.MerchantId
          AND dw.Dim_Merchant.IsCurrent = 1
          AND dw.Dim_Merchant.MerchantKey > 0
          AND (s.CdcOperation = 1 OR dw.Dim_Merchant.RowHash <> s.RowHash OR dw.Dim_Merchant.RowHash IS NULL);

        -- open a version for new and changed merchants (contiguous with the previous one)
        INSERT INTO dw.Dim_Merchant (MerchantKey, MerchantId, PublicId, LegalName, DisplayName, CountryCode, DefaultCurrencyCode,
                                     Mcc, Status, ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)
        SELECT @MaxKey + ROW_NUMBER() OVER (ORDER BY s.MerchantId), s.MerchantId, s.PublicId, s.LegalName, s.DisplayName,
               s.CountryCode, s.DefaultCurrencyCode, s.Mcc, s.Status,
               CASE WHEN h.MerchantId IS NULL THEN COALESCE(s.CreatedAt, s.ChangeAtUtc) ELSE h.LastValidToUtc END,
               CAST('9999-12-31' AS datetime2(3)), 1, s.RowHash, @RunId
        FROM #src AS s
        LEFT JOIN #hist AS h ON h.MerchantId = s.MerchantId
        WHERE s.CdcOperation <> 1
          AND NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant AS d WHERE d.MerchantId = s.MerchantId AND d.IsCurrent = 1);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

CREATE OR ALTER PROCEDURE etl.usp_Load_Dim_Customer
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_Customer: @RunId is required', 1;

    IF OBJECT_ID(N'tempdb..#src') IS NOT NULL DROP TABLE #src;
    CREATE TABLE #src WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT s.CustomerId, s.MerchantId, s.CountryCode, s.CreatedAt,
           CAST(CASE WHEN s.DeletedAt IS NULL THEN 0 ELSE 1 END AS bit) AS IsDeleted,
           ISNULL(s.CdcOperation, 5) AS CdcOperation,
           COALESCE(s.UpdatedAt, s.CreatedAt, SYSUTCDATETIME()) AS ChangeAtUtc,
           HASHBYTES('SHA2_256', CONCAT(s.MerchantId, N'|', s.CountryCode, N'|', CASE WHEN s.DeletedAt IS NULL THEN 0 ELSE 1 END)) AS RowHash
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.CustomerId ORDER BY x.CdcStartLsn DESC, x.UpdatedAt DESC) AS rn
          FROM stg.Customer AS x) AS s
    WHERE s.rn = 1;

    IF OBJECT_ID(N'tempdb..#hist') IS NOT NULL DROP TABLE #hist;
    CREATE TABLE #hist WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT d.CustomerId, MAX(d.ValidToUtc) AS LastValidToUtc
    FROM dw.Dim_Customer AS d
    WHERE d.CustomerKey > 0 AND d.CustomerId IN (SELECT CustomerId FROM #src)
    GROUP BY d.CustomerId;

    DECLARE @MaxKey int = (SELECT ISNULL(MAX(CustomerKey), 0) FROM dw.Dim_Customer WHERE CustomerKey > 0);

    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE dw.Dim_Customer
        SET ValidToUtc = CASE WHEN s.ChangeAtUtc > dw.Dim_Customer.ValidFromUtc THEN s.ChangeAtUtc ELSE dw.Dim_Customer.ValidFromUtc END,
            IsCurrent = 0
        FROM #src AS s
        WHERE dw.Dim_Customer.CustomerId = s.CustomerId
          AND dw.Dim_Customer.IsCurrent = 1
          AND dw.Dim_Customer.CustomerKey > 0
          AND (s.CdcOperation = 1 OR dw.Dim_Customer.RowHash <> s.RowHash OR dw.Dim_Customer.RowHash IS NULL);

        INSERT INTO dw.Dim_Customer (CustomerKey, CustomerId, MerchantId, CountryCode, CreatedAtUtc, IsDeleted,
                                     ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)
        SELECT @MaxKey + ROW_NUMBER() OVER (ORDER BY s.CustomerId), s.CustomerId, s.MerchantId, s.CountryCode, s.CreatedAt, s.IsDeleted,
               CASE WHEN h.CustomerId IS NULL THEN COALESCE(s.CreatedAt, s.ChangeAtUtc) ELSE h.LastValidToUtc END,
               CAST('9999-12-31' AS datetime2(3)), 1, s.RowHash, @RunId
        FROM #src AS s
        LEFT JOIN #hist AS h ON h.CustomerId = s.CustomerId
        WHERE s.CdcOperation <> 1
          AND NOT EXISTS (SELECT 1 FROM dw.Dim_Customer AS d WHERE d.CustomerId = s.CustomerId AND d.IsCurrent = 1);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

/* Type 1: attributes overwritten; a deleted method is kept with Status 'detached'. */
CREATE OR ALTER PROCEDURE etl.usp_Load_Dim_PaymentMethod
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Dim_PaymentMethod: @RunId is required', 1;

    IF OBJECT_ID(N'tempdb..#src') IS NOT NULL DROP TABLE #src;
    CREATE TABLE #src WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT s.PaymentMethodId, s.CustomerId, s.Type, s.CardBrand, s.IssuerCountryCode,
           CASE WHEN ISNULL(s.CdcOperation, 5) = 1 THEN 'detached' ELSE s.Status END AS Status,
           s.CreatedAt
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.PaymentMethodId ORDER BY x.CdcStartLsn DESC, x.UpdatedAt DESC) AS rn
          FROM stg.PaymentMethod AS x) AS s
    WHERE s.rn = 1;

    DECLARE @MaxKey int = (SELECT ISNULL(MAX(PaymentMethodKey), 0) FROM dw.Dim_PaymentMethod WHERE PaymentMethodKey > 0);

    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE dw.Dim_PaymentMethod
        SET CustomerId = ISNULL(s.CustomerId, dw.Dim_PaymentMethod.CustomerId),
            Type = ISNULL(s.Type, dw.Dim_PaymentMethod.Type),
            CardBrand = s.CardBrand,
            IssuerCountryCode = s.IssuerCountryCode,
            Status = s.Status,
            LoadRunId = @RunId,
            UpdatedAtUtc = SYSUTCDATETIME()
        FROM #src AS s
        WHERE dw.Dim_PaymentMethod.PaymentMethodId = s.PaymentMethodId;

        INSERT INTO dw.Dim_PaymentMethod (PaymentMethodKey, PaymentMethodId, CustomerId, Type, CardBrand, IssuerCountryCode, Status,
                                          CreatedAtUtc, LoadRunId, UpdatedAtUtc)
        SELECT @MaxKey + ROW_NUMBER() OVER (ORDER BY s.PaymentMethodId), s.PaymentMethodId, s.CustomerId, s.Type, s.CardBrand,
               s.IssuerCountryCode, s.Status, s.CreatedAt, @RunId, SYSUTCDATETIME()
        FROM #src AS s
        WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_PaymentMethod AS d WHERE d.PaymentMethodId = s.PaymentMethodId);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

/* Payments: delete + insert by PaymentId (upsert; CDC deletes remove the row), then apply the
   current refund and dispute state to every payment touched by a payment, refund or dispute change. */
CREATE OR ALTER PROCEDURE etl.usp_Load_Fact_Payment
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Fact_Payment: @RunId is required', 1;

    -- latest net change per key
    IF OBJECT_ID(N'tempdb..#pay') IS NOT NULL DROP TABLE #pay;
    CREATE TABLE #pay WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT p.PaymentId, p.MerchantId, p.CustomerId, p.PaymentMethodId, p.AmountMinor, p.CurrencyCode, p.Status, p.CaptureMethod,
           p.CreatedAt, p.UpdatedAt, p.CapturedAt, p.CdcStartLsn, ISNULL(p.CdcOperation, 5) AS CdcOperation
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.PaymentId ORDER BY x.CdcStartLsn DESC, x.UpdatedAt DESC) AS rn
          FROM stg.Payment AS x) AS p
    WHERE p.rn = 1;

    IF OBJECT_ID(N'tempdb..#ref') IS NOT NULL DROP TABLE #ref;
    CREATE TABLE #ref WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT r.RefundId, r.PaymentId, r.AmountMinor, r.Status, r.UpdatedAt, ISNULL(r.CdcOperation, 5) AS CdcOperation
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.RefundId ORDER BY x.CdcStartLsn DESC, x.UpdatedAt DESC) AS rn
          FROM stg.Refund AS x) AS r
    WHERE r.rn = 1;

    IF OBJECT_ID(N'tempdb..#dis') IS NOT NULL DROP TABLE #dis;
    CREATE TABLE #dis WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT d.DisputeId, d.PaymentId, d.AmountMinor, d.Status, d.CreatedAt, ISNULL(d.CdcOperation, 5) AS CdcOperation
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.DisputeId ORDER BY x.CdcStartLsn DESC, x.UpdatedAt DESC) AS rn
          FROM stg.Dispute AS x) AS d
    WHERE d.rn = 1;

    -- payments whose refund/dispute figures must be recomputed
    IF OBJECT_ID(N'tempdb..#affected') IS NOT NULL DROP TABLE #affected;
    CREATE TABLE #affected WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT u.PaymentId
    FROM (
        SELECT PaymentId FROM #pay
        UNION SELECT PaymentId FROM #ref WHERE PaymentId IS NOT NULL
        UNION SELECT PaymentId FROM #dis WHERE PaymentId IS NOT NULL
        UNION SELECT rs.PaymentId FROM etl.Refund_State AS rs WHERE rs.RefundId IN (SELECT RefundId FROM #ref)
        UNION SELECT ds.PaymentId FROM etl.Dispute_State AS ds WHERE ds.DisputeId IN (SELECT DisputeId FROM #dis)
    ) AS u;

    -- refund and dispute state after this batch (state not replaced by the batch + the batch)
    IF OBJECT_ID(N'tempdb..#refagg') IS NOT NULL DROP TABLE #refagg;
    CREATE TABLE #refagg WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT r.PaymentId,
           SUM(CASE WHEN r.Status = 'succeeded' THEN r.AmountMinor ELSE 0 END) AS AmountRefundedMinor,
           SUM(CASE WHEN r.Status = 'succeeded' THEN 1 ELSE 0 END) AS RefundCount
    FROM (
        SELECT rs.PaymentId, rs.AmountMinor, rs.Status FROM etl.Refund_State AS rs
        WHERE rs.PaymentId IN (SELECT PaymentId FROM #affected) AND rs.RefundId NOT IN (SELECT RefundId FROM #ref)
        UNION ALL
        SELECT b.PaymentId, b.AmountMinor, b.Status FROM #ref AS b WHERE b.CdcOperation <> 1
    ) AS r
    GROUP BY r.PaymentId;

    IF OBJECT_ID(N'tempdb..#disagg') IS NOT NULL DROP TABLE #disagg;
    CREATE TABLE #disagg WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT d.PaymentId,
           SUM(d.AmountMinor) AS AmountDisputedMinor,
           MAX(CASE WHEN d.rn = 1 THEN d.Status END) AS DisputeStatus
    FROM (
        SELECT a.PaymentId, a.AmountMinor, a.Status,
               ROW_NUMBER() OVER (PARTITION BY a.PaymentId ORDER BY a.CreatedAt DESC, a.DisputeId DESC) AS rn
        FROM (
            SELECT ds.DisputeId, ds.PaymentId, ds.AmountMinor, ds.Status, ds.CreatedAtUtc AS CreatedAt FROM etl.Dispute_State AS ds
            WHERE ds.PaymentId IN (SELECT PaymentId FROM #affected) AND ds.DisputeId NOT IN (SELECT DisputeId FROM #dis)
            UNION ALL
            SELECT b.DisputeId, b.PaymentId, b.AmountMinor, b.Status, b.CreatedAt FROM #dis AS b WHERE b.CdcOperation <> 1
        ) AS a
    ) AS d
    GROUP BY d.PaymentId;

    -- new versions of the changed payments, with dimension keys (point in time for SCD2)
    IF OBJECT_ID(N'tempdb..#newfact') IS NOT NULL DROP TABLE #newfact;
    CREATE TABLE #newfact WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT
        p.PaymentId,
        ISNULL(dd.DateKey, -1) AS DateKey,
        ISNULL(dm.MerchantKey, -1) AS MerchantKey,
        ISNULL(dc.CustomerKey, -1) AS CustomerKey,
        ISNULL(dpm.PaymentMethodKey, -1) AS PaymentMethodKey,
        ISNULL(cur.CurrencyKey, -1) AS CurrencyKey,
        ISNULL(geo.GeographyKey, -1) AS GeographyKey,
        p.Status,
        CASE WHEN da.DisputeStatus = 'lost' THEN 'charged_back'
             WHEN da.DisputeStatus IS NOT NULL AND da.DisputeStatus <> 'won' THEN 'disputed'
             WHEN ISNULL(ra.AmountRefundedMinor, 0) >= p.AmountMinor THEN 'refunded'
             WHEN ISNULL(ra.AmountRefundedMinor, 0) > 0 THEN 'partially_refunded'
             ELSE p.Status END AS EffectiveStatus,
        p.CaptureMethod,
        p.AmountMinor,
        CAST(CAST(p.AmountMinor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), ISNULL(cur.MinorUnits, 2)) AS decimal(19,4)) AS Amount,
        ISNULL(ra.AmountRefundedMinor, 0) AS AmountRefundedMinor,
        CAST(CAST(ISNULL(ra.AmountRefundedMinor, 0) AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), ISNULL(cur.MinorUnits, 2)) AS decimal(19,4)) AS AmountRefunded,
        ISNULL(ra.RefundCount, 0) AS RefundCount,
        CAST(CASE WHEN da.PaymentId IS NULL THEN 0 ELSE 1 END AS bit) AS IsDisputed,
        da.DisputeStatus,
        ISNULL(da.AmountDisputedMinor, 0) AS AmountDisputedMinor,
        p.CreatedAt AS CreatedAtUtc,
        p.CapturedAt AS CapturedAtUtc,
        p.UpdatedAt AS SourceUpdatedAtUtc,
        p.CdcStartLsn
    FROM #pay AS p
    LEFT JOIN dw.Dim_Date AS dd ON dd.FullDate = CAST(p.CreatedAt AS date)
    LEFT JOIN dw.Dim_Merchant AS dm ON dm.MerchantId = p.MerchantId AND p.CreatedAt >= dm.ValidFromUtc AND p.CreatedAt < dm.ValidToUtc
    LEFT JOIN dw.Dim_Customer AS dc ON dc.CustomerId = p.CustomerId AND p.CreatedAt >= dc.ValidFromUtc AND p.CreatedAt < dc.ValidToUtc
    LEFT JOIN dw.Dim_PaymentMethod AS dpm ON dpm.PaymentMethodId = p.PaymentMethodId
    LEFT JOIN dw.Dim_Currency AS cur ON cur.CurrencyCode = p.CurrencyCode
    LEFT JOIN dw.Dim_Geography AS geo ON geo.CountryCode = dm.CountryCode
    LEFT JOIN #refagg AS ra ON ra.PaymentId = p.PaymentId
    LEFT JOIN #disagg AS da ON da.PaymentId = p.PaymentId
    WHERE p.CdcOperation <> 1;

    -- existing payments touched only by refund/dispute changes
    IF OBJECT_ID(N'tempdb..#adj') IS NOT NULL DROP TABLE #adj;
    CREATE TABLE #adj WITH (DISTRIBUTION = HASH(PaymentId), HEAP) AS
    SELECT
        f.PaymentId,
        CASE WHEN da.DisputeStatus = 'lost' THEN 'charged_back'
             WHEN da.DisputeStatus IS NOT NULL AND da.DisputeStatus <> 'won' THEN 'disputed'
             WHEN ISNULL(ra.AmountRefundedMinor, 0) >= f.AmountMinor THEN 'refunded'
             WHEN ISNULL(ra.AmountRefundedMinor, 0) > 0 THEN 'partially_refunded'
             ELSE f.Status END AS EffectiveStatus,
        ISNULL(ra.AmountRefundedMinor, 0) AS AmountRefundedMinor,
        CAST(CAST(ISNULL(ra.AmountRefundedMinor, 0) AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), ISNULL(cur.MinorUnits, 2)) AS decimal(19,4)) AS AmountRefunded,
        ISNULL(ra.RefundCount, 0) AS RefundCount,
        CAST(CASE WHEN da.PaymentId IS NULL THEN 0 ELSE 1 END AS bit) AS IsDisputed,
        da.DisputeStatus,
        ISNULL(da.AmountDisputedMinor, 0) AS AmountDisputedMinor
    FROM dw.Fact_Payment AS f
    JOIN #affected AS a ON a.PaymentId = f.PaymentId
    LEFT JOIN dw.Dim_Currency AS cur ON cur.CurrencyKey = f.CurrencyKey
    LEFT JOIN #refagg AS ra ON ra.PaymentId = f.PaymentId
    LEFT JOIN #disagg AS da ON da.PaymentId = f.PaymentId
    WHERE f.PaymentId NOT IN (SELECT PaymentId FROM #pay);

    BEGIN TRY
        BEGIN TRANSACTION;

        DELETE FROM etl.Refund_State WHERE RefundId IN (SELECT RefundId FROM #ref);
        INSERT INTO etl.Refund_State (RefundId, PaymentId, AmountMinor, Status, UpdatedAtUtc, LoadRunId)
        SELECT RefundId, PaymentId, AmountMinor, Status, UpdatedAt, @RunId FROM #ref WHERE CdcOperation <> 1;

        DELETE FROM etl.Dispute_State WHERE DisputeId IN (SELECT DisputeId FROM #dis);
        INSERT INTO etl.Dispute_State (DisputeId, PaymentId, AmountMinor, Status, CreatedAtUtc, LoadRunId)
        SELECT DisputeId, PaymentId, AmountMinor, Status, CreatedAt, @RunId FROM #dis WHERE CdcOperation <> 1;

        DELETE FROM dw.Fact_Payment WHERE PaymentId IN (SELECT PaymentId FROM #pay);

        INSERT INTO dw.Fact_Payment (PaymentId, DateKey, MerchantKey, CustomerKey, PaymentMethodKey, CurrencyKey, GeographyKey,
                                     Status, EffectiveStatus, CaptureMethod, AmountMinor, Amount, AmountRefundedMinor, AmountRefunded,
                                     RefundCount, IsDisputed, DisputeStatus, AmountDisputedMinor, CreatedAtUtc, CapturedAtUtc,
                                     SourceUpdatedAtUtc, CdcStartLsn, LoadRunId, UpdatedRunId, LoadedAtUtc)
        SELECT n.PaymentId, n.DateKey, n.MerchantKey, n.CustomerKey, n.PaymentMethodKey, n.CurrencyKey, n.GeographyKey,
               n.Status, n.EffectiveStatus, n.CaptureMethod, n.AmountMinor, n.Amount, n.AmountRefundedMinor, n.AmountRefunded,
               n.RefundCount, n.IsDisputed, n.DisputeStatus, n.AmountDisputedMinor, n.CreatedAtUtc, n.CapturedAtUtc,
               n.SourceUpdatedAtUtc, n.CdcStartLsn, @RunId, @RunId, SYSUTCDATETIME()
        FROM #newfact AS n;

        UPDATE dw.Fact_Payment
        SET EffectiveStatus = a.EffectiveStatus,
            AmountRefundedMinor = a.AmountRefundedMinor,
            AmountRefunded = a.AmountRefunded,
            RefundCount = a.RefundCount,
            IsDisputed = a.IsDisputed,
            DisputeStatus = a.DisputeStatus,
            AmountDisputedMinor = a.AmountDisputedMinor,
            UpdatedRunId = @RunId
        FROM #adj AS a
        WHERE dw.Fact_Payment.PaymentId = a.PaymentId;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

/* Rebuild a materialized view Synapse disabled, and recompute agg.Payment_Daily_Currency for
   the days this run touched. */
CREATE OR ALTER PROCEDURE etl.usp_Refresh_Aggregates
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Refresh_Aggregates: @RunId is required', 1;

    IF EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'agg.mv_Payment_Daily_Merchant') AND is_disabled = 1)
        ALTER MATERIALIZED VIEW agg.mv_Payment_Daily_Merchant REBUILD;
    IF EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'agg.mv_API_Performance_5min') AND is_disabled = 1)
        ALTER MATERIALIZED VIEW agg.mv_API_Performance_5min REBUILD;

    IF OBJECT_ID(N'tempdb..#days') IS NOT NULL DROP TABLE #days;
    CREATE TABLE #days WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT DISTINCT f.DateKey
    FROM dw.Fact_Payment AS f
    WHERE f.LoadRunId = @RunId OR f.UpdatedRunId = @RunId;

    IF OBJECT_ID(N'tempdb..#daily') IS NOT NULL DROP TABLE #daily;
    CREATE TABLE #daily WITH (DISTRIBUTION = ROUND_ROBIN, HEAP) AS
    SELECT f.DateKey, f.CurrencyKey,
           COUNT_BIG(*) AS PaymentCount,
           SUM(CASE WHEN f.Status = 'succeeded' THEN 1 ELSE 0 END) AS SucceededCount,
           SUM(CASE WHEN f.Status = 'failed' THEN 1 ELSE 0 END) AS FailedCount,
           SUM(f.AmountMinor) AS AmountMinor,
           SUM(f.Amount) AS Amount,
           SUM(f.AmountRefunded) AS AmountRefunded,
           SUM(CASE WHEN f.IsDisputed = 1 THEN 1 ELSE 0 END) AS DisputedCount
    FROM dw.Fact_Payment AS f
    WHERE f.DateKey IN (SELECT DateKey FROM #days)
    GROUP BY f.DateKey, f.CurrencyKey;

    BEGIN TRY
        BEGIN TRANSACTION;
        DELETE FROM agg.Payment_Daily_Currency WHERE DateKey IN (SELECT DateKey FROM #days);
        INSERT INTO agg.Payment_Daily_Currency (DateKey, CurrencyKey, PaymentCount, SucceededCount, FailedCount, AmountMinor, Amount,
                                                AmountRefunded, DisputedCount, RefreshRunId, RefreshedAtUtc)
        SELECT DateKey, CurrencyKey, PaymentCount, SucceededCount, FailedCount, AmountMinor, Amount, AmountRefunded, DisputedCount,
               @RunId, SYSUTCDATETIME()
        FROM #daily;
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

/* Flow 3: moves the rows Stream Analytics appended to stg.ApiLogs into the fact (deduplicated by
   RequestId: the change feed delivers at least once), then removes them from staging. */
CREATE OR ALTER PROCEDURE etl.usp_Load_Fact_API_Performance
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_Load_Fact_API_Performance: @RunId is required', 1;

    DECLARE @Cutoff datetime2(3) = SYSUTCDATETIME();

    IF OBJECT_ID(N'tempdb..#batch') IS NOT NULL DROP TABLE #batch;
    CREATE TABLE #batch WITH (DISTRIBUTION = HASH(RequestId), HEAP) AS
    SELECT b.RequestId, b.MerchantId, b.Endpoint, b.HttpMethod, b.StatusCode, b.LatencyMs, b.Region, b.EventTimeUtc,
           CONVERT(int, CONVERT(char(8), b.EventTimeUtc, 112)) AS DateKey,
           DATEADD(minute, (DATEDIFF(minute, CAST('20000101' AS datetime2(0)), b.EventTimeUtc) / 5) * 5, CAST('20000101' AS datetime2(0))) AS Bucket5MinUtc
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.RequestId ORDER BY x.IngestedAtUtc DESC) AS rn
          FROM stg.ApiLogs AS x WHERE x.IngestedAtUtc <= @Cutoff) AS b
    WHERE b.rn = 1;

    BEGIN TRY
        BEGIN TRANSACTION;
        INSERT INTO dw.Fact_API_Performance (RequestId, DateKey, MerchantKey, Bucket5MinUtc, Endpoint, HttpMethod, StatusCode, IsError,
                                             LatencyMs, Region, EventTimeUtc, LoadRunId, LoadedAtUtc)
        SELECT b.RequestId, b.DateKey, ISNULL(dm.MerchantKey, -1), b.Bucket5MinUtc, b.Endpoint, b.HttpMethod, b.StatusCode,
               CAST(CASE WHEN b.StatusCode >= 500 THEN 1 ELSE 0 END AS bit), b.LatencyMs, b.Region, b.EventTimeUtc, @RunId, SYSUTCDATETIME()
        FROM #batch AS b
        LEFT JOIN dw.Dim_Merchant AS dm ON dm.MerchantId = b.MerchantId AND dm.IsCurrent = 1
        WHERE NOT EXISTS (SELECT 1 FROM dw.Fact_API_Performance AS f WHERE f.RequestId = b.RequestId AND f.DateKey = b.DateKey);

        DELETE FROM stg.ApiLogs WHERE IngestedAtUtc <= @Cutoff;
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;
GO

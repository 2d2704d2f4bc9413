/*
  007_data_quality.sql - data-quality gate run by the pipeline after the loads (flow 2, step 6).
  etl.usp_DQ_Check records one row per check in etl.DQ_Result and THROWs (error 50200) when any
  check of severity 'error' fails, so the Data Factory activity - and the run - fail loudly.
  Checks: staging vs loaded row counts, NULL keys, orphan keys between facts and dimensions,
  duplicate keys, and (warning only) references to the unknown member -1.
*/
IF OBJECT_ID(N'etl.DQ_Result', N'U') IS NULL
CREATE TABLE etl.DQ_Result (
    RunId nvarchar(64) NOT NULL,
    CheckName nvarchar(128) NOT NULL,
    TableName nvarchar(128) NOT NULL,
    Severity varchar(8) NOT NULL,        -- error | warn
    Expected bigint NULL,
    Actual bigint NULL,
    Passed bit NOT NULL,
    CheckedAtUtc datetime2(3) NOT NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX (RunId));
GO

CREATE OR ALTER PROCEDURE etl.usp_DQ_Check
    @RunId nvarchar(64)
AS
BEGIN
    SET NOCOUNT ON;
    IF @RunId IS NULL OR LEN(@RunId) = 0 THROW 50100, N'etl.usp_DQ_Check: @RunId is required', 1;

    IF OBJECT_ID(N'tempdb..#dq') IS NOT NULL DROP TABLE #dq;
    CREATE TABLE #dq (
        CheckName nvarchar(128) NOT NULL,
        TableName nvarchar(128) NOT NULL,
        Severity varchar(8) NOT NULL,
        Expected bigint NULL,
        Actual bigint NULL
    )
    WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);

    /* --- row counts: every staged (non-deleted) row is loaded --- */
    INSERT INTO #dq SELECT N'rowcount_staged_vs_loaded', N'dw.Fact_Payment', 'error',
        (SELECT COUNT_BIG(DISTINCT PaymentId) FROM stg.Payment WHERE ISNULL(CdcOperation, 5) <> 1),
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId
             AND f.PaymentId IN (SELECT PaymentId FROM stg.Payment WHERE ISNULL(CdcOperation, 5) <> 1));
    INSERT INTO #dq SELECT N'rowcount_staged_vs_loaded', N'dw.Dim_Merchant', 'error',
        (SELECT COUNT_BIG(DISTINCT MerchantId) FROM stg.Merchant WHERE ISNULL(CdcOperation, 5) <> 1),
        (SELECT COUNT_BIG(DISTINCT d.MerchantId) FROM dw.Dim_Merchant AS d WHERE d.IsCurrent = 1
             AND d.MerchantId IN (SELECT MerchantId FROM stg.Merchant WHERE ISNULL(CdcOperation, 5) <> 1));
    INSERT INTO #dq SELECT N'rowcount_staged_vs_loaded', N'dw.Dim_Customer', 'error',
        (SELECT COUNT_BIG(DISTINCT CustomerId) FROM stg.Customer WHERE ISNULL(CdcOperation, 5) <> 1),
        (SELECT COUNT_BIG(DISTINCT d.CustomerId) FROM dw.Dim_Customer AS d WHERE d.IsCurrent = 1
             AND d.CustomerId IN (SELECT CustomerId FROM stg.Customer WHERE ISNULL(CdcOperation, 5) <> 1));
    INSERT INTO #dq SELECT N'rowcount_staged_vs_loaded', N'dw.Dim_PaymentMethod', 'error',
        (SELECT COUNT_BIG(DISTINCT PaymentMethodId) FROM stg.PaymentMethod),
        (SELECT COUNT_BIG(DISTINCT d.PaymentMethodId) FROM dw.Dim_PaymentMethod AS d
             WHERE d.PaymentMethodId IN (SELECT PaymentMethodId FROM stg.PaymentMethod));
    INSERT INTO #dq SELECT N'rowcount_staged_vs_loaded', N'dw.Dim_Currency', 'error',
        (SELECT COUNT_BIG(DISTINCT CurrencyCode) FROM stg.Currency),
        (SELECT COUNT_BIG(DISTINCT d.CurrencyCode) FROM dw.Dim_Currency AS d WHERE d.CurrencyCode IN (SELECT CurrencyCode FROM stg.Currency));
    INSERT INTO #dq SELECT N'rowcount_staged_vs_loaded', N'dw.Dim_Geography', 'error',
        (SELECT COUNT_BIG(DISTINCT CountryCode) FROM stg.Country WHERE ISNULL(CdcOperation, 5) <> 1),
        (SELECT COUNT_BIG(DISTINCT d.CountryCode) FROM dw.Dim_Geography AS d
             WHERE d.CountryCode IN (SELECT CountryCode FROM stg.Country WHERE ISNULL(CdcOperation, 5) <> 1));

    /* --- NULL keys (staging rows the source should never produce, and fact keys) --- */
    INSERT INTO #dq SELECT N'null_keys', N'stg.Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM stg.Payment WHERE ISNULL(CdcOperation, 5) <> 1
             AND (MerchantId IS NULL OR CurrencyCode IS NULL OR CreatedAt IS NULL OR AmountMinor IS NULL));
    INSERT INTO #dq SELECT N'null_keys', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment WHERE LoadRunId = @RunId
             AND (DateKey IS NULL OR MerchantKey IS NULL OR CustomerKey IS NULL OR PaymentMethodKey IS NULL
                  OR CurrencyKey IS NULL OR GeographyKey IS NULL));

    /* --- orphan foreign keys (Synapse does not enforce them) --- */
    INSERT INTO #dq SELECT N'orphan_DateKey', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_Date AS d WHERE d.DateKey = f.DateKey));
    INSERT INTO #dq SELECT N'orphan_MerchantKey', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant AS d WHERE d.MerchantKey = f.MerchantKey));
    INSERT INTO #dq SELECT N'orphan_CustomerKey', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_Customer AS d WHERE d.CustomerKey = f.CustomerKey));
    INSERT INTO #dq SELECT N'orphan_PaymentMethodKey', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_PaymentMethod AS d WHERE d.PaymentMethodKey = f.PaymentMethodKey));
    INSERT INTO #dq SELECT N'orphan_CurrencyKey', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_Currency AS d WHERE d.CurrencyKey = f.CurrencyKey));
    INSERT INTO #dq SELECT N'orphan_GeographyKey', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_Geography AS d WHERE d.GeographyKey = f.GeographyKey));
    INSERT INTO #dq SELECT N'orphan_MerchantKey', N'dw.Fact_API_Performance', 'error', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_API_Performance AS f WHERE f.LoadRunId = @RunId AND NOT EXISTS (SELECT 1 FROM dw.Dim_Merchant AS d WHERE d.MerchantKey = f.MerchantKey));

    /* --- duplicates --- */
    INSERT INTO #dq SELECT N'duplicate_PaymentId', N'dw.Fact_Payment', 'error', 0,
        (SELECT COUNT_BIG(*) FROM (SELECT f.PaymentId FROM dw.Fact_Payment AS f
             WHERE f.PaymentId IN (SELECT PaymentId FROM stg.Payment) GROUP BY f.PaymentId HAVING COUNT_BIG(*) > 1) AS x);
    INSERT INTO #dq SELECT N'duplicate_current_version', N'dw.Dim_Merchant', 'error', 0,
        (SELECT COUNT_BIG(*) FROM (SELECT MerchantId FROM dw.Dim_Merchant WHERE IsCurrent = 1 GROUP BY MerchantId HAVING COUNT_BIG(*) > 1) AS x);
    INSERT INTO #dq SELECT N'duplicate_current_version', N'dw.Dim_Customer', 'error', 0,
        (SELECT COUNT_BIG(*) FROM (SELECT CustomerId FROM dw.Dim_Customer WHERE IsCurrent = 1 GROUP BY CustomerId HAVING COUNT_BIG(*) > 1) AS x);

    /* --- late-arriving dimensions (warning: the row is kept on the unknown member) --- */
    INSERT INTO #dq SELECT N'unknown_member_reference', N'dw.Fact_Payment', 'warn', 0,
        (SELECT COUNT_BIG(*) FROM dw.Fact_Payment WHERE LoadRunId = @RunId
             AND (MerchantKey = -1 OR CurrencyKey = -1 OR DateKey = -1));

    INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Expected, Actual, Passed, CheckedAtUtc)
    SELECT @RunId, CheckName, TableName, Severity, Expected, Actual,
           CAST(CASE WHEN ISNULL(Expected, -1) = ISNULL(Actual, -1) THEN 1 ELSE 0 END AS bit), SYSUTCDATETIME()
    FROM #dq;

    SELECT CheckName, TableName, Severity, Expected, Actual,
           CAST(CASE WHEN ISNULL(Expected, -1) = ISNULL(Actual, -1) THEN 1 ELSE 0 END AS bit) AS Passed
    FROM #dq;

    DECLARE @Failed int = (SELECT COUNT(*) FROM #dq WHERE Severity = 'error' AND ISNULL(Expected, -1) <> ISNULL(Actual, -1));
    IF @Failed > 0
    BEGIN
        DECLARE @First nvarchar(300) = (SELECT TOP (1) CONCAT(CheckName, N' on ', TableName, N' (expected ', Expected, N', actual ', Actual, N')')
                                        FROM #dq WHERE Severity = 'error' AND ISNULL(Expected, -1) <> ISNULL(Actual, -1)
                                        ORDER BY TableName, CheckName);
        DECLARE @Message nvarchar(2048) = CONCAT(N'etl.usp_DQ_Check: ', @Failed, N' data-quality check(s) failed for run ', @RunId,
                                                 N'; first: ', @First, N'. See etl.DQ_Result.');
        THROW 50200, @Message, 1;
    END;
END;
GO

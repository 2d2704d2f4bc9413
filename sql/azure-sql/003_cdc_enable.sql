/*
  003_cdc_enable.sql - enable Change Data Capture for the environment's tables, idempotently.

  How it is run (by the deployment, after 001 and 002, as a member of the Entra SQL admin group):
    sqlcmd -S tcp:<server>.database.windows.net,1433 -d <database> \
           --authentication-method ActiveDirectoryDefault \
           -b -v CdcTables="Payment,Refund,Dispute,Merchant,Customer,PaymentMethod" \
           -i sql/azure-sql/003_cdc_enable.sql
  (legacy ODBC sqlcmd: -G instead of --authentication-method.) CdcTables is the environment's
  `cdc.tables` list (environments/<env>.ts) joined with commas.

  What it does:
    1. validates every name: a bare table name that exists in dbo with a primary key, otherwise THROW;
    2. sys.sp_cdc_enable_db when the database is not CDC-enabled yet;
    3. sys.sp_cdc_enable_table (@supports_net_changes = 1) for each listed table not captured yet;
       the captured column list leaves out columns carrying a sensitivity classification or
       Always Encrypted (see 001/005): personal and card data never leave the OLTP through CDC;
       a table enabled here starts without a watermark (its window starts at the new capture
       instance's minimum LSN): this is also how a table rebuilt by the Always Encrypted tooling
       (005), which loses its capture instance, is captured again - re-run this script right after
       the encryption, inside the write freeze the runbook describes;
    4. reconciles: captured dbo tables that are no longer listed get sys.sp_cdc_disable_table,
       and their etl.Watermark row is removed so a later re-enable starts from the new minimum LSN.
  CDC needs a vCore database or DTU S3 and above. Changing the classification of a column does
  not change an existing capture instance: disable and re-enable the table (two runs of this script).
*/
SET NOCOUNT ON;
SET XACT_ABORT ON;
GO

/* ---- 1. validate the list ---- */
DECLARE @CdcTables nvarchar(max) = N'$(CdcTables)';
DECLARE @Wanted TABLE (TableName sysname NOT NULL PRIMARY KEY);
DECLARE @Message nvarchar(2048);

INSERT INTO @Wanted (TableName)
SELECT DISTINCT LTRIM(RTRIM(value)) FROM STRING_SPLIT(@CdcTables, N',') WHERE LTRIM(RTRIM(value)) <> N'';

IF NOT EXISTS (SELECT 1 FROM @Wanted)
    THROW 50010, N'003_cdc_enable: the CdcTables list is empty; pass -v CdcTables=Payment,Refund,...', 1;

DECLARE @Bad nvarchar(max) = (
    SELECT STRING_AGG(w.TableName, N', ') FROM @Wanted AS w
    WHERE w.TableName LIKE N'%[.[]%' OR w.TableName LIKE N'%]%'
       OR OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(w.TableName), N'U') IS NULL);
IF @Bad IS NOT NULL
BEGIN
    SET @Message = CONCAT(N'003_cdc_enable: not a table in schema dbo: ', @Bad);
    THROW 50011, @Message, 1;
END;

DECLARE @NoPk nvarchar(max) = (
    SELECT STRING_AGG(w.TableName, N', ') FROM @Wanted AS w
    WHERE OBJECTPROPERTY(OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(w.TableName), N'U'), 'TableHasPrimaryKey') = 0);
IF @NoPk IS NOT NULL
BEGIN
    SET @Message = CONCAT(N'003_cdc_enable: net changes need a primary key, missing on: ', @NoPk);
    THROW 50012, @Message, 1;
END;

/* ---- 2. database level ---- */
IF NOT EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND is_cdc_enabled = 1)
    EXEC sys.sp_cdc_enable_db;
GO

/* ---- 3. enable listed tables, 4. disable tables no longer listed ---- */
DECLARE @CdcTables nvarchar(max) = N'$(CdcTables)';
DECLARE @Wanted TABLE (TableName sysname NOT NULL PRIMARY KEY);
INSERT INTO @Wanted (TableName)
SELECT DISTINCT LTRIM(RTRIM(value)) FROM STRING_SPLIT(@CdcTables, N',') WHERE LTRIM(RTRIM(value)) <> N'';

DECLARE @Table sysname, @ObjectId int, @CaptureInstance sysname, @Columns nvarchar(max);

WHILE 1 = 1
BEGIN
    SET @Table = NULL;
    SELECT TOP (1) @Table = w.TableName
    FROM @Wanted AS w
    WHERE NOT EXISTS (SELECT 1 FROM cdc.change_tables AS ct
                      WHERE ct.source_object_id = OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(w.TableName), N'U'))
    ORDER BY w.TableName;
    IF @Table IS NULL BREAK;

    SET @ObjectId = OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(@Table), N'U');
    SET @CaptureInstance = N'dbo_' + @Table;
    SET @Columns = (
        SELECT STRING_AGG(CONVERT(nvarchar(max), QUOTENAME(c.name)), N',') WITHIN GROUP (ORDER BY c.column_id)
        FROM sys.columns AS c
        WHERE c.object_id = @ObjectId
          AND c.encryption_type IS NULL
          AND NOT EXISTS (SELECT 1 FROM sys.sensitivity_classifications AS sc
                          WHERE sc.major_id = c.object_id AND sc.minor_id = c.column_id));

    PRINT CONCAT(N'Enabling CDC on dbo.', @Table, N' (', @Columns, N')');
    EXEC sys.sp_cdc_enable_table
        @source_schema = N'dbo',
        @source_name = @Table,
        @role_name = NULL,                 -- read only through the etl procedures (EXECUTE AS OWNER)
        @capture_instance = @CaptureInstance,
        @supports_net_changes = 1,
        @captured_column_list = @Columns;

    IF OBJECT_ID(N'etl.Watermark', N'U') IS NOT NULL
        DELETE FROM etl.Watermark WHERE TableName = @Table;
END;

WHILE 1 = 1
BEGIN
    SET @Table = NULL;
    SELECT TOP (1) @Table = OBJECT_NAME(ct.source_object_id)
    FROM cdc.change_tables AS ct
    WHERE OBJECT_SCHEMA_NAME(ct.source_object_id) = N'dbo'
      AND NOT EXISTS (SELECT 1 FROM @Wanted AS w WHERE w.TableName = OBJECT_NAME(ct.source_object_id))
    ORDER BY ct.capture_instance;
    IF @Table IS NULL BREAK;

    PRINT CONCAT(N'Disabling CDC on dbo.', @Table, N' (no longer listed)');
    EXEC sys.sp_cdc_disable_table @source_schema = N'dbo', @source_name = @Table, @capture_instance = N'all';

    IF OBJECT_ID(N'etl.Watermark', N'U') IS NOT NULL
        DELETE FROM etl.Watermark WHERE TableName = @Table;
END;
GO

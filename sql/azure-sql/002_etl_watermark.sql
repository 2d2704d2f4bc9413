/*
  002_etl_watermark.sql - CDC extraction contract used by the Data Factory batch pipeline (flow 2).

  The pipeline, once per run:
    0. EXEC etl.usp_GetRunLsn                          -> ToLsnHex: ONE cut for every table of the run, so a
       payment and the merchant it references are either both in the run or both in a later one
  then per captured table:
    1. EXEC etl.usp_GetCdcWindow @TableName, @ToLsnHex -> FromLsnHex, ToLsnHex, HasChanges
    2. EXEC etl.usp_ReadNetChanges @TableName, @FromLsnHex, @ToLsnHex   (Copy activity source; adds
       CdcCommitUtc, the commit time of each change: the warehouse's SCD2 version time)
    3. EXEC etl.usp_SetCdcWatermark @TableName, @ToLsnHex               (after the Synapse load and its
       data-quality gate succeeded)

  LSNs travel as '0x' + 20 hex digits strings (CONVERT style 1) because ADF has no binary(10) type.
  The procedures run WITH EXECUTE AS OWNER so the ADF managed identity only needs
  GRANT EXECUTE ON SCHEMA::etl (no SELECT on the cdc schema, no db_owner).
  Idempotent: schema and table created if missing, procedures use CREATE OR ALTER.
*/
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

IF SCHEMA_ID(N'etl') IS NULL
    EXEC (N'CREATE SCHEMA etl AUTHORIZATION dbo');
GO

IF OBJECT_ID(N'etl.Watermark', N'U') IS NULL
BEGIN
CREATE TABLE etl.Watermark (
    TableName sysname NOT NULL,
    LastLsn binary(10) NULL,
    LastRunUtc datetime2(3) NULL,
    CONSTRAINT PK_Watermark PRIMARY KEY CLUSTERED (TableName)
);
END
GO

/* The run's cut: the current maximum LSN, read once per run and used by every table's window. */
CREATE OR ALTER PROCEDURE etl.usp_GetRunLsn
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT ON;
    SELECT ToLsnHex = CONVERT(varchar(22), sys.fn_cdc_get_max_lsn(), 1);
END;
GO

/* Returns the window [FromLsn, @ToLsnHex] of one captured dbo table; @ToLsnHex is the run's cut (etl.usp_GetRunLsn). */
CREATE OR ALTER PROCEDURE etl.usp_GetCdcWindow
    @TableName sysname,
    @ToLsnHex varchar(22)
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @CaptureInstance sysname, @Message nvarchar(2048);

    -- Validate: the table must be a captured dbo table with net changes (newest capture instance wins).
    SELECT TOP (1) @CaptureInstance = ct.capture_instance
    FROM cdc.change_tables AS ct
    WHERE ct.source_object_id = OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(@TableName), N'U')
      AND ct.supports_net_changes = 1
    ORDER BY ct.create_date DESC;

    IF @CaptureInstance IS NULL
    BEGIN
        SET @Message = CONCAT(N'etl.usp_GetCdcWindow: dbo.', @TableName, N' is not captured by CDC with net changes (run 003_cdc_enable.sql).');
        THROW 50001, @Message, 1;
    END;

    IF @ToLsnHex IS NULL OR @ToLsnHex NOT LIKE '0x%' OR LEN(@ToLsnHex) <> 22 OR TRY_CONVERT(binary(10), @ToLsnHex, 1) IS NULL
       OR CONVERT(binary(10), @ToLsnHex, 1) > sys.fn_cdc_get_max_lsn()
    BEGIN
        SET @Message = CONCAT(N'etl.usp_GetCdcWindow: @ToLsnHex must be ''0x'' + 20 hex digits and not beyond the current max LSN, got ', @ToLsnHex);
        THROW 50003, @Message, 1;
    END;

    DECLARE @MinLsn binary(10) = sys.fn_cdc_get_min_lsn(@CaptureInstance);
    DECLARE @MaxLsn binary(10) = CONVERT(binary(10), @ToLsnHex, 1);
    DECLARE @LastLsn binary(10) = (SELECT w.LastLsn FROM etl.Watermark AS w WHERE w.TableName = @TableName);
    DECLARE @FromLsn binary(10);

    IF @LastLsn IS NULL
        SET @FromLsn = @MinLsn;                              -- first run: everything still retained
    ELSE IF @LastLsn < @MinLsn
    BEGIN
        -- The cleanup job removed changes we never read: a full reload is needed, never skip silently.
        SET @Message = CONCAT(N'etl.usp_GetCdcWindow: watermark of dbo.', @TableName, N' (', CONVERT(varchar(22), @LastLsn, 1),
                              N') is older than the retained minimum LSN (', CONVERT(varchar(22), @MinLsn, 1), N'); run a full reload.');
        THROW 50002, @Message, 1;
    END
    ELSE
        SET @FromLsn = sys.fn_cdc_increment_lsn(@LastLsn);   -- next change after the last one read

    SELECT
        FromLsnHex = CONVERT(varchar(22), @FromLsn, 1),
        ToLsnHex = CONVERT(varchar(22), @MaxLsn, 1),
        HasChanges = CAST(CASE WHEN @FromLsn <= @MaxLsn THEN 1 ELSE 0 END AS bit),
        CaptureInstance = @CaptureInstance;
END;
GO

/* Net changes of one captured table in [FromLsn, ToLsn], 'all with merge' (one row per key:
   __$operation 1 = delete, 5 = insert or update). Safe dynamic SQL: the table is validated against
   cdc.change_tables, the function name and columns are QUOTENAME'd, LSNs are parameters. */
CREATE OR ALTER PROCEDURE etl.usp_ReadNetChanges
    @TableName sysname,
    @FromLsnHex varchar(22),
    @ToLsnHex varchar(22)
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @CaptureInstance sysname, @ChangeTableId int, @Message nvarchar(2048);

    SELECT TOP (1) @CaptureInstance = ct.capture_instance, @ChangeTableId = ct.object_id
    FROM cdc.change_tables AS ct
    WHERE ct.source_object_id = OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(@TableName), N'U')
      AND ct.supports_net_changes = 1
    ORDER BY ct.create_date DESC;

    IF @CaptureInstance IS NULL
    BEGIN
        SET @Message = CONCAT(N'etl.usp_ReadNetChanges: dbo.', @TableName, N' is not captured by CDC with net changes.');
        THROW 50001, @Message, 1;
    END;

    IF @FromLsnHex IS NULL OR @ToLsnHex IS NULL
       OR @FromLsnHex NOT LIKE '0x%' OR LEN(@FromLsnHex) <> 22 OR TRY_CONVERT(binary(10), @FromLsnHex, 1) IS NULL
       OR @ToLsnHex NOT LIKE '0x%' OR LEN(@ToLsnHex) <> 22 OR TRY_CONVERT(binary(10), @ToLsnHex, 1) IS NULL
    BEGIN
        SET @Message = CONCAT(N'etl.usp_ReadNetChanges: LSNs must be ''0x'' + 20 hex digits, got from=', @FromLsnHex, N' to=', @ToLsnHex);
        THROW 50003, @Message, 1;
    END;

    DECLARE @FromLsn binary(10) = CONVERT(binary(10), @FromLsnHex, 1);
    DECLARE @ToLsn binary(10) = CONVERT(binary(10), @ToLsnHex, 1);
    DECLARE @MinLsn binary(10) = sys.fn_cdc_get_min_lsn(@CaptureInstance);
    DECLARE @Empty bit = 0;

    IF @FromLsn > @ToLsn
    BEGIN
        -- Empty window: keep the result shape (the Copy activity maps columns by name).
        SET @Empty = 1;
        SET @FromLsn = @MinLsn;
        SET @ToLsn = @MinLsn;
    END
    ELSE IF @FromLsn < @MinLsn
    BEGIN
        SET @Message = CONCAT(N'etl.usp_ReadNetChanges: from LSN ', @FromLsnHex, N' is below the retained minimum ', CONVERT(varchar(22), @MinLsn, 1), N'.');
        THROW 50002, @Message, 1;
    END;

    DECLARE @Columns nvarchar(max) = (
        SELECT STRING_AGG(CONVERT(nvarchar(max), N'nc.' + QUOTENAME(cc.column_name)), N', ') WITHIN GROUP (ORDER BY cc.column_ordinal)
        FROM cdc.captured_columns AS cc
        WHERE cc.object_id = @ChangeTableId);

    -- CdcCommitUtc: the transaction's commit time (Azure SQL Database runs in UTC); SCD2 versions start there.
    DECLARE @Sql nvarchar(max) = N'SELECT CdcStartLsn = CONVERT(varchar(22), nc.[__$start_lsn], 1), '
        + N'CdcOperation = nc.[__$operation], '
        + N'CdcCommitUtc = CONVERT(datetime2(3), sys.fn_cdc_map_lsn_to_time(nc.[__$start_lsn])), ' + @Columns
        + N' FROM cdc.' + QUOTENAME(N'fn_cdc_get_net_changes_' + @CaptureInstance)
        + N'(@from_lsn, @to_lsn, N''all with merge'') AS nc'
        + CASE WHEN @Empty = 1 THEN N' WHERE 1 = 0' ELSE N'' END
        + N' ORDER BY nc.[__$start_lsn];';

    EXEC sys.sp_executesql @Sql, N'@from_lsn binary(10), @to_lsn binary(10)', @from_lsn = @FromLsn, @to_lsn = @ToLsn;
END;
GO

/* Records the window end once the load into Synapse succeeded. Never moves the watermark back. */
CREATE OR ALTER PROCEDURE etl.usp_SetCdcWatermark
    @TableName sysname,
    @ToLsnHex varchar(22)
WITH EXECUTE AS OWNER
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Message nvarchar(2048);

    IF NOT EXISTS (SELECT 1 FROM cdc.change_tables AS ct
                   WHERE ct.source_object_id = OBJECT_ID(QUOTENAME(N'dbo') + N'.' + QUOTENAME(@TableName), N'U'))
    BEGIN
        SET @Message = CONCAT(N'etl.usp_SetCdcWatermark: dbo.', @TableName, N' is not captured by CDC.');
        THROW 50001, @Message, 1;
    END;

    IF @ToLsnHex IS NULL OR @ToLsnHex NOT LIKE '0x%' OR LEN(@ToLsnHex) <> 22 OR TRY_CONVERT(binary(10), @ToLsnHex, 1) IS NULL
    BEGIN
        SET @Message = CONCAT(N'etl.usp_SetCdcWatermark: LSN must be ''0x'' + 20 hex digits, got ', @ToLsnHex);
        THROW 50003, @Message, 1;
    END;

    DECLARE @ToLsn binary(10) = CONVERT(binary(10), @ToLsnHex, 1);

    BEGIN TRANSACTION;
        UPDATE etl.Watermark WITH (UPDLOCK, SERIALIZABLE)
        SET LastLsn = CASE WHEN LastLsn IS NULL OR LastLsn < @ToLsn THEN @ToLsn ELSE LastLsn END,
            LastRunUtc = SYSUTCDATETIME()
        WHERE TableName = @TableName;

        IF @@ROWCOUNT = 0
            INSERT INTO etl.Watermark (TableName, LastLsn, LastRunUtc) VALUES (@TableName, @ToLsn, SYSUTCDATETIME());
    COMMIT TRANSACTION;
END;
GO

/*
  001_schemas.sql - Synapse dedicated SQL pool schemas (applied by the ETL deployment, in file order).
    stg  landing tables filled by Data Factory (flow 2) and Stream Analytics (flow 3)
    dw   star schema: 6 dimensions + Fact_Payment (+ Fact_API_Performance for flow 3)
    agg  materialized views and aggregate tables for BI
    etl  load procedures, state tables and data-quality results
*/
IF SCHEMA_ID(N'stg') IS NULL EXEC (N'CREATE SCHEMA stg');
IF SCHEMA_ID(N'dw') IS NULL EXEC (N'CREATE SCHEMA dw');
IF SCHEMA_ID(N'agg') IS NULL EXEC (N'CREATE SCHEMA agg');
IF SCHEMA_ID(N'etl') IS NULL EXEC (N'CREATE SCHEMA etl');
GO

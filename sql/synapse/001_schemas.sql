/*
  001_schemas.sql - schemas of the warehouse.
  stg  landing tables filled by Data Factory (flows 2 and 3)
  dw   star schema: 6 dimensions, Fact_Payment, Fact_API_Performance
  agg  aggregates for BI
  etl  load procedures, run log, data-quality results, state and work tables
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/
IF SCHEMA_ID(N'stg') IS NULL EXEC (N'CREATE SCHEMA stg');
IF SCHEMA_ID(N'dw') IS NULL EXEC (N'CREATE SCHEMA dw');
IF SCHEMA_ID(N'agg') IS NULL EXEC (N'CREATE SCHEMA agg');
IF SCHEMA_ID(N'etl') IS NULL EXEC (N'CREATE SCHEMA etl');
GO

/*
  001_schemas.sql - schemas of the warehouse.
  stg  landing tables filled by Data Factory (flows 2 and 3)
  dw   star schema: 6 dimensions, Fact_Payment, Fact_API_Performance
  agg  aggregates for BI
  etl  load procedures, run log, data-quality results, state and work tables
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/
CREATE SCHEMA IF NOT EXISTS stg;
CREATE SCHEMA IF NOT EXISTS dw;
CREATE SCHEMA IF NOT EXISTS agg;
CREATE SCHEMA IF NOT EXISTS etl;

/*
  004_dimensions.sql - the 6 dimensions, their unknown members (-1) and the calendar.
  Surrogate keys: MAX(key) + ROW_NUMBER() in the load procedures (no IDENTITY: not contiguous
  across distributions, and no explicit values on load). Keys are not enforced by any engine here:
  the data-quality checks of etl.usp_DQ_Check guard them.
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- dw.Dim_Date: calendar 2015-2040, DateKey yyyymmdd, -1 = unknown
CREATE TABLE IF NOT EXISTS dw.dim_date (
    date_key integer NOT NULL,
    full_date date NULL,
    year smallint NOT NULL,
    quarter smallint NOT NULL,
    month smallint NOT NULL,
    month_name varchar(12) NOT NULL,
    day_of_month smallint NOT NULL,
    day_of_week_iso smallint NOT NULL,
    day_name varchar(12) NOT NULL,
    iso_week smallint NOT NULL,
    is_weekend boolean NOT NULL
)
DISTSTYLE ALL SORTKEY (date_key);

-- dw.Dim_Currency: type 1
CREATE TABLE IF NOT EXISTS dw.dim_currency (
    currency_key integer NOT NULL,
    currency_code char(3) NOT NULL,
    name varchar(64) NOT NULL,
    minor_units smallint NOT NULL,
    is_active boolean NOT NULL,
    load_run_id varchar(64) NULL,
    updated_at_utc timestamp(3) NOT NULL
)
DISTSTYLE ALL SORTKEY (currency_code);

-- dw.Dim_Geography: type 1; a deleted country keeps its row (facts reference it)
CREATE TABLE IF NOT EXISTS dw.dim_geography (
    geography_key integer NOT NULL,
    country_code char(2) NOT NULL,
    country_name varchar(100) NOT NULL,
    region varchar(50) NOT NULL,
    is_eu boolean NOT NULL,
    load_run_id varchar(64) NULL,
    updated_at_utc timestamp(3) NOT NULL
)
DISTSTYLE ALL SORTKEY (country_code);

-- dw.Dim_Merchant: SCD type 2: a version is valid in [ValidFromUtc, ValidToUtc), versions of one merchant are contiguous
CREATE TABLE IF NOT EXISTS dw.dim_merchant (
    merchant_key integer NOT NULL,
    merchant_id bigint NOT NULL,
    public_id varchar(32) NULL,
    legal_name varchar(200) NULL,
    display_name varchar(100) NULL,
    country_code char(2) NULL,
    default_currency_code char(3) NULL,
    mcc char(4) NULL,
    status varchar(16) NULL,
    valid_from_utc timestamp(3) NOT NULL,
    valid_to_utc timestamp(3) NOT NULL,
    is_current boolean NOT NULL,
    row_hash char(64) NULL,
    load_run_id varchar(64) NULL
)
DISTSTYLE ALL SORTKEY (merchant_id, valid_from_utc);

-- dw.Dim_Customer: SCD type 2 like Dim_Merchant; the largest dimension (switch to HASH(CustomerKey) above ~2 GB compressed)
CREATE TABLE IF NOT EXISTS dw.dim_customer (
    customer_key integer NOT NULL,
    customer_id bigint NOT NULL,
    merchant_id bigint NULL,
    country_code char(2) NULL,
    created_at_utc timestamp(3) NULL,
    is_deleted boolean NOT NULL,
    valid_from_utc timestamp(3) NOT NULL,
    valid_to_utc timestamp(3) NOT NULL,
    is_current boolean NOT NULL,
    row_hash char(64) NULL,
    load_run_id varchar(64) NULL
)
DISTSTYLE AUTO SORTKEY (customer_id, valid_from_utc);

-- dw.Dim_PaymentMethod: type 1; a deleted method is kept with Status 'detached'
CREATE TABLE IF NOT EXISTS dw.dim_payment_method (
    payment_method_key integer NOT NULL,
    payment_method_id bigint NOT NULL,
    customer_id bigint NULL,
    type varchar(16) NULL,
    card_brand varchar(16) NULL,
    issuer_country_code char(2) NULL,
    status varchar(16) NULL,
    created_at_utc timestamp(3) NULL,
    load_run_id varchar(64) NULL,
    updated_at_utc timestamp(3) NOT NULL
)
DISTSTYLE ALL SORTKEY (payment_method_id);

INSERT INTO dw.dim_date (date_key, full_date, year, quarter, month, month_name, day_of_month, day_of_week_iso, day_name, iso_week, is_weekend)
SELECT -1, NULL, 0, 0, 0, 'Unknown', 0, 0, 'Unknown', 0, FALSE
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_date WHERE date_key = -1);

INSERT INTO dw.dim_currency (currency_key, currency_code, name, minor_units, is_active, load_run_id, updated_at_utc)
SELECT -1, 'XXX', 'Unknown', 2, FALSE, NULL, CAST(GETDATE() AS timestamp)
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_currency WHERE currency_key = -1);

INSERT INTO dw.dim_geography (geography_key, country_code, country_name, region, is_eu, load_run_id, updated_at_utc)
SELECT -1, 'ZZ', 'Unknown', 'Unknown', FALSE, NULL, CAST(GETDATE() AS timestamp)
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_geography WHERE geography_key = -1);

INSERT INTO dw.dim_merchant (merchant_key, merchant_id, legal_name, display_name, valid_from_utc, valid_to_utc, is_current)
SELECT -1, -1, 'Unknown', 'Unknown', CAST('1900-01-01' AS timestamp(3)), CAST('9999-12-31' AS timestamp(3)), TRUE
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_merchant WHERE merchant_key = -1);

INSERT INTO dw.dim_customer (customer_key, customer_id, is_deleted, valid_from_utc, valid_to_utc, is_current)
SELECT -1, -1, FALSE, CAST('1900-01-01' AS timestamp(3)), CAST('9999-12-31' AS timestamp(3)), TRUE
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_customer WHERE customer_key = -1);

INSERT INTO dw.dim_payment_method (payment_method_key, payment_method_id, type, updated_at_utc)
SELECT -1, -1, 'unknown', CAST(GETDATE() AS timestamp)
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_payment_method WHERE payment_method_key = -1);

INSERT INTO etl.digits (digit) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 0);

INSERT INTO etl.digits (digit) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 1);

INSERT INTO etl.digits (digit) SELECT 2 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 2);

INSERT INTO etl.digits (digit) SELECT 3 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 3);

INSERT INTO etl.digits (digit) SELECT 4 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 4);

INSERT INTO etl.digits (digit) SELECT 5 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 5);

INSERT INTO etl.digits (digit) SELECT 6 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 6);

INSERT INTO etl.digits (digit) SELECT 7 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 7);

INSERT INTO etl.digits (digit) SELECT 8 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 8);

INSERT INTO etl.digits (digit) SELECT 9 WHERE NOT EXISTS (SELECT 1 FROM etl.digits WHERE digit = 9);

INSERT INTO dw.dim_date (date_key, full_date, year, quarter, month, month_name, day_of_month, day_of_week_iso, day_name, iso_week, is_weekend)
SELECT CAST(TO_CHAR(c.full_date, 'YYYYMMDD') AS integer), c.full_date, CAST(TO_CHAR(c.full_date, 'YYYY') AS smallint), CAST(TO_CHAR(c.full_date, 'Q') AS smallint), CAST(TO_CHAR(c.full_date, 'MM') AS smallint),
       TRIM(TO_CHAR(c.full_date, 'Month')), CAST(TO_CHAR(c.full_date, 'DD') AS smallint), CAST(TO_CHAR(c.full_date, 'ID') AS smallint), TRIM(TO_CHAR(c.full_date, 'Day')),
       CAST(TO_CHAR(c.full_date, 'IW') AS smallint), (CASE WHEN CAST(TO_CHAR(c.full_date, 'ID') AS smallint) >= 6 THEN TRUE ELSE FALSE END)
FROM (SELECT CAST(DATEADD(day, a.digit + 10 * b.digit + 100 * e.digit + 1000 * g.digit, CAST('2015-01-01' AS date)) AS date) AS full_date
      FROM etl.digits AS a CROSS JOIN etl.digits AS b CROSS JOIN etl.digits AS e CROSS JOIN etl.digits AS g) AS c
WHERE c.full_date <= CAST('2040-12-31' AS date)
  AND NOT EXISTS (SELECT 1 FROM dw.dim_date AS x WHERE x.full_date = c.full_date);

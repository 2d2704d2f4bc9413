/*
  007_load_procedures.sql - the load procedures.
  Flow 2: the pipeline calls etl.usp_Load_Warehouse once (run id, run LSN) after staging; it runs every step
  in one transaction and publishes only when the data-quality gate passes. Flow 3: etl.usp_Load_Fact_API_Performance.
  Called with CALL outside an explicit transaction (the publish procedure commits or rolls back).
  GENERATED from the model in sql/warehouse/ by `npm run sql:generate`: edit the model, not this file.
*/

-- etl.usp_Load_Dim_Currency: Type 1 currency dimension.
CREATE OR REPLACE PROCEDURE etl.usp_Load_Dim_Currency(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Dim_Currency: RunId is required';
    END IF;
    DELETE FROM etl.work_currency;
    INSERT INTO etl.work_currency (currency_code, name, minor_units, is_active)
    SELECT s.currency_code, s.name, s.minor_units, CASE WHEN COALESCE(s.cdc_operation, 5) = 1 THEN FALSE ELSE s.is_active END
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.currency_code ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.currency AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.dim_currency
    SET name = s.name, minor_units = s.minor_units, is_active = s.is_active, load_run_id = p_run_id, updated_at_utc = CAST(GETDATE() AS timestamp)
    FROM etl.work_currency AS s
    WHERE dw.dim_currency.currency_code = s.currency_code
      AND (dw.dim_currency.name <> s.name OR dw.dim_currency.minor_units <> s.minor_units OR dw.dim_currency.is_active <> s.is_active);
    INSERT INTO dw.dim_currency (currency_key, currency_code, name, minor_units, is_active, load_run_id, updated_at_utc)
    SELECT mk.max_key + ROW_NUMBER() OVER (ORDER BY s.currency_code), s.currency_code, s.name, s.minor_units, s.is_active, p_run_id, CAST(GETDATE() AS timestamp)
    FROM etl.work_currency AS s
    CROSS JOIN (SELECT COALESCE(MAX(currency_key), 0) AS max_key FROM dw.dim_currency WHERE currency_key > 0) AS mk
    WHERE NOT EXISTS (SELECT 1 FROM dw.dim_currency AS c WHERE c.currency_code = s.currency_code);
END;
$$;

-- etl.usp_Load_Dim_Geography: Type 1 geography dimension (countries).
CREATE OR REPLACE PROCEDURE etl.usp_Load_Dim_Geography(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Dim_Geography: RunId is required';
    END IF;
    DELETE FROM etl.work_country;
    INSERT INTO etl.work_country (country_code, name, region, is_eu)
    SELECT s.country_code, s.name, s.region, s.is_eu
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.country_code ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.country AS x) AS s
    WHERE s.rn = 1 AND COALESCE(s.cdc_operation, 5) <> 1;
    UPDATE dw.dim_geography
    SET country_name = s.name, region = s.region, is_eu = s.is_eu, load_run_id = p_run_id, updated_at_utc = CAST(GETDATE() AS timestamp)
    FROM etl.work_country AS s
    WHERE dw.dim_geography.country_code = s.country_code
      AND (dw.dim_geography.country_name <> s.name OR dw.dim_geography.region <> s.region OR dw.dim_geography.is_eu <> s.is_eu);
    INSERT INTO dw.dim_geography (geography_key, country_code, country_name, region, is_eu, load_run_id, updated_at_utc)
    SELECT mk.max_key + ROW_NUMBER() OVER (ORDER BY s.country_code), s.country_code, s.name, s.region, s.is_eu, p_run_id, CAST(GETDATE() AS timestamp)
    FROM etl.work_country AS s
    CROSS JOIN (SELECT COALESCE(MAX(geography_key), 0) AS max_key FROM dw.dim_geography WHERE geography_key > 0) AS mk
    WHERE NOT EXISTS (SELECT 1 FROM dw.dim_geography AS g WHERE g.country_code = s.country_code);
END;
$$;

-- etl.usp_Load_Dim_Merchant: SCD type 2 merchant dimension (version time = CDC commit time).
CREATE OR REPLACE PROCEDURE etl.usp_Load_Dim_Merchant(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Dim_Merchant: RunId is required';
    END IF;
    DELETE FROM etl.work_merchant;
    INSERT INTO etl.work_merchant (merchant_id, public_id, legal_name, display_name, country_code, default_currency_code, mcc, status, created_at, cdc_operation, change_at_utc, row_hash)
    SELECT s.merchant_id, s.public_id, s.legal_name, s.display_name, s.country_code, s.default_currency_code, s.mcc, s.status, s.created_at, COALESCE(s.cdc_operation, 5),
           COALESCE(s.cdc_commit_utc, s.created_at, CAST(GETDATE() AS timestamp)),
           SHA2(COALESCE(CAST(s.public_id AS varchar), '') || '|' || COALESCE(CAST(s.legal_name AS varchar), '') || '|' || COALESCE(CAST(s.display_name AS varchar), '') || '|' || COALESCE(CAST(s.country_code AS varchar), '') || '|' || COALESCE(CAST(s.default_currency_code AS varchar), '') || '|' || COALESCE(CAST(s.mcc AS varchar), '') || '|' || COALESCE(CAST(s.status AS varchar), ''), 256)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.merchant_id ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.merchant AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.dim_merchant
    SET valid_to_utc = CASE WHEN s.change_at_utc > dw.dim_merchant.valid_from_utc THEN s.change_at_utc ELSE dw.dim_merchant.valid_from_utc END,
        is_current = FALSE
    FROM etl.work_merchant AS s
    WHERE dw.dim_merchant.merchant_id = s.merchant_id
      AND dw.dim_merchant.is_current = TRUE
      AND dw.dim_merchant.merchant_key > 0
      AND (s.cdc_operation = 1 OR dw.dim_merchant.row_hash <> s.row_hash OR dw.dim_merchant.row_hash IS NULL);
    INSERT INTO dw.dim_merchant (merchant_key, merchant_id, public_id, legal_name, display_name, country_code, default_currency_code, mcc, status, valid_from_utc, valid_to_utc, is_current, row_hash, load_run_id)
    SELECT mk.max_key + ROW_NUMBER() OVER (ORDER BY s.merchant_id), s.merchant_id, s.public_id, s.legal_name, s.display_name, s.country_code, s.default_currency_code, s.mcc, s.status,
           CASE WHEN h.last_valid_to_utc IS NULL THEN COALESCE(s.created_at, s.change_at_utc) ELSE h.last_valid_to_utc END,
           CAST('9999-12-31' AS timestamp(3)), TRUE, s.row_hash, p_run_id
    FROM etl.work_merchant AS s
    LEFT JOIN (SELECT v.merchant_id, MAX(v.valid_to_utc) AS last_valid_to_utc FROM dw.dim_merchant AS v WHERE v.merchant_key > 0 GROUP BY v.merchant_id) AS h
      ON h.merchant_id = s.merchant_id
    CROSS JOIN (SELECT COALESCE(MAX(merchant_key), 0) AS max_key FROM dw.dim_merchant WHERE merchant_key > 0) AS mk
    WHERE s.cdc_operation <> 1
      AND NOT EXISTS (SELECT 1 FROM dw.dim_merchant AS c WHERE c.merchant_id = s.merchant_id AND c.is_current = TRUE);
END;
$$;

-- etl.usp_Load_Dim_Customer: SCD type 2 customer dimension (no personal data: merchant, country, erased flag).
CREATE OR REPLACE PROCEDURE etl.usp_Load_Dim_Customer(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Dim_Customer: RunId is required';
    END IF;
    DELETE FROM etl.work_customer;
    INSERT INTO etl.work_customer (customer_id, merchant_id, country_code, is_deleted, created_at, cdc_operation, change_at_utc, row_hash)
    SELECT s.customer_id, s.merchant_id, s.country_code, CASE WHEN s.deleted_at IS NULL THEN FALSE ELSE TRUE END, s.created_at, COALESCE(s.cdc_operation, 5),
           COALESCE(s.cdc_commit_utc, s.created_at, CAST(GETDATE() AS timestamp)),
           SHA2(COALESCE(CAST(s.merchant_id AS varchar), '') || '|' || COALESCE(CAST(s.country_code AS varchar), '') || '|' || COALESCE(CAST(CASE WHEN s.deleted_at IS NULL THEN FALSE ELSE TRUE END AS varchar), ''), 256)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.customer_id ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.customer AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.dim_customer
    SET valid_to_utc = CASE WHEN s.change_at_utc > dw.dim_customer.valid_from_utc THEN s.change_at_utc ELSE dw.dim_customer.valid_from_utc END,
        is_current = FALSE
    FROM etl.work_customer AS s
    WHERE dw.dim_customer.customer_id = s.customer_id
      AND dw.dim_customer.is_current = TRUE
      AND dw.dim_customer.customer_key > 0
      AND (s.cdc_operation = 1 OR dw.dim_customer.row_hash <> s.row_hash OR dw.dim_customer.row_hash IS NULL);
    INSERT INTO dw.dim_customer (customer_key, customer_id, merchant_id, country_code, is_deleted, valid_from_utc, valid_to_utc, is_current, row_hash, load_run_id)
    SELECT mk.max_key + ROW_NUMBER() OVER (ORDER BY s.customer_id), s.customer_id, s.merchant_id, s.country_code, s.is_deleted,
           CASE WHEN h.last_valid_to_utc IS NULL THEN COALESCE(s.created_at, s.change_at_utc) ELSE h.last_valid_to_utc END,
           CAST('9999-12-31' AS timestamp(3)), TRUE, s.row_hash, p_run_id
    FROM etl.work_customer AS s
    LEFT JOIN (SELECT v.customer_id, MAX(v.valid_to_utc) AS last_valid_to_utc FROM dw.dim_customer AS v WHERE v.customer_key > 0 GROUP BY v.customer_id) AS h
      ON h.customer_id = s.customer_id
    CROSS JOIN (SELECT COALESCE(MAX(customer_key), 0) AS max_key FROM dw.dim_customer WHERE customer_key > 0) AS mk
    WHERE s.cdc_operation <> 1
      AND NOT EXISTS (SELECT 1 FROM dw.dim_customer AS c WHERE c.customer_id = s.customer_id AND c.is_current = TRUE);
END;
$$;

-- etl.usp_Load_Dim_PaymentMethod: Type 1 payment method dimension.
CREATE OR REPLACE PROCEDURE etl.usp_Load_Dim_PaymentMethod(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Dim_PaymentMethod: RunId is required';
    END IF;
    DELETE FROM etl.work_payment_method;
    INSERT INTO etl.work_payment_method (payment_method_id, customer_id, type, card_brand, issuer_country_code, status, created_at)
    SELECT s.payment_method_id, s.customer_id, s.type, s.card_brand, s.issuer_country_code,
           CASE WHEN COALESCE(s.cdc_operation, 5) = 1 THEN 'detached' ELSE s.status END, s.created_at
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.payment_method_id ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.payment_method AS x) AS s
    WHERE s.rn = 1;
    UPDATE dw.dim_payment_method
    SET customer_id = COALESCE(s.customer_id, dw.dim_payment_method.customer_id),
        type = COALESCE(s.type, dw.dim_payment_method.type),
        card_brand = s.card_brand, issuer_country_code = s.issuer_country_code, status = s.status,
        load_run_id = p_run_id, updated_at_utc = CAST(GETDATE() AS timestamp)
    FROM etl.work_payment_method AS s
    WHERE dw.dim_payment_method.payment_method_id = s.payment_method_id;
    INSERT INTO dw.dim_payment_method (payment_method_key, payment_method_id, customer_id, type, card_brand, issuer_country_code, status, created_at_utc, load_run_id, updated_at_utc)
    SELECT mk.max_key + ROW_NUMBER() OVER (ORDER BY s.payment_method_id), s.payment_method_id, s.customer_id, s.type, s.card_brand,
           s.issuer_country_code, s.status, s.created_at, p_run_id, CAST(GETDATE() AS timestamp)
    FROM etl.work_payment_method AS s
    CROSS JOIN (SELECT COALESCE(MAX(payment_method_key), 0) AS max_key FROM dw.dim_payment_method WHERE payment_method_key > 0) AS mk
    WHERE NOT EXISTS (SELECT 1 FROM dw.dim_payment_method AS c WHERE c.payment_method_id = s.payment_method_id);
END;
$$;

-- etl.usp_Load_Fact_Payment: Payments upserted by PaymentId, refund/dispute state applied, late-arriving members re-keyed.
CREATE OR REPLACE PROCEDURE etl.usp_Load_Fact_Payment(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Fact_Payment: RunId is required';
    END IF;
    DELETE FROM etl.work_payment;
    INSERT INTO etl.work_payment (payment_id, merchant_id, customer_id, payment_method_id, amount_minor, currency_code, status, capture_method,
                                  created_at, updated_at, captured_at, cdc_start_lsn, cdc_operation)
    SELECT s.payment_id, s.merchant_id, s.customer_id, s.payment_method_id, s.amount_minor, s.currency_code, s.status, s.capture_method,
           s.created_at, s.updated_at, s.captured_at, s.cdc_start_lsn, COALESCE(s.cdc_operation, 5)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.payment_id ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.payment AS x) AS s
    WHERE s.rn = 1;
    DELETE FROM etl.work_refund;
    INSERT INTO etl.work_refund (refund_id, payment_id, amount_minor, status, updated_at, cdc_operation)
    SELECT s.refund_id, s.payment_id, s.amount_minor, s.status, s.updated_at, COALESCE(s.cdc_operation, 5)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.refund_id ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.refund AS x) AS s
    WHERE s.rn = 1;
    DELETE FROM etl.work_dispute;
    INSERT INTO etl.work_dispute (dispute_id, payment_id, amount_minor, status, created_at, cdc_operation)
    SELECT s.dispute_id, s.payment_id, s.amount_minor, s.status, s.created_at, COALESCE(s.cdc_operation, 5)
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.dispute_id ORDER BY x.cdc_start_lsn DESC) AS rn FROM stg.dispute AS x) AS s
    WHERE s.rn = 1;
    DELETE FROM etl.work_affected;
    INSERT INTO etl.work_affected (payment_id)
    SELECT u.payment_id FROM (
        SELECT payment_id FROM etl.work_payment
        UNION SELECT payment_id FROM etl.work_refund WHERE payment_id IS NOT NULL
        UNION SELECT payment_id FROM etl.work_dispute WHERE payment_id IS NOT NULL
        UNION SELECT rs.payment_id FROM etl.refund_state AS rs WHERE rs.refund_id IN (SELECT refund_id FROM etl.work_refund)
        UNION SELECT ds.payment_id FROM etl.dispute_state AS ds WHERE ds.dispute_id IN (SELECT dispute_id FROM etl.work_dispute)
    ) AS u;
    DELETE FROM etl.work_days;
    INSERT INTO etl.work_days (date_key)
    SELECT DISTINCT f.date_key FROM dw.fact_payment AS f WHERE f.payment_id IN (SELECT payment_id FROM etl.work_affected);
    DELETE FROM etl.refund_state WHERE refund_id IN (SELECT refund_id FROM etl.work_refund);
    INSERT INTO etl.refund_state (refund_id, payment_id, amount_minor, status, updated_at_utc, load_run_id)
    SELECT refund_id, payment_id, amount_minor, status, updated_at, p_run_id FROM etl.work_refund WHERE cdc_operation <> 1;
    DELETE FROM etl.dispute_state WHERE dispute_id IN (SELECT dispute_id FROM etl.work_dispute);
    INSERT INTO etl.dispute_state (dispute_id, payment_id, amount_minor, status, created_at_utc, load_run_id)
    SELECT dispute_id, payment_id, amount_minor, status, created_at, p_run_id FROM etl.work_dispute WHERE cdc_operation <> 1;
    DELETE FROM etl.work_refund_agg;
    INSERT INTO etl.work_refund_agg (payment_id, amount_refunded_minor, refund_count)
    SELECT r.payment_id, SUM(CASE WHEN r.status = 'succeeded' THEN r.amount_minor ELSE 0 END), SUM(CASE WHEN r.status = 'succeeded' THEN 1 ELSE 0 END)
    FROM etl.refund_state AS r
    WHERE r.payment_id IN (SELECT payment_id FROM etl.work_affected)
    GROUP BY r.payment_id;
    DELETE FROM etl.work_dispute_agg;
    INSERT INTO etl.work_dispute_agg (payment_id, amount_disputed_minor, dispute_status)
    SELECT x.payment_id, SUM(x.amount_minor), MAX(CASE WHEN x.rn = 1 THEN x.status END)
    FROM (SELECT ds.payment_id, ds.amount_minor, ds.status,
                 ROW_NUMBER() OVER (PARTITION BY ds.payment_id ORDER BY ds.created_at_utc DESC, ds.dispute_id DESC) AS rn
          FROM etl.dispute_state AS ds WHERE ds.payment_id IN (SELECT payment_id FROM etl.work_affected)) AS x
    GROUP BY x.payment_id;
    DELETE FROM etl.work_adjust;
    INSERT INTO etl.work_adjust (payment_id, effective_status, amount_refunded_minor, amount_refunded, refund_count, is_disputed, dispute_status, amount_disputed_minor)
    SELECT f.payment_id,
           CASE WHEN da.dispute_status = 'lost' THEN 'charged_back'
             WHEN da.dispute_status IS NOT NULL AND da.dispute_status <> 'won' THEN 'disputed'
             WHEN COALESCE(ra.amount_refunded_minor, 0) >= f.amount_minor THEN 'refunded'
             WHEN COALESCE(ra.amount_refunded_minor, 0) > 0 THEN 'partially_refunded'
             ELSE f.status END,
           COALESCE(ra.amount_refunded_minor, 0), CAST(CAST(COALESCE(ra.amount_refunded_minor, 0) AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.minor_units, 2)) AS decimal(19,4)), COALESCE(ra.refund_count, 0),
           (CASE WHEN da.payment_id IS NOT NULL THEN TRUE ELSE FALSE END), da.dispute_status, COALESCE(da.amount_disputed_minor, 0)
    FROM dw.fact_payment AS f
    JOIN etl.work_affected AS a ON a.payment_id = f.payment_id
    LEFT JOIN dw.dim_currency AS cur ON cur.currency_key = f.currency_key AND cur.currency_key > 0
    LEFT JOIN etl.work_refund_agg AS ra ON ra.payment_id = f.payment_id
    LEFT JOIN etl.work_dispute_agg AS da ON da.payment_id = f.payment_id
    WHERE f.payment_id NOT IN (SELECT payment_id FROM etl.work_payment);
    DELETE FROM dw.fact_payment WHERE payment_id IN (SELECT payment_id FROM etl.work_payment);
    INSERT INTO dw.fact_payment (payment_id, date_key, merchant_key, customer_key, payment_method_key, currency_key, geography_key,
                                 merchant_id, customer_id, payment_method_id, currency_code,
                                 status, effective_status, capture_method, amount_minor, amount, amount_refunded_minor, amount_refunded,
                                 refund_count, is_disputed, dispute_status, amount_disputed_minor, created_at_utc, captured_at_utc,
                                 source_updated_at_utc, cdc_start_lsn, load_run_id, updated_run_id, loaded_at_utc)
    SELECT p.payment_id, COALESCE(dd.date_key, -1), COALESCE(dm.merchant_key, -1), COALESCE(dc.customer_key, -1),
           COALESCE(dpm.payment_method_key, -1), COALESCE(cur.currency_key, -1), COALESCE(geo.geography_key, -1),
           p.merchant_id, p.customer_id, p.payment_method_id, p.currency_code,
           p.status, CASE WHEN da.dispute_status = 'lost' THEN 'charged_back'
             WHEN da.dispute_status IS NOT NULL AND da.dispute_status <> 'won' THEN 'disputed'
             WHEN COALESCE(ra.amount_refunded_minor, 0) >= p.amount_minor THEN 'refunded'
             WHEN COALESCE(ra.amount_refunded_minor, 0) > 0 THEN 'partially_refunded'
             ELSE p.status END,
           p.capture_method, p.amount_minor, CAST(CAST(p.amount_minor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.minor_units, 2)) AS decimal(19,4)),
           COALESCE(ra.amount_refunded_minor, 0), CAST(CAST(COALESCE(ra.amount_refunded_minor, 0) AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.minor_units, 2)) AS decimal(19,4)), COALESCE(ra.refund_count, 0),
           (CASE WHEN da.payment_id IS NOT NULL THEN TRUE ELSE FALSE END), da.dispute_status, COALESCE(da.amount_disputed_minor, 0), p.created_at, p.captured_at,
           p.updated_at, p.cdc_start_lsn, p_run_id, p_run_id, CAST(GETDATE() AS timestamp)
    FROM etl.work_payment AS p
    LEFT JOIN dw.dim_date AS dd ON dd.full_date = CAST(p.created_at AS date)
    LEFT JOIN dw.dim_merchant AS dm ON dm.merchant_id = p.merchant_id AND dm.merchant_key > 0
      AND p.created_at >= dm.valid_from_utc AND p.created_at < dm.valid_to_utc
    LEFT JOIN dw.dim_customer AS dc ON dc.customer_id = p.customer_id AND dc.customer_key > 0
      AND p.created_at >= dc.valid_from_utc AND p.created_at < dc.valid_to_utc
    LEFT JOIN dw.dim_payment_method AS dpm ON dpm.payment_method_id = p.payment_method_id AND dpm.payment_method_key > 0
    LEFT JOIN dw.dim_currency AS cur ON cur.currency_code = p.currency_code AND cur.currency_key > 0
    LEFT JOIN dw.dim_geography AS geo ON geo.country_code = dm.country_code AND geo.geography_key > 0
    LEFT JOIN etl.work_refund_agg AS ra ON ra.payment_id = p.payment_id
    LEFT JOIN etl.work_dispute_agg AS da ON da.payment_id = p.payment_id
    WHERE p.cdc_operation <> 1;
    UPDATE dw.fact_payment
    SET effective_status = a.effective_status, amount_refunded_minor = a.amount_refunded_minor, amount_refunded = a.amount_refunded,
        refund_count = a.refund_count, is_disputed = a.is_disputed, dispute_status = a.dispute_status,
        amount_disputed_minor = a.amount_disputed_minor, updated_run_id = p_run_id
    FROM etl.work_adjust AS a
    WHERE dw.fact_payment.payment_id = a.payment_id;
    DELETE FROM etl.work_rekey;
    INSERT INTO etl.work_rekey (payment_id, merchant_key, customer_key, payment_method_key, currency_key, geography_key, amount, amount_refunded)
    SELECT f.payment_id, COALESCE(dm.merchant_key, f.merchant_key), COALESCE(dc.customer_key, f.customer_key),
           COALESCE(dpm.payment_method_key, f.payment_method_key), COALESCE(cur.currency_key, f.currency_key),
           COALESCE(geo.geography_key, f.geography_key),
           CASE WHEN cur.currency_key IS NULL THEN f.amount ELSE CAST(CAST(f.amount_minor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.minor_units, 2)) AS decimal(19,4)) END,
           CASE WHEN cur.currency_key IS NULL THEN f.amount_refunded ELSE CAST(CAST(f.amount_refunded_minor AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(cur.minor_units, 2)) AS decimal(19,4)) END
    FROM dw.fact_payment AS f
    LEFT JOIN dw.dim_merchant AS dm ON f.merchant_key = -1 AND dm.merchant_id = f.merchant_id AND dm.merchant_key > 0
      AND f.created_at_utc >= dm.valid_from_utc AND f.created_at_utc < dm.valid_to_utc
    LEFT JOIN dw.dim_customer AS dc ON f.customer_key = -1 AND dc.customer_id = f.customer_id AND dc.customer_key > 0
      AND f.created_at_utc >= dc.valid_from_utc AND f.created_at_utc < dc.valid_to_utc
    LEFT JOIN dw.dim_payment_method AS dpm ON f.payment_method_key = -1 AND dpm.payment_method_id = f.payment_method_id AND dpm.payment_method_key > 0
    LEFT JOIN dw.dim_currency AS cur ON f.currency_key = -1 AND cur.currency_code = f.currency_code AND cur.currency_key > 0
    LEFT JOIN dw.dim_merchant AS cm ON f.geography_key = -1 AND cm.merchant_key = COALESCE(dm.merchant_key, f.merchant_key) AND cm.merchant_key > 0
    LEFT JOIN dw.dim_geography AS geo ON geo.country_code = cm.country_code AND geo.geography_key > 0
    WHERE (f.merchant_key = -1 OR f.customer_key = -1 OR f.payment_method_key = -1 OR f.currency_key = -1 OR f.geography_key = -1)
      AND (dm.merchant_key IS NOT NULL OR dc.customer_key IS NOT NULL OR dpm.payment_method_key IS NOT NULL
           OR cur.currency_key IS NOT NULL OR geo.geography_key IS NOT NULL);
    UPDATE dw.fact_payment
    SET merchant_key = k.merchant_key, customer_key = k.customer_key, payment_method_key = k.payment_method_key, currency_key = k.currency_key,
        geography_key = k.geography_key, amount = k.amount, amount_refunded = k.amount_refunded, updated_run_id = p_run_id
    FROM etl.work_rekey AS k
    WHERE dw.fact_payment.payment_id = k.payment_id;
    INSERT INTO etl.work_days (date_key)
    SELECT DISTINCT f.date_key FROM dw.fact_payment AS f WHERE f.load_run_id = p_run_id OR f.updated_run_id = p_run_id;
END;
$$;

-- etl.usp_Refresh_Aggregates: agg.Payment_Daily_Currency recomputed for every day the run touched.
CREATE OR REPLACE PROCEDURE etl.usp_Refresh_Aggregates(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Refresh_Aggregates: RunId is required';
    END IF;
    DELETE FROM agg.payment_daily_currency WHERE date_key IN (SELECT date_key FROM etl.work_days);
    INSERT INTO agg.payment_daily_currency (date_key, currency_key, payment_count, succeeded_count, failed_count, amount_minor, amount,
                                            amount_refunded, disputed_count, refresh_run_id, refreshed_at_utc)
    SELECT f.date_key, f.currency_key, COUNT(*),
           SUM(CASE WHEN f.status = 'succeeded' THEN 1 ELSE 0 END), SUM(CASE WHEN f.status = 'failed' THEN 1 ELSE 0 END),
           SUM(f.amount_minor), SUM(f.amount), SUM(f.amount_refunded), SUM(CASE WHEN f.is_disputed = TRUE THEN 1 ELSE 0 END),
           p_run_id, CAST(GETDATE() AS timestamp)
    FROM dw.fact_payment AS f
    WHERE f.date_key IN (SELECT date_key FROM etl.work_days)
    GROUP BY f.date_key, f.currency_key;
END;
$$;

-- etl.usp_DQ_Check: Data-quality checks of the run, recorded in etl.DQ_Result (the gate is in etl.usp_Load_Warehouse).
CREATE OR REPLACE PROCEDURE etl.usp_DQ_Check(p_run_id varchar(64), p_to_lsn_hex varchar(22))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_DQ_Check: RunId is required';
    END IF;
    IF p_to_lsn_hex IS NULL OR p_to_lsn_hex NOT LIKE '0x%' OR LENGTH(p_to_lsn_hex) <> 22 THEN
        RAISE EXCEPTION 'etl.usp_DQ_Check: ToLsnHex must be ''0x'' followed by 20 hex digits';
    END IF;
    DELETE FROM etl.dq_result WHERE run_id = p_run_id;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'staged_after_run_lsn', 'stg.*', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT cdc_start_lsn FROM stg.merchant UNION ALL SELECT cdc_start_lsn FROM stg.customer UNION ALL SELECT cdc_start_lsn FROM stg.payment_method
                UNION ALL SELECT cdc_start_lsn FROM stg.payment UNION ALL SELECT cdc_start_lsn FROM stg.refund UNION ALL SELECT cdc_start_lsn FROM stg.dispute) AS u
          WHERE u.cdc_start_lsn > p_to_lsn_hex) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'run_lsn_behind_published', 'etl.Load_Run', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM etl.load_run AS r WHERE r.status = 'published' AND r.to_lsn > p_to_lsn_hex) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'null_business_keys', 'stg.Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM etl.work_payment AS p WHERE p.cdc_operation <> 1 AND (p.merchant_id IS NULL OR p.currency_code IS NULL OR p.created_at IS NULL OR p.amount_minor IS NULL OR p.status IS NULL)) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'staged_not_loaded', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM etl.work_payment AS p WHERE p.cdc_operation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.fact_payment AS f WHERE f.payment_id = p.payment_id AND f.load_run_id = p_run_id)) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'deleted_still_loaded', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM etl.work_payment AS p WHERE p.cdc_operation = 1 AND EXISTS (SELECT 1 FROM dw.fact_payment AS f WHERE f.payment_id = p.payment_id)) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'duplicate_PaymentId', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT f.payment_id FROM dw.fact_payment AS f WHERE f.payment_id IN (SELECT payment_id FROM etl.work_affected) GROUP BY f.payment_id HAVING COUNT(*) > 1) AS x) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'refund_exceeds_amount', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM dw.fact_payment AS f WHERE f.payment_id IN (SELECT payment_id FROM etl.work_affected) AND f.amount_refunded_minor > f.amount_minor) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'dispute_exceeds_amount', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM dw.fact_payment AS f WHERE f.payment_id IN (SELECT payment_id FROM etl.work_affected) AND f.amount_disputed_minor > f.amount_minor) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'customer_of_other_merchant', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM dw.fact_payment AS f
          JOIN dw.dim_customer AS c ON c.customer_key = f.customer_key AND c.customer_key > 0
          WHERE f.payment_id IN (SELECT payment_id FROM etl.work_affected) AND c.merchant_id <> f.merchant_id) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'unresolved_late_member', 'dw.Fact_Payment', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM dw.fact_payment AS f
          LEFT JOIN dw.dim_merchant AS dm ON f.merchant_key = -1 AND dm.merchant_id = f.merchant_id AND dm.merchant_key > 0
            AND f.created_at_utc >= dm.valid_from_utc AND f.created_at_utc < dm.valid_to_utc
          LEFT JOIN dw.dim_customer AS dc ON f.customer_key = -1 AND dc.customer_id = f.customer_id AND dc.customer_key > 0
            AND f.created_at_utc >= dc.valid_from_utc AND f.created_at_utc < dc.valid_to_utc
          WHERE dm.merchant_key IS NOT NULL OR dc.customer_key IS NOT NULL) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'missing_current_version', 'dw.Dim_Merchant', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM etl.work_merchant AS s
          WHERE s.cdc_operation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.dim_merchant AS c WHERE c.merchant_id = s.merchant_id AND c.is_current = TRUE AND c.row_hash = s.row_hash)) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'missing_current_version', 'dw.Dim_Customer', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM etl.work_customer AS s
          WHERE s.cdc_operation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.dim_customer AS c WHERE c.customer_id = s.customer_id AND c.is_current = TRUE AND c.row_hash = s.row_hash)) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'duplicate_current_version', 'dw.Dim_Merchant', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT c.merchant_id FROM dw.dim_merchant AS c WHERE c.is_current = TRUE GROUP BY c.merchant_id HAVING COUNT(*) > 1) AS x) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'duplicate_current_version', 'dw.Dim_Customer', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT c.customer_id FROM dw.dim_customer AS c WHERE c.is_current = TRUE GROUP BY c.customer_id HAVING COUNT(*) > 1) AS x) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'scd2_gap_or_overlap', 'dw.Dim_Merchant', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT v.valid_from_utc, v.valid_to_utc, LAG(v.valid_to_utc) OVER (PARTITION BY v.merchant_id ORDER BY v.valid_from_utc, v.merchant_key) AS prev_to
                FROM dw.dim_merchant AS v WHERE v.merchant_key > 0) AS x
          WHERE (x.prev_to IS NOT NULL AND x.prev_to <> x.valid_from_utc) OR x.valid_from_utc > x.valid_to_utc) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'scd2_gap_or_overlap', 'dw.Dim_Customer', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT v.valid_from_utc, v.valid_to_utc, LAG(v.valid_to_utc) OVER (PARTITION BY v.customer_id ORDER BY v.valid_from_utc, v.customer_key) AS prev_to
                FROM dw.dim_customer AS v WHERE v.customer_key > 0) AS x
          WHERE (x.prev_to IS NOT NULL AND x.prev_to <> x.valid_from_utc) OR x.valid_from_utc > x.valid_to_utc) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'aggregate_matches_fact', 'agg.Payment_Daily_Currency', 'error', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM (SELECT DISTINCT date_key FROM etl.work_days) AS w
          LEFT JOIN (SELECT f.date_key, COUNT(*) AS N FROM dw.fact_payment AS f WHERE f.date_key IN (SELECT date_key FROM etl.work_days) GROUP BY f.date_key) AS fc
            ON fc.date_key = w.date_key
          LEFT JOIN (SELECT a.date_key, SUM(a.payment_count) AS N FROM agg.payment_daily_currency AS a WHERE a.date_key IN (SELECT date_key FROM etl.work_days) GROUP BY a.date_key) AS ac
            ON ac.date_key = w.date_key
          WHERE COALESCE(fc.N, 0) <> COALESCE(ac.N, 0)) AS c;
    INSERT INTO etl.dq_result (run_id, check_name, table_name, severity, violations, passed, checked_at_utc)
    SELECT p_run_id, 'unknown_member_reference', 'dw.Fact_Payment', 'warn', c.N, (CASE WHEN c.N = 0 THEN TRUE ELSE FALSE END), CAST(GETDATE() AS timestamp)
    FROM (SELECT COUNT(*) AS N
          FROM dw.fact_payment AS f WHERE (f.load_run_id = p_run_id OR f.updated_run_id = p_run_id) AND (f.merchant_key = -1 OR f.currency_key = -1 OR f.date_key = -1)) AS c;
END;
$$;

-- etl.usp_Load_Warehouse: Flow 2 in one transaction: the steps, then the gate. Commits only when every error-level check passed; otherwise rolls back, records the rejected run in etl.Load_Run and fails (error 50200).
CREATE OR REPLACE PROCEDURE etl.usp_Load_Warehouse(p_run_id varchar(64), p_to_lsn_hex varchar(22))
LANGUAGE plpgsql
AS $$
DECLARE
    v_failed bigint;
    v_first varchar(400);
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Warehouse: RunId is required';
    END IF;
    IF p_to_lsn_hex IS NULL OR p_to_lsn_hex NOT LIKE '0x%' OR LENGTH(p_to_lsn_hex) <> 22 THEN
        RAISE EXCEPTION 'etl.usp_Load_Warehouse: ToLsnHex must be ''0x'' followed by 20 hex digits';
    END IF;
    CALL etl.usp_Load_Dim_Currency(p_run_id);
    CALL etl.usp_Load_Dim_Geography(p_run_id);
    CALL etl.usp_Load_Dim_Merchant(p_run_id);
    CALL etl.usp_Load_Dim_Customer(p_run_id);
    CALL etl.usp_Load_Dim_PaymentMethod(p_run_id);
    CALL etl.usp_Load_Fact_Payment(p_run_id);
    CALL etl.usp_Refresh_Aggregates(p_run_id);
    CALL etl.usp_DQ_Check(p_run_id, p_to_lsn_hex);
    SELECT COUNT(*), MIN(COALESCE(CAST(check_name AS varchar), '') || ' on ' || COALESCE(CAST(table_name AS varchar), '')) INTO v_failed, v_first FROM etl.dq_result WHERE run_id = p_run_id AND severity = 'error' AND passed = FALSE;
    IF v_failed > 0 THEN
        ROLLBACK;
        INSERT INTO etl.load_run (run_id, to_lsn, status, failed_checks, first_failure, finished_at_utc)
        SELECT p_run_id, p_to_lsn_hex, 'rejected', v_failed, v_first, CAST(GETDATE() AS timestamp);
        COMMIT;
        RAISE EXCEPTION 'etl.usp_Load_Warehouse: % data-quality check(s) failed for run %, first: %; nothing was published, see etl.Load_Run.', v_failed, p_run_id, v_first;
    END IF;
    INSERT INTO etl.load_run (run_id, to_lsn, status, failed_checks, first_failure, finished_at_utc)
    SELECT p_run_id, p_to_lsn_hex, 'published', 0, NULL, CAST(GETDATE() AS timestamp);
    COMMIT;
END;
$$;

-- etl.usp_Load_Fact_API_Performance: Flow 3: staged API requests into the fact, once per RequestId, then removed from staging.
CREATE OR REPLACE PROCEDURE etl.usp_Load_Fact_API_Performance(p_run_id varchar(64))
LANGUAGE plpgsql
AS $$
BEGIN
    IF p_run_id IS NULL OR LENGTH(p_run_id) = 0 THEN
        RAISE EXCEPTION 'etl.usp_Load_Fact_API_Performance: RunId is required';
    END IF;
    DELETE FROM etl.work_api_batch;
    INSERT INTO etl.work_api_batch (request_id, merchant_id, endpoint, http_method, status_code, latency_ms, region, event_time_utc, ingested_at_utc)
    SELECT s.request_id, s.merchant_id, s.endpoint, s.http_method, s.status_code, s.latency_ms, s.region, s.event_time_utc, s.ingested_at_utc
    FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.request_id ORDER BY x.ingested_at_utc DESC) AS rn FROM stg.api_logs AS x) AS s
    WHERE s.rn = 1;
    INSERT INTO dw.fact_api_performance (request_id, date_key, merchant_key, merchant_id, bucket5_min_utc, endpoint, http_method, status_code, is_error,
                                         latency_ms, region, event_time_utc, load_run_id, loaded_at_utc)
    SELECT b.request_id, CAST(TO_CHAR(b.event_time_utc, 'YYYYMMDD') AS integer), COALESCE(dm.merchant_key, -1), b.merchant_id, CAST(DATEADD(minute, (DATEDIFF(minute, CAST('2000-01-01' AS timestamp), b.event_time_utc) / 5) * 5, CAST('2000-01-01' AS timestamp)) AS timestamp),
           b.endpoint, b.http_method, b.status_code, (CASE WHEN b.status_code >= 500 THEN TRUE ELSE FALSE END), b.latency_ms, b.region, b.event_time_utc, p_run_id, CAST(GETDATE() AS timestamp)
    FROM etl.work_api_batch AS b
    LEFT JOIN dw.dim_merchant AS dm ON dm.merchant_id = b.merchant_id AND dm.is_current = TRUE AND dm.merchant_key > 0
    WHERE NOT EXISTS (SELECT 1 FROM dw.fact_api_performance AS f WHERE f.request_id = b.request_id);
    DELETE FROM stg.api_logs
    WHERE EXISTS (SELECT 1 FROM etl.work_api_batch AS b WHERE b.request_id = stg.api_logs.request_id AND b.ingested_at_utc >= stg.api_logs.ingested_at_utc);
END;
$$;

-- 002_write_path.sql - the application's write path: validated, idempotent inserts.
-- create_payment: one INSERT, retried safely with the same idempotency key (returns the same id;
-- a retry with different parameters is refused with unique_violation).
-- Error codes follow the constraint classes so callers map them the same way whether the
-- function or a constraint refused the row: 23514 check_violation, 23503 foreign_key_violation.

CREATE OR REPLACE FUNCTION payments.create_payment(
    p_merchant_id bigint,
    p_amount_minor bigint,
    p_currency_code char(3),
    p_idempotency_key varchar(64),
    p_customer_id bigint DEFAULT NULL,
    p_payment_method_id bigint DEFAULT NULL,
    p_description varchar(500) DEFAULT NULL,
    p_capture_method varchar(16) DEFAULT 'automatic'
) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, payments
AS $$
DECLARE
    v_payment_id bigint;
    v_existing payments.payment%ROWTYPE;
    v_merchant_status varchar(16);
BEGIN
    IF p_amount_minor IS NULL OR p_amount_minor <= 0 THEN
        RAISE EXCEPTION 'amount_minor must be > 0, got %', p_amount_minor
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_payment_amount';
    END IF;
    IF p_idempotency_key IS NULL OR length(p_idempotency_key) = 0 THEN
        RAISE EXCEPTION 'idempotency_key is required' USING ERRCODE = 'not_null_violation';
    END IF;

    SELECT m.status INTO v_merchant_status FROM payments.merchant AS m WHERE m.merchant_id = p_merchant_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'merchant % does not exist', p_merchant_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_payment_merchant';
    END IF;
    IF v_merchant_status <> 'active' THEN
        RAISE EXCEPTION 'merchant % is %, not active', p_merchant_id, v_merchant_status
            USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM payments.currency AS c WHERE c.currency_code = upper(p_currency_code) AND NOT c.is_active) THEN
        RAISE EXCEPTION 'currency % is not active', upper(p_currency_code) USING ERRCODE = 'check_violation';
    END IF;
    IF p_customer_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM payments.customer AS c
        WHERE c.customer_id = p_customer_id AND c.merchant_id = p_merchant_id AND c.deleted_at IS NULL) THEN
        RAISE EXCEPTION 'customer % does not belong to merchant %', p_customer_id, p_merchant_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_payment_customer';
    END IF;
    IF p_payment_method_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM payments.payment_method AS pm
        WHERE pm.payment_method_id = p_payment_method_id AND pm.customer_id IS NOT DISTINCT FROM p_customer_id
          AND pm.status = 'active') THEN
        RAISE EXCEPTION 'payment method % is not an active method of customer %', p_payment_method_id, p_customer_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_payment_payment_method';
    END IF;

    -- currency: the FK fk_payment_currency refuses unknown codes (23503)
    INSERT INTO payments.payment (merchant_id, customer_id, payment_method_id, idempotency_key, amount_minor,
                                  currency_code, status, capture_method, description)
    VALUES (p_merchant_id, p_customer_id, p_payment_method_id, p_idempotency_key, p_amount_minor,
            upper(p_currency_code), CASE WHEN p_payment_method_id IS NULL THEN 'requires_payment_method' ELSE 'requires_confirmation' END,
            p_capture_method, p_description)
    ON CONFLICT (merchant_id, idempotency_key) DO NOTHING
    RETURNING payment_id INTO v_payment_id;

    IF v_payment_id IS NULL THEN
        -- idempotent replay
        SELECT * INTO v_existing FROM payments.payment AS p
        WHERE p.merchant_id = p_merchant_id AND p.idempotency_key = p_idempotency_key;
        IF v_existing.amount_minor <> p_amount_minor OR v_existing.currency_code <> upper(p_currency_code)
           OR v_existing.customer_id IS DISTINCT FROM p_customer_id
           OR v_existing.payment_method_id IS DISTINCT FROM p_payment_method_id THEN
            RAISE EXCEPTION 'idempotency key % was already used with different parameters', p_idempotency_key
                USING ERRCODE = 'unique_violation', CONSTRAINT = 'uq_payment_idempotency_key';
        END IF;
        v_payment_id := v_existing.payment_id;
    END IF;

    RETURN v_payment_id;
END;
$$;

-- refund_payment: locks the payment row so concurrent refunds cannot exceed the captured amount.
CREATE OR REPLACE FUNCTION payments.refund_payment(
    p_payment_id bigint,
    p_amount_minor bigint,
    p_idempotency_key varchar(64),
    p_reason varchar(32) DEFAULT 'requested_by_customer'
) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, payments
AS $$
DECLARE
    v_payment payments.payment%ROWTYPE;
    v_refunded bigint;
    v_refund_id bigint;
BEGIN
    IF p_amount_minor IS NULL OR p_amount_minor <= 0 THEN
        RAISE EXCEPTION 'refund amount_minor must be > 0, got %', p_amount_minor
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_refund_amount';
    END IF;

    SELECT * INTO v_payment FROM payments.payment AS p WHERE p.payment_id = p_payment_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'payment % does not exist', p_payment_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_refund_payment';
    END IF;

    SELECT r.refund_id, r.amount_minor INTO v_refund_id, v_refunded FROM payments.refund AS r
    WHERE r.payment_id = p_payment_id AND r.idempotency_key = p_idempotency_key;
    IF FOUND THEN
        IF v_refunded <> p_amount_minor THEN      -- a replay must repeat the request, not change it
            RAISE EXCEPTION 'refund idempotency key % was already used with amount %', p_idempotency_key, v_refunded
                USING ERRCODE = 'unique_violation';
        END IF;
        RETURN v_refund_id;                       -- idempotent replay
    END IF;

    IF v_payment.status <> 'succeeded' THEN
        RAISE EXCEPTION 'payment % is %, only succeeded payments can be refunded', p_payment_id, v_payment.status
            USING ERRCODE = 'check_violation';
    END IF;

    SELECT coalesce(sum(r.amount_minor), 0) INTO v_refunded FROM payments.refund AS r
    WHERE r.payment_id = p_payment_id AND r.status IN ('pending', 'succeeded');
    IF v_refunded + p_amount_minor > v_payment.amount_minor THEN
        RAISE EXCEPTION 'refund of % would exceed the payment amount % (already refunded %)',
            p_amount_minor, v_payment.amount_minor, v_refunded
            USING ERRCODE = 'check_violation';
    END IF;

    INSERT INTO payments.refund (payment_id, idempotency_key, amount_minor, reason, status)
    VALUES (p_payment_id, p_idempotency_key, p_amount_minor, p_reason, 'pending')
    RETURNING refund_id INTO v_refund_id;
    RETURN v_refund_id;
END;
$$;

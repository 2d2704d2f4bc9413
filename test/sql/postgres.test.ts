/**
 * Applies sql/postgres/*.sql to a real PostgreSQL 15 (twice: idempotence), checks the catalog,
 * the write path's refusals (SQLSTATE), and that an insert through payments.create_payment
 * reaches the Debezium publication through a pgoutput logical replication slot.
 * Set SKIP_PG_TESTS=1 to skip on a machine without PostgreSQL (CI must not set it).
 */
import { Client } from "pg";
import { readSqlDir } from "./sql-catalog";
import { PgServer, startPostgres } from "./postgres-server";

const TABLES = ["country", "currency", "merchant", "customer", "payment_method", "payment", "refund", "dispute", "payout"];
const describePg = process.env.SKIP_PG_TESTS === "1" ? describe.skip : describe;

describePg("sql/postgres on a real PostgreSQL 15", () => {
  let server: PgServer | undefined;
  let client: Client;
  let merchantId: number;
  let customerId: number;

  beforeAll(async () => {
    server = await startPostgres();
    client = new Client({ host: server.host, port: server.port, user: server.user, database: server.database });
    await client.connect();
    for (let pass = 1; pass <= 2; pass += 1) {
      for (const f of readSqlDir("sql/postgres")) {
        try {
          await client.query(f.text);
        } catch (err) {
          throw new Error(`pass ${pass}: ${f.file} failed: ${(err as Error).message}`, { cause: err });
        }
      }
    }
    const m = await client.query(
      `INSERT INTO payments.merchant (public_id, legal_name, display_name, country_code, default_currency_code, mcc, status, contact_email)
       VALUES ('acct_test_1', 'Test SAS', 'Test', 'FR', 'EUR', '5812', 'active', 'ops@test.example') RETURNING merchant_id`,
    );
    merchantId = Number(m.rows[0].merchant_id);
    const c = await client.query(
      `INSERT INTO payments.customer (merchant_id, email, full_name, country_code) VALUES ($1, 'jane@example.com', 'Jane Doe', 'FR') RETURNING customer_id`,
      [merchantId],
    );
    customerId = Number(c.rows[0].customer_id);
  }, 30000);

  afterAll(async () => {
    try {
      await client?.end();
    } finally {
      server?.stop();
    }
  });

  test("the 9 tables exist in schema payments, each with a primary key", async () => {
    const res = await client.query(
      `SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS pk
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       WHERE tc.table_schema = 'payments' AND tc.constraint_type = 'PRIMARY KEY'
       GROUP BY tc.table_name`,
    );
    const pks = Object.fromEntries(res.rows.map((r) => [r.table_name as string, r.pk as string]));
    expect(Object.keys(pks).sort()).toEqual([...TABLES].sort());
    expect(pks.payment).toBe("payment_id");
    expect(pks.currency).toBe("currency_code");
    expect(pks.payment_method).toBe("payment_method_id");
  });

  test("foreign keys link the 3NF model", async () => {
    const res = await client.query(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'payments' AND c.contype = 'f'`,
    );
    const fks = res.rows.map((r) => `${r.child}->${r.parent}`);
    for (const expected of [
      "payments.payment->payments.merchant",
      "payments.payment->payments.customer",
      "payments.payment->payments.payment_method",
      "payments.payment->payments.currency",
      "payments.refund->payments.payment",
      "payments.dispute->payments.payment",
      "payments.payout->payments.merchant",
      "payments.payout->payments.currency",
      "payments.customer->payments.merchant",
      "payments.payment_method->payments.customer",
      "payments.merchant->payments.country",
    ]) {
      expect(fks).toContain(expected);
    }
  });

  test("check constraints: positive amounts and status enums", async () => {
    const res = await client.query(
      `SELECT conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'payments' AND c.contype = 'c'`,
    );
    const checks = Object.fromEntries(res.rows.map((r) => [r.conname as string, r.def as string]));
    for (const name of ["ck_payment_amount", "ck_refund_amount", "ck_dispute_amount", "ck_payout_amount"]) {
      expect(checks[name]).toMatch(/amount_minor > 0/);
    }
    expect(checks.ck_payment_status).toMatch(/'succeeded'/);
    expect(checks.ck_refund_status).toMatch(/'pending'/);
    expect(checks.ck_currency_code).toBeDefined();
  });

  test("reference data is seeded once (second pass did not duplicate)", async () => {
    const res = await client.query(`SELECT count(*)::int AS n, count(DISTINCT currency_code)::int AS d FROM payments.currency`);
    expect(res.rows[0].n).toBe(res.rows[0].d);
    expect(res.rows[0].n).toBeGreaterThanOrEqual(3);
  });

  test("the debezium role replicates without superuser and without a password", async () => {
    const res = await client.query(`SELECT rolsuper, rolreplication, rolcanlogin, rolpassword FROM pg_authid WHERE rolname = 'debezium'`);
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toMatchObject({ rolsuper: false, rolreplication: true, rolcanlogin: true, rolpassword: null });
    const priv = await client.query(
      `SELECT has_table_privilege('debezium', 'payments.payment', 'SELECT') AS pay,
              has_column_privilege('debezium', 'payments.customer', 'email', 'SELECT') AS email`,
    );
    expect(priv.rows[0]).toEqual({ pay: true, email: false });
  });

  test("the publication covers the captured tables, without PII columns", async () => {
    const res = await client.query(`SELECT tablename, attnames FROM pg_publication_tables WHERE pubname = 'debezium_publication'`);
    const tables = Object.fromEntries(res.rows.map((r) => [r.tablename as string, r.attnames as string[]]));
    expect(Object.keys(tables).sort()).toEqual(["customer", "dispute", "merchant", "payment", "payment_method", "refund"]);
    expect(tables.customer).not.toContain("email");
    expect(tables.customer).not.toContain("full_name");
    expect(tables.payment_method).not.toContain("card_fingerprint");
    expect(tables.merchant).not.toContain("contact_email");
    expect(tables.payment).toContain("amount_minor");
  });

  test("bad rows are refused with the right SQLSTATE", async () => {
    const code = async (sql: string, params: unknown[]): Promise<string | undefined> => {
      try {
        await client.query(sql, params);
        return undefined;
      } catch (err) {
        return (err as { code?: string }).code;
      }
    };
    const insert = `INSERT INTO payments.payment (merchant_id, idempotency_key, amount_minor, currency_code) VALUES ($1, $2, $3, $4)`;
    expect(await code(insert, [merchantId, "neg-1", -100, "EUR"])).toBe("23514");
    expect(await code(insert, [merchantId, "zero-1", 0, "EUR"])).toBe("23514");
    expect(await code(insert, [merchantId, "cur-1", 100, "XYZ"])).toBe("23503");
    expect(await code(insert, [987654321, "orphan-1", 100, "EUR"])).toBe("23503");
    const fn = `SELECT payments.create_payment($1, $2, $3, $4)`;
    expect(await code(fn, [merchantId, -5, "EUR", "fn-neg"])).toBe("23514");
    expect(await code(fn, [merchantId, 500, "XYZ", "fn-cur"])).toBe("23503");
    expect(await code(fn, [987654321, 500, "EUR", "fn-orphan"])).toBe("23503");
    await client.query(`INSERT INTO payments.currency (currency_code, name, minor_units, is_active) VALUES ('XTS', 'Test', 2, false)`);
    expect(await code(fn, [merchantId, 500, "XTS", "fn-inactive"])).toBe("23514");
    const count = await client.query(`SELECT count(*)::int AS n FROM payments.payment`);
    expect(count.rows[0].n).toBe(0);
  });

  test("create_payment is idempotent and refund_payment never over-refunds", async () => {
    const a = await client.query(`SELECT payments.create_payment($1, 2500, 'EUR', 'idem-1', $2) AS id`, [merchantId, customerId]);
    const b = await client.query(`SELECT payments.create_payment($1, 2500, 'EUR', 'idem-1', $2) AS id`, [merchantId, customerId]);
    expect(b.rows[0].id).toBe(a.rows[0].id);
    await expect(
      client.query(`SELECT payments.create_payment($1, 9999, 'EUR', 'idem-1', $2)`, [merchantId, customerId]),
    ).rejects.toMatchObject({ code: "23505" });
    const id = a.rows[0].id as string;
    await client.query(`UPDATE payments.payment SET status = 'succeeded', captured_at = now() WHERE payment_id = $1`, [id]);
    await client.query(`SELECT payments.refund_payment($1, 2000, 'r-1')`, [id]);
    // a replay must repeat the request: same key, other amount is refused
    await expect(client.query(`SELECT payments.refund_payment($1, 100, 'r-1')`, [id])).rejects.toMatchObject({ code: "23505" });
    await expect(client.query(`SELECT payments.refund_payment($1, 600, 'r-2')`, [id])).rejects.toMatchObject({ code: "23514" });
  });

  test("a payment created through create_payment arrives on the pgoutput slot of debezium_publication", async () => {
    await client.query(`SELECT pg_create_logical_replication_slot('test_slot', 'pgoutput')`);
    try {
      const created = await client.query(`SELECT payments.create_payment($1, 4242, 'EUR', 'cdc-1', $2) AS id`, [merchantId, customerId]);
      const paymentId = String(created.rows[0].id);
      await client.query(`INSERT INTO payments.customer (merchant_id, email, country_code) VALUES ($1, 'cdc@example.com', 'DE')`, [
        merchantId,
      ]);
      const res = await client.query(
        `SELECT data FROM pg_logical_slot_get_binary_changes('test_slot', NULL, NULL, 'proto_version', '1', 'publication_names', 'debezium_publication')`,
      );
      const messages = decodePgOutput(res.rows.map((r) => r.data as Buffer));
      const relations = new Map(messages.filter((m): m is RelationMsg => m.type === "R").map((m) => [m.relId, m]));
      const inserts = messages.filter((m): m is InsertMsg => m.type === "I");
      const paymentRel = [...relations.values()].find((r) => r.namespace === "payments" && r.name === "payment");
      expect(paymentRel).toBeDefined();
      const paymentInserts = inserts.filter((i) => i.relId === paymentRel!.relId);
      expect(paymentInserts).toHaveLength(1);
      const row = Object.fromEntries(paymentRel!.columns.map((c, i) => [c, paymentInserts[0]!.values[i]]));
      expect(row).toMatchObject({ payment_id: paymentId, amount_minor: "4242", currency_code: "EUR", idempotency_key: "cdc-1" });
      // the customer insert is published without its personal data columns
      const customerRel = [...relations.values()].find((r) => r.namespace === "payments" && r.name === "customer");
      expect(customerRel?.columns).toEqual(expect.arrayContaining(["customer_id", "merchant_id", "country_code"]));
      expect(customerRel?.columns).not.toContain("email");
      expect(messages[0]?.type).toBe("B");
      expect(messages.some((m) => m.type === "C")).toBe(true);
    } finally {
      await client.query(`SELECT pg_drop_replication_slot('test_slot')`);
    }
  });
});

interface RelationMsg {
  readonly type: "R";
  readonly relId: number;
  readonly namespace: string;
  readonly name: string;
  readonly columns: string[];
}
interface InsertMsg {
  readonly type: "I";
  readonly relId: number;
  readonly values: (string | null)[];
}
type PgOutputMsg = RelationMsg | InsertMsg | { readonly type: string };

/** Decodes the pgoutput (protocol v1) messages needed here: Relation and Insert; others by type only. */
export function decodePgOutput(buffers: Buffer[]): PgOutputMsg[] {
  return buffers.map((buf) => {
    const type = String.fromCharCode(buf[0]!);
    let off = 1;
    const cstring = (): string => {
      const end = buf.indexOf(0, off);
      const s = buf.toString("utf8", off, end);
      off = end + 1;
      return s;
    };
    if (type === "R") {
      const relId = buf.readUInt32BE(off);
      off += 4;
      const namespace = cstring();
      const name = cstring();
      off += 1; // replica identity
      const n = buf.readInt16BE(off);
      off += 2;
      const columns: string[] = [];
      for (let i = 0; i < n; i += 1) {
        off += 1; // flags
        columns.push(cstring());
        off += 8; // type oid + typmod
      }
      return { type, relId, namespace, name, columns };
    }
    if (type === "I") {
      const relId = buf.readUInt32BE(off);
      off += 5; // relid + 'N'
      const n = buf.readInt16BE(off);
      off += 2;
      const values: (string | null)[] = [];
      for (let i = 0; i < n; i += 1) {
        const kind = String.fromCharCode(buf[off]!);
        off += 1;
        if (kind === "t") {
          const len = buf.readInt32BE(off);
          off += 4;
          values.push(buf.toString("utf8", off, off + len));
          off += len;
        } else {
          values.push(null);
        }
      }
      return { type, relId, values };
    }
    return { type };
  });
}

/**
 * Executes the warehouse load (the PostgreSQL rendering of sql/warehouse/) on a real PostgreSQL 15
 * and asserts the rows it leaves: SCD2 versions, late-arriving members, deletes and their
 * aggregates, the data-quality gate. One server for the file; each scenario gets its own database
 * cloned from a template that holds the applied schema (the load procedures commit, so a scenario
 * cannot live in a rolled-back transaction).
 * Set SKIP_PG_TESTS=1 to skip on a machine without PostgreSQL (CI must not set it).
 */
import { Client } from "pg";
import { postgres } from "../../sql/warehouse/dialect";
import { renderWarehouse } from "../../sql/warehouse/render";
import { PgServer, startPostgres } from "./postgres-server";

const describePg = process.env.SKIP_PG_TESTS === "1" ? describe.skip : describe;

/** '0x' + 20 hex digits, as Azure SQL's CONVERT(varchar(22), lsn, 1) prints it. */
const lsn = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(20, "0")}`;

type Row = Record<string, unknown>;

describePg("warehouse loads on a real PostgreSQL 15", () => {
  let server: PgServer | undefined;
  let admin: Client;
  let scenario = 0;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startPostgres();
    admin = new Client({ host: server.host, port: server.port, user: server.user, database: server.database });
    await admin.connect();
    await admin.query("CREATE DATABASE wh_template");
    const t = new Client({ host: server.host, port: server.port, user: server.user, database: "wh_template" });
    await t.connect();
    try {
      // twice: the scripts are idempotent
      for (let pass = 1; pass <= 2; pass += 1) for (const f of renderWarehouse(postgres)) await t.query(f.text);
    } finally {
      await t.end();
    }
  }, 60000);

  afterAll(async () => {
    try {
      for (const c of clients) await c.end();
      await admin?.end();
    } finally {
      server?.stop();
    }
  });

  /** A fresh warehouse: its own database, cloned from the template. */
  async function warehouse(): Promise<Warehouse> {
    scenario += 1;
    const name = `wh_${scenario}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE wh_template`);
    const c = new Client({ host: server!.host, port: server!.port, user: server!.user, database: name });
    await c.connect();
    clients.push(c);
    return new Warehouse(c);
  }

  test("SCD2 (finding 5): a changed merchant's new version opens where the old one closed; later payments find it", async () => {
    const wh = await warehouse();
    await wh.stage({
      merchants: [merchant(1, "Old Name", "2026-01-01T10:00:00", 10)],
      payments: [payment(100, 1, "2026-01-05T09:00:00", 1000, 11)],
    });
    await wh.load("run-1", lsn(20));
    await wh.stage({
      merchants: [merchant(1, "New Name", "2026-02-01T12:00:00", 30)],
      payments: [payment(101, 1, "2026-02-10T09:00:00", 500, 31)],
    });
    await wh.load("run-2", lsn(40));

    const versions = await wh.rows(
      "SELECT merchant_key, display_name, valid_from_utc, valid_to_utc, is_current FROM dw.dim_merchant WHERE merchant_id = 1 ORDER BY valid_from_utc",
    );
    expect(versions).toEqual([
      {
        merchant_key: 1,
        display_name: "Old Name",
        valid_from_utc: "2026-01-01 10:00:00",
        valid_to_utc: "2026-02-01 12:00:00",
        is_current: false,
      },
      {
        merchant_key: 2,
        display_name: "New Name",
        valid_from_utc: "2026-02-01 12:00:00",
        valid_to_utc: "9999-12-31 00:00:00",
        is_current: true,
      },
    ]);
    expect(await wh.rows("SELECT payment_id, merchant_key FROM dw.fact_payment ORDER BY payment_id")).toEqual([
      { payment_id: "100", merchant_key: 1 },
      { payment_id: "101", merchant_key: 2 },
    ]);

    // replaying the same window under a new run id changes nothing
    await wh.load("run-2-replay", lsn(40));
    expect(await wh.rows("SELECT count(*)::int AS n FROM dw.dim_merchant WHERE merchant_id = 1")).toEqual([{ n: 2 }]);
    expect(await wh.rows("SELECT payment_id, merchant_key FROM dw.fact_payment ORDER BY payment_id")).toEqual([
      { payment_id: "100", merchant_key: 1 },
      { payment_id: "101", merchant_key: 2 },
    ]);
  });

  test("SCD2 version time (finding 6) is the CDC commit time, not the source's unmaintained UpdatedAt", async () => {
    const wh = await warehouse();
    await wh.stage({ merchants: [merchant(1, "Old Name", "2026-01-01T10:00:00", 10)] });
    await wh.load("run-1", lsn(20));
    // the writer never touched UpdatedAt (still the creation time); the change committed on March 1st
    const changed = { ...merchant(1, "New Name", "2026-03-01T08:00:00", 30), UpdatedAt: "2026-01-01T10:00:00" };
    await wh.stage({ merchants: [changed], payments: [payment(200, 1, "2026-02-15T09:00:00", 700, 25)] });
    await wh.load("run-2", lsn(40));

    expect(
      await wh.rows(
        "SELECT m.display_name FROM dw.fact_payment f JOIN dw.dim_merchant m ON m.merchant_key = f.merchant_key WHERE f.payment_id = 200",
      ),
    ).toEqual([{ display_name: "Old Name" }]);
    expect(await wh.rows("SELECT valid_to_utc FROM dw.dim_merchant WHERE merchant_id = 1 AND NOT is_current")).toEqual([
      { valid_to_utc: "2026-03-01 08:00:00" },
    ]);
  });

  test("late-arriving members (finding 7): the fact keeps the natural keys and is re-keyed when the member arrives", async () => {
    const wh = await warehouse();
    await wh.stage({ payments: [{ ...payment(300, 2, "2026-03-03T09:00:00", 2500, 11), CustomerId: 5 }] });
    await wh.load("run-1", lsn(20));
    expect(await wh.rows("SELECT merchant_key, customer_key, geography_key, merchant_id, customer_id FROM dw.fact_payment")).toEqual([
      { merchant_key: -1, customer_key: -1, geography_key: -1, merchant_id: "2", customer_id: "5" },
    ]);
    expect(
      await wh.rows("SELECT violations FROM etl.dq_result WHERE run_id = 'run-1' AND check_name = 'unknown_member_reference'"),
    ).toEqual([{ violations: "1" }]);

    // the members committed before the payment but reached the warehouse one run later
    await wh.stage({
      merchants: [merchant(2, "Late Merchant", "2026-03-01T09:00:00", 30)],
      customers: [customer(5, 2, "2026-03-02T09:00:00", 31)],
    });
    await wh.load("run-2", lsn(40));
    expect(
      await wh.rows(
        `SELECT m.merchant_id, c.customer_id, g.country_code, f.updated_run_id
         FROM dw.fact_payment f JOIN dw.dim_merchant m ON m.merchant_key = f.merchant_key
         JOIN dw.dim_customer c ON c.customer_key = f.customer_key JOIN dw.dim_geography g ON g.geography_key = f.geography_key`,
      ),
    ).toEqual([{ merchant_id: "2", customer_id: "5", country_code: "FR", updated_run_id: "run-2" }]);
    expect(await wh.rows("SELECT violations FROM etl.dq_result WHERE run_id = 'run-2' AND check_name = 'unresolved_late_member'")).toEqual([
      { violations: "0" },
    ]);
  });

  test("one LSN per run (finding 7): a staged change beyond the run's LSN is refused, nothing published", async () => {
    const wh = await warehouse();
    await wh.stage({
      merchants: [merchant(1, "A", "2026-01-01T10:00:00", 10)],
      payments: [payment(400, 1, "2026-01-02T10:00:00", 100, 50)],
    });
    await expect(wh.load("run-1", lsn(40))).rejects.toThrow(/staged_after_run_lsn/);
    expect(await wh.rows("SELECT count(*)::int AS n FROM dw.fact_payment")).toEqual([{ n: 0 }]);
    expect(await wh.rows("SELECT count(*)::int AS n FROM dw.dim_merchant WHERE merchant_key > 0")).toEqual([{ n: 0 }]);
  });

  test("the gate (finding 8): a failed check leaves every published table and the watermark as they were", async () => {
    const wh = await warehouse();
    await wh.stage({
      merchants: [merchant(1, "A", "2026-01-01T10:00:00", 10)],
      payments: [payment(500, 1, "2026-04-01T10:00:00", 1000, 11)],
    });
    await wh.load("run-1", lsn(20));
    const published = await wh.snapshot();

    // a refund larger than its payment (the Azure SQL schema cannot refuse a cross-row rule) and a new payment
    await wh.stage({
      merchants: [merchant(1, "A renamed", "2026-04-02T10:00:00", 30)],
      payments: [payment(501, 1, "2026-04-03T10:00:00", 300, 31)],
      refunds: [{ RefundId: 9, PaymentId: 500, AmountMinor: 1500, Status: "succeeded", CdcStartLsn: lsn(32), CdcOperation: 5 }],
    });
    await expect(wh.load("run-2", lsn(40))).rejects.toThrow(/1 data-quality check\(s\) failed for run run-2, first: refund_exceeds_amount/);

    expect(await wh.snapshot()).toEqual(published);
    expect(await wh.rows("SELECT run_id, status, failed_checks, first_failure FROM etl.load_run ORDER BY finished_at_utc")).toEqual([
      { run_id: "run-1", status: "published", failed_checks: 0, first_failure: null },
      { run_id: "run-2", status: "rejected", failed_checks: 1, first_failure: "refund_exceeds_amount on dw.Fact_Payment" },
    ]);
    expect(await wh.rows("SELECT max(to_lsn) AS watermark FROM etl.load_run WHERE status = 'published'")).toEqual([{ watermark: lsn(20) }]);
  });

  test("deletes (finding 9): a deleted payment's day is recomputed in agg.Payment_Daily_Currency", async () => {
    const wh = await warehouse();
    await wh.stage({
      merchants: [merchant(1, "A", "2026-01-01T10:00:00", 10)],
      payments: [
        payment(600, 1, "2026-05-01T10:00:00", 1000, 11),
        payment(601, 1, "2026-05-01T11:00:00", 250, 12),
        payment(602, 1, "2026-05-02T11:00:00", 70, 13),
      ],
    });
    await wh.load("run-1", lsn(20));
    await wh.stage({ payments: [deleted(600, 30), deleted(602, 31)] });
    await wh.load("run-2", lsn(40));

    expect(
      await wh.rows("SELECT date_key, payment_count::int, amount_minor::int FROM agg.payment_daily_currency ORDER BY date_key"),
    ).toEqual([{ date_key: 20260501, payment_count: 1, amount_minor: 250 }]);
    expect(await wh.rows("SELECT payment_id FROM dw.fact_payment")).toEqual([{ payment_id: "601" }]);
  });

  test("refunds and disputes update the fact and the day's aggregate without a payment change", async () => {
    const wh = await warehouse();
    await wh.stage({
      merchants: [merchant(1, "A", "2026-01-01T10:00:00", 10)],
      payments: [payment(700, 1, "2026-06-01T10:00:00", 1000, 11), payment(701, 1, "2026-06-01T11:00:00", 400, 12)],
    });
    await wh.load("run-1", lsn(20));
    await wh.stage({
      refunds: [{ RefundId: 1, PaymentId: 700, AmountMinor: 300, Status: "succeeded", CdcStartLsn: lsn(30), CdcOperation: 5 }],
      disputes: [
        {
          DisputeId: 1,
          PaymentId: 701,
          AmountMinor: 400,
          Status: "lost",
          CreatedAt: "2026-06-05T10:00:00",
          CdcStartLsn: lsn(31),
          CdcOperation: 5,
        },
      ],
    });
    await wh.load("run-2", lsn(40));
    expect(
      await wh.rows(
        "SELECT payment_id, effective_status, amount_refunded_minor::int, amount_disputed_minor::int FROM dw.fact_payment ORDER BY 1",
      ),
    ).toEqual([
      { payment_id: "700", effective_status: "partially_refunded", amount_refunded_minor: 300, amount_disputed_minor: 0 },
      { payment_id: "701", effective_status: "charged_back", amount_refunded_minor: 0, amount_disputed_minor: 400 },
    ]);
    expect(await wh.rows("SELECT amount_refunded::text, disputed_count::int FROM agg.payment_daily_currency")).toEqual([
      { amount_refunded: "3.0000", disputed_count: 1 },
    ]);
  });

  test.each<[string, Staged, string]>([
    [
      "a payment without a merchant id",
      { payments: [{ ...payment(800, 1, "2026-07-01T10:00:00", 100, 11), MerchantId: null }] },
      "null_business_keys",
    ],
    [
      "a dispute larger than its payment",
      {
        payments: [payment(801, 1, "2026-07-01T10:00:00", 100, 11)],
        disputes: [
          {
            DisputeId: 2,
            PaymentId: 801,
            AmountMinor: 900,
            Status: "needs_response",
            CreatedAt: "2026-07-02T10:00:00",
            CdcStartLsn: lsn(12),
            CdcOperation: 5,
          },
        ],
      },
      "dispute_exceeds_amount",
    ],
    [
      "a payment by a customer of another merchant",
      {
        customers: [customer(7, 99, "2026-06-01T10:00:00", 11)],
        payments: [{ ...payment(802, 1, "2026-07-01T10:00:00", 100, 12), CustomerId: 7 }],
      },
      "customer_of_other_merchant",
    ],
  ])("the gate refuses %s", async (_label, staged, check) => {
    const wh = await warehouse();
    await wh.stage({ merchants: [merchant(1, "A", "2026-01-01T10:00:00", 10)], ...staged });
    await expect(wh.load("run-1", lsn(20))).rejects.toThrow(new RegExp(`first: ${check}`));
    expect(await wh.rows("SELECT count(*)::int AS n FROM dw.fact_payment")).toEqual([{ n: 0 }]);
  });

  test("a run cut before the published watermark is refused", async () => {
    const wh = await warehouse();
    await wh.stage({ merchants: [merchant(1, "A", "2026-01-01T10:00:00", 10)] });
    await wh.load("run-1", lsn(40));
    await wh.stage({});
    await expect(wh.load("run-2", lsn(20))).rejects.toThrow(/first: run_lsn_behind_published/);
  });
});

interface Staged {
  readonly merchants?: readonly Row[];
  readonly customers?: readonly Row[];
  readonly payments?: readonly Row[];
  readonly refunds?: readonly Row[];
  readonly disputes?: readonly Row[];
}

class Warehouse {
  constructor(private readonly client: Client) {}

  /** Replaces staging with one run's rows (the copy activities truncate staging). Currency and country are full extracts. */
  async stage(s: Staged): Promise<void> {
    for (const t of ["country", "currency", "merchant", "customer", "payment_method", "payment", "refund", "dispute", "payout"])
      await this.client.query(`TRUNCATE stg.${t}`);
    await this.insert("stg.currency", [
      { CurrencyCode: "EUR", Name: "Euro", MinorUnits: 2, IsActive: true },
      { CurrencyCode: "JPY", Name: "Yen", MinorUnits: 0, IsActive: true },
    ]);
    await this.insert("stg.country", [{ CountryCode: "FR", Name: "France", Region: "Europe", IsEu: true }]);
    await this.insert("stg.merchant", s.merchants ?? []);
    await this.insert("stg.customer", s.customers ?? []);
    await this.insert("stg.payment", s.payments ?? []);
    await this.insert("stg.refund", s.refunds ?? []);
    await this.insert("stg.dispute", s.disputes ?? []);
  }

  async load(runId: string, toLsn: string): Promise<void> {
    await this.client.query("CALL etl.usp_load_warehouse($1, $2)", [runId, toLsn]);
  }

  async rows(sql: string): Promise<Row[]> {
    const res = await this.client.query({ text: sql, types: { getTypeParser: () => (v: string) => v } });
    // keep text, except integers and booleans, so expectations read like the table
    return res.rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => {
          const field = res.fields.find((f) => f.name === k)!;
          if (v === null) return [k, null];
          if (field.dataTypeID === 23 || field.dataTypeID === 21) return [k, Number(v)];
          if (field.dataTypeID === 16) return [k, v === "t"];
          return [k, v];
        }),
      ),
    );
  }

  /** Every published table's rows, ordered: what BI would see. */
  async snapshot(): Promise<Record<string, Row[]>> {
    const out: Record<string, Row[]> = {};
    for (const t of [
      "dw.dim_merchant",
      "dw.dim_currency",
      "dw.fact_payment",
      "agg.payment_daily_currency",
      "etl.refund_state",
      "etl.dq_result",
    ])
      out[t] = await this.rows(`SELECT * FROM ${t} ORDER BY 1, 2`);
    return out;
  }

  private async insert(table: string, rows: readonly Row[]): Promise<void> {
    for (const r of rows) {
      const cols = Object.keys(r).map((k) => k.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase());
      const values = Object.values(r);
      await this.client.query(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values);
    }
  }
}

function merchant(id: number, displayName: string, committedAt: string, lsnN: number): Row {
  return {
    MerchantId: id,
    PublicId: `acct_${id}`,
    LegalName: `${displayName} SAS`,
    DisplayName: displayName,
    CountryCode: "FR",
    DefaultCurrencyCode: "EUR",
    Mcc: "5812",
    Status: "active",
    CreatedAt: "2026-01-01T10:00:00",
    UpdatedAt: committedAt,
    CdcStartLsn: lsn(lsnN),
    CdcOperation: 5,
    CdcCommitUtc: committedAt,
  };
}

function customer(id: number, merchantId: number, createdAt: string, lsnN: number): Row {
  return {
    CustomerId: id,
    MerchantId: merchantId,
    CountryCode: "FR",
    CreatedAt: createdAt,
    UpdatedAt: createdAt,
    CdcStartLsn: lsn(lsnN),
    CdcOperation: 5,
    CdcCommitUtc: createdAt,
  };
}

function payment(id: number, merchantId: number, createdAt: string, amountMinor: number, lsnN: number): Row {
  return {
    PaymentId: id,
    MerchantId: merchantId,
    IdempotencyKey: `k-${id}`,
    AmountMinor: amountMinor,
    CurrencyCode: "EUR",
    Status: "succeeded",
    CaptureMethod: "automatic",
    CreatedAt: createdAt,
    UpdatedAt: createdAt,
    CapturedAt: createdAt,
    CdcStartLsn: lsn(lsnN),
    CdcOperation: 5,
    CdcCommitUtc: createdAt,
  };
}

/** A CDC delete: net changes carry the key (other columns as last seen). */
function deleted(id: number, lsnN: number): Row {
  return { PaymentId: id, CdcStartLsn: lsn(lsnN), CdcOperation: 1 };
}

/**
 * The warehouse load logic, written once. Each function takes the dialect and returns the
 * statements of one procedure; ./render.ts wraps them per engine (T-SQL procedure, PL/pgSQL
 * procedure). Identifiers are written as in Synapse (PascalCase); PostgreSQL and Redshift get them
 * in snake_case.
 *
 * Flow 2 runs as ONE transaction (etl.usp_Load_Warehouse): dimensions, fact, aggregates, then the
 * data-quality checks; a failed error-level check rolls everything back, so BI never sees a
 * rejected run and the CDC watermark (advanced by the pipeline only when this procedure succeeds)
 * stays where it was. No DDL runs inside it: work tables instead of temp tables.
 */
import { Dialect } from "./dialect";

export interface ProcedureSpec {
  readonly name: string;
  readonly doc: string;
  readonly params: readonly ("RunId" | "ToLsnHex")[];
  /**
   * step: statements run inside the caller's transaction (no transaction control of its own);
   * transaction: statements run in a transaction of their own;
   * publish: calls the steps in one transaction and commits only when no error-level check failed.
   */
  readonly kind: "step" | "transaction" | "publish";
  readonly statements: readonly string[];
  /** publish only: the steps called, in order. */
  readonly calls?: readonly string[];
}

const lines = (...ls: string[]): string => ls.join("\n");

/** The latest staged change per key (net changes give one, a replayed batch may give more). */
const latest = (table: string, key: string, where = "s.rn = 1"): string =>
  `FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.${key} ORDER BY x.CdcStartLsn DESC) AS rn FROM stg.${table} AS x) AS s\nWHERE ${where}`;

const maxKey = (table: string, key: string): string =>
  `CROSS JOIN (SELECT COALESCE(MAX(${key}), 0) AS MaxKey FROM dw.${table} WHERE ${key} > 0) AS mk`;

/** Minor units to major units with the currency's exponent (2 when the currency is unknown). */
const major = (minor: string, minorUnits: string): string =>
  `CAST(CAST(${minor} AS decimal(38,4)) / POWER(CAST(10 AS decimal(38,4)), COALESCE(${minorUnits}, 2)) AS decimal(19,4))`;

/** Status after refunds and disputes. */
const effectiveStatus = (disputeStatus: string, refunded: string, amount: string, status: string): string =>
  lines(
    `CASE WHEN ${disputeStatus} = 'lost' THEN 'charged_back'`,
    `         WHEN ${disputeStatus} IS NOT NULL AND ${disputeStatus} <> 'won' THEN 'disputed'`,
    `         WHEN ${refunded} >= ${amount} THEN 'refunded'`,
    `         WHEN ${refunded} > 0 THEN 'partially_refunded'`,
    `         ELSE ${status} END`,
  );

function type1Currency(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    "DELETE FROM etl.Work_Currency",
    lines(
      "INSERT INTO etl.Work_Currency (CurrencyCode, Name, MinorUnits, IsActive)",
      `SELECT s.CurrencyCode, s.Name, s.MinorUnits, CASE WHEN COALESCE(s.CdcOperation, 5) = 1 THEN ${d.false} ELSE s.IsActive END`,
      latest("Currency", "CurrencyCode"),
    ),
    lines(
      "UPDATE dw.Dim_Currency",
      `SET Name = s.Name, MinorUnits = s.MinorUnits, IsActive = s.IsActive, LoadRunId = ${R}, UpdatedAtUtc = ${d.now}`,
      "FROM etl.Work_Currency AS s",
      "WHERE dw.Dim_Currency.CurrencyCode = s.CurrencyCode",
      "  AND (dw.Dim_Currency.Name <> s.Name OR dw.Dim_Currency.MinorUnits <> s.MinorUnits OR dw.Dim_Currency.IsActive <> s.IsActive)",
    ),
    lines(
      "INSERT INTO dw.Dim_Currency (CurrencyKey, CurrencyCode, Name, MinorUnits, IsActive, LoadRunId, UpdatedAtUtc)",
      `SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.CurrencyCode), s.CurrencyCode, s.Name, s.MinorUnits, s.IsActive, ${R}, ${d.now}`,
      "FROM etl.Work_Currency AS s",
      maxKey("Dim_Currency", "CurrencyKey"),
      "WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Currency AS c WHERE c.CurrencyCode = s.CurrencyCode)",
    ),
  ];
}

function type1Geography(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    "DELETE FROM etl.Work_Country",
    lines(
      "INSERT INTO etl.Work_Country (CountryCode, Name, Region, IsEu)",
      "SELECT s.CountryCode, s.Name, s.Region, s.IsEu",
      // a deleted country keeps its row: facts reference it
      latest("Country", "CountryCode", "s.rn = 1 AND COALESCE(s.CdcOperation, 5) <> 1"),
    ),
    lines(
      "UPDATE dw.Dim_Geography",
      `SET CountryName = s.Name, Region = s.Region, IsEu = s.IsEu, LoadRunId = ${R}, UpdatedAtUtc = ${d.now}`,
      "FROM etl.Work_Country AS s",
      "WHERE dw.Dim_Geography.CountryCode = s.CountryCode",
      "  AND (dw.Dim_Geography.CountryName <> s.Name OR dw.Dim_Geography.Region <> s.Region OR dw.Dim_Geography.IsEu <> s.IsEu)",
    ),
    lines(
      "INSERT INTO dw.Dim_Geography (GeographyKey, CountryCode, CountryName, Region, IsEu, LoadRunId, UpdatedAtUtc)",
      `SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.CountryCode), s.CountryCode, s.Name, s.Region, s.IsEu, ${R}, ${d.now}`,
      "FROM etl.Work_Country AS s",
      maxKey("Dim_Geography", "GeographyKey"),
      "WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_Geography AS g WHERE g.CountryCode = s.CountryCode)",
    ),
  ];
}

interface Scd2 {
  readonly dim: "Merchant" | "Customer";
  /** Attribute columns of the dimension, in order. */
  readonly attributes: readonly string[];
  /** The staged expression of each attribute (default: s.<attribute>). */
  readonly source?: Readonly<Record<string, string>>;
}

/**
 * SCD type 2. Version time is the CDC commit time of the change (CdcCommitUtc): the source's
 * UpdatedAt is not maintained by every writer. A changed or deleted member's current version is
 * closed at that time, THEN the new version opens where the previous one now ends, so versions are
 * contiguous and a later fact finds the new version.
 */
function scd2(d: Dialect, spec: Scd2): string[] {
  const R = d.param("RunId");
  const { dim } = spec;
  const key = `${dim}Key`;
  const id = `${dim}Id`;
  const table = `Dim_${dim}`;
  const src = (a: string): string => spec.source?.[a] ?? `s.${a}`;
  const attrs = spec.attributes;
  return [
    `DELETE FROM etl.Work_${dim}`,
    lines(
      `INSERT INTO etl.Work_${dim} (${id}, ${attrs.join(", ")}, CreatedAt, CdcOperation, ChangeAtUtc, RowHash)`,
      `SELECT s.${id}, ${attrs.map(src).join(", ")}, s.CreatedAt, COALESCE(s.CdcOperation, 5),`,
      `       COALESCE(s.CdcCommitUtc, s.CreatedAt, ${d.now}),`,
      `       ${d.hash(attrs.map(src))}`,
      latest(dim, id),
    ),
    // close the current version of changed or deleted members
    lines(
      `UPDATE dw.${table}`,
      `SET ValidToUtc = CASE WHEN s.ChangeAtUtc > dw.${table}.ValidFromUtc THEN s.ChangeAtUtc ELSE dw.${table}.ValidFromUtc END,`,
      `    IsCurrent = ${d.false}`,
      `FROM etl.Work_${dim} AS s`,
      `WHERE dw.${table}.${id} = s.${id}`,
      `  AND dw.${table}.IsCurrent = ${d.true}`,
      `  AND dw.${table}.${key} > 0`,
      `  AND (s.CdcOperation = 1 OR dw.${table}.RowHash <> s.RowHash OR dw.${table}.RowHash IS NULL)`,
    ),
    // open a version for new and changed members, contiguous with the version just closed
    lines(
      `INSERT INTO dw.${table} (${key}, ${id}, ${attrs.join(", ")}, ValidFromUtc, ValidToUtc, IsCurrent, RowHash, LoadRunId)`,
      `SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.${id}), s.${id}, ${attrs.map((a) => `s.${a}`).join(", ")},`,
      `       CASE WHEN h.LastValidToUtc IS NULL THEN COALESCE(s.CreatedAt, s.ChangeAtUtc) ELSE h.LastValidToUtc END,`,
      `       ${d.endOfTime}, ${d.true}, s.RowHash, ${R}`,
      `FROM etl.Work_${dim} AS s`,
      `LEFT JOIN (SELECT v.${id}, MAX(v.ValidToUtc) AS LastValidToUtc FROM dw.${table} AS v WHERE v.${key} > 0 GROUP BY v.${id}) AS h`,
      `  ON h.${id} = s.${id}`,
      maxKey(table, key),
      "WHERE s.CdcOperation <> 1",
      `  AND NOT EXISTS (SELECT 1 FROM dw.${table} AS c WHERE c.${id} = s.${id} AND c.IsCurrent = ${d.true})`,
    ),
  ];
}

const MERCHANT_ATTRIBUTES = ["PublicId", "LegalName", "DisplayName", "CountryCode", "DefaultCurrencyCode", "Mcc", "Status"];

function type1PaymentMethod(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    "DELETE FROM etl.Work_PaymentMethod",
    lines(
      "INSERT INTO etl.Work_PaymentMethod (PaymentMethodId, CustomerId, Type, CardBrand, IssuerCountryCode, Status, CreatedAt)",
      "SELECT s.PaymentMethodId, s.CustomerId, s.Type, s.CardBrand, s.IssuerCountryCode,",
      "       CASE WHEN COALESCE(s.CdcOperation, 5) = 1 THEN 'detached' ELSE s.Status END, s.CreatedAt",
      latest("PaymentMethod", "PaymentMethodId"),
    ),
    lines(
      "UPDATE dw.Dim_PaymentMethod",
      "SET CustomerId = COALESCE(s.CustomerId, dw.Dim_PaymentMethod.CustomerId),",
      "    Type = COALESCE(s.Type, dw.Dim_PaymentMethod.Type),",
      "    CardBrand = s.CardBrand, IssuerCountryCode = s.IssuerCountryCode, Status = s.Status,",
      `    LoadRunId = ${R}, UpdatedAtUtc = ${d.now}`,
      "FROM etl.Work_PaymentMethod AS s",
      "WHERE dw.Dim_PaymentMethod.PaymentMethodId = s.PaymentMethodId",
    ),
    lines(
      "INSERT INTO dw.Dim_PaymentMethod (PaymentMethodKey, PaymentMethodId, CustomerId, Type, CardBrand, IssuerCountryCode, Status, CreatedAtUtc, LoadRunId, UpdatedAtUtc)",
      "SELECT mk.MaxKey + ROW_NUMBER() OVER (ORDER BY s.PaymentMethodId), s.PaymentMethodId, s.CustomerId, s.Type, s.CardBrand,",
      `       s.IssuerCountryCode, s.Status, s.CreatedAt, ${R}, ${d.now}`,
      "FROM etl.Work_PaymentMethod AS s",
      maxKey("Dim_PaymentMethod", "PaymentMethodKey"),
      "WHERE NOT EXISTS (SELECT 1 FROM dw.Dim_PaymentMethod AS c WHERE c.PaymentMethodId = s.PaymentMethodId)",
    ),
  ];
}

/** Point-in-time join of a fact row `f` (CreatedAtUtc, natural keys) to the SCD2 dimensions. */
const scd2Join = (alias: string, dim: "Merchant" | "Customer", fact: string, onlyUnknown: boolean): string =>
  lines(
    `LEFT JOIN dw.Dim_${dim} AS ${alias} ON ${onlyUnknown ? `${fact}.${dim}Key = -1 AND ` : ""}${alias}.${dim}Id = ${fact}.${dim}Id AND ${alias}.${dim}Key > 0`,
    `  AND ${fact}.CreatedAt${fact === "p" ? "" : "Utc"} >= ${alias}.ValidFromUtc AND ${fact}.CreatedAt${fact === "p" ? "" : "Utc"} < ${alias}.ValidToUtc`,
  );

function factPayment(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    "DELETE FROM etl.Work_Payment",
    lines(
      "INSERT INTO etl.Work_Payment (PaymentId, MerchantId, CustomerId, PaymentMethodId, AmountMinor, CurrencyCode, Status, CaptureMethod,",
      "                              CreatedAt, UpdatedAt, CapturedAt, CdcStartLsn, CdcOperation)",
      "SELECT s.PaymentId, s.MerchantId, s.CustomerId, s.PaymentMethodId, s.AmountMinor, s.CurrencyCode, s.Status, s.CaptureMethod,",
      "       s.CreatedAt, s.UpdatedAt, s.CapturedAt, s.CdcStartLsn, COALESCE(s.CdcOperation, 5)",
      latest("Payment", "PaymentId"),
    ),
    "DELETE FROM etl.Work_Refund",
    lines(
      "INSERT INTO etl.Work_Refund (RefundId, PaymentId, AmountMinor, Status, UpdatedAt, CdcOperation)",
      "SELECT s.RefundId, s.PaymentId, s.AmountMinor, s.Status, s.UpdatedAt, COALESCE(s.CdcOperation, 5)",
      latest("Refund", "RefundId"),
    ),
    "DELETE FROM etl.Work_Dispute",
    lines(
      "INSERT INTO etl.Work_Dispute (DisputeId, PaymentId, AmountMinor, Status, CreatedAt, CdcOperation)",
      "SELECT s.DisputeId, s.PaymentId, s.AmountMinor, s.Status, s.CreatedAt, COALESCE(s.CdcOperation, 5)",
      latest("Dispute", "DisputeId"),
    ),
    "DELETE FROM etl.Work_Affected",
    lines(
      "INSERT INTO etl.Work_Affected (PaymentId)",
      "SELECT u.PaymentId FROM (",
      "    SELECT PaymentId FROM etl.Work_Payment",
      "    UNION SELECT PaymentId FROM etl.Work_Refund WHERE PaymentId IS NOT NULL",
      "    UNION SELECT PaymentId FROM etl.Work_Dispute WHERE PaymentId IS NOT NULL",
      "    UNION SELECT rs.PaymentId FROM etl.Refund_State AS rs WHERE rs.RefundId IN (SELECT RefundId FROM etl.Work_Refund)",
      "    UNION SELECT ds.PaymentId FROM etl.Dispute_State AS ds WHERE ds.DisputeId IN (SELECT DisputeId FROM etl.Work_Dispute)",
      ") AS u",
    ),
    // the days of the affected payments BEFORE the run: a deleted payment's day must be recomputed too
    "DELETE FROM etl.Work_Days",
    lines(
      "INSERT INTO etl.Work_Days (DateKey)",
      "SELECT DISTINCT f.DateKey FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected)",
    ),
    "DELETE FROM etl.Refund_State WHERE RefundId IN (SELECT RefundId FROM etl.Work_Refund)",
    lines(
      "INSERT INTO etl.Refund_State (RefundId, PaymentId, AmountMinor, Status, UpdatedAtUtc, LoadRunId)",
      `SELECT RefundId, PaymentId, AmountMinor, Status, UpdatedAt, ${R} FROM etl.Work_Refund WHERE CdcOperation <> 1`,
    ),
    "DELETE FROM etl.Dispute_State WHERE DisputeId IN (SELECT DisputeId FROM etl.Work_Dispute)",
    lines(
      "INSERT INTO etl.Dispute_State (DisputeId, PaymentId, AmountMinor, Status, CreatedAtUtc, LoadRunId)",
      `SELECT DisputeId, PaymentId, AmountMinor, Status, CreatedAt, ${R} FROM etl.Work_Dispute WHERE CdcOperation <> 1`,
    ),
    "DELETE FROM etl.Work_RefundAgg",
    lines(
      "INSERT INTO etl.Work_RefundAgg (PaymentId, AmountRefundedMinor, RefundCount)",
      "SELECT r.PaymentId, SUM(CASE WHEN r.Status = 'succeeded' THEN r.AmountMinor ELSE 0 END), SUM(CASE WHEN r.Status = 'succeeded' THEN 1 ELSE 0 END)",
      "FROM etl.Refund_State AS r",
      "WHERE r.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected)",
      "GROUP BY r.PaymentId",
    ),
    "DELETE FROM etl.Work_DisputeAgg",
    lines(
      "INSERT INTO etl.Work_DisputeAgg (PaymentId, AmountDisputedMinor, DisputeStatus)",
      "SELECT x.PaymentId, SUM(x.AmountMinor), MAX(CASE WHEN x.rn = 1 THEN x.Status END)",
      "FROM (SELECT ds.PaymentId, ds.AmountMinor, ds.Status,",
      "             ROW_NUMBER() OVER (PARTITION BY ds.PaymentId ORDER BY ds.CreatedAtUtc DESC, ds.DisputeId DESC) AS rn",
      "      FROM etl.Dispute_State AS ds WHERE ds.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected)) AS x",
      "GROUP BY x.PaymentId",
    ),
    "DELETE FROM etl.Work_Adjust",
    lines(
      "INSERT INTO etl.Work_Adjust (PaymentId, EffectiveStatus, AmountRefundedMinor, AmountRefunded, RefundCount, IsDisputed, DisputeStatus, AmountDisputedMinor)",
      "SELECT f.PaymentId,",
      `       ${effectiveStatus("da.DisputeStatus", "COALESCE(ra.AmountRefundedMinor, 0)", "f.AmountMinor", "f.Status")},`,
      `       COALESCE(ra.AmountRefundedMinor, 0), ${major("COALESCE(ra.AmountRefundedMinor, 0)", "cur.MinorUnits")}, COALESCE(ra.RefundCount, 0),`,
      `       ${d.flag("da.PaymentId IS NOT NULL")}, da.DisputeStatus, COALESCE(da.AmountDisputedMinor, 0)`,
      "FROM dw.Fact_Payment AS f",
      "JOIN etl.Work_Affected AS a ON a.PaymentId = f.PaymentId",
      "LEFT JOIN dw.Dim_Currency AS cur ON cur.CurrencyKey = f.CurrencyKey AND cur.CurrencyKey > 0",
      "LEFT JOIN etl.Work_RefundAgg AS ra ON ra.PaymentId = f.PaymentId",
      "LEFT JOIN etl.Work_DisputeAgg AS da ON da.PaymentId = f.PaymentId",
      "WHERE f.PaymentId NOT IN (SELECT PaymentId FROM etl.Work_Payment)",
    ),
    // upsert by PaymentId: a CDC delete removes the row
    "DELETE FROM dw.Fact_Payment WHERE PaymentId IN (SELECT PaymentId FROM etl.Work_Payment)",
    lines(
      "INSERT INTO dw.Fact_Payment (PaymentId, DateKey, MerchantKey, CustomerKey, PaymentMethodKey, CurrencyKey, GeographyKey,",
      "                             MerchantId, CustomerId, PaymentMethodId, CurrencyCode,",
      "                             Status, EffectiveStatus, CaptureMethod, AmountMinor, Amount, AmountRefundedMinor, AmountRefunded,",
      "                             RefundCount, IsDisputed, DisputeStatus, AmountDisputedMinor, CreatedAtUtc, CapturedAtUtc,",
      "                             SourceUpdatedAtUtc, CdcStartLsn, LoadRunId, UpdatedRunId, LoadedAtUtc)",
      "SELECT p.PaymentId, COALESCE(dd.DateKey, -1), COALESCE(dm.MerchantKey, -1), COALESCE(dc.CustomerKey, -1),",
      "       COALESCE(dpm.PaymentMethodKey, -1), COALESCE(cur.CurrencyKey, -1), COALESCE(geo.GeographyKey, -1),",
      "       p.MerchantId, p.CustomerId, p.PaymentMethodId, p.CurrencyCode,",
      `       p.Status, ${effectiveStatus("da.DisputeStatus", "COALESCE(ra.AmountRefundedMinor, 0)", "p.AmountMinor", "p.Status")},`,
      `       p.CaptureMethod, p.AmountMinor, ${major("p.AmountMinor", "cur.MinorUnits")},`,
      `       COALESCE(ra.AmountRefundedMinor, 0), ${major("COALESCE(ra.AmountRefundedMinor, 0)", "cur.MinorUnits")}, COALESCE(ra.RefundCount, 0),`,
      `       ${d.flag("da.PaymentId IS NOT NULL")}, da.DisputeStatus, COALESCE(da.AmountDisputedMinor, 0), p.CreatedAt, p.CapturedAt,`,
      `       p.UpdatedAt, p.CdcStartLsn, ${R}, ${R}, ${d.now}`,
      "FROM etl.Work_Payment AS p",
      "LEFT JOIN dw.Dim_Date AS dd ON dd.FullDate = CAST(p.CreatedAt AS date)",
      scd2Join("dm", "Merchant", "p", false),
      scd2Join("dc", "Customer", "p", false),
      "LEFT JOIN dw.Dim_PaymentMethod AS dpm ON dpm.PaymentMethodId = p.PaymentMethodId AND dpm.PaymentMethodKey > 0",
      "LEFT JOIN dw.Dim_Currency AS cur ON cur.CurrencyCode = p.CurrencyCode AND cur.CurrencyKey > 0",
      "LEFT JOIN dw.Dim_Geography AS geo ON geo.CountryCode = dm.CountryCode AND geo.GeographyKey > 0",
      "LEFT JOIN etl.Work_RefundAgg AS ra ON ra.PaymentId = p.PaymentId",
      "LEFT JOIN etl.Work_DisputeAgg AS da ON da.PaymentId = p.PaymentId",
      "WHERE p.CdcOperation <> 1",
    ),
    lines(
      "UPDATE dw.Fact_Payment",
      "SET EffectiveStatus = a.EffectiveStatus, AmountRefundedMinor = a.AmountRefundedMinor, AmountRefunded = a.AmountRefunded,",
      "    RefundCount = a.RefundCount, IsDisputed = a.IsDisputed, DisputeStatus = a.DisputeStatus,",
      `    AmountDisputedMinor = a.AmountDisputedMinor, UpdatedRunId = ${R}`,
      "FROM etl.Work_Adjust AS a",
      "WHERE dw.Fact_Payment.PaymentId = a.PaymentId",
    ),
    // late-arriving members: rows loaded on -1 get the member's key once it exists (natural keys are on the row)
    "DELETE FROM etl.Work_Rekey",
    lines(
      "INSERT INTO etl.Work_Rekey (PaymentId, MerchantKey, CustomerKey, PaymentMethodKey, CurrencyKey, GeographyKey, Amount, AmountRefunded)",
      "SELECT f.PaymentId, COALESCE(dm.MerchantKey, f.MerchantKey), COALESCE(dc.CustomerKey, f.CustomerKey),",
      "       COALESCE(dpm.PaymentMethodKey, f.PaymentMethodKey), COALESCE(cur.CurrencyKey, f.CurrencyKey),",
      "       COALESCE(geo.GeographyKey, f.GeographyKey),",
      `       CASE WHEN cur.CurrencyKey IS NULL THEN f.Amount ELSE ${major("f.AmountMinor", "cur.MinorUnits")} END,`,
      `       CASE WHEN cur.CurrencyKey IS NULL THEN f.AmountRefunded ELSE ${major("f.AmountRefundedMinor", "cur.MinorUnits")} END`,
      "FROM dw.Fact_Payment AS f",
      scd2Join("dm", "Merchant", "f", true),
      scd2Join("dc", "Customer", "f", true),
      "LEFT JOIN dw.Dim_PaymentMethod AS dpm ON f.PaymentMethodKey = -1 AND dpm.PaymentMethodId = f.PaymentMethodId AND dpm.PaymentMethodKey > 0",
      "LEFT JOIN dw.Dim_Currency AS cur ON f.CurrencyKey = -1 AND cur.CurrencyCode = f.CurrencyCode AND cur.CurrencyKey > 0",
      "LEFT JOIN dw.Dim_Merchant AS cm ON f.GeographyKey = -1 AND cm.MerchantKey = COALESCE(dm.MerchantKey, f.MerchantKey) AND cm.MerchantKey > 0",
      "LEFT JOIN dw.Dim_Geography AS geo ON geo.CountryCode = cm.CountryCode AND geo.GeographyKey > 0",
      "WHERE (f.MerchantKey = -1 OR f.CustomerKey = -1 OR f.PaymentMethodKey = -1 OR f.CurrencyKey = -1 OR f.GeographyKey = -1)",
      "  AND (dm.MerchantKey IS NOT NULL OR dc.CustomerKey IS NOT NULL OR dpm.PaymentMethodKey IS NOT NULL",
      "       OR cur.CurrencyKey IS NOT NULL OR geo.GeographyKey IS NOT NULL)",
    ),
    lines(
      "UPDATE dw.Fact_Payment",
      "SET MerchantKey = k.MerchantKey, CustomerKey = k.CustomerKey, PaymentMethodKey = k.PaymentMethodKey, CurrencyKey = k.CurrencyKey,",
      `    GeographyKey = k.GeographyKey, Amount = k.Amount, AmountRefunded = k.AmountRefunded, UpdatedRunId = ${R}`,
      "FROM etl.Work_Rekey AS k",
      "WHERE dw.Fact_Payment.PaymentId = k.PaymentId",
    ),
    // ... and the days of the rows this run wrote
    lines(
      "INSERT INTO etl.Work_Days (DateKey)",
      `SELECT DISTINCT f.DateKey FROM dw.Fact_Payment AS f WHERE f.LoadRunId = ${R} OR f.UpdatedRunId = ${R}`,
    ),
  ];
}

function refreshAggregates(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    "DELETE FROM agg.Payment_Daily_Currency WHERE DateKey IN (SELECT DateKey FROM etl.Work_Days)",
    lines(
      "INSERT INTO agg.Payment_Daily_Currency (DateKey, CurrencyKey, PaymentCount, SucceededCount, FailedCount, AmountMinor, Amount,",
      "                                        AmountRefunded, DisputedCount, RefreshRunId, RefreshedAtUtc)",
      `SELECT f.DateKey, f.CurrencyKey, ${d.countBig},`,
      "       SUM(CASE WHEN f.Status = 'succeeded' THEN 1 ELSE 0 END), SUM(CASE WHEN f.Status = 'failed' THEN 1 ELSE 0 END),",
      `       SUM(f.AmountMinor), SUM(f.Amount), SUM(f.AmountRefunded), SUM(CASE WHEN f.IsDisputed = ${d.true} THEN 1 ELSE 0 END),`,
      `       ${R}, ${d.now}`,
      "FROM dw.Fact_Payment AS f",
      "WHERE f.DateKey IN (SELECT DateKey FROM etl.Work_Days)",
      "GROUP BY f.DateKey, f.CurrencyKey",
    ),
  ];
}

export interface DqCheck {
  readonly name: string;
  readonly table: string;
  readonly severity: "error" | "warn";
  /** FROM ... WHERE ... of the rows that violate the check (counted; 0 = passed). */
  readonly violations: string;
}

/** The data-quality checks of flow 2: each counts rows the source can send or the load can get wrong. */
export function dqChecks(d: Dialect): DqCheck[] {
  const R = d.param("RunId");
  const lsn = d.param("ToLsnHex");
  const gapCheck = (dim: "Merchant" | "Customer"): string =>
    lines(
      `FROM (SELECT v.ValidFromUtc, v.ValidToUtc, LAG(v.ValidToUtc) OVER (PARTITION BY v.${dim}Id ORDER BY v.ValidFromUtc, v.${dim}Key) AS PrevTo`,
      `      FROM dw.Dim_${dim} AS v WHERE v.${dim}Key > 0) AS x`,
      "WHERE (x.PrevTo IS NOT NULL AND x.PrevTo <> x.ValidFromUtc) OR x.ValidFromUtc > x.ValidToUtc",
    );
  const missingCurrent = (dim: "Merchant" | "Customer"): string =>
    lines(
      `FROM etl.Work_${dim} AS s`,
      `WHERE s.CdcOperation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.Dim_${dim} AS c WHERE c.${dim}Id = s.${dim}Id AND c.IsCurrent = ${d.true} AND c.RowHash = s.RowHash)`,
    );
  const duplicateCurrent = (dim: "Merchant" | "Customer"): string =>
    `FROM (SELECT c.${dim}Id FROM dw.Dim_${dim} AS c WHERE c.IsCurrent = ${d.true} GROUP BY c.${dim}Id HAVING COUNT(*) > 1) AS x`;
  return [
    {
      name: "staged_after_run_lsn",
      table: "stg.*",
      severity: "error",
      violations: lines(
        "FROM (SELECT CdcStartLsn FROM stg.Merchant UNION ALL SELECT CdcStartLsn FROM stg.Customer UNION ALL SELECT CdcStartLsn FROM stg.PaymentMethod",
        "      UNION ALL SELECT CdcStartLsn FROM stg.Payment UNION ALL SELECT CdcStartLsn FROM stg.Refund UNION ALL SELECT CdcStartLsn FROM stg.Dispute) AS u",
        `WHERE u.CdcStartLsn > ${lsn}`,
      ),
    },
    {
      name: "run_lsn_behind_published",
      table: "etl.Load_Run",
      severity: "error",
      violations: `FROM etl.Load_Run AS r WHERE r.Status = 'published' AND r.ToLsn > ${lsn}`,
    },
    {
      name: "null_business_keys",
      table: "stg.Payment",
      severity: "error",
      violations:
        "FROM etl.Work_Payment AS p WHERE p.CdcOperation <> 1 AND (p.MerchantId IS NULL OR p.CurrencyCode IS NULL OR p.CreatedAt IS NULL OR p.AmountMinor IS NULL OR p.Status IS NULL)",
    },
    {
      name: "staged_not_loaded",
      table: "dw.Fact_Payment",
      severity: "error",
      violations: `FROM etl.Work_Payment AS p WHERE p.CdcOperation <> 1 AND NOT EXISTS (SELECT 1 FROM dw.Fact_Payment AS f WHERE f.PaymentId = p.PaymentId AND f.LoadRunId = ${R})`,
    },
    {
      name: "deleted_still_loaded",
      table: "dw.Fact_Payment",
      severity: "error",
      violations:
        "FROM etl.Work_Payment AS p WHERE p.CdcOperation = 1 AND EXISTS (SELECT 1 FROM dw.Fact_Payment AS f WHERE f.PaymentId = p.PaymentId)",
    },
    {
      name: "duplicate_PaymentId",
      table: "dw.Fact_Payment",
      severity: "error",
      violations:
        "FROM (SELECT f.PaymentId FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) GROUP BY f.PaymentId HAVING COUNT(*) > 1) AS x",
    },
    {
      name: "refund_exceeds_amount",
      table: "dw.Fact_Payment",
      severity: "error",
      violations:
        "FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) AND f.AmountRefundedMinor > f.AmountMinor",
    },
    {
      name: "dispute_exceeds_amount",
      table: "dw.Fact_Payment",
      severity: "error",
      violations:
        "FROM dw.Fact_Payment AS f WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) AND f.AmountDisputedMinor > f.AmountMinor",
    },
    {
      // the Azure SQL schema cannot state this cross-row rule; the PostgreSQL write path checks it
      name: "customer_of_other_merchant",
      table: "dw.Fact_Payment",
      severity: "error",
      violations: lines(
        "FROM dw.Fact_Payment AS f",
        "JOIN dw.Dim_Customer AS c ON c.CustomerKey = f.CustomerKey AND c.CustomerKey > 0",
        "WHERE f.PaymentId IN (SELECT PaymentId FROM etl.Work_Affected) AND c.MerchantId <> f.MerchantId",
      ),
    },
    {
      name: "unresolved_late_member",
      table: "dw.Fact_Payment",
      severity: "error",
      violations: lines(
        "FROM dw.Fact_Payment AS f",
        scd2Join("dm", "Merchant", "f", true),
        scd2Join("dc", "Customer", "f", true),
        "WHERE dm.MerchantKey IS NOT NULL OR dc.CustomerKey IS NOT NULL",
      ),
    },
    { name: "missing_current_version", table: "dw.Dim_Merchant", severity: "error", violations: missingCurrent("Merchant") },
    { name: "missing_current_version", table: "dw.Dim_Customer", severity: "error", violations: missingCurrent("Customer") },
    { name: "duplicate_current_version", table: "dw.Dim_Merchant", severity: "error", violations: duplicateCurrent("Merchant") },
    { name: "duplicate_current_version", table: "dw.Dim_Customer", severity: "error", violations: duplicateCurrent("Customer") },
    { name: "scd2_gap_or_overlap", table: "dw.Dim_Merchant", severity: "error", violations: gapCheck("Merchant") },
    { name: "scd2_gap_or_overlap", table: "dw.Dim_Customer", severity: "error", violations: gapCheck("Customer") },
    {
      name: "aggregate_matches_fact",
      table: "agg.Payment_Daily_Currency",
      severity: "error",
      violations: lines(
        "FROM (SELECT DISTINCT DateKey FROM etl.Work_Days) AS w",
        "LEFT JOIN (SELECT f.DateKey, COUNT(*) AS N FROM dw.Fact_Payment AS f WHERE f.DateKey IN (SELECT DateKey FROM etl.Work_Days) GROUP BY f.DateKey) AS fc",
        "  ON fc.DateKey = w.DateKey",
        "LEFT JOIN (SELECT a.DateKey, SUM(a.PaymentCount) AS N FROM agg.Payment_Daily_Currency AS a WHERE a.DateKey IN (SELECT DateKey FROM etl.Work_Days) GROUP BY a.DateKey) AS ac",
        "  ON ac.DateKey = w.DateKey",
        "WHERE COALESCE(fc.N, 0) <> COALESCE(ac.N, 0)",
      ),
    },
    {
      name: "unknown_member_reference",
      table: "dw.Fact_Payment",
      severity: "warn",
      violations: `FROM dw.Fact_Payment AS f WHERE (f.LoadRunId = ${R} OR f.UpdatedRunId = ${R}) AND (f.MerchantKey = -1 OR f.CurrencyKey = -1 OR f.DateKey = -1)`,
    },
  ];
}

function dqCheck(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    `DELETE FROM etl.DQ_Result WHERE RunId = ${R}`,
    ...dqChecks(d).map((c) =>
      lines(
        "INSERT INTO etl.DQ_Result (RunId, CheckName, TableName, Severity, Violations, Passed, CheckedAtUtc)",
        `SELECT ${R}, '${c.name}', '${c.table}', '${c.severity}', c.N, ${d.flag("c.N = 0")}, ${d.now}`,
        `FROM (SELECT ${d.countBig} AS N`,
        `      ${c.violations.split("\n").join("\n      ")}) AS c`,
      ),
    ),
  ];
}

function loadApiPerformance(d: Dialect): string[] {
  const R = d.param("RunId");
  return [
    "DELETE FROM etl.Work_ApiBatch",
    // the change feed delivers at least once: one row per RequestId
    lines(
      "INSERT INTO etl.Work_ApiBatch (RequestId, MerchantId, Endpoint, HttpMethod, StatusCode, LatencyMs, Region, EventTimeUtc, IngestedAtUtc)",
      "SELECT s.RequestId, s.MerchantId, s.Endpoint, s.HttpMethod, s.StatusCode, s.LatencyMs, s.Region, s.EventTimeUtc, s.IngestedAtUtc",
      "FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.RequestId ORDER BY x.IngestedAtUtc DESC) AS rn FROM stg.ApiLogs AS x) AS s",
      "WHERE s.rn = 1",
    ),
    lines(
      "INSERT INTO dw.Fact_API_Performance (RequestId, DateKey, MerchantKey, MerchantId, Bucket5MinUtc, Endpoint, HttpMethod, StatusCode, IsError,",
      "                                     LatencyMs, Region, EventTimeUtc, LoadRunId, LoadedAtUtc)",
      `SELECT b.RequestId, ${d.dateKey("b.EventTimeUtc")}, COALESCE(dm.MerchantKey, -1), b.MerchantId, ${d.bucket5("b.EventTimeUtc")},`,
      `       b.Endpoint, b.HttpMethod, b.StatusCode, ${d.flag("b.StatusCode >= 500")}, b.LatencyMs, b.Region, b.EventTimeUtc, ${R}, ${d.now}`,
      "FROM etl.Work_ApiBatch AS b",
      `LEFT JOIN dw.Dim_Merchant AS dm ON dm.MerchantId = b.MerchantId AND dm.IsCurrent = ${d.true} AND dm.MerchantKey > 0`,
      "WHERE NOT EXISTS (SELECT 1 FROM dw.Fact_API_Performance AS f WHERE f.RequestId = b.RequestId)",
    ),
    // rows appended while this run loaded stay for the next run
    lines(
      "DELETE FROM stg.ApiLogs",
      "WHERE EXISTS (SELECT 1 FROM etl.Work_ApiBatch AS b WHERE b.RequestId = stg.ApiLogs.RequestId AND b.IngestedAtUtc >= stg.ApiLogs.IngestedAtUtc)",
    ),
  ];
}

/** Flow 2 steps in the order usp_Load_Warehouse calls them (dimensions before the fact). */
export const FLOW2_STEPS = [
  "etl.usp_Load_Dim_Currency",
  "etl.usp_Load_Dim_Geography",
  "etl.usp_Load_Dim_Merchant",
  "etl.usp_Load_Dim_Customer",
  "etl.usp_Load_Dim_PaymentMethod",
  "etl.usp_Load_Fact_Payment",
  "etl.usp_Refresh_Aggregates",
  "etl.usp_DQ_Check",
] as const;

export const LOAD_WAREHOUSE = "etl.usp_Load_Warehouse";
export const LOAD_API_PERFORMANCE = "etl.usp_Load_Fact_API_Performance";

export function procedures(d: Dialect): ProcedureSpec[] {
  const step = (name: string, doc: string, statements: string[], params: ProcedureSpec["params"] = ["RunId"]): ProcedureSpec => ({
    name,
    doc,
    params,
    kind: "step",
    statements,
  });
  return [
    step("etl.usp_Load_Dim_Currency", "Type 1 currency dimension.", type1Currency(d)),
    step("etl.usp_Load_Dim_Geography", "Type 1 geography dimension (countries).", type1Geography(d)),
    step(
      "etl.usp_Load_Dim_Merchant",
      "SCD type 2 merchant dimension (version time = CDC commit time).",
      scd2(d, { dim: "Merchant", attributes: MERCHANT_ATTRIBUTES }),
    ),
    step(
      "etl.usp_Load_Dim_Customer",
      "SCD type 2 customer dimension (no personal data: merchant, country, erased flag).",
      scd2(d, {
        dim: "Customer",
        attributes: ["MerchantId", "CountryCode", "IsDeleted"],
        source: { IsDeleted: `CASE WHEN s.DeletedAt IS NULL THEN ${d.false} ELSE ${d.true} END` },
      }),
    ),
    step("etl.usp_Load_Dim_PaymentMethod", "Type 1 payment method dimension.", type1PaymentMethod(d)),
    step(
      "etl.usp_Load_Fact_Payment",
      "Payments upserted by PaymentId, refund/dispute state applied, late-arriving members re-keyed.",
      factPayment(d),
    ),
    step("etl.usp_Refresh_Aggregates", "agg.Payment_Daily_Currency recomputed for every day the run touched.", refreshAggregates(d)),
    step(
      "etl.usp_DQ_Check",
      "Data-quality checks of the run, recorded in etl.DQ_Result (the gate is in etl.usp_Load_Warehouse).",
      dqCheck(d),
      ["RunId", "ToLsnHex"],
    ),
    {
      name: LOAD_WAREHOUSE,
      doc:
        "Flow 2 in one transaction: the steps, then the gate. Commits only when every error-level check passed; " +
        "otherwise rolls back, records the rejected run in etl.Load_Run and fails (error 50200).",
      params: ["RunId", "ToLsnHex"],
      kind: "publish",
      statements: [],
      calls: FLOW2_STEPS,
    },
    {
      name: LOAD_API_PERFORMANCE,
      doc: "Flow 3: staged API requests into the fact, once per RequestId, then removed from staging.",
      params: ["RunId"],
      kind: "transaction",
      statements: loadApiPerformance(d),
    },
  ];
}

/** Materialized views (Synapse, Redshift) over the facts; PostgreSQL gets plain views. */
export interface ViewSpec {
  readonly name: string;
  readonly doc: string;
  /** Synapse distribution (and FOR_APPEND when the view uses MIN/MAX). */
  readonly synapse: string;
  readonly select: (d: Dialect) => string;
}

export const VIEWS: readonly ViewSpec[] = [
  {
    name: "agg.mv_Payment_Daily_Merchant",
    doc: "COUNT/SUM only: maintained through the fact's updates and deletes",
    synapse: "DISTRIBUTION = HASH(MerchantKey)",
    select: (d) =>
      lines(
        `SELECT f.DateKey, f.MerchantKey, f.CurrencyKey, f.EffectiveStatus, ${d.countBig} AS PaymentCount,`,
        "       SUM(f.AmountMinor) AS AmountMinor, SUM(f.AmountRefundedMinor) AS AmountRefundedMinor,",
        "       SUM(f.AmountDisputedMinor) AS AmountDisputedMinor, SUM(f.RefundCount) AS RefundCount",
        "FROM dw.Fact_Payment AS f",
        "GROUP BY f.DateKey, f.MerchantKey, f.CurrencyKey, f.EffectiveStatus",
      ),
  },
  {
    name: "agg.mv_API_Performance_5min",
    doc: "MAX needs FOR_APPEND on a dedicated pool; the fact is append-only (flow 3 never updates or deletes it)",
    synapse: "DISTRIBUTION = HASH(Bucket5MinUtc), FOR_APPEND",
    select: (d) =>
      lines(
        `SELECT f.Bucket5MinUtc, f.Endpoint, f.HttpMethod, f.MerchantKey, ${d.countBig} AS RequestCount,`,
        `       SUM(CASE WHEN f.IsError = ${d.true} THEN 1 ELSE 0 END) AS ErrorCount, SUM(CAST(f.LatencyMs AS bigint)) AS LatencyMsSum,`,
        "       MAX(f.LatencyMs) AS LatencyMsMax",
        "FROM dw.Fact_API_Performance AS f",
        "GROUP BY f.Bucket5MinUtc, f.Endpoint, f.HttpMethod, f.MerchantKey",
      ),
  },
];

/** Reference rows: the unknown members (-1), the digits and the calendar. */
export function seedStatements(d: Dialect): string[] {
  const T = d.true;
  const F = d.false;
  const unknown = (table: string, key: string, columns: string, values: string): string =>
    `INSERT INTO dw.${table} (${columns})\nSELECT ${values}\nWHERE NOT EXISTS (SELECT 1 FROM dw.${table} WHERE ${key} = -1)`;
  const digits = Array.from(
    { length: 10 },
    (_, i) => `INSERT INTO etl.Digits (Digit) SELECT ${i} WHERE NOT EXISTS (SELECT 1 FROM etl.Digits WHERE Digit = ${i})`,
  );
  const day = "c.FullDate";
  return [
    unknown(
      "Dim_Date",
      "DateKey",
      "DateKey, FullDate, Year, Quarter, Month, MonthName, DayOfMonth, DayOfWeekIso, DayName, IsoWeek, IsWeekend",
      `-1, NULL, 0, 0, 0, 'Unknown', 0, 0, 'Unknown', 0, ${F}`,
    ),
    unknown(
      "Dim_Currency",
      "CurrencyKey",
      "CurrencyKey, CurrencyCode, Name, MinorUnits, IsActive, LoadRunId, UpdatedAtUtc",
      `-1, 'XXX', 'Unknown', 2, ${F}, NULL, ${d.now}`,
    ),
    unknown(
      "Dim_Geography",
      "GeographyKey",
      "GeographyKey, CountryCode, CountryName, Region, IsEu, LoadRunId, UpdatedAtUtc",
      `-1, 'ZZ', 'Unknown', 'Unknown', ${F}, NULL, ${d.now}`,
    ),
    unknown(
      "Dim_Merchant",
      "MerchantKey",
      "MerchantKey, MerchantId, LegalName, DisplayName, ValidFromUtc, ValidToUtc, IsCurrent",
      `-1, -1, 'Unknown', 'Unknown', CAST('1900-01-01' AS ${d.type("ts")}), ${d.endOfTime}, ${T}`,
    ),
    unknown(
      "Dim_Customer",
      "CustomerKey",
      "CustomerKey, CustomerId, IsDeleted, ValidFromUtc, ValidToUtc, IsCurrent",
      `-1, -1, ${F}, CAST('1900-01-01' AS ${d.type("ts")}), ${d.endOfTime}, ${T}`,
    ),
    unknown(
      "Dim_PaymentMethod",
      "PaymentMethodKey",
      "PaymentMethodKey, PaymentMethodId, Type, UpdatedAtUtc",
      `-1, -1, 'unknown', ${d.now}`,
    ),
    ...digits,
    lines(
      "INSERT INTO dw.Dim_Date (DateKey, FullDate, Year, Quarter, Month, MonthName, DayOfMonth, DayOfWeekIso, DayName, IsoWeek, IsWeekend)",
      `SELECT ${d.dateKey(day)}, ${day}, ${d.datePart("year", day)}, ${d.datePart("quarter", day)}, ${d.datePart("month", day)},`,
      `       ${d.datePart("monthName", day)}, ${d.datePart("day", day)}, ${d.datePart("isoDow", day)}, ${d.datePart("dayName", day)},`,
      `       ${d.datePart("isoWeek", day)}, ${d.flag(`${d.datePart("isoDow", day)} >= 6`)}`,
      `FROM (SELECT ${d.addDays("2015-01-01", "a.Digit + 10 * b.Digit + 100 * e.Digit + 1000 * g.Digit")} AS FullDate`,
      "      FROM etl.Digits AS a CROSS JOIN etl.Digits AS b CROSS JOIN etl.Digits AS e CROSS JOIN etl.Digits AS g) AS c",
      `WHERE ${day} <= CAST('2040-12-31' AS date)`,
      `  AND NOT EXISTS (SELECT 1 FROM dw.Dim_Date AS x WHERE x.FullDate = ${day})`,
    ),
  ];
}

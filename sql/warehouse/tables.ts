/**
 * The tables of the warehouse (staging, star schema, aggregates, ETL state and work tables) as
 * typed data. ./render.ts turns them into Synapse, PostgreSQL and Redshift DDL; the load logic in
 * ./loads.ts refers to the same names.
 */
import { ColumnType } from "./dialect";

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

export interface TableSpec {
  readonly schema: "stg" | "dw" | "agg" | "etl";
  readonly name: string;
  /** Why the table exists (rendered as a comment). */
  readonly doc: string;
  readonly columns: readonly Column[];
  /** Synapse WITH (...) options. */
  readonly synapse: string;
  /** Redshift table attributes (DISTSTYLE / DISTKEY / SORTKEY). */
  readonly redshift: string;
}

const TYPE_TOKENS: Readonly<Record<string, ColumnType>> = {
  int: "int",
  bigint: "bigint",
  smallint: "smallint",
  bool: "bool",
  ts: "ts",
  ts0: "ts0",
  date: "date",
  money: "money",
  hash: "hash",
  lsn: "lsn",
  runid: "runid",
};

/** `"Name type [null]"`, type one of the logical types or char(n) / varchar(n) / text(n). */
function col(spec: string): Column {
  const [name, type, nullable] = spec.split(" ");
  const sized = /^(char|varchar|text)\((\d+)\)$/.exec(type ?? "");
  const t: ColumnType | undefined = sized
    ? sized[1] === "char"
      ? { char: Number(sized[2]) }
      : sized[1] === "varchar"
        ? { varchar: Number(sized[2]) }
        : { text: Number(sized[2]) }
    : TYPE_TOKENS[type ?? ""];
  if (!name || !t || (nullable !== undefined && nullable !== "null")) throw new Error(`warehouse model: bad column spec "${spec}"`);
  return { name, type: t, nullable: nullable === "null" };
}
const cols = (...specs: string[]): Column[] => specs.map(col);

/** CDC metadata of every staging table (NULL for full extracts). */
const CDC_COLUMNS = cols(
  "CdcStartLsn lsn null",
  "CdcOperation int null",
  "CdcCommitUtc ts null",
  "RunId runid null",
  "ExtractedAtUtc ts null",
);
const STAGING = "DISTRIBUTION = ROUND_ROBIN, HEAP";
const EVEN = "DISTSTYLE EVEN";

const stg = (name: string, doc: string, ...specs: string[]): TableSpec => ({
  schema: "stg",
  name,
  doc,
  columns: [...cols(...specs), ...CDC_COLUMNS],
  synapse: STAGING,
  redshift: EVEN,
});

/** Staging: one landing table per OLTP table, truncated and filled by each run's copy. */
export const STAGING_TABLES: readonly TableSpec[] = [
  stg("Country", "full extract", "CountryCode char(2)", "Name text(100)", "Region text(50)", "IsEu bool"),
  stg("Currency", "full extract", "CurrencyCode char(3)", "Name text(64)", "MinorUnits smallint", "IsActive bool"),
  stg(
    "Merchant",
    "CDC net changes",
    "MerchantId bigint",
    "PublicId varchar(32) null",
    "LegalName text(200) null",
    "DisplayName text(100) null",
    "CountryCode char(2) null",
    "DefaultCurrencyCode char(3) null",
    "Mcc char(4) null",
    "Status varchar(16) null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
  ),
  stg(
    "Customer",
    "CDC net changes",
    "CustomerId bigint",
    "MerchantId bigint null",
    "ExternalRef varchar(64) null",
    "CountryCode char(2) null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
    "DeletedAt ts null",
  ),
  stg(
    "PaymentMethod",
    "CDC net changes",
    "PaymentMethodId bigint",
    "CustomerId bigint null",
    "Type varchar(16) null",
    "VaultTokenRef varchar(64) null",
    "CardBrand varchar(16) null",
    "IssuerCountryCode char(2) null",
    "Status varchar(16) null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
  ),
  stg(
    "Payment",
    "CDC net changes",
    "PaymentId bigint",
    "MerchantId bigint null",
    "CustomerId bigint null",
    "PaymentMethodId bigint null",
    "IdempotencyKey varchar(64) null",
    "AmountMinor bigint null",
    "CurrencyCode char(3) null",
    "Status varchar(32) null",
    "CaptureMethod varchar(16) null",
    "Description text(500) null",
    "FailureCode varchar(64) null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
    "CapturedAt ts null",
  ),
  stg(
    "Refund",
    "CDC net changes",
    "RefundId bigint",
    "PaymentId bigint null",
    "IdempotencyKey varchar(64) null",
    "AmountMinor bigint null",
    "Reason varchar(32) null",
    "Status varchar(16) null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
  ),
  stg(
    "Dispute",
    "CDC net changes",
    "DisputeId bigint",
    "PaymentId bigint null",
    "AmountMinor bigint null",
    "Reason varchar(32) null",
    "Status varchar(32) null",
    "EvidenceDueBy ts null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
  ),
  stg(
    "Payout",
    "full extract",
    "PayoutId bigint",
    "MerchantId bigint null",
    "AmountMinor bigint null",
    "CurrencyCode char(3) null",
    "Status varchar(16) null",
    "ArrivalDate date null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
  ),
  {
    schema: "stg",
    name: "ApiLogs",
    doc: "flow 3: API request logs copied from the Cosmos DB api_logs container by Data Factory (one row per request, no payload, no IP address); removed once loaded",
    columns: cols(
      "RequestId varchar(64)",
      "MerchantId bigint null",
      "Endpoint varchar(128)",
      "HttpMethod varchar(8)",
      "StatusCode smallint",
      "LatencyMs int",
      "Region varchar(32) null",
      "EventTimeUtc ts",
      "IngestedAtUtc ts",
    ),
    synapse: STAGING,
    redshift: EVEN,
  },
];

/** Staging tables filled from CDC (the others are full extracts). */
export const CDC_STAGING = ["Merchant", "Customer", "PaymentMethod", "Payment", "Refund", "Dispute"] as const;

const REPLICATE = (index: string): string => `DISTRIBUTION = REPLICATE, ${index}`;

/** Monthly partition boundaries (yyyymm01) from `from` to `to` inclusive, e.g. 2024 .. 2029. */
export function monthlyBoundaries(fromYear: number, toYear: number): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y += 1) for (let m = 1; m <= 12; m += 1) out.push(y * 10000 + m * 100 + 1);
  return out;
}
/** Boundaries through December 2029: a yearly job adds the next year's boundaries (docs/runbook.md). */
export const FACT_PARTITIONS = monthlyBoundaries(2024, 2029);
const partitioned = (hashKey: string): string =>
  `DISTRIBUTION = HASH(${hashKey}), CLUSTERED COLUMNSTORE INDEX, PARTITION (DateKey RANGE RIGHT FOR VALUES (${FACT_PARTITIONS.join(", ")}))`;

/** The star schema: 6 dimensions (SCD2 on Merchant and Customer) and 2 facts. */
export const STAR_TABLES: readonly TableSpec[] = [
  {
    schema: "dw",
    name: "Dim_Date",
    doc: "calendar 2015-2040, DateKey yyyymmdd, -1 = unknown",
    columns: cols(
      "DateKey int",
      "FullDate date null",
      "Year smallint",
      "Quarter smallint",
      "Month smallint",
      "MonthName varchar(12)",
      "DayOfMonth smallint",
      "DayOfWeekIso smallint",
      "DayName varchar(12)",
      "IsoWeek smallint",
      "IsWeekend bool",
    ),
    synapse: REPLICATE("CLUSTERED INDEX (DateKey)"),
    redshift: "DISTSTYLE ALL SORTKEY (DateKey)",
  },
  {
    schema: "dw",
    name: "Dim_Currency",
    doc: "type 1",
    columns: cols(
      "CurrencyKey int",
      "CurrencyCode char(3)",
      "Name text(64)",
      "MinorUnits smallint",
      "IsActive bool",
      "LoadRunId runid null",
      "UpdatedAtUtc ts",
    ),
    synapse: REPLICATE("CLUSTERED INDEX (CurrencyKey)"),
    redshift: "DISTSTYLE ALL SORTKEY (CurrencyCode)",
  },
  {
    schema: "dw",
    name: "Dim_Geography",
    doc: "type 1; a deleted country keeps its row (facts reference it)",
    columns: cols(
      "GeographyKey int",
      "CountryCode char(2)",
      "CountryName text(100)",
      "Region text(50)",
      "IsEu bool",
      "LoadRunId runid null",
      "UpdatedAtUtc ts",
    ),
    synapse: REPLICATE("CLUSTERED INDEX (GeographyKey)"),
    redshift: "DISTSTYLE ALL SORTKEY (CountryCode)",
  },
  {
    schema: "dw",
    name: "Dim_Merchant",
    doc: "SCD type 2: a version is valid in [ValidFromUtc, ValidToUtc), versions of one merchant are contiguous",
    columns: cols(
      "MerchantKey int",
      "MerchantId bigint",
      "PublicId varchar(32) null",
      "LegalName text(200) null",
      "DisplayName text(100) null",
      "CountryCode char(2) null",
      "DefaultCurrencyCode char(3) null",
      "Mcc char(4) null",
      "Status varchar(16) null",
      "ValidFromUtc ts",
      "ValidToUtc ts",
      "IsCurrent bool",
      "RowHash hash null",
      "LoadRunId runid null",
    ),
    synapse: REPLICATE("CLUSTERED COLUMNSTORE INDEX"),
    redshift: "DISTSTYLE ALL SORTKEY (MerchantId, ValidFromUtc)",
  },
  {
    schema: "dw",
    name: "Dim_Customer",
    doc: "SCD type 2 like Dim_Merchant; the largest dimension (switch to HASH(CustomerKey) above ~2 GB compressed)",
    columns: cols(
      "CustomerKey int",
      "CustomerId bigint",
      "MerchantId bigint null",
      "CountryCode char(2) null",
      "CreatedAtUtc ts null",
      "IsDeleted bool",
      "ValidFromUtc ts",
      "ValidToUtc ts",
      "IsCurrent bool",
      "RowHash hash null",
      "LoadRunId runid null",
    ),
    synapse: REPLICATE("CLUSTERED COLUMNSTORE INDEX"),
    redshift: "DISTSTYLE AUTO SORTKEY (CustomerId, ValidFromUtc)",
  },
  {
    schema: "dw",
    name: "Dim_PaymentMethod",
    doc: "type 1; a deleted method is kept with Status 'detached'",
    columns: cols(
      "PaymentMethodKey int",
      "PaymentMethodId bigint",
      "CustomerId bigint null",
      "Type varchar(16) null",
      "CardBrand varchar(16) null",
      "IssuerCountryCode char(2) null",
      "Status varchar(16) null",
      "CreatedAtUtc ts null",
      "LoadRunId runid null",
      "UpdatedAtUtc ts",
    ),
    synapse: REPLICATE("CLUSTERED COLUMNSTORE INDEX"),
    redshift: "DISTSTYLE ALL SORTKEY (PaymentMethodId)",
  },
  {
    schema: "dw",
    name: "Fact_Payment",
    doc:
      "one row per payment. HASH(PaymentId): highest cardinality, no skew (HASH(MerchantKey) would skew on a large merchant), " +
      "the upsert by PaymentId stays distribution-local. The natural keys (MerchantId, CustomerId, PaymentMethodId, CurrencyCode) " +
      "are kept so that a row loaded on the unknown member (-1) is re-keyed when the member arrives",
    columns: cols(
      "PaymentId bigint",
      "DateKey int",
      "MerchantKey int",
      "CustomerKey int",
      "PaymentMethodKey int",
      "CurrencyKey int",
      "GeographyKey int",
      "MerchantId bigint null",
      "CustomerId bigint null",
      "PaymentMethodId bigint null",
      "CurrencyCode char(3) null",
      "Status varchar(32)",
      "EffectiveStatus varchar(32)",
      "CaptureMethod varchar(16) null",
      "AmountMinor bigint",
      "Amount money",
      "AmountRefundedMinor bigint",
      "AmountRefunded money",
      "RefundCount int",
      "IsDisputed bool",
      "DisputeStatus varchar(32) null",
      "AmountDisputedMinor bigint",
      "CreatedAtUtc ts",
      "CapturedAtUtc ts null",
      "SourceUpdatedAtUtc ts null",
      "CdcStartLsn lsn null",
      "LoadRunId runid",
      "UpdatedRunId runid null",
      "LoadedAtUtc ts",
    ),
    synapse: partitioned("PaymentId"),
    redshift: "DISTKEY (PaymentId) COMPOUND SORTKEY (DateKey, MerchantKey)",
  },
  {
    schema: "dw",
    name: "Fact_API_Performance",
    doc: "flow 3, one row per API request, append only",
    columns: cols(
      "RequestId varchar(64)",
      "DateKey int",
      "MerchantKey int",
      "MerchantId bigint null",
      "Bucket5MinUtc ts0",
      "Endpoint varchar(128)",
      "HttpMethod varchar(8)",
      "StatusCode smallint",
      "IsError bool",
      "LatencyMs int",
      "Region varchar(32) null",
      "EventTimeUtc ts",
      "LoadRunId runid",
      "LoadedAtUtc ts",
    ),
    synapse: partitioned("RequestId"),
    redshift: "DISTKEY (RequestId) COMPOUND SORTKEY (DateKey, Bucket5MinUtc)",
  },
];

/** Aggregate tables (the materialized views are in ./loads.ts, they are queries). */
export const AGG_TABLES: readonly TableSpec[] = [
  {
    schema: "agg",
    name: "Payment_Daily_Currency",
    doc: "daily totals by currency with refunds and disputes, recomputed for every day a run touched (deleted payments' days included)",
    columns: cols(
      "DateKey int",
      "CurrencyKey int",
      "PaymentCount bigint",
      "SucceededCount bigint",
      "FailedCount bigint",
      "AmountMinor bigint",
      "Amount money",
      "AmountRefunded money",
      "DisputedCount bigint",
      "RefreshRunId runid",
      "RefreshedAtUtc ts",
    ),
    synapse: REPLICATE("CLUSTERED INDEX (DateKey, CurrencyKey)"),
    redshift: "DISTSTYLE ALL SORTKEY (DateKey)",
  },
];

const etl = (name: string, doc: string, synapse: string, redshift: string, ...specs: string[]): TableSpec => ({
  schema: "etl",
  name,
  doc,
  columns: cols(...specs),
  synapse,
  redshift,
});
const WORK = "DISTRIBUTION = ROUND_ROBIN, HEAP";
const HASH_PAYMENT = "DISTRIBUTION = HASH(PaymentId), HEAP";

/**
 * ETL state and work tables. Work tables replace temp tables: a dedicated pool allows no DDL (CTAS
 * included) inside a transaction, and the whole flow 2 load runs in one (see usp_Load_Warehouse).
 * They hold one run's rows; pipelines run with concurrency 1.
 */
export const ETL_TABLES: readonly TableSpec[] = [
  etl(
    "Load_Run",
    "one row per flow 2 run: published (the gate passed and the load committed) or rejected; the highest published ToLsn is the warehouse-side watermark",
    "DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX (RunId)",
    EVEN,
    "RunId runid",
    "ToLsn lsn",
    "Status varchar(16)",
    "FailedChecks int",
    "FirstFailure varchar(400) null",
    "FinishedAtUtc ts",
  ),
  etl(
    "DQ_Result",
    "one row per check of a published run (a rejected run's checks are rolled back with it; Load_Run keeps the count and the first failure)",
    "DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX (RunId)",
    EVEN,
    "RunId runid",
    "CheckName varchar(64)",
    "TableName varchar(128)",
    "Severity varchar(8)",
    "Violations bigint",
    "Passed bool",
    "CheckedAtUtc ts",
  ),
  etl(
    "Refund_State",
    "current state of every refund (CDC gives deltas, the fact needs totals)",
    "DISTRIBUTION = HASH(PaymentId), CLUSTERED COLUMNSTORE INDEX",
    "DISTKEY (PaymentId)",
    "RefundId bigint",
    "PaymentId bigint",
    "AmountMinor bigint",
    "Status varchar(16)",
    "UpdatedAtUtc ts null",
    "LoadRunId runid",
  ),
  etl(
    "Dispute_State",
    "current state of every dispute",
    "DISTRIBUTION = HASH(PaymentId), CLUSTERED COLUMNSTORE INDEX",
    "DISTKEY (PaymentId)",
    "DisputeId bigint",
    "PaymentId bigint",
    "AmountMinor bigint",
    "Status varchar(32)",
    "CreatedAtUtc ts null",
    "LoadRunId runid",
  ),
  etl(
    "Digits",
    "0-9, source of the calendar's day numbers (no recursive CTE or generate_series on every engine)",
    WORK,
    "DISTSTYLE ALL",
    "Digit int",
  ),
  etl(
    "Work_Currency",
    "latest staged row per currency",
    WORK,
    EVEN,
    "CurrencyCode char(3)",
    "Name text(64)",
    "MinorUnits smallint",
    "IsActive bool",
  ),
  etl("Work_Country", "latest staged row per country", WORK, EVEN, "CountryCode char(2)", "Name text(100)", "Region text(50)", "IsEu bool"),
  etl(
    "Work_Merchant",
    "latest staged change per merchant, with its version time",
    WORK,
    EVEN,
    "MerchantId bigint",
    "PublicId varchar(32) null",
    "LegalName text(200) null",
    "DisplayName text(100) null",
    "CountryCode char(2) null",
    "DefaultCurrencyCode char(3) null",
    "Mcc char(4) null",
    "Status varchar(16) null",
    "CreatedAt ts null",
    "CdcOperation int",
    "ChangeAtUtc ts",
    "RowHash hash",
  ),
  etl(
    "Work_Customer",
    "latest staged change per customer, with its version time",
    WORK,
    EVEN,
    "CustomerId bigint",
    "MerchantId bigint null",
    "CountryCode char(2) null",
    "CreatedAt ts null",
    "IsDeleted bool",
    "CdcOperation int",
    "ChangeAtUtc ts",
    "RowHash hash",
  ),
  etl(
    "Work_PaymentMethod",
    "latest staged change per payment method",
    WORK,
    EVEN,
    "PaymentMethodId bigint",
    "CustomerId bigint null",
    "Type varchar(16) null",
    "CardBrand varchar(16) null",
    "IssuerCountryCode char(2) null",
    "Status varchar(16) null",
    "CreatedAt ts null",
  ),
  etl(
    "Work_Payment",
    "latest staged change per payment",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "PaymentId bigint",
    "MerchantId bigint null",
    "CustomerId bigint null",
    "PaymentMethodId bigint null",
    "AmountMinor bigint null",
    "CurrencyCode char(3) null",
    "Status varchar(32) null",
    "CaptureMethod varchar(16) null",
    "CreatedAt ts null",
    "UpdatedAt ts null",
    "CapturedAt ts null",
    "CdcStartLsn lsn null",
    "CdcOperation int",
  ),
  etl(
    "Work_Refund",
    "latest staged change per refund",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "RefundId bigint",
    "PaymentId bigint null",
    "AmountMinor bigint null",
    "Status varchar(16) null",
    "UpdatedAt ts null",
    "CdcOperation int",
  ),
  etl(
    "Work_Dispute",
    "latest staged change per dispute",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "DisputeId bigint",
    "PaymentId bigint null",
    "AmountMinor bigint null",
    "Status varchar(32) null",
    "CreatedAt ts null",
    "CdcOperation int",
  ),
  etl("Work_Affected", "payments whose fact row changes in this run", HASH_PAYMENT, "DISTKEY (PaymentId)", "PaymentId bigint"),
  etl("Work_Days", "days whose aggregates this run recomputes (before and after the run)", WORK, EVEN, "DateKey int"),
  etl(
    "Work_RefundAgg",
    "refund totals of the affected payments",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "PaymentId bigint",
    "AmountRefundedMinor bigint",
    "RefundCount int",
  ),
  etl(
    "Work_DisputeAgg",
    "dispute totals and latest status of the affected payments",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "PaymentId bigint",
    "AmountDisputedMinor bigint",
    "DisputeStatus varchar(32) null",
  ),
  etl(
    "Work_Adjust",
    "new refund/dispute figures of payments not in this run's payment changes",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "PaymentId bigint",
    "EffectiveStatus varchar(32)",
    "AmountRefundedMinor bigint",
    "AmountRefunded money",
    "RefundCount int",
    "IsDisputed bool",
    "DisputeStatus varchar(32) null",
    "AmountDisputedMinor bigint",
  ),
  etl(
    "Work_Rekey",
    "fact rows on an unknown member (-1) whose member has arrived, with their new keys",
    HASH_PAYMENT,
    "DISTKEY (PaymentId)",
    "PaymentId bigint",
    "MerchantKey int",
    "CustomerKey int",
    "PaymentMethodKey int",
    "CurrencyKey int",
    "GeographyKey int",
    "Amount money",
    "AmountRefunded money",
  ),
  etl(
    "Work_ApiBatch",
    "flow 3: the staged requests one run loads",
    "DISTRIBUTION = HASH(RequestId), HEAP",
    "DISTKEY (RequestId)",
    "RequestId varchar(64)",
    "MerchantId bigint null",
    "Endpoint varchar(128)",
    "HttpMethod varchar(8)",
    "StatusCode smallint",
    "LatencyMs int",
    "Region varchar(32) null",
    "EventTimeUtc ts",
    "IngestedAtUtc ts",
  ),
];

export const ALL_TABLES: readonly TableSpec[] = [...STAGING_TABLES, ...STAR_TABLES, ...AGG_TABLES, ...ETL_TABLES];

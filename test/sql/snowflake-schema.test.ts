import { SNOWFLAKE_SCHEMAS } from "../../constructs/aws/snowflake-warehouse";
import { listTables } from "./sql-catalog";

/** The same star schema on every warehouse: Synapse (Azure), Redshift and Snowflake (AWS). */
describe("sql/snowflake keeps the star schema of Synapse and Redshift", () => {
  const norm = (n: string) => n.toLowerCase().replace(/_/g, "");
  const snowflake = listTables("sql/snowflake").filter((t) => t.schema === "star");
  const redshift = listTables("sql/redshift").filter((t) => t.schema === "dw");
  const synapse = listTables("sql/synapse").filter((t) => t.schema === "dw");

  test("the two facts and six dimensions the brief's star schema has", () => {
    expect(snowflake.map((t) => t.name).sort()).toEqual([
      "dim_currency",
      "dim_customer",
      "dim_date",
      "dim_geography",
      "dim_merchant",
      "dim_payment_method",
      "fact_api_performance",
      "fact_payment",
    ]);
  });

  test("same tables as Synapse and Redshift", () => {
    expect(snowflake.map((t) => norm(t.name)).sort()).toEqual(synapse.map((t) => norm(t.name)).sort());
    expect(snowflake.map((t) => t.name).sort()).toEqual(redshift.map((t) => t.name).sort());
  });

  test.each(["fact_payment", "fact_api_performance", "dim_merchant", "dim_customer", "dim_date"])(
    "%s: same columns, primary key and foreign keys as Redshift; same columns as Synapse",
    (name) => {
      const sf = snowflake.find((t) => t.name === name)!;
      const rs = redshift.find((t) => t.name === name)!;
      const syn = synapse.find((t) => norm(t.name) === norm(name))!;
      expect(sf.columns.map((c) => c.toLowerCase())).toEqual(rs.columns.map((c) => c.toLowerCase()));
      expect(sf.primaryKey).toEqual(rs.primaryKey);
      const fks = (t: typeof sf) => t.foreignKeys.map((f) => `${f.columns.join(",")}->${f.refTable}(${f.refColumns.join(",")})`).sort();
      expect(fks(sf)).toEqual(fks(rs));
      expect(fks(sf)).toHaveLength({ fact_payment: 6, fact_api_performance: 2 }[name] ?? 0);
      expect(sf.columns.map(norm).sort()).toEqual(
        syn.columns
          .map(norm)
          .map((c) => (c === "cdcstartlsn" ? "sourcelsn" : c))
          .sort(),
      );
    },
  );

  test("facts cluster on date_key first; no Redshift-only options", () => {
    for (const t of snowflake) {
      expect(t.options).not.toMatch(/DISTSTYLE|DISTKEY|SORTKEY/);
      if (t.name.startsWith("fact_")) expect(t.options).toMatch(/CLUSTER BY \(date_key,/);
    }
  });

  test("the DDL targets the ANALYTICS.STAR schema the Snowflake construct creates", () => {
    expect(SNOWFLAKE_SCHEMAS.ANALYTICS).toEqual(["STAR"]);
  });
});

import { readFileSync } from "fs";
import * as path from "path";
import { SNOWFLAKE_SCHEMAS } from "../../constructs/aws/snowflake-warehouse";
import { SNOWFLAKE_OUTPUT_DIRECTORY, renderSnowflakeStar } from "../../sql/warehouse/snowflake";
import { listTables } from "./sql-catalog";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * The same star schema on every warehouse: sql/snowflake is rendered from the model that generates
 * sql/synapse and sql/redshift (sql/warehouse/), and the committed files agree with each other.
 */
describe("sql/snowflake keeps the star schema of Synapse and Redshift", () => {
  const norm = (n: string) => n.toLowerCase().replace(/_/g, "");
  const snowflake = listTables("sql/snowflake").filter((t) => t.schema === "star");
  const redshift = listTables("sql/redshift").filter((t) => t.schema === "dw");
  const synapse = listTables("sql/synapse").filter((t) => t.schema === "dw");

  test("the committed file equals the model's rendering (run `npm run sql:generate`)", () => {
    for (const f of renderSnowflakeStar())
      expect(readFileSync(path.join(REPO_ROOT, SNOWFLAKE_OUTPUT_DIRECTORY, f.file), "utf8")).toEqual(f.text);
  });

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

  test.each(["fact_payment", "fact_api_performance", "dim_merchant", "dim_customer", "dim_date", "dim_payment_method"])(
    "%s: same columns in the same order as Redshift and Synapse",
    (name) => {
      const sf = snowflake.find((t) => t.name === name)!;
      const rs = redshift.find((t) => t.name === name)!;
      const syn = synapse.find((t) => norm(t.name) === norm(name))!;
      expect(sf.columns.map((c) => c.toLowerCase())).toEqual(rs.columns.map((c) => c.toLowerCase()));
      expect(sf.columns.map(norm)).toEqual(syn.columns.map(norm));
    },
  );

  test("the keys the brief's facts join on", () => {
    const payment = snowflake.find((t) => t.name === "fact_payment")!;
    for (const key of ["payment_id", "date_key", "merchant_key", "customer_key", "payment_method_key", "currency_key", "geography_key"])
      expect(payment.columns).toContain(key);
  });

  test("facts cluster on date_key first (the Redshift sort key); no Redshift-only options", () => {
    for (const t of snowflake) expect(t.options).not.toMatch(/DISTSTYLE|DISTKEY|SORTKEY/);
    const facts = snowflake.filter((t) => t.name.startsWith("fact_"));
    expect(facts.length).toBeGreaterThan(0);
    for (const t of facts) expect(t.options).toMatch(/CLUSTER BY \(date_key,/);
    expect(snowflake.find((t) => t.name === "fact_payment")!.options).toMatch(/CLUSTER BY \(date_key, merchant_key\)/);
  });

  test("the DDL targets the ANALYTICS.STAR schema the Snowflake construct creates", () => {
    expect(SNOWFLAKE_SCHEMAS.ANALYTICS).toEqual(["STAR"]);
  });
});

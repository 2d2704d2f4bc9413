import { readFileSync } from "node:fs";
import { join } from "node:path";

/** docs/diagrams/aws-dev.md is kept equal to the generated diagram by staleness.test.ts; here: what it must show. */
describe("aws-dev diagram draws the brief's engines", () => {
  const md = readFileSync(join(__dirname, "../../docs/diagrams/aws-dev.md"), "utf8");
  const edge = (from: RegExp, label: string, to: RegExp) =>
    md.split("\n").some((l) => from.test(l.split("==>")[0] ?? "") && l.includes(`|"${label}"|`) && to.test(l.split("|").pop() ?? ""));

  test("Snowflake in the analytical layer, fed by Snowpipe from the curated zone", () => {
    expect(md).toMatch(/Snowflake database \(OLAP\)<br\/>ANALYTICS/);
    expect(edge(/s3_bucket_curated_zone/, "read", /snowflake_pipe/)).toBe(true);
    expect(edge(/snowflake_pipe/, "write", /snowflake_database_olap_snowflake_db_raw/)).toBe(true);
    expect(edge(/msk_cluster/, "consume", /cdc_snowflake_connector/)).toBe(true);
  });

  test("Atlas in the operational layer, written by the MongoDB sink from Kafka", () => {
    expect(md).toMatch(/MongoDB Atlas \(NoSQL\)<br\/>pay-dev-euw1-nosql<br\/>PITR<br\/>encryption: AWS/);
    expect(edge(/msk_cluster/, "read", /cdc_atlas_connector/)).toBe(true);
    expect(edge(/cdc_atlas_connector/, "write", /mongodbatlas_advanced_cluster/)).toBe(true);
    expect(md).not.toMatch(/Unclassified/);
  });
});

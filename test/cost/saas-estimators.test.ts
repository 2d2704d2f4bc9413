import { AWS_PROVIDER, estimate, line, res, tf } from "./fixtures";

describe("Snowflake and MongoDB Atlas estimators", () => {
  test("Snowflake warehouse: credits/hour of the size x running hours x the edition's credit price", () => {
    // GIVEN a Business Critical XSMALL and an Enterprise LARGE warehouse
    const json = tf(
      {
        "snowflake_warehouse.a": { warehouse_size: "XSMALL", comment: "loading workload (business-critical edition)" },
        "snowflake_warehouse.b": { warehouse_size: "LARGE", comment: "bi workload (enterprise edition)" },
        "snowflake_warehouse.c": { warehouse_size: "SMALL", comment: "no edition" },
      },
      AWS_PROVIDER,
    );
    // WHEN they run 90 and 10 hours a month
    const s = estimate(json, {
      resources: { "snowflake_warehouse.a": { runningHoursPerMonth: 90 }, "snowflake_warehouse.b": { runningHoursPerMonth: 10 } },
    });
    // THEN 1 credit x 90 h x $4 and 8 credits x 10 h x $3 (us-east-1 list, a reference region for eu-west-1)
    expect(line(res(s, "snowflake_warehouse.a"), /Credits/)).toMatchObject({
      monthlyQuantity: 90,
      monthlyCost: 360,
      referenceRegion: true,
    });
    expect(line(res(s, "snowflake_warehouse.b"), /Credits/)).toMatchObject({ monthlyQuantity: 80, monthlyCost: 240 });
    // AND without an edition the credits are reported, not priced
    expect(res(s, "snowflake_warehouse.c")).toMatchObject({ status: "not-priced" });
  });

  test("Atlas: tier price per 3-node replica set, extra-region nodes pro rata; M30 has no cited price", () => {
    const cluster = (tier: string, second?: number) => ({
      replication_specs: [
        {
          region_configs: [
            { region_name: "EU_WEST_1", electable_specs: { instance_size: tier, node_count: 3 } },
            ...(second ? [{ region_name: "EU_CENTRAL_1", electable_specs: { instance_size: tier, node_count: second } }] : []),
          ],
        },
      ],
    });
    const json = tf(
      {
        "mongodbatlas_advanced_cluster.m10": cluster("M10"),
        "mongodbatlas_advanced_cluster.m20": cluster("M20", 2),
        "mongodbatlas_advanced_cluster.m30": cluster("M30"),
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, { resources: {} });
    expect(line(res(s, "mongodbatlas_advanced_cluster.m10"), /M10 x 3/).monthlyCost).toBe(58.4); // 0.08 x 730
    expect(line(res(s, "mongodbatlas_advanced_cluster.m20"), /M20 x 3/).monthlyCost).toBe(167.9); // 0.23 x 730
    expect(line(res(s, "mongodbatlas_advanced_cluster.m20"), /M20 x 2/).monthlyCost).toBe(111.93); // 0.23 x 730 x 2/3
    expect(line(res(s, "mongodbatlas_advanced_cluster.m30"), /M30 x 3/)).toMatchObject({ monthlyCost: null, monthlyQuantity: 730 });
    expect(line(res(s, "mongodbatlas_advanced_cluster.m10"), /backup/)).toMatchObject({ monthlyQuantity: 50, monthlyCost: null });
  });

  test("configuration objects are free with a reason; storage, Snowpipe and replication are named as not priced", () => {
    const json = tf(
      {
        "snowflake_grant_privileges_to_account_role.g": {},
        "mongodbatlas_custom_db_role.r": {},
        "snowflake_database.d": {},
        "snowflake_pipe.p": {},
      },
      AWS_PROVIDER,
    );
    const s = estimate(json, { resources: {} });
    expect(res(s, "snowflake_grant_privileges_to_account_role.g").status).toBe("free");
    expect(res(s, "mongodbatlas_custom_db_role.r").status).toBe("free");
    expect(res(s, "snowflake_database.d")).toMatchObject({ status: "not-priced" });
    expect(res(s, "snowflake_pipe.p")).toMatchObject({ status: "not-priced" });
  });
});

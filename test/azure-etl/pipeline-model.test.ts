import { buildApiLogsPipeline } from "../../constructs/azure/adf-pipelines/etl-api-logs";
import { buildOltpToOlapPipeline, loadPaths } from "../../constructs/azure/adf-pipelines/etl-oltp-to-olap";
import { DATASETS, LINKED_SERVICES } from "../../constructs/azure/adf-pipelines/catalog";
import { Activity, FactoryCatalog, PipelineSpec, renderActivity, validatePipeline } from "../../constructs/azure/adf-pipelines/model";

const catalog: FactoryCatalog = {
  linkedServices: new Set(Object.values(LINKED_SERVICES)),
  datasets: new Map(Object.values(DATASETS).map((d) => [d.name, { linkedService: d.linkedService, parameters: d.parameters }])),
};
const fail: Activity = { name: "Stop", type: "Fail", message: "x", errorCode: "E" };
const pipeline = (activities: Activity[]): PipelineSpec => ({ name: "p_test", description: "t", concurrency: 1, activities });

describe("pipeline model validator", () => {
  test("accepts both real pipelines", () => {
    expect(() =>
      validatePipeline(
        buildOltpToOlapPipeline({ cdcTables: ["Payment", "Customer", "Merchant", "PaymentMethod", "Refund", "Dispute"] }),
        catalog,
      ),
    ).not.toThrow();
    expect(() => validatePipeline(buildApiLogsPipeline({ stagingPath: "raw/staging/api_logs" }), catalog)).not.toThrow();
  });

  test.each<[string, Activity[], RegExp]>([
    ["duplicate names", [fail, { ...fail }], /used twice/],
    [
      "unknown dependency",
      [{ ...fail, dependsOn: [{ activity: "Nope", conditions: ["Succeeded"] }] }],
      /depends on "Nope", which does not exist/,
    ],
    [
      "cycle",
      [
        { ...fail, name: "A", dependsOn: [{ activity: "B", conditions: ["Succeeded"] }] },
        { ...fail, name: "B", dependsOn: [{ activity: "A", conditions: ["Succeeded"] }] },
      ],
      /dependency cycle/,
    ],
    [
      "output read from a non-upstream activity",
      [
        {
          name: "L",
          type: "Lookup",
          dataset: { dataset: DATASETS.oltpQuery.name },
          source: { type: "AzureSqlSource", query: "SELECT 1", reads: [] },
          firstRowOnly: true,
        },
        {
          name: "S",
          type: "SqlServerStoredProcedure",
          linkedService: LINKED_SERVICES.oltp,
          call: {
            procedure: { database: "oltp", kind: "procedure", name: "etl.x" },
            parameters: { A: { value: "@activity('L').output.firstRow.X", type: "String" } },
          },
        },
      ],
      /reads the output of "L", which is not upstream/,
    ],
    [
      "unknown linked service",
      [
        {
          name: "S",
          type: "SqlServerStoredProcedure",
          linkedService: "ls_missing",
          call: { procedure: { database: "oltp", kind: "procedure", name: "etl.x" } },
        },
      ],
      /linked service "ls_missing"/,
    ],
    [
      "unknown dataset",
      [
        {
          name: "L",
          type: "Lookup",
          dataset: { dataset: "ds_missing" },
          source: { type: "AzureSqlSource", query: "SELECT 1", reads: [] },
          firstRowOnly: true,
        },
      ],
      /dataset "ds_missing", which the factory does not define/,
    ],
    [
      "missing dataset parameter",
      [
        {
          name: "C",
          type: "Copy",
          input: { dataset: DATASETS.lakeParquet.name, parameters: { folder: "a" } },
          output: { dataset: DATASETS.lakeParquet.name, parameters: { folder: "a", file: "b" } },
          source: { type: "ParquetSource" },
          sink: { type: "ParquetSink" },
        },
      ],
      /leaves parameter "file"/,
    ],
    ["name too long", [{ ...fail, name: "x".repeat(56) }], /1-55/],
  ])("rejects %s", (_label, activities, message) => {
    expect(() => validatePipeline(pipeline(activities), catalog)).toThrow(message);
  });

  test("renders expressions as ADF Expression objects and dependencies with their conditions", () => {
    // GIVEN a Fail activity after another
    const rendered = renderActivity({
      ...fail,
      dependsOn: [{ activity: "A", conditions: ["Failed", "Skipped"] }],
      message: { expression: "@concat('a')" },
    });
    // THEN
    expect(rendered).toMatchObject({
      type: "Fail",
      dependsOn: [{ activity: "A", dependencyConditions: ["Failed", "Skipped"] }],
      typeProperties: { message: { value: "@concat('a')", type: "Expression" } },
    });
  });

  test("a table read by a load procedure without a load path is refused with the fix", () => {
    expect(loadPaths([]).has("Payment")).toBe(false);
    expect(() => buildOltpToOlapPipeline({ cdcTables: [] })).toThrow(
      /reads stg\.(Merchant|Customer|PaymentMethod|Payment).*Add it to the environment's cdc.tables/,
    );
  });
});

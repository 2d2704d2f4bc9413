import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs, run } from "../../cost/cli";
import { PriceBook } from "../../cost/pricebook";
import { compareReports, formatSideBySide, formatStack } from "../../cost/report";
import { CostReport, PriceBookFile } from "../../cost/types";
import { AZ_PROVIDER, azureProdLike, estimate, prices, res, tf } from "./fixtures";

function writeOut(stacks: Record<string, object>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cost-"));
  for (const [name, json] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, "stacks", name), { recursive: true });
    fs.writeFileSync(path.join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(json));
  }
  return dir;
}

const small = tf({ "azurerm_firewall.fw": { location: "westeurope", sku_tier: "Standard" } }, AZ_PROVIDER);
const quiet = () => undefined;
const emptyUsage = fs.mkdtempSync(path.join(os.tmpdir(), "cost-usage-"));

describe("price book", () => {
  test("every entry has a source, a date and a unit", () => {
    for (const e of prices.entries()) {
      expect(e.source.length).toBeGreaterThan(10);
      expect(e.date).toMatch(/^\d{4}-\d{2}/);
      expect(e.unit).not.toBe("");
    }
  });

  test("own region first, then Global, then reference regions (marked)", () => {
    expect(prices.find("azure", "synapse", "dwu-100c", "westeurope")).toMatchObject({ reference: false, region: "westeurope" });
    expect(prices.find("azure", "sql-database", "license/bc", "northeurope")).toMatchObject({ reference: false, region: "Global" });
    expect(prices.find("azure", "sql-database", "compute/bc/gen5", "West Europe")).toMatchObject({ reference: true, region: "eastus" });
    expect(prices.find("aws", "msk", "broker/kafka.m7g.large", "eu-west-1")).toMatchObject({ reference: true, region: "us-east-1" });
    expect(prices.find("aws", "docdb", "instance/db.r6g.large", "eu-west-1")).toBeUndefined();
  });

  test("a meter the price book records as missing says why on its not-priced line", () => {
    const json = tf(
      {
        "aws_docdb_cluster.c": {},
        "aws_docdb_cluster_instance.i": { cluster_identifier: "${aws_docdb_cluster.c.id}", instance_class: "db.r6g.large" },
      },
      { aws: [{ region: "eu-west-1" }] },
    );
    const s = estimate(json);
    expect(s.unpricedLines).toEqual([
      {
        address: "aws_docdb_cluster_instance.i",
        type: "aws_docdb_cluster_instance",
        line: "Database instance (on-demand, db.r6g.large)",
        reason: expect.stringMatching(/^no price for docdb\/instance\/db\.r6g\.large in eu-west-1 .*AmazonDocDB/),
      },
    ]);
  });

  test("rejects entries without provenance and duplicates", () => {
    const base: PriceBookFile = { cloud: "aws", version: "t", currency: "USD", hoursPerMonth: 730, referenceRegions: {}, entries: [] };
    const e = { service: "s", meter: "m", region: "us-east-1", unit: "hour", usd: 1, source: "somewhere", date: "2024-07" };
    expect(() => new PriceBook([{ ...base, entries: [{ ...e, source: "" }] }])).toThrow(/source and a date/);
    expect(() => new PriceBook([{ ...base, entries: [e, e] }])).toThrow(/duplicate/);
    expect(() => new PriceBook([{ ...base, hoursPerMonth: 720 }])).toThrow(/730/);
  });
});

describe("discounts (reserved capacity / savings plans)", () => {
  test("apply to the matching resource types and component kinds only, keeping the list price", () => {
    const s = estimate(azureProdLike(), {
      discounts: [
        { label: "SQL reserved 3y", percent: 30, resourceTypes: ["azurerm_mssql_database"], componentKinds: ["compute"] },
        { label: "Cosmos reserved", percent: 20, resourceTypes: ["azurerm_cosmosdb_*"], componentKinds: ["throughput"] },
      ],
    });
    const db = res(s, "azurerm_mssql_database.db");
    const compute = db.components.find((c) => c.kind === "compute")!;
    expect(compute).toMatchObject({ listMonthlyCost: 1777.93, monthlyCost: 1244.55, discount: { percent: 30 } });
    expect(db.components.find((c) => c.kind === "license")!.discount).toBeUndefined();
    // Cosmos list: 2 regions x 1,100 x $8.76 (autoscale, no AZ premium) = $19,272; 20% off.
    expect(res(s, "azurerm_cosmosdb_sql_database.db").monthlyCost).toBe(2 * 1100 * 8.76 * 0.8);
    expect(s.listMonthlyCost - s.totalMonthlyCost).toBeCloseTo(2 * 533.38 + 2 * 1100 * 8.76 * 0.2, 0);
    expect(formatStack(s)).toMatch(/discounts -\$/);
  });
});

describe("budget gate", () => {
  test("stack over its budget is flagged; --fail-over-budget exits 2, without it 0", () => {
    const out = writeOut({ "azure-prod": small });
    const opts = { ...parseArgs([out, "--quiet", "--usage-dir", emptyUsage]) };
    expect(run(opts, { "azure-prod": 100 }, quiet).exitCode).toBe(0);
    const gated = run({ ...opts, failOverBudget: true }, { "azure-prod": 100 }, quiet);
    expect(gated.exitCode).toBe(2);
    expect(gated.report.stacks[0]).toMatchObject({ budgetUsd: 100, overBudget: true });
    expect(run({ ...opts, failOverBudget: true }, { "azure-prod": 5000 }, quiet).exitCode).toBe(0);
    expect(run({ ...opts, failOverBudget: true }, {}, quiet).exitCode).toBe(0); // no budget: nothing to gate
  });

  test("a billable line without a price makes the stack incomplete, never ok, and fails the gate unless allowed", () => {
    // A firewall (priced, $914.10 with the default 100 GB) and an App Service plan (no estimator).
    const json = tf(
      { "azurerm_firewall.fw": { location: "westeurope" }, "azurerm_app_service_plan.p": { location: "westeurope" } },
      AZ_PROVIDER,
    );
    const out = writeOut({ "azure-prod": json });
    const opts = parseArgs([out, "--quiet", "--usage-dir", emptyUsage, "--fail-over-budget"]);
    const gated = run(opts, { "azure-prod": 5000 }, quiet);
    expect(gated.report.stacks[0]).toMatchObject({
      status: "incomplete",
      overBudget: false,
      unpricedLines: [{ address: "azurerm_app_service_plan.p", type: "azurerm_app_service_plan" }],
    });
    expect(gated.exitCode).toBe(2);
    expect(
      run(parseArgs([out, "--quiet", "--usage-dir", emptyUsage, "--fail-over-budget", "--allow-incomplete"]), { "azure-prod": 5000 }, quiet)
        .exitCode,
    ).toBe(0);
    expect(run(opts, { "azure-prod": 100 }, quiet).report.stacks[0].status).toBe("OVER, incomplete");
    expect(formatStack(gated.report.stacks[0])).toMatch(/Status: incomplete \(1 billable line\(s\) not priced/);
    expect(formatSideBySide(gated.report)).toMatch(/Status\s+incomplete/);
    expect(() => parseArgs(["--allow-incomplete"])).toThrow(/only qualifies --fail-over-budget/);
  });

  test("a complete stack within budget is ok", () => {
    const out = writeOut({ "azure-prod": small });
    const r = run(parseArgs([out, "--quiet", "--usage-dir", emptyUsage, "--fail-over-budget"]), { "azure-prod": 5000 }, quiet);
    expect(r.report.stacks[0]).toMatchObject({ status: "ok", unpricedLines: [] });
    expect(r.exitCode).toBe(0);
  });

  test("writes cost-report.json with per-resource components and prints the side-by-side table", () => {
    const out = writeOut({ "azure-dev": small, "azure-prod": azureProdLike() });
    const logs: string[] = [];
    run(parseArgs([out, "--usage-dir", emptyUsage]), { "azure-dev": 4500 }, (s) => logs.push(s));
    const report = JSON.parse(fs.readFileSync(path.join(out, "cost-report.json"), "utf8")) as CostReport;
    expect(report.hoursPerMonth).toBe(730);
    expect(report.stacks.map((s) => s.stack)).toEqual(["azure-dev", "azure-prod"]);
    const fw = report.stacks[0].resources.find((r) => r.type === "azurerm_firewall")!;
    expect(fw.components[0]).toMatchObject({
      monthlyQuantity: 730,
      unit: "hour",
      unitPrice: 1.25,
      monthlyCost: 912.5,
      referenceRegion: true,
    });
    expect(logs.join("\n")).toMatch(/All environments[\s\S]*azure-dev\s+azure-prod/);
    expect(logs.join("\n")).toMatch(/† \d+ line\(s\) priced with a reference region/);
  });
});

describe("--compare-to", () => {
  test("per-resource deltas: changed, added, removed; unchanged resources are omitted", () => {
    const before = estimate(
      tf({
        "azurerm_firewall.fw": { location: "westeurope", sku_tier: "Standard" },
        "azurerm_public_ip.ip": { location: "westeurope" },
        "azurerm_private_endpoint.pe": { location: "westeurope" },
      }),
    );
    const after = estimate(
      tf({
        "azurerm_firewall.fw": { location: "westeurope", sku_tier: "Premium" },
        "azurerm_public_ip.ip": { location: "westeurope" },
        "azurerm_network_ddos_protection_plan.d": { location: "westeurope" },
      }),
    );
    const mk = (s: typeof before): CostReport => ({ generatedAt: "", priceBookVersions: {}, hoursPerMonth: 730, stacks: [s] });
    const [d] = compareReports(mk(before), mk(after));
    expect(d.resources.map((r) => [r.address, r.change, r.delta])).toEqual([
      ["azurerm_firewall.fw", "changed", 365],
      ["azurerm_network_ddos_protection_plan.d", "added", 2943.55],
      ["azurerm_private_endpoint.pe", "removed", -7.5],
    ]);
    expect(d.delta).toBeCloseTo(365 + 2943.55 - 7.5, 2);
  });

  test("the CLI prints the comparison against an earlier report file", () => {
    const out = writeOut({ "azure-prod": small });
    run(parseArgs([out, "--quiet", "--usage-dir", emptyUsage]), {}, quiet);
    const old = path.join(out, "old.json");
    fs.copyFileSync(path.join(out, "cost-report.json"), old);
    fs.writeFileSync(
      path.join(out, "stacks", "azure-prod", "cdk.tf.json"),
      JSON.stringify(tf({ "azurerm_firewall.fw": { location: "westeurope", sku_tier: "Premium" } })),
    );
    const logs: string[] = [];
    run(parseArgs([out, "--quiet", "--usage-dir", emptyUsage, "--compare-to", old]), {}, (s) => logs.push(s));
    expect(logs.join("\n")).toMatch(/azure-prod: \$914\.10 -> \$1,279\.10 \(\+\$365\.00\)[\s\S]*azurerm_firewall\.fw\s+changed/);
  });

  test("parseArgs rejects unknown options and a missing --compare-to file", () => {
    expect(() => parseArgs(["--nope"])).toThrow(/unknown option/);
    expect(() => parseArgs(["--compare-to"])).toThrow(/needs a file/);
    expect(parseArgs([])).toMatchObject({ outDir: "cdktf.out", failOverBudget: false });
  });
});

describe("side-by-side", () => {
  test("marks stacks with unpriced resources with +?", () => {
    const s = estimate(tf({ "azurerm_app_service_plan.p": { location: "westeurope" }, "azurerm_firewall.fw": { location: "westeurope" } }));
    const text = formatSideBySide({ generatedAt: "", priceBookVersions: {}, hoursPerMonth: 730, stacks: [{ ...s, stack: "azure-x" }] });
    expect(text).toMatch(/azurerm_app_service_plan\s+not priced/);
    expect(text).toMatch(/TOTAL\s+\$914\.10\+\?/);
  });
});

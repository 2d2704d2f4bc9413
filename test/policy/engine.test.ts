import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { evaluateOutdir, evaluateStack } from "../../policy/engine/evaluate";
import { TfStack } from "../../tfjson";
import { assertNoViolations, formatReport, violationMessage, writeReport } from "../../policy/engine/report";
import { suppress } from "../../constructs/shared/suppress";
import { doc } from "./fixtures/cases";
import { fullSynthesize } from "../helpers/synth";

const ROOT = join(__dirname, "..", "..");

/** A cdktf output folder with the given stacks. */
function outdir(stacks: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-"));
  const manifest: Record<string, unknown> = {};
  for (const [name, content] of Object.entries(stacks)) {
    mkdirSync(join(dir, "stacks", name), { recursive: true });
    writeFileSync(join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(content));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: manifest }));
  return dir;
}

const GOOD_LAW = {
  retention_in_days: 365,
  local_authentication_enabled: false,
  tags: { owner: "o", "cost-center": "c", "data-classification": "internal", environment: "dev", "managed-by": "cdktf" },
};
const goodStack = doc({
  "azurerm_log_analytics_workspace.law": GOOD_LAW,
  "azurerm_monitor_diagnostic_setting.d": {
    target_resource_id: "${azurerm_log_analytics_workspace.law.id}",
    log_analytics_workspace_id: "${azurerm_log_analytics_workspace.law.id}",
    enabled_log: [{ category_group: "audit" }],
  },
});
const badStack = doc({ "azurerm_log_analytics_workspace.law": { ...GOOD_LAW, retention_in_days: 30 } });

describe("TfStack (as the policy engine reads it)", () => {
  const g = new TfStack(
    "s",
    doc(
      {
        "azurerm_mssql_server.sql": {},
        "azurerm_private_endpoint.pe": {
          private_service_connection: [{ private_connection_resource_id: "${azurerm_mssql_server.sql.id}" }],
        },
        "azurerm_monitor_diagnostic_setting.d": { target_resource_id: "${azurerm_mssql_server.sql.id}/databases/master" },
        "azurerm_mssql_database.db": {
          server_id: "${azurerm_mssql_server.sql.id}",
          tags: "${merge(local.t, {a = azurerm_mssql_server.sql.name})}",
        },
      },
      { locals: { days: 90 }, variable: { d: { default: 30 } } },
    ),
  );

  it("finds referrers by type and attribute path through block arrays and sub-resource ids", () => {
    const sql = g.get("azurerm_mssql_server.sql")!;
    expect(
      g.referrers(sql, { type: "azurerm_private_endpoint", attribute: "private_connection_resource_id" }).map((r) => r.address),
    ).toEqual(["azurerm_private_endpoint.pe"]);
    expect(g.referrers(sql, { type: "azurerm_monitor_diagnostic_setting", attribute: "target_resource_id" })).toHaveLength(1);
    expect(g.referrers(sql, { attribute: "server_id" }).map((r) => r.address)).toEqual(["azurerm_mssql_database.db"]);
    expect(g.referrers(sql).length).toBe(3);
  });

  it("resolves references and locals/variable defaults", () => {
    expect(g.resolve("${azurerm_mssql_server.sql.id}")?.address).toBe("azurerm_mssql_server.sql");
    expect(g.literal("${local.days}")).toBe(90);
    expect(g.literal("${var.d}")).toBe(30);
    expect(g.literal("${var.unknown}")).toBe("${var.unknown}");
  });
});

describe("suppressions", () => {
  it("suppress() writes a marker cdktf keeps in cdk.tf.json and the engine honours it", () => {
    const stack = new TerraformStack(Testing.app(), "azure-test");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const st = new StorageAccount(stack, "st", {
      name: "st",
      resourceGroupName: "rg",
      location: "westeurope",
      accountTier: "Standard",
      accountReplicationType: "LRS",
    });
    suppress(st, "AZ-ST-012", "Infrastructure encryption forces a new account; tracked in PLAT-123");
    const { outdir: dir, synthesized } = fullSynthesize(stack);
    expect(synthesized.json.resource.azurerm_storage_account.st["//"].policy_suppressions).toEqual({
      "AZ-ST-012": "Infrastructure encryption forces a new account; tracked in PLAT-123",
    });
    const report = evaluateOutdir(dir, { "azure-test": { packs: ["baseline"] } });
    const f = report.findings.find((x) => x.ruleId === "AZ-ST-012")!;
    expect(f).toMatchObject({ status: "suppressed", suppressionSource: "code", address: "azurerm_storage_account.st" });
    expect(report.configErrors).toEqual([]);
  });

  it("suppress() rejects short reasons and malformed ids", () => {
    const stack = new TerraformStack(new App({ outdir: mkdtempSync(join(tmpdir(), "p-")) }), "s");
    const st = new StorageAccount(stack, "st", {
      name: "st",
      resourceGroupName: "rg",
      location: "w",
      accountTier: "Standard",
      accountReplicationType: "LRS",
    });
    expect(() => suppress(st, "AZ-ST-012", "too short")).toThrow(/at least 20/);
    expect(() => suppress(st, "nope", "a long enough reason for the test")).toThrow(/not a rule id/);
  });

  it("runs a cloud's \"*\" rule on that cloud's resources only (AWS-DEP-009 on an Azure and an AWS resource)", () => {
    const cbd = { name: "fixed-name", lifecycle: { create_before_destroy: true } };
    const json = doc({ "azurerm_firewall_policy.p": cbd, "aws_db_parameter_group.g": cbd });
    const { findings } = evaluateStack("mixed", json, { packs: ["deployability"] });
    const dep009 = findings.filter((f) => f.ruleId === "AWS-DEP-009").map((f) => [f.address, f.status]);
    expect(dep009).toEqual([["aws_db_parameter_group.g", "fail"]]);
  });

  it("runs no cloud's \"*\" rule on a SaaS provider's resources (Snowflake, MongoDB Atlas)", () => {
    const cbd = { name: "fixed-name", lifecycle: { create_before_destroy: true } };
    const json = doc({ "snowflake_warehouse.w": cbd, "mongodbatlas_project.p": cbd, "aws_db_parameter_group.g": cbd });
    const { findings } = evaluateStack("mixed", json, { packs: ["deployability"] });
    expect(findings.filter((f) => f.ruleId === "AWS-DEP-009").map((f) => f.address)).toEqual(["aws_db_parameter_group.g"]);
  });

  it("applies an environment suppression to one rule on one resource and shows its reason", () => {
    const { findings, configErrors } = evaluateStack("s", badStack, {
      packs: ["baseline"],
      suppressions: [
        {
          ruleId: "AZ-LOG-001",
          resource: "azurerm_log_analytics_workspace.law",
          reason: "Sandbox workspace, deleted nightly by automation",
        },
      ],
    });
    expect(configErrors).toEqual([]);
    expect(findings.find((f) => f.ruleId === "AZ-LOG-001")).toMatchObject({
      status: "suppressed",
      suppressionSource: "environment",
      suppressionReason: "Sandbox workspace, deleted nightly by automation",
    });
  });

  it.each([
    [{ ruleId: "AZ-LOG-001", resource: "azurerm_log_analytics_workspace.law", reason: "short" }, /at least 20/],
    [{ ruleId: "AZ-LOG-999", resource: "azurerm_log_analytics_workspace.law", reason: "a long enough reason here" }, /unknown rule id/],
    [
      { ruleId: "AZ-LOG-001", resource: "azurerm_log_analytics_workspace.other", reason: "a long enough reason here" },
      /matches nothing: the resource is not in this stack/,
    ],
    [
      { ruleId: "AZ-KV-001", resource: "azurerm_log_analytics_workspace.law", reason: "a long enough reason here" },
      /matches nothing: the rule does not fail/,
    ],
    [
      { ruleId: "AZ-SEN-001", resource: "azurerm_log_analytics_workspace.law", reason: "a long enough reason here" },
      /not in the selected packs/,
    ],
  ])("reports a bad or unused suppression as an error: %j", (s, message) => {
    const { configErrors } = evaluateStack("s", goodStack, { packs: ["baseline"], suppressions: [s] });
    expect(configErrors.map((e) => e.message).join("\n")).toMatch(message);
  });

  it("rejects unknown packs", () => {
    const { configErrors } = evaluateStack("s", goodStack, { packs: ["nope" as "baseline"] });
    expect(configErrors[0]!.message).toMatch(/unknown policy pack "nope"/);
  });
});

describe("report", () => {
  it("prints each finding's whole resource address on its own line, ready to paste into a suppression", () => {
    const address = "azurerm_log_analytics_workspace.monitoring_log-analytics-workspace-with-a-long-construct-path_0A1B2C3D";
    const dir = outdir({ "azure-dev": doc({ [address]: { ...GOOD_LAW, retention_in_days: 30 } }) });
    const lines = formatReport(evaluateOutdir(dir, { "azure-dev": { packs: ["baseline"] } })).split("\n");
    const row = lines.findIndex((l) => /^azure-dev\s+FAIL\s+error\s+AZ-LOG-001\s/.test(l));
    expect(lines[row + 1]).toBe(`  resource: ${address}`);
    expect(lines.filter((l) => l.startsWith("  resource: "))).toEqual([`  resource: ${address}`, `  resource: ${address}`]);
  });

  it("lists every rule and every finding, and fails with stack, address, rule id and fix", () => {
    const dir = outdir({ "azure-dev": badStack, "azure-x": goodStack });
    const report = evaluateOutdir(dir, { "azure-dev": { packs: ["baseline"] } });
    expect(report.stacks.find((s) => s.name === "azure-x")!.defaulted).toBe(true);
    expect(report.rules.length).toBeGreaterThanOrEqual(60);
    expect(report.rules[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(String), severity: expect.any(String), pci: expect.any(Array) }),
    );
    expect(report.findings.some((f) => f.status === "pass")).toBe(true);
    const msg = violationMessage(report)!;
    expect(msg).toContain("[azure-dev] azurerm_log_analytics_workspace.law AZ-LOG-001");
    expect(msg).toContain("fix: Set retention_in_days >= 90");
    expect(() => assertNoViolations(report)).toThrow(/AZ-LOG-001/);
    expect(formatReport(report)).toMatch(/azure-dev\s+FAIL\s+error\s+AZ-LOG-001/);
    const file = writeReport(report);
    const json = JSON.parse(readFileSync(file, "utf8"));
    expect(file).toBe(join(dir, "policy-report.json"));
    expect(json.findings[0]).toEqual(
      expect.objectContaining({
        stack: expect.any(String),
        address: expect.any(String),
        ruleId: expect.any(String),
        status: expect.any(String),
        message: expect.any(String),
      }),
    );
  });

  it("passes a clean stack", () => {
    const report = evaluateOutdir(outdir({ "azure-dev": goodStack }), { "azure-dev": { packs: ["baseline"] } });
    expect(violationMessage(report)).toBeUndefined();
  });

  it("evaluates six realistic stacks well under a second", () => {
    const big: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 150; i++) {
      big[`azurerm_storage_account.st${i}`] = { tags: {}, network_rules: { default_action: "Deny" } };
      big[`azurerm_private_endpoint.pe${i}`] = {
        private_service_connection: { private_connection_resource_id: `\${azurerm_storage_account.st${i}.id}` },
      };
    }
    const stacks = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((n) => [`azure-${n}`, doc(big)]));
    const report = evaluateOutdir(outdir(stacks), {});
    expect(report.durationMs).toBeLessThan(1000);
  });
});

describe("cli", () => {
  const run = (dir: string) => spawnSync("npx", ["tsx", "policy/cli.ts", dir], { cwd: ROOT, encoding: "utf8" });

  it("exits non-zero on unsuppressed errors, prints a table and writes the JSON report", () => {
    const dir = outdir({ "azure-dev": badStack });
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/AZ-LOG-001/);
    expect(r.stderr).toMatch(/\[azure-dev\] azurerm_log_analytics_workspace\.law AZ-LOG-001/);
    expect(JSON.parse(readFileSync(join(dir, "policy-report.json"), "utf8")).summary.errors).toBeGreaterThan(0);
  });

  it("exits zero on a clean folder and notes defaulted stacks", () => {
    const r = run(outdir({ "custom-stack": goodStack }));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/no environment configures stack "custom-stack"; evaluating it with the baseline pack/);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { evaluateStack } from "../../policy/engine/evaluate";
import { RULE_ID_PATTERN } from "../../tfjson/suppression-marker";
import type { Rule, TfResource } from "../../policy/engine/types";
import { PACKS } from "../../policy/packs";
import { ALL_RULES } from "../../policy/rules";
import { RULE_CASES } from "./fixtures/cases";

const RULES_DIR = join(__dirname, "..", "..", "policy", "rules");

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return ruleFiles(p);
    return p.endsWith(".ts") && readFileSync(p, "utf8").includes("export default define") ? [p] : [];
  });
}

function statusOf(rule: Rule, c: (typeof RULE_CASES)[string], which: "pass" | "fail"): string | undefined {
  const { findings, configErrors } = evaluateStack(
    "fixture",
    c[which],
    { packs: ["baseline"] },
    { rules: [rule], packs: { baseline: [rule.id] } },
  );
  expect(configErrors).toEqual([]);
  return findings.find((f) => f.address === c.address)?.status;
}

describe("rule registry", () => {
  it("has at least 60 rules across both clouds", () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(60);
    expect(ALL_RULES.filter((r) => r.id.startsWith("AZ-")).length).toBeGreaterThan(20);
    expect(ALL_RULES.filter((r) => r.id.startsWith("AWS-")).length).toBeGreaterThan(20);
  });

  it("registers every rule file exactly once, one rule per file", () => {
    const files = ruleFiles(RULES_DIR).map((f) => relative(RULES_DIR, f).replace(/\.ts$/, ""));
    const index = readFileSync(join(RULES_DIR, "index.ts"), "utf8");
    for (const f of files) expect(index).toContain(`"./${f}"`);
    expect(files.length).toBe(ALL_RULES.length);
  });

  it("has unique, well-formed ids and complete metadata", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(RULE_ID_PATTERN);
      expect(r.pci.length).toBeGreaterThan(0);
      for (const p of r.pci) expect(p).toMatch(/^\d{1,2}(\.\d+)+$/);
      expect(r.fix.length).toBeGreaterThan(10);
      expect(r.clouds.length).toBeGreaterThan(0);
      expect(r.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  it("puts every rule in exactly one pack and packs name only known rules", () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    for (const r of ALL_RULES) {
      expect({ id: r.id, packs: Object.values(PACKS).filter((p) => p.includes(r.id)).length }).toEqual({ id: r.id, packs: 1 });
    }
    for (const id of Object.values(PACKS).flat()) expect(ids.has(id)).toBe(true);
  });

  it("keeps the deployability pack sorted (both clouds add rules to it)", () => {
    expect([...PACKS.deployability].sort()).toEqual(PACKS.deployability);
  });

  it("has a failing and a passing fixture for every rule", () => {
    expect(ALL_RULES.map((r) => r.id).filter((id) => !RULE_CASES[id])).toEqual([]);
    expect(Object.keys(RULE_CASES).filter((id) => !ALL_RULES.some((r) => r.id === id))).toEqual([]);
  });
});

describe.each(ALL_RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
  const c = RULE_CASES[rule.id]!;
  it("fails on its failing fixture", () => {
    expect(statusOf(rule, c, "fail")).toBe("fail");
  });
  it("passes on its passing fixture", () => {
    expect(statusOf(rule, c, "pass")).toBe("pass");
  });
  it("says how to fix it in its failure message", () => {
    const { findings } = evaluateStack("fixture", c.fail, { packs: ["baseline"] }, { rules: [rule], packs: { baseline: [rule.id] } });
    const f = findings.find((x) => x.address === c.address)!;
    expect(f.message).toMatch(/\b(set|add|remove|restrict|scope|use|name|include|delete|associate|reference)\b/);
    expect(f.fix).toBe(rule.fix);
  });
  if (rule.scope === "resource") {
    it("is not applicable to unrelated resource types", () => {
      const other: TfResource = { type: "terraform_data", name: "t", address: "terraform_data.t", config: {} };
      if (!rule.resourceTypes.includes("*")) expect(rule.resourceTypes).not.toContain(other.type);
    });
  }
});

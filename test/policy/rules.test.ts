import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { evaluateStack } from "../../policy/engine/evaluate";
import { RULE_ID_PATTERN } from "../../tfjson/suppression-marker";
import type { JsonObject, Rule } from "../../policy/engine/types";
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

/** A JSON document embedded as a string (IAM policies, connector configs) is compared by its content. */
function parsedJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    const p: unknown = JSON.parse(v);
    return typeof p === "object" && p !== null ? p : v;
  } catch {
    return v;
  }
}

/**
 * What a rule's failing fixture gets wrong, read from the fixtures (not from the rule): the resource
 * types present in only one fixture, and every key and string value along a path where the two differ.
 */
function fixtureSettings(c: (typeof RULE_CASES)[string]): Set<string> {
  const out = new Set<string>();
  const walk = (a: unknown, b: unknown, path: string[]): void => {
    a = parsedJson(a);
    b = parsedJson(b);
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? path : [...path, k]);
      }
      return;
    }
    path.forEach((k) => out.add(k));
    for (const v of [a, b]) if (typeof v === "string" && v.length > 2) out.add(v);
  };
  for (const section of ["resource", "data", "provider"] as const) {
    const fail = (c.fail[section] ?? {}) as Record<string, Record<string, unknown>>;
    const pass = (c.pass[section] ?? {}) as Record<string, Record<string, unknown>>;
    for (const type of new Set([...Object.keys(fail), ...Object.keys(pass)])) {
      for (const name of new Set([...Object.keys(fail[type] ?? {}), ...Object.keys(pass[type] ?? {})])) {
        const [f, p] = [fail[type]?.[name], pass[type]?.[name]];
        if (f === undefined || p === undefined) out.add(type);
        else walk(f, p, [type]);
      }
    }
  }
  return out;
}

/** Rules whose fixtures differ only in a value the message paraphrases: the setting it must name. */
const NAMED_SETTING: Readonly<Record<string, string>> = {
  "AWS-DEP-006": "kafka-cluster:CreateTopic",
};

/** A type of the rule's cloud (or, for a `*` rule, of the other cloud) that the rule does not inspect. */
function unrelatedType(rule: Rule): string {
  const aws = rule.clouds.includes("aws");
  if (rule.resourceTypes.includes("*")) return aws ? "azurerm_user_assigned_identity" : "aws_iam_role";
  return aws ? "aws_unrelated_widget" : "azurerm_unrelated_widget";
}

/** The failing fixture with its judged resource re-typed (config and every reference to it kept). */
function retyped(c: (typeof RULE_CASES)[string], type: string): { doc: typeof c.fail; address: string } {
  const dot = c.address.indexOf(".");
  const [oldType, name] = [c.address.slice(0, dot), c.address.slice(dot + 1)];
  const text = JSON.stringify(c.fail).split(`\${${oldType}.${name}.`).join(`\${${type}.${name}.`);
  const doc = JSON.parse(text) as { resource: Record<string, Record<string, JsonObject>> };
  const config = doc.resource[oldType]![name]!;
  delete doc.resource[oldType]![name];
  (doc.resource[type] ??= {})[name] = config;
  return { doc, address: `${type}.${name}` };
}

describe.each(ALL_RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
  const c = RULE_CASES[rule.id]!;
  it("fails on its failing fixture", () => {
    expect(statusOf(rule, c, "fail")).toBe("fail");
  });
  it("passes on its passing fixture", () => {
    expect(statusOf(rule, c, "pass")).toBe("pass");
  });
  it("says how to fix it, naming the setting its failing fixture gets wrong", () => {
    const { findings } = evaluateStack("fixture", c.fail, { packs: ["baseline"] }, { rules: [rule], packs: { baseline: [rule.id] } });
    const f = findings.find((x) => x.address === c.address)!;
    expect(f.message).toMatch(/\b(set|add|remove|restrict|scope|use|name|include|delete|associate|reference)\b/);
    const text = `${f.message} ${rule.fix}`;
    const settings = NAMED_SETTING[rule.id] ? [NAMED_SETTING[rule.id]!] : [...fixtureSettings(c)];
    expect({ rule: rule.id, named: settings.filter((s) => text.includes(s)).length > 0, settings }).toMatchObject({ named: true });
  });
});

// Every resource rule, judged on its failing fixture with the judged resource re-typed to a type it does
// not inspect: the same bad attributes must produce no finding there. (An engine that applied every rule
// to every type fails all of these; docs/testing.md has the measurement.)
const NEUTRAL = ALL_RULES.filter((r) => r.scope === "resource" && !(r.resourceTypes.includes("*") && r.clouds.includes("any")));
describe.each(NEUTRAL.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
  it(`reports nothing on an unrelated resource carrying its failing fixture's attributes`, () => {
    const c = RULE_CASES[rule.id]!;
    const { doc, address } = retyped(c, unrelatedType(rule));
    const { findings } = evaluateStack("fixture", doc, { packs: ["baseline"] }, { rules: [rule], packs: { baseline: [rule.id] } });
    expect(findings.filter((f) => f.address === address)).toEqual([]);
  });
});

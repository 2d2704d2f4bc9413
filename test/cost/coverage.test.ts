/**
 * Every resource type every stack synthesizes is classified (estimated, free with a reason, or
 * knowingly unpriced), and a stack whose report has an unpriced billable line says so.
 */
import * as fs from "fs";
import * as path from "path";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { estimateStack } from "../../cost/engine";
import { classify, ESTIMATORS, FREE_TYPES, KNOWN_UNPRICED } from "../../cost/estimators";
import { TerraformJson } from "../../cost/stack";
import { loadUsageFile } from "../../cost/usage";
import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { synthAws, synthAzure } from "../helpers/synth";
import { prices, usageDefaults } from "./fixtures";

const stacks: [string, TerraformJson][] = [
  ...AZURE_ENVIRONMENTS.map((e): [string, TerraformJson] => [`azure-${e.name}`, synthAzure(e).json as TerraformJson]),
  ...AWS_ENVIRONMENTS.map((e): [string, TerraformJson] => [`aws-${e.name}`, synthAws(e).json as TerraformJson]),
];

describe.each(stacks)("%s", (name, json) => {
  test("every synthesized resource type is classified", () => {
    const unclassified = Object.keys(json.resource ?? {}).filter((t) => classify(t) === "unclassified");
    expect(unclassified).toEqual([]);
  });

  test("the status is ok only when no billable line is unpriced", () => {
    const { usage } = loadUsageFile(name, path.join(__dirname, "../../cost/usage"));
    const s = estimateStack(name, json, { prices, usage, usageDefaults, budgetUsd: 1e9 });
    expect(s.status).toBe(s.unpricedLines.length === 0 ? "ok" : "incomplete");
    // Every unpriced line names its resource and a reason a reader can act on.
    for (const u of s.unpricedLines) expect(u.reason.length).toBeGreaterThan(20);
  });
});

test("every unpriced line's resource type is explained in docs/cost.md, and each stack's gaps are the ones documented", () => {
  const doc = fs.readFileSync(path.join(__dirname, "../../docs/cost.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Still not priced"), doc.indexOf("## Coverage"));
  expect(section.length).toBeGreaterThan(100);
  for (const [name, json] of stacks) {
    const { usage } = loadUsageFile(name, path.join(__dirname, "../../cost/usage"));
    const s = estimateStack(name, json, { prices, usage, usageDefaults });
    const types = [...new Set(s.unpricedLines.map((u) => u.type))];
    for (const t of types) expect(`${name}: ${section.includes(t) ? "documented" : `${t} undocumented`}`).toBe(`${name}: documented`);
  }
});

test("today's gaps: DocumentDB Graviton instances, the MLflow server, Snowflake storage/Snowpipe and Atlas backup/auditing on AWS, GZRS and RA-GZRS backups on Azure prod, nothing else", () => {
  const gaps = stacks.flatMap(([name, json]) => {
    const { usage } = loadUsageFile(name, path.join(__dirname, "../../cost/usage"));
    return estimateStack(name, json, { prices, usage, usageDefaults }).unpricedLines.map((u) => `${name} ${u.line ?? u.type}`);
  });
  const explained = gaps.filter(
    (g) =>
      /^aws-\w+ Database instance \(on-demand, db\.(t4g|r6g)\.\w+\)$/.test(g) ||
      /^aws-(staging|prod) aws_sagemaker_mlflow_tracking_server$/.test(g) ||
      /^aws-dev (snowflake_database|snowflake_pipe|mongodbatlas_auditing|Cloud backup storage)$/.test(g) ||
      /^azure-prod .*GZRS\)$/.test(g),
  );
  expect(gaps.length).toBeGreaterThan(0);
  expect(gaps.filter((g) => !explained.includes(g))).toEqual([]);
});

test("no type is in two of ESTIMATORS, FREE_TYPES and KNOWN_UNPRICED, and every free type says why", () => {
  const lists = [Object.keys(ESTIMATORS), Object.keys(FREE_TYPES), Object.keys(KNOWN_UNPRICED)];
  const all = lists.flat();
  expect(all.filter((t, i) => all.indexOf(t) !== i)).toEqual([]);
  expect(all.filter((t) => t.includes("*"))).toEqual([]);
  for (const reason of Object.values(FREE_TYPES)) expect(reason.length).toBeGreaterThanOrEqual(9);
});

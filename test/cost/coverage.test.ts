/**
 * Every resource type every stack synthesizes is classified (estimated, free with a reason, or
 * knowingly unpriced), and a stack whose report has an unpriced billable line says so.
 */
import * as path from "path";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { estimateStack } from "../../cost/engine";
import { classify } from "../../cost/estimators";
import { TfJson } from "../../cost/stack";
import { loadUsageFile } from "../../cost/usage";
import { synthAws, AWS_ENVIRONMENTS } from "../aws/helpers";
import { synthAzure } from "../helpers/synth";
import { prices, usageDefaults } from "./fixtures";

const stacks: [string, TfJson][] = [
  ...AZURE_ENVIRONMENTS.map((e): [string, TfJson] => [`azure-${e.name}`, synthAzure(e).json as TfJson]),
  ...AWS_ENVIRONMENTS.map((e): [string, TfJson] => [`aws-${e.name}`, synthAws(e).json as TfJson]),
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

test("the known gaps are exactly these (a new gap or a closed one must update docs/cost.md)", () => {
  const gaps = stacks.flatMap(([name, json]) => {
    const { usage } = loadUsageFile(name, path.join(__dirname, "../../cost/usage"));
    return estimateStack(name, json, { prices, usage, usageDefaults }).unpricedLines.map((u) => `${name} ${u.type} ${u.line ?? ""}`.trim());
  });
  const distinct = [...new Set(gaps.map((g) => g.replace(/\(\d+ x /, "(")))].sort();
  expect(distinct).toEqual(EXPECTED_GAPS);
});

/** The list in docs/cost.md ("Still not priced"), with why each price is missing. */
const EXPECTED_GAPS: string[] = [
  // Graviton classes: no Infracost golden, third-party tables disagree (price book notes).
  "aws-dev aws_docdb_cluster_instance Database instance (on-demand, db.t4g.medium)",
  "aws-dev aws_rds_cluster_instance Database instance (on-demand, aurora-postgresql, db.t4g.medium)",
  "aws-prod aws_docdb_cluster_instance Database instance (on-demand, db.r6g.xlarge)",
  "aws-prod aws_msk_cluster Brokers (kafka.m7g.xlarge)",
  "aws-prod aws_rds_cluster_instance Database instance (on-demand, aurora-postgresql, db.r7g.2xlarge)",
  "aws-staging aws_docdb_cluster_instance Database instance (on-demand, db.r6g.large)",
  "aws-staging aws_msk_cluster Brokers (kafka.m7g.large)",
  "aws-staging aws_rds_cluster_instance Database instance (on-demand, aurora-postgresql, db.r7g.large)",
  // GeoZone (RA-GZRS) backups and GZRS blob capacity/writes: no source row at all.
  "azure-prod azurerm_mssql_database Long-term retention (RA-GZRS)",
  "azure-prod azurerm_storage_account Capacity (cool GZRS)",
  "azure-prod azurerm_storage_account Capacity (hot GZRS)",
  "azure-prod azurerm_storage_account List operations (hot GZRS)",
  "azure-prod azurerm_storage_account Write operations (hot GZRS)",
];

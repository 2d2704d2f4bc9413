import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthSummary } from "../../scripts/synth-summary";

describe("the lines synth ends with", () => {
  const root = mkdtempSync(join(tmpdir(), "synth-summary-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("names the number of stacks, each stack's cdk.tf.json and the policy report, relative to where synth ran", () => {
    const outdir = join(root, "cdktf.out");
    mkdirSync(outdir);
    const stacks = {
      "azure-dev": { synthesizedStackPath: "stacks/azure-dev/cdk.tf.json" },
      "aws-dev": { synthesizedStackPath: "stacks/aws-dev/cdk.tf.json" },
    };
    writeFileSync(join(outdir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks }));
    expect(synthSummary(outdir, join(outdir, "policy-report.json"), root).split("\n")).toEqual([
      "Synthesized 2 stacks into cdktf.out:",
      "  aws-dev    cdktf.out/stacks/aws-dev/cdk.tf.json",
      "  azure-dev  cdktf.out/stacks/azure-dev/cdk.tf.json",
      "Policy report: cdktf.out/policy-report.json",
    ]);
  });
});

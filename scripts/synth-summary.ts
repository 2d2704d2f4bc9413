import { readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The part of cdktf's `<outdir>/manifest.json` that says where each stack was written. */
interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string }>;
}

/**
 * The last lines `npm run synth` prints: how many stacks it wrote, each stack's cdk.tf.json and the
 * policy report, as paths relative to `cwd` (read from cdktf's manifest, so they are what was written).
 */
export function synthSummary(outdir: string, policyReportFile: string, cwd: string = process.cwd()): string {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest;
  const stacks = Object.keys(manifest.stacks).sort();
  const width = Math.max(0, ...stacks.map((s) => s.length));
  const rel = (path: string): string => relative(cwd, path) || ".";
  return [
    `Synthesized ${stacks.length} stack${stacks.length === 1 ? "" : "s"} into ${rel(outdir)}:`,
    ...stacks.map((s) => `  ${s.padEnd(width)}  ${rel(join(outdir, manifest.stacks[s]!.synthesizedStackPath))}`),
    `Policy report: ${rel(policyReportFile)}`,
  ].join("\n");
}

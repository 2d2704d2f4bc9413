import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderStack } from "./render";

/**
 * `npm run diagram [-- --check] [-- --out <cdktf.out dir>]`
 *
 * Reads `cdktf.out/manifest.json` (written by `npm run synth`) and writes one Mermaid diagram per
 * stack to `docs/diagrams/<stack>.md`. `--check` writes nothing and exits 1 when a committed diagram
 * differs from what the synthesized stacks produce (for CI).
 */

/** The committed diagrams folder, relative to the repository root. */
export const DIAGRAMS_DIR = join("docs", "diagrams");

interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string }>;
}

function main(argv: readonly string[]): number {
  const root = resolve(__dirname, "..");
  const check = argv.includes("--check");
  const outIndex = argv.indexOf("--out");
  const outDir = resolve(root, outIndex >= 0 ? (argv[outIndex + 1] ?? "cdktf.out") : "cdktf.out");
  const manifestPath = join(outDir, "manifest.json");
  if (!existsSync(manifestPath)) {
    process.stderr.write(`diagram: ${manifestPath} not found. Run \`npm run synth\` first, then \`npm run diagram\`.\n`);
    return 2;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const stacks = Object.keys(manifest.stacks).sort();
  const target = join(root, DIAGRAMS_DIR);
  if (!check) mkdirSync(target, { recursive: true });

  const stale: string[] = [];
  for (const stack of stacks) {
    const json = JSON.parse(readFileSync(join(outDir, manifest.stacks[stack].synthesizedStackPath), "utf8")) as Record<string, unknown>;
    const markdown = renderStack(stack, json);
    const file = join(target, `${stack}.md`);
    const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (check) {
      if (current !== markdown) stale.push(file);
    } else if (current !== markdown) {
      writeFileSync(file, markdown);
      process.stdout.write(`diagram: wrote ${join(DIAGRAMS_DIR, `${stack}.md`)}\n`);
    } else {
      process.stdout.write(`diagram: ${join(DIAGRAMS_DIR, `${stack}.md`)} up to date\n`);
    }
  }
  const orphans = existsSync(target)
    ? readdirSync(target)
        .filter((f) => f.endsWith(".md") && !stacks.includes(f.slice(0, -3)))
        .sort()
    : [];
  for (const orphan of orphans) {
    process.stderr.write(
      `diagram: ${join(DIAGRAMS_DIR, orphan)} has no synthesized stack (a partial SYNTH_STACKS run, or a removed stack: delete it).\n`,
    );
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `diagram: stale or missing:\n${stale.map((s) => `  ${s}`).join("\n")}\nRun \`npm run synth && npm run diagram\` and commit docs/diagrams/.\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

/**
 * A synth crash points at the TypeScript line that threw (issue 16), although the synth runner keeps
 * source maps off for speed: main.ts re-runs itself with TS_SOURCE_MAPS=1 (scripts/crash-trace.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const REGISTER = join(ROOT, "scripts", "register-ts.cjs");

// Line 7 throws; the transpiler folds the file into fewer lines, so an unmapped trace names another line.
const program = (handler: string): string =>
  [
    `import { rerunWithSourceMaps } from ${JSON.stringify(join(ROOT, "scripts", "crash-trace"))};`,
    "interface Payment { amount: number }",
    "const payment: Payment = { amount: 1 };",
    "",
    "function settle(): void {",
    "  const missing: any = undefined;",
    "  console.log(payment.amount, missing.currency);",
    "}",
    `try { settle(); } catch (e) { ${handler} }`,
    "",
  ].join("\n");

function run(handler: string): { stderr: string; status: number | null; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), "crash-")), "crash.ts");
  writeFileSync(file, program(handler));
  const env = { ...process.env };
  delete env.TS_SOURCE_MAPS;
  const r = spawnSync(process.execPath, ["--require", REGISTER, file], { cwd: ROOT, env, encoding: "utf8" });
  return { stderr: r.stderr, status: r.status, file };
}

describe("a crash names the TypeScript source line", () => {
  it("with the re-run, the trace points at line 7 of the .ts file and the exit code is non-zero", () => {
    const { stderr, status, file } = run(
      "const code = rerunWithSourceMaps(e); if (code === undefined) console.error(e); process.exitCode = code ?? 1;",
    );
    expect(stderr).toContain("running again with TypeScript source maps");
    expect(stderr).toContain(`at settle (${file}:7:`);
    expect(status).toBe(1);
  });

  it("without it the same crash points elsewhere (the runner's maps are off), so the first test can fail", () => {
    const { stderr, file } = run("console.error(e); process.exitCode = 1;");
    expect(stderr).toContain(`(${file}:`);
    expect(stderr).not.toContain(`at settle (${file}:7:`);
  });
});

/**
 * A synth crash (a bug, not an input error) should point at the TypeScript line that threw. The synth
 * runner transpiles with source maps off for speed (scripts/register-ts.cjs), so a trace would point at a
 * column of transpiled code: on such a crash, the same command runs once more with TS_SOURCE_MAPS=1 and its
 * trace, mapped to TypeScript lines, is what the user sees. A second crash under maps is printed as it is.
 */
import { spawnSync } from "node:child_process";

/** Re-runs this process with source maps on; returns its exit code, or undefined when maps were already on. */
export function rerunWithSourceMaps(error: unknown): number | undefined {
  if (process.env.TS_SOURCE_MAPS === "1") return undefined;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`${message}\n(a bug, not an input error: running again with TypeScript source maps for the stack trace)\n`);
  const rerun = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, TS_SOURCE_MAPS: "1" },
  });
  return rerun.status ?? 1;
}

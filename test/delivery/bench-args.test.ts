import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseArgs } from "../../bench/run";

const root = resolve(__dirname, "../..");

describe("npm run bench leaves the tracked results file alone unless asked", () => {
  it("writes the git-ignored bench/last-run.json by default", () => {
    expect(parseArgs([]).out).toBe(join(root, "bench", "last-run.json"));
  });

  it("writes bench/results.json only with --record", () => {
    expect(parseArgs(["--record"]).out).toBe(join(root, "bench", "results.json"));
  });

  it("refuses --record with --out (two answers to where the figures go)", () => {
    expect(() => parseArgs(["--record", "--out", "x.json"])).toThrow(
      "--record writes bench/results.json; it cannot be combined with --out",
    );
  });

  it("keeps bench/last-run.json out of git", () => {
    const ignored = spawnSync("git", ["check-ignore", "-q", "bench/last-run.json"], { cwd: root }).status;
    expect(ignored).toBe(0);
  });
});

/**
 * Tests synthesize through one module (test/helpers/synth.ts, docs/testing.md#writing-a-stack-test): one
 * cache, one query object. A test file that synthesizes on its own bypasses the cache key that keeps a
 * mutated environment from getting a stale stack, and grows a second set of query helpers.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const TEST_ROOT = join(__dirname, "..");
const HELPER = join(TEST_ROOT, "helpers", "synth.ts");
const OWN_SYNTH = /Testing\.(synth|fullSynth|synthHcl|synthScope)\(|\.synth\(\)/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("one synth path for tests", () => {
  // This file names the calls it looks for.
  const files = tsFiles(TEST_ROOT).filter((f) => f !== HELPER && f !== __filename);

  test("the scan sees the suite", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test("no test file synthesizes outside test/helpers/synth.ts", () => {
    const offenders = files.filter((f) => OWN_SYNTH.test(readFileSync(f, "utf8"))).map((f) => relative(TEST_ROOT, f));
    expect(offenders).toEqual([]);
  });

  test("the check recognizes each way of synthesizing", () => {
    for (const call of ["Testing.synth(stack)", "Testing.fullSynth(stack)", "Testing.synthScope(() => {})", "app.synth()"]) {
      expect({ call, caught: OWN_SYNTH.test(call) }).toEqual({ call, caught: true });
    }
    expect(OWN_SYNTH.test("synthesize(stack)")).toBe(false);
  });
});

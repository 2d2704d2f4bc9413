/**
 * The local checks engineers run (`npm run lint`, `npm run format`) exist, are enforced by .ci/run, and the
 * ESLint config really guards against provider barrel imports (deep imports stay allowed).
 * ESLint runs as a child process: its flat config is an ES module, which Jest's CommonJS sandbox cannot import.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (p: string): string => fs.readFileSync(path.join(ROOT, p), "utf8");

function lint(source: string, filePath: string): { ruleIds: string[]; output: string } {
  const bin = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  const r = spawnSync(process.execPath, [bin, "--format", "json", "--stdin", "--stdin-filename", filePath], {
    cwd: ROOT,
    input: source,
    encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed (${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  const messages = results.flatMap((x) => x.messages);
  return { ruleIds: messages.map((m) => m.ruleId ?? "fatal"), output: messages.map((m) => m.message).join("\n") };
}

describe("lint and format", () => {
  test("package.json has lint (eslint + prettier --check) and format scripts", () => {
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    expect(scripts.lint).toMatch(/eslint \./);
    expect(scripts.lint).toMatch(/prettier --check \./);
    expect(scripts.format).toMatch(/prettier --write \./);
  });

  test(".ci/run runs the lint before the tests", () => {
    const lines = read(".ci/run")
      .split("\n")
      .map((l) => l.trim());
    const lintAt = lines.findIndex((l) => l.startsWith("npm run lint"));
    const testAt = lines.findIndex((l) => l.startsWith("npm test"));
    expect(lintAt).toBeGreaterThan(lines.findIndex((l) => l.startsWith("npm ci")));
    expect(lintAt).toBeLessThan(testAt);
  });

  test("provider barrel imports are errors, deep resource imports are fine", () => {
    // Built from parts so that repository-wide greps for barrel imports do not flag this fixture.
    const barrel = (provider: string): string => `"@cdktf/provider-${provider}"`;
    const barrels = lint(
      `import { s3Bucket } from ${barrel("aws")};\nimport { keyVault } from ${barrel("azurerm")};\nexport const x = [s3Bucket, keyVault];\n`,
      "constructs/aws/barrel-example.ts",
    );
    expect(barrels.ruleIds.filter((r) => r === "no-restricted-imports")).toHaveLength(2);
    expect(barrels.output).toMatch(/lib\/s3-bucket/);

    const deep = lint(
      'import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";\nimport { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";\nexport const x = [S3Bucket, KeyVault];\n',
      "constructs/aws/deep-example.ts",
    );
    expect(deep.ruleIds).toEqual([]);
  });

  test("an expect behind a condition in a test file is a lint error (it passes silently when the condition is false)", () => {
    const conditional = lint(
      'test("t", () => {\n  const x = Math.random() > 2;\n  if (x) expect(x).toBe(true);\n});\n',
      "test/example-conditional.test.ts",
    );
    expect(conditional.ruleIds).toContain("jest/no-conditional-expect");
    const plain = lint('test("t", () => {\n  expect(1 + 1).toBe(2);\n});\n', "test/example-plain.test.ts");
    expect(plain.ruleIds).toEqual([]);
  });
});

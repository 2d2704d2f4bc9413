/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
  // Skips the per-token stack traces cdktf captures (a third of the CPU of a synth under Jest): docs/performance.md.
  setupFiles: ["<rootDir>/test/setup-fast-stacks.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // One temp folder per run, removed afterwards (cdktf writes a cdktf.outdir.* folder per synth).
  globalSetup: "<rootDir>/test/run-tmpdir-setup.js",
  globalTeardown: "<rootDir>/test/run-tmpdir-teardown.js",
  testTimeout: 60000,
  // Jest's default leaves a core idle (cores - 1 workers): on the 2-core CI machine one worker per core
  // takes the suite from ~70 s to ~44 s (measured 2026-12-01, docs/performance.md).
  maxWorkers: "100%",
  // A missing snapshot fails instead of being written silently: snapshots are written on purpose only,
  // with -u, after review (docs/extending.md#snapshots).
  ci: true,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};

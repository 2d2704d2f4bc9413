/**
 * Jest settings for mutation runs of constructs and stacks (scripts/mutation.ts sets MUTATION_TESTS).
 * Snapshots and generated-file staleness tests are switched off here: they fail on ANY change to the
 * synthesized JSON, so counting them would score a mutant as "caught" that only `jest -u` stood between.
 * The score therefore measures named assertions only (issue 13: a snapshot is a tripwire, not a guard).
 */
const base = require("../../jest.config.js");

const only = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: "../..",
  setupFilesAfterEnv: [...base.setupFilesAfterEnv, "<rootDir>/test/mutation/snapshots-off.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/diagram/staleness\\.test\\.ts$", "/test/policy/docs\\.test\\.ts$"],
  ...(only.length > 0 ? { testMatch: only.map((p) => `<rootDir>/${p}`) } : {}),
  reporters: ["default"],
};

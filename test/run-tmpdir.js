/**
 * Jest globalSetup/globalTeardown: one temporary folder per test run, removed at the end. Every
 * `Testing.synth`/`Testing.app` writes a `cdktf.outdir.*` folder under os.tmpdir(), and tests make
 * their own scratch folders there; pointing TMPDIR at this run's folder (workers inherit it) keeps
 * thousands of them from piling up in the OS temp folder.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const KEY = "PAYMENTS_TEST_RUN_TMPDIR";
// The temp folder before the first run changed TMPDIR: a process that runs jest more than once (Stryker runs
// every mutant with runCLI in one worker) must not nest the next run's folder in the one just removed.
const BASE_KEY = "PAYMENTS_TEST_BASE_TMPDIR";

module.exports.setup = () => {
  const base = process.env[BASE_KEY] ?? os.tmpdir();
  process.env[BASE_KEY] = base;
  const dir = fs.mkdtempSync(path.join(base, "payments-jest-"));
  // Traversable by the postgres user the SQL tests run their throwaway server as.
  fs.chmodSync(dir, 0o755);
  process.env[KEY] = dir;
  process.env.TMPDIR = dir;
};

module.exports.teardown = () => {
  const dir = process.env[KEY];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  delete process.env[KEY];
  process.env.TMPDIR = process.env[BASE_KEY];
};

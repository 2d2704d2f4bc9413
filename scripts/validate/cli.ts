/**
 * npm run validate [-- <cdktf output dir>] [--require-all] [--require <stack prefix>]...
 *
 * `terraform init -backend=false` + `terraform validate` on every synthesized stack, then on the
 * negative fixtures (bad values the TypeScript types allow) that validate must reject. Providers come
 * from the offline mirror `shared/terraform-providers` beside the repository (or beside a parent
 * folder) when it exists (TF_PROVIDER_MIRROR names another folder), else through an existing
 * TF_CLI_CONFIG_FILE, else from the registry. A stack whose
 * providers cannot be installed is NOT VALIDATED, never passed; with --require-all (or
 * VALIDATE_REQUIRE_ALL=1) or a matching --require prefix that fails the run. Writes
 * <dir>/validate-report.json.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import {
  FixtureResult,
  NEGATIVE_FIXTURES,
  NegativeFixture,
  StackResult,
  exitCode,
  formatReport,
  isProviderInstallFailure,
  parseRequire,
  uninstallableProviders,
  validateDiagnostics,
} from "./lib";

const REPO = resolve(__dirname, "..", "..");

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): { status: number; out: string } {
  const r = spawnSync("terraform", args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

/** `shared/terraform-providers` beside the repository or beside one of its parents (CI clones next to `shared/`, worktrees sit deeper). */
function findMirror(): string | undefined {
  for (let dir = dirname(REPO); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "shared", "terraform-providers");
    if (existsSync(join(candidate, "unpack.sh"))) return candidate;
  }
  return undefined;
}

/**
 * Environment for Terraform, in this order: the offline mirror (TF_PROVIDER_MIRROR, else
 * `shared/terraform-providers` found beside the repository), an existing TF_CLI_CONFIG_FILE, the
 * registry with one plugin cache for all stacks.
 */
function terraformEnv(): { env: NodeJS.ProcessEnv; source: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
  const mirror = env.TF_PROVIDER_MIRROR ? resolve(env.TF_PROVIDER_MIRROR) : findMirror();
  if (mirror !== undefined) {
    const unpack = join(mirror, "unpack.sh");
    if (!existsSync(unpack)) throw new Error(`TF_PROVIDER_MIRROR=${mirror} has no unpack.sh; point it at a terraform-providers folder.`);
    const dest = join(env.TMPDIR ?? tmpdir(), "pdp-tf-mirror");
    const r = spawnSync("bash", [unpack, dest], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${unpack} failed: ${r.stderr}`);
    env.TF_CLI_CONFIG_FILE = r.stdout.trim();
    return { env, source: `offline mirror ${mirror} (providers listed in its SHA256SUMS; others from the registry)` };
  }
  if (env.TF_CLI_CONFIG_FILE && existsSync(env.TF_CLI_CONFIG_FILE)) return { env, source: `TF_CLI_CONFIG_FILE=${env.TF_CLI_CONFIG_FILE}` };
  // Some machines export a CLI config path that does not exist; Terraform would only warn about it.
  delete env.TF_CLI_CONFIG_FILE;
  env.TF_PLUGIN_CACHE_DIR ??= join(env.TMPDIR ?? tmpdir(), "pdp-tf-plugin-cache");
  env.TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE = "1";
  mkdirSync(env.TF_PLUGIN_CACHE_DIR, { recursive: true });
  return { env, source: `registry (plugin cache ${env.TF_PLUGIN_CACHE_DIR})` };
}

/** init + validate of one stack folder. */
function validateDir(stack: string, dir: string, env: NodeJS.ProcessEnv): StackResult {
  const start = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
  const init = run(["init", "-backend=false", "-input=false", "-no-color"], dir, env);
  if (init.status !== 0) {
    if (isProviderInstallFailure(init.out)) {
      const providers = uninstallableProviders(init.out);
      return {
        stack,
        outcome: "NOT VALIDATED",
        reasons: [
          `providers not installable here: ${providers.join(", ") || "see terraform init"} (not in the provider mirror and the registry is unreachable)`,
        ],
        seconds: seconds(),
      };
    }
    const errors = init.out.split("\n").filter((l) => l.startsWith("Error:"));
    return { stack, outcome: "INVALID", reasons: errors.length > 0 ? errors : [init.out.trim()], seconds: seconds() };
  }
  const v = run(["validate", "-json", "-no-color"], dir, env);
  const { valid, errors } = validateDiagnostics(v.out);
  return { stack, outcome: valid ? "VALID" : "INVALID", reasons: errors, seconds: seconds() };
}

/** Copies the base stack folder (the JSON hashes files under assets/), applies the mutation, validates. */
function runFixture(f: NegativeFixture, outdir: string, results: readonly StackResult[], env: NodeJS.ProcessEnv): FixtureResult {
  const base = results.find((r) => r.stack === f.baseStack);
  if (base?.outcome !== "VALID") {
    return { name: f.name, outcome: "not run", detail: `base stack ${f.baseStack} is ${base?.outcome ?? "missing"}` };
  }
  const dir = join(env.TMPDIR ?? tmpdir(), "pdp-validate-fixtures", f.name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(outdir, "stacks", f.baseStack), dir, { recursive: true, filter: (src) => !/[/\\]\.terraform/.test(src) });
  const file = join(dir, "cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8"));
  f.mutate(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  const r = validateDir(f.name, dir, env);
  if (r.outcome === "VALID") return { name: f.name, outcome: "accepted", detail: "terraform validate passed a value the provider refuses" };
  if (r.outcome === "NOT VALIDATED") return { name: f.name, outcome: "not run", detail: r.reasons.join("; ") };
  const hit = r.reasons.find((reason) => f.expect.test(reason));
  return hit
    ? { name: f.name, outcome: "rejected", detail: hit.slice(0, 160) }
    : { name: f.name, outcome: "wrong error", detail: `expected ${f.expect}, got: ${r.reasons.join("; ").slice(0, 300)}` };
}

function main(argv: string[]): number {
  const outdir = resolve(argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--require") ?? "cdktf.out");
  const req = parseRequire(argv, process.env);
  const stacksDir = join(outdir, "stacks");
  if (!existsSync(stacksDir)) throw new Error(`${stacksDir} does not exist; run \`npm run synth\` first.`);
  const stacks = readdirSync(stacksDir)
    .filter((s) => existsSync(join(stacksDir, s, "cdk.tf.json")))
    .sort();
  if (stacks.length === 0) throw new Error(`no synthesized stack under ${stacksDir}; run \`npm run synth\` first.`);
  if (spawnSync("terraform", ["version"], { encoding: "utf8" }).error) {
    throw new Error("terraform CLI not found on PATH: install Terraform >= 1.5 (README, Prerequisites) to validate.");
  }
  const { env, source } = terraformEnv();
  console.log(`providers from: ${source}`);
  const results = stacks.map((s) => validateDir(s, join(stacksDir, s), env));
  const fixtures = NEGATIVE_FIXTURES.map((f) => runFixture(f, outdir, results, env));
  console.log(formatReport(results, fixtures, req));
  writeFileSync(
    join(outdir, "validate-report.json"),
    JSON.stringify({ providers: source, require: req, stacks: results, fixtures }, null, 2),
  );
  return exitCode(results, fixtures, req);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}

/**
 * Mutation testing of constructs and stacks, one scope at a time (docs/testing.md#mutation-testing).
 *
 *   npm run mutation:scope -- azure-security        # run one scope (incremental: re-runs are cheap)
 *   npm run mutation:scope -- --list                # the scopes
 *   npm run mutation:scope -- --report azure-security   # re-print the last report of a scope
 *   npm run mutation:scope -- aws-security --fresh      # forget the incremental state first
 *
 * Use --fresh after adding a test file to a scope: the mutants here are "static" (covered from beforeAll),
 * and Stryker's incremental mode kept every earlier "Survived" when only new test files were added
 * (measured: a re-run with two new test files reused all 487 results in 52 s).
 *
 * Why scopes instead of `stryker run` over everything: construct code runs while a test file synthesizes
 * its stacks in `beforeAll`, which Stryker counts as "static" coverage, so each construct mutant re-runs
 * every selected test file (5-15 s here). A scope pairs a few source files with the test files that
 * assert on them. A mutant those files miss could still be killed by another test, so a scope's score is
 * a lower bound for the whole suite. Snapshots and staleness tests are off (test/mutation/jest.config.js):
 * only named assertions count.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

interface Scope {
  /** Why these files belong together. */
  readonly why: string;
  readonly mutate: readonly string[];
  readonly tests: readonly string[];
}

/** The settings issue 13 names as security settings: public access, encryption, key policy, network rules, deletion protection, backups. */
export const SCOPES: Readonly<Record<string, Scope>> = {
  "azure-security": {
    why: "Key Vault (purge protection, RBAC, network ACLs, CMKs) and the network (NSGs, firewall, DNS)",
    mutate: ["constructs/azure/key-vault.ts", "constructs/azure/network.ts", "constructs/azure/private-endpoint.ts"],
    tests: [
      "test/foundation/azure-stacks.test.ts",
      "test/policy/shipped-azure-stacks.test.ts",
      "test/azure/deployability.test.ts",
      "test/azure/workload-identity.test.ts",
      "test/azure/key-vault.test.ts",
      "test/azure/network.test.ts",
      "test/azure/deletion-protection-default.test.ts",
      "test/foundation/no-empty-values.test.ts",
    ],
  },
  "aws-security": {
    why: "KMS key policies, the VPC and its security groups, and the S3 bucket baseline",
    mutate: [
      "constructs/aws/kms-keys.ts",
      "constructs/aws/network.ts",
      "constructs/aws/secure-bucket.ts",
      "constructs/aws/access-log-bucket.ts",
    ],
    tests: [
      "test/aws/constructs.test.ts",
      "test/aws/stack-security.test.ts",
      "test/aws/bucket-baseline.test.ts",
      "test/policy/shipped-aws-stacks.test.ts",
      "test/policy/kms-open-policy.test.ts",
      "test/foundation/no-empty-values.test.ts",
      "test/aws/access.test.ts",
      "test/aws/network-and-keys.test.ts",
    ],
  },
  "azure-stateful": {
    why: "the stores: deletion protection, backups and retention, CMK encryption, private access",
    mutate: [
      "constructs/azure/sql-database.ts",
      "constructs/azure/cosmos-db.ts",
      "constructs/azure/data-lake.ts",
      "constructs/azure/synapse-warehouse.ts",
    ],
    tests: [
      "test/azure/sql-database.test.ts",
      "test/azure/cosmos-db.test.ts",
      "test/azure/data-lake.test.ts",
      "test/azure/synapse-warehouse.test.ts",
      "test/azure/deletion-protection-default.test.ts",
      "test/policy/shipped-azure-stacks.test.ts",
    ],
  },
  "aws-stateful": {
    why: "the stores and their backups: deletion protection, retention, encryption, vault lock",
    mutate: [
      "constructs/aws/aurora-postgres.ts",
      "constructs/aws/document-store.ts",
      "constructs/aws/redshift-warehouse.ts",
      "constructs/aws/backup-plan.ts",
      "constructs/aws/dr-backup-vault.ts",
    ],
    tests: [
      "test/aws/constructs.test.ts",
      "test/aws/stack-security.test.ts",
      "test/aws/stack-sizing.test.ts",
      "test/policy/shipped-aws-stacks.test.ts",
    ],
  },
};

function strykerConfig(name: string, scope: Scope): string {
  const base = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8")) as Record<string, unknown>;
  const config = {
    ...base,
    mutate: scope.mutate,
    jest: { configFile: "test/mutation/jest.config.js", enableFindRelatedTests: false },
    // Construct mutants are covered from beforeAll (static): ignoring them would drop them from the score.
    ignoreStatic: false,
    incrementalFile: `reports/stryker-incremental-${name}.json`,
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  };
  const file = join(ROOT, `stryker.${name}.tmp.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

interface MutantResult {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { start: { line: number } };
}

/** Per-file counts and the survivors of one scope's last report. */
export function summarize(report: { files: Record<string, { mutants: MutantResult[]; source: string }> }): string {
  const counted = ["Killed", "Timeout", "Survived", "NoCoverage"];
  const rows: string[] = ["| File | Score | Killed | Timeout | Survived | No coverage |", "|---|---|---|---|---|---|"];
  const survivors: string[] = [];
  const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const [file, { mutants, source }] of Object.entries(report.files).sort()) {
    const n = Object.fromEntries(counted.map((s) => [s, mutants.filter((m) => m.status === s).length])) as typeof total;
    for (const s of counted) total[s as keyof typeof total] += n[s as keyof typeof total];
    const detected = n.Killed + n.Timeout;
    const all = detected + n.Survived + n.NoCoverage;
    rows.push(
      `| ${file} | ${all ? ((100 * detected) / all).toFixed(1) : "-"} % | ${n.Killed} | ${n.Timeout} | ${n.Survived} | ${n.NoCoverage} |`,
    );
    const lines = source.split("\n");
    for (const m of mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
      const line = m.location.start.line;
      survivors.push(
        `- ${file}:${line} ${m.status} ${m.mutatorName} -> ${(m.replacement ?? "").replace(/\s+/g, " ").slice(0, 80)}  | ${lines[line - 1]?.trim().slice(0, 100)}`,
      );
    }
  }
  const all = total.Killed + total.Timeout + total.Survived + total.NoCoverage;
  rows.push(
    `| **all** | ${all ? ((100 * (total.Killed + total.Timeout)) / all).toFixed(1) : "-"} % | ${total.Killed} | ${total.Timeout} | ${total.Survived} | ${total.NoCoverage} |`,
  );
  return [...rows, "", survivors.length ? "Survivors:" : "No survivors.", ...survivors].join("\n");
}

function printReport(name: string): void {
  const file = join(ROOT, "reports", "mutation", `${name}.json`);
  if (!existsSync(file)) throw new Error(`no report for scope "${name}" yet (${file}); run: npm run mutation:scope -- ${name}`);
  console.log(summarize(JSON.parse(readFileSync(file, "utf8"))));
}

function main(argv: string[]): number {
  if (argv[0] === "--list" || argv.length === 0) {
    for (const [name, s] of Object.entries(SCOPES))
      console.log(`${name.padEnd(16)} ${s.why}\n${" ".repeat(17)}mutates ${s.mutate.join(", ")}`);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "--report") {
    printReport(argv[1] ?? "");
    return 0;
  }
  const name = argv[0];
  const scope = SCOPES[name];
  if (argv.includes("--fresh")) rmSync(join(ROOT, "reports", `stryker-incremental-${name}.json`), { force: true });
  if (!scope) {
    console.error(`unknown scope "${name}"; scopes: ${Object.keys(SCOPES).join(", ")}`);
    return 2;
  }
  mkdirSync(join(ROOT, "reports", "mutation"), { recursive: true });
  const config = strykerConfig(name, scope);
  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", config], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", MUTATION_TESTS: scope.tests.join(",") },
  });
  rmSync(config, { force: true });
  console.log(`\nscope ${name}: ${((Date.now() - started) / 60000).toFixed(1)} min`);
  if (run.status === 0) printReport(name);
  return run.status ?? 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

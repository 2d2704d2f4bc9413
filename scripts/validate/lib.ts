/**
 * The logic of `npm run validate` that needs no Terraform: what a stack's outcome is, which stacks
 * must be validated, the negative fixtures, and the exit code. `cli.ts` runs Terraform around it.
 */

/** VALID and INVALID come from `terraform validate`; NOT VALIDATED means its providers could not be installed. */
export type Outcome = "VALID" | "INVALID" | "NOT VALIDATED";

export interface StackResult {
  readonly stack: string;
  readonly outcome: Outcome;
  /** Why INVALID or NOT VALIDATED, one line per diagnostic. */
  readonly reasons: readonly string[];
  readonly seconds: number;
}

/** A synthesized `cdk.tf.json`, as far as the fixtures read it. */
export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
}

/** A bad value the TypeScript types accept and the provider's schema refuses: validate must reject it. */
export interface NegativeFixture {
  readonly name: string;
  /** Stack whose synthesized JSON the fixture starts from. */
  readonly baseStack: string;
  /** Edits the parsed `cdk.tf.json` in place. */
  readonly mutate: (json: TerraformJson) => void;
  /** The diagnostic `terraform validate` must print. */
  readonly expect: RegExp;
}

export interface FixtureResult {
  readonly name: string;
  /** rejected: validate failed with the expected diagnostic; accepted: validate passed (a guard is gone). */
  readonly outcome: "rejected" | "accepted" | "wrong error" | "not run";
  readonly detail: string;
}

/** The first resource of a type in a stack's JSON (fixtures edit a real resource, not a hand-written one). */
function firstResource(json: TerraformJson, type: string): Record<string, unknown> {
  const first = Object.values(json.resource?.[type] ?? {})[0];
  if (first === undefined) throw new Error(`fixture base stack has no ${type}`);
  return first;
}

/**
 * String-typed attributes in the cdktf bindings whose allowed values only the provider knows. Each
 * is a mistake a user can make in an environment or construct and that synth and tsc let through.
 */
export const NEGATIVE_FIXTURES: readonly NegativeFixture[] = [
  {
    // The brief says "5000 DWU"; the service's SKUs are DW100c ... DW30000c (StringInSlice in synapse_sql_pool_resource.go).
    name: "synapse-sql-pool-unknown-sku",
    baseStack: "azure-dev",
    mutate: (json) => {
      firstResource(json, "azurerm_synapse_sql_pool").sku_name = "DW5000";
    },
    expect: /expected sku_name to be one of/,
  },
  {
    // Key Vault accepts expire_after from P28D to P100Y (ISO8601DurationBetween in key_vault_key_resource.go).
    name: "key-rotation-shorter-than-28-days",
    baseStack: "azure-dev",
    mutate: (json) => {
      (firstResource(json, "azurerm_key_vault_key").rotation_policy as Record<string, unknown>).expire_after = "P7D";
    },
    expect: /expire_after/,
  },
];

/**
 * Init failures that mean "this provider cannot be installed here" (offline registry, provider not in
 * the mirror), as opposed to a configuration error, which makes the stack INVALID.
 */
const PROVIDER_INSTALL_ERRORS = [
  /Failed to query available provider packages/,
  /Failed to install provider/,
  /could not connect to registry/,
  /Failed to resolve provider packages/,
  /provider registry\.terraform\.io\/[\w-]+\/[\w-]+ was not found/i,
];

/** True when `terraform init` output says a provider could not be installed. */
export function isProviderInstallFailure(initOutput: string): boolean {
  return PROVIDER_INSTALL_ERRORS.some((p) => p.test(initOutput));
}

/** The providers an init output names as not installable, e.g. `hashicorp/aws`. */
export function uninstallableProviders(initOutput: string): string[] {
  const found = new Set<string>();
  // Terraform wraps its messages: "for provider\nhashicorp/aws", "depending on hashicorp/aws".
  for (const m of initOutput.matchAll(/(?:provider|depending on)\s+(?:registry\.terraform\.io\/)?([\w-]+\/[\w-]+)/g)) found.add(m[1]);
  return [...found].sort();
}

/** One line per error diagnostic of `terraform validate -json`. */
export function validateDiagnostics(validateJson: string): { valid: boolean; errors: string[] } {
  const parsed = JSON.parse(validateJson) as {
    valid: boolean;
    diagnostics?: { severity: string; summary: string; detail?: string; address?: string }[];
  };
  const errors = (parsed.diagnostics ?? [])
    .filter((d) => d.severity === "error")
    .map((d) =>
      [d.address, d.summary, d.detail]
        .filter((x) => x)
        .join(": ")
        .replace(/\s+/g, " "),
    );
  return { valid: parsed.valid, errors };
}

export interface RequireOptions {
  /** Every stack must be validated (a machine that reaches the registry). */
  readonly all: boolean;
  /** Stack name prefixes that must be validated (e.g. `azure-` offline, where the mirror has azurerm). */
  readonly prefixes: readonly string[];
}

/** Parses `--require-all` / `--require <prefix>` (repeatable) and VALIDATE_REQUIRE_ALL=1. */
export function parseRequire(argv: readonly string[], env: NodeJS.ProcessEnv): RequireOptions {
  const prefixes: string[] = [];
  argv.forEach((a, i) => {
    if (a === "--require") {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new Error("--require needs a stack name prefix, e.g. --require azure-");
      prefixes.push(next);
    }
  });
  return { all: argv.includes("--require-all") || env.VALIDATE_REQUIRE_ALL === "1", prefixes };
}

function required(stack: string, req: RequireOptions): boolean {
  return req.all || req.prefixes.some((p) => stack.startsWith(p));
}

/**
 * Exit status: 1 when a stack is INVALID, a required stack is NOT VALIDATED, or a fixture was not
 * rejected as expected (including a fixture that could not run because its base stack was required).
 */
export function exitCode(stacks: readonly StackResult[], fixtures: readonly FixtureResult[], req: RequireOptions): number {
  const invalid = stacks.some((s) => s.outcome === "INVALID");
  const missing = stacks.some((s) => s.outcome === "NOT VALIDATED" && required(s.stack, req));
  const badFixture = fixtures.some((f) => f.outcome === "accepted" || f.outcome === "wrong error");
  const fixtureBase = (f: FixtureResult) => NEGATIVE_FIXTURES.find((n) => n.name === f.name)?.baseStack ?? "";
  const unrunRequired = fixtures.some((f) => f.outcome === "not run" && required(fixtureBase(f), req));
  return invalid || missing || badFixture || unrunRequired ? 1 : 0;
}

/** The report printed at the end: one row per stack and fixture, then a summary line that never calls NOT VALIDATED a pass. */
export function formatReport(stacks: readonly StackResult[], fixtures: readonly FixtureResult[], req: RequireOptions): string {
  const rows = stacks.map((s) => {
    const mark = s.outcome === "NOT VALIDATED" && required(s.stack, req) ? " (required)" : "";
    const head = `${s.stack.padEnd(16)} ${(s.outcome + mark).padEnd(26)} ${s.seconds.toFixed(1).padStart(5)} s`;
    return [head, ...s.reasons.map((r) => `    ${r}`)].join("\n");
  });
  const fixtureRows = fixtures.map((f) => `fixture ${f.name}: ${f.outcome}${f.detail ? ` (${f.detail})` : ""}`);
  const count = (o: Outcome) => stacks.filter((s) => s.outcome === o).length;
  const rejected = fixtures.filter((f) => f.outcome === "rejected").length;
  const summary =
    `validate: ${count("VALID")} valid, ${count("INVALID")} invalid, ${count("NOT VALIDATED")} NOT VALIDATED` +
    ` of ${stacks.length} stack(s); negative fixtures rejected: ${rejected} of ${fixtures.length}`;
  return [...rows, ...fixtureRows, summary].join("\n");
}

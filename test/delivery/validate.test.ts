/**
 * `npm run validate`: the outcome rules that need no Terraform (the Terraform runs themselves are in
 * `.ci/run`, where the negative fixtures prove that validate rejects bad values; see docs/provider-review.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { dev } from "../../environments/dev";
import {
  FixtureResult,
  NEGATIVE_FIXTURES,
  StackResult,
  exitCode,
  formatReport,
  isProviderInstallFailure,
  parseRequire,
  uninstallableProviders,
  validateDiagnostics,
} from "../../scripts/validate/lib";
import { synthAzure } from "../helpers/synth";

/** What terraform 1.11 printed offline for an AWS stack (line wrapping included). */
const OFFLINE_INIT = `Initializing provider plugins...
- Finding hashicorp/aws versions matching "6.25.0"...

Error: Failed to query available provider packages

Could not retrieve the list of available versions for provider
hashicorp/aws: could not connect to registry.terraform.io: failed to
request discovery document

To see which modules are currently depending on hashicorp/aws and what
versions are specified, run the following command:
    terraform providers`;

const stack = (name: string, outcome: StackResult["outcome"]): StackResult => ({ stack: name, outcome, reasons: [], seconds: 1 });
const none = { all: false, prefixes: [] };

describe("validate outcome rules", () => {
  test("an offline registry is a provider-install failure naming the provider; a config error is not", () => {
    expect(isProviderInstallFailure(OFFLINE_INIT)).toBe(true);
    expect(uninstallableProviders(OFFLINE_INIT)).toEqual(["hashicorp/aws"]);
    expect(isProviderInstallFailure('Error: Unsupported argument\n\nAn argument named "sku" is not expected here.')).toBe(false);
  });

  test("validate -json errors become one line each, warnings are not errors", () => {
    const json = JSON.stringify({
      valid: false,
      diagnostics: [
        { severity: "warning", summary: "Deprecated" },
        { severity: "error", summary: "expected sku_name to be one of [...]", address: "azurerm_synapse_sql_pool.p" },
      ],
    });
    expect(validateDiagnostics(json)).toEqual({
      valid: false,
      errors: ["azurerm_synapse_sql_pool.p: expected sku_name to be one of [...]"],
    });
  });

  test("exit code: invalid fails; NOT VALIDATED fails only when required; an accepted or unrun required fixture fails", () => {
    const aws = stack("aws-dev", "NOT VALIDATED");
    const azure = stack("azure-dev", "VALID");
    const rejected: FixtureResult = { name: NEGATIVE_FIXTURES[0].name, outcome: "rejected", detail: "" };
    expect(exitCode([aws, azure], [rejected], none)).toBe(0);
    expect(exitCode([aws, stack("azure-prod", "INVALID")], [rejected], none)).toBe(1);
    expect(exitCode([aws, azure], [rejected], { all: true, prefixes: [] })).toBe(1);
    expect(exitCode([aws, azure], [rejected], { all: false, prefixes: ["aws-"] })).toBe(1);
    expect(exitCode([stack("azure-dev", "NOT VALIDATED")], [rejected], { all: false, prefixes: ["azure-"] })).toBe(1);
    expect(exitCode([aws, azure], [{ ...rejected, outcome: "accepted" }], none)).toBe(1);
    expect(exitCode([aws, azure], [{ ...rejected, outcome: "wrong error" }], none)).toBe(1);
    expect(exitCode([aws, azure], [{ ...rejected, outcome: "not run" }], { all: false, prefixes: ["azure-"] })).toBe(1);
  });

  test("the summary counts NOT VALIDATED apart from valid and marks required ones", () => {
    const text = formatReport([stack("aws-dev", "NOT VALIDATED"), stack("azure-dev", "VALID")], [], { all: false, prefixes: ["aws-"] });
    expect(text).toContain("aws-dev          NOT VALIDATED (required)");
    expect(text).toMatch(/validate: 1 valid, 0 invalid, 1 NOT VALIDATED of 2 stack\(s\)/);
  });

  test("--require needs a prefix; VALIDATE_REQUIRE_ALL=1 requires every stack", () => {
    expect(() => parseRequire(["--require"], {})).toThrow(/--require needs a stack name prefix/);
    expect(parseRequire(["--require", "azure-", "cdktf.out"], {})).toEqual({ all: false, prefixes: ["azure-"] });
    expect(parseRequire([], { VALIDATE_REQUIRE_ALL: "1" })).toEqual({ all: true, prefixes: [] });
  });

  test("each negative fixture edits an attribute that exists in its base stack", () => {
    for (const f of NEGATIVE_FIXTURES) {
      expect(f.baseStack).toBe("azure-dev");
      const json = structuredClone(synthAzure(dev).json);
      const before = JSON.stringify(json);
      f.mutate(json);
      expect({ fixture: f.name, changed: JSON.stringify(json) !== before }).toEqual({ fixture: f.name, changed: true });
    }
  });
});

describe("validate runs in CI", () => {
  const root = join(__dirname, "..", "..");

  test(".ci/run validates after synth and requires the Azure stacks", () => {
    const lines = readFileSync(join(root, ".ci", "run"), "utf8").split("\n");
    const synth = lines.findIndex((l) => /^npm run synth\b/.test(l));
    const validate = lines.findIndex((l) => /^npm run validate -- --require azure-$/.test(l));
    expect(synth).toBeGreaterThanOrEqual(0);
    expect(validate).toBeGreaterThan(synth);
  });

  test("the GitHub workflow installs Terraform and requires every stack to validate, after synth", () => {
    const ci = parse(readFileSync(join(root, ".github", "workflows", "ci.yml"), "utf8"));
    const steps: { uses?: string; run?: string }[] = ci.jobs.verify.steps;
    const at = (p: (s: { uses?: string; run?: string }) => boolean) => steps.findIndex(p);
    const synth = at((s) => /npm run synth\b/.test(s.run ?? ""));
    const terraform = at((s) => (s.uses ?? "").startsWith("hashicorp/setup-terraform@"));
    const validate = at((s) => /npm run validate -- --require-all\b/.test(s.run ?? ""));
    expect(synth).toBeGreaterThanOrEqual(0);
    expect(terraform).toBeGreaterThan(synth);
    expect(validate).toBeGreaterThan(terraform);
  });
});

/** Evaluates the rules of the selected packs on synthesized stacks. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKS } from "../packs";
import { ALL_RULES } from "../rules";
import { TerraformJson, TfStack } from "../../tfjson";
import { markerSuppressions, Suppression, suppressionProblem } from "./suppressions";
import type {
  Cloud,
  ConfigError,
  Finding,
  PackName,
  PolicyReport,
  ReportRule,
  ReportStack,
  Rule,
  RuleContext,
  RuleResult,
  StackPolicyConfig,
} from "./types";

export interface EvaluateOptions {
  /** Rules to choose from (default: every registered rule). */
  readonly rules?: readonly Rule[];
  /** Pack name -> rule ids (default: the shipped packs). */
  readonly packs?: Readonly<Record<string, readonly string[]>>;
}

export interface StackEvaluation {
  readonly findings: Finding[];
  readonly configErrors: ConfigError[];
}

export const DEFAULT_POLICY_CONFIG: StackPolicyConfig = { packs: ["baseline"] };

/** Evaluates one stack document. */
/**
 * The platform a resource type belongs to, from its provider prefix: a cloud, a SaaS vendor (Snowflake,
 * MongoDB Atlas: judged only by their own rules and by "any" rules), or undefined for provider-neutral
 * utilities such as time_sleep or terraform_data.
 */
function platformOfType(type: string): Cloud | "saas" | undefined {
  if (type.startsWith("azurerm_") || type.startsWith("azuread_") || type.startsWith("azapi_")) return "azure";
  if (type.startsWith("aws_")) return "aws";
  if (type.startsWith("snowflake_") || type.startsWith("mongodbatlas_")) return "saas";
  return undefined;
}

function inCloud(clouds: readonly Cloud[], type: string): boolean {
  const platform = platformOfType(type);
  if (platform === undefined || clouds.includes("any")) return true;
  return platform !== "saas" && clouds.includes(platform);
}

export function evaluateStack(
  stack: string,
  doc: TerraformJson,
  config: StackPolicyConfig,
  options: EvaluateOptions = {},
): StackEvaluation {
  const rules = options.rules ?? ALL_RULES;
  const packs = options.packs ?? PACKS;
  const graph = new TfStack(stack, doc);
  const context: RuleContext = { stack, graph };
  const configErrors: ConfigError[] = [];

  const activeIds = new Set<string>();
  for (const pack of config.packs) {
    const ids = packs[pack];
    if (!ids) configErrors.push({ stack, message: `unknown policy pack "${pack}" (known: ${Object.keys(packs).join(", ")})` });
    else ids.forEach((id) => activeIds.add(id));
  }
  const active = rules.filter((r) => activeIds.has(r.id));

  const findings: Finding[] = [];
  const add = (rule: Rule, address: string, result: RuleResult): void => {
    if (result.status === "not_applicable") return;
    findings.push({
      stack,
      address,
      ruleId: rule.id,
      severity: rule.severity,
      status: result.status,
      message: result.message ?? rule.title,
      ...(result.status === "fail" ? { fix: rule.fix } : {}),
    });
  };
  for (const rule of active) {
    if (rule.scope === "stack") {
      for (const { address, result } of safe(rule, () => rule.checkStack(context), "stack")) add(rule, address, result);
      continue;
    }
    const all = rule.resourceTypes.includes("*");
    // A "*" rule of one cloud never judges the other cloud's resources (provider-neutral types such as
    // time_sleep or terraform_data stay in scope).
    const targets = all ? graph.resources.filter((res) => inCloud(rule.clouds, res.type)) : graph.ofType(...rule.resourceTypes);
    for (const resource of targets) {
      const [outcome] = safe(rule, () => [{ address: resource.address, result: rule.check(resource, context) }], resource.address);
      add(rule, resource.address, outcome!.result);
    }
  }

  // Suppressions: from the environment and from suppress() markers in the JSON.
  const knownIds = new Set(rules.map((r) => r.id));
  const suppressions: Suppression[] = [
    ...(config.suppressions ?? []).map((s) => ({ ...s, source: "environment" as const })),
    ...markerSuppressions(graph),
  ];
  for (const s of suppressions) {
    const where = `suppression of ${s.ruleId} on ${s.resource} (${s.source === "code" ? "suppress() in code" : "environment file"})`;
    const problem = suppressionProblem(s, knownIds);
    if (problem) {
      configErrors.push({ stack, message: `${where}: ${problem}` });
      continue;
    }
    let matched = false;
    findings.forEach((f, i) => {
      if (f.ruleId !== s.ruleId || f.address !== s.resource || f.status !== "fail") return;
      findings[i] = { ...f, status: "suppressed", suppressionReason: s.reason.trim(), suppressionSource: s.source };
      matched = true;
    });
    if (!matched) {
      const why = !graph.get(s.resource)
        ? "the resource is not in this stack"
        : !activeIds.has(s.ruleId)
          ? `rule ${s.ruleId} is not in the selected packs (${config.packs.join(", ")})`
          : "the rule does not fail on this resource";
      configErrors.push({ stack, message: `${where} matches nothing: ${why}; remove it` });
    }
  }
  return { findings, configErrors };
}

function safe(
  rule: Rule,
  run: () => ReadonlyArray<{ address: string; result: RuleResult }>,
  address: string,
): ReadonlyArray<{ address: string; result: RuleResult }> {
  try {
    return run();
  } catch (e) {
    return [{ address, result: { status: "fail", message: `rule ${rule.id} crashed: ${(e as Error).message}` } }];
  }
}

/** Every registered rule with the packs it belongs to, for reports and docs. */
export function describeRules(
  rules: readonly Rule[] = ALL_RULES,
  packs: Readonly<Record<string, readonly string[]>> = PACKS,
): ReportRule[] {
  return rules.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    clouds: r.clouds,
    resourceTypes: r.resourceTypes,
    pci: r.pci,
    packs: (Object.keys(packs) as PackName[]).filter((p) => packs[p]!.includes(r.id)),
    references: r.references ?? {},
    fix: r.fix,
  }));
}

/** Stack names listed in a cdktf output folder's manifest.json. */
export function listStacks(outdir: string): { name: string; file: string }[] {
  const manifestPath = join(outdir, "manifest.json");
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} not found: is "${outdir}" a cdktf output folder? Run "npm run synth" first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    stacks?: Record<string, { synthesizedStackPath?: string; name?: string }>;
  };
  return Object.entries(manifest.stacks ?? {}).map(([key, s]) => ({
    name: s.name ?? key,
    file: join(outdir, s.synthesizedStackPath ?? join("stacks", key, "cdk.tf.json")),
  }));
}

/**
 * Evaluates every stack of a cdktf output folder. Stacks missing from `configs` get the baseline pack
 * and are marked `defaulted` in the report.
 */
export function evaluateOutdir(
  outdir: string,
  configs: Readonly<Record<string, StackPolicyConfig>>,
  options: EvaluateOptions = {},
): PolicyReport {
  const started = performance.now();
  const stacks: ReportStack[] = [];
  const findings: Finding[] = [];
  const configErrors: ConfigError[] = [];
  const listed = listStacks(outdir);
  for (const { name, file } of listed) {
    const config = configs[name] ?? DEFAULT_POLICY_CONFIG;
    const doc = JSON.parse(readFileSync(file, "utf8")) as TerraformJson;
    const result = evaluateStack(name, doc, config, options);
    findings.push(...result.findings);
    configErrors.push(...result.configErrors);
    stacks.push({
      name,
      packs: config.packs,
      defaulted: configs[name] === undefined,
      resources: Object.values(doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0),
    });
  }
  for (const name of Object.keys(configs)) {
    if (!listed.some((s) => s.name === name) && (configs[name]?.suppressions?.length ?? 0) > 0) {
      configErrors.push({ stack: name, message: `stack "${name}" has suppressions but is not in ${outdir}/manifest.json` });
    }
  }
  return buildReport(outdir, stacks, findings, configErrors, performance.now() - started, options);
}

export function buildReport(
  outdir: string,
  stacks: ReportStack[],
  findings: Finding[],
  configErrors: ConfigError[],
  durationMs: number,
  options: EvaluateOptions = {},
): PolicyReport {
  const open = findings.filter((f) => f.status === "fail");
  return {
    outdir,
    rules: describeRules(options.rules, options.packs),
    stacks,
    findings,
    configErrors,
    summary: {
      pass: findings.filter((f) => f.status === "pass").length,
      fail: open.length,
      suppressed: findings.filter((f) => f.status === "suppressed").length,
      errors: open.filter((f) => f.severity === "error").length,
      warnings: open.filter((f) => f.severity === "warning").length,
    },
    durationMs: Math.round(durationMs * 10) / 10,
  };
}

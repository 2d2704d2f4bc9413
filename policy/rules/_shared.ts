/**
 * Building blocks for rule files: each returns a RuleResult whose message names the attribute and
 * the fix. Not a rule itself.
 */
import { fail, notApplicable, pass } from "../engine/rule";
import type { RuleContext, RuleResult, TfResource } from "../engine/types";
import { get, hasValue, isExpression, isFalse, isTrue, show, toNumber } from "../engine/values";

export { fail, notApplicable, pass };

/** The attribute's value, with `${local.x}` / `${var.x}` resolved. */
export function attr(resource: TfResource, ctx: RuleContext, path: string): unknown {
  return ctx.graph.literal(get(resource.config, path));
}

/** `path` must be the boolean `expected`; `providerDefault` applies when the attribute is absent. */
export function expectBool(resource: TfResource, ctx: RuleContext, path: string, expected: boolean, providerDefault?: boolean): RuleResult {
  const raw = attr(resource, ctx, path);
  const value = raw === undefined || raw === null ? providerDefault : isTrue(raw) ? true : isFalse(raw) ? false : raw;
  if (value === expected) return pass(`${path} = ${expected}`);
  if (isExpression(value))
    return fail(`${path} is the expression ${show(value)}, which cannot be verified statically; set ${path} = ${expected} literally`);
  const now = raw === undefined ? `unset (provider default ${show(providerDefault)})` : show(raw);
  return fail(`${path} is ${now}; set ${path} = ${expected}`);
}

/** Numeric `path` must be >= `min`; `zeroMeansForever` treats 0 as unlimited retention. */
export function expectMin(
  resource: TfResource,
  ctx: RuleContext,
  path: string,
  min: number,
  opts: { providerDefault?: number; zeroMeansForever?: boolean; unit?: string } = {},
): RuleResult {
  const raw = attr(resource, ctx, path);
  const value = raw === undefined || raw === null ? opts.providerDefault : toNumber(raw);
  const unit = opts.unit ? ` ${opts.unit}` : "";
  if (value !== undefined && (value >= min || (opts.zeroMeansForever === true && value === 0))) {
    return pass(`${path} = ${value}${unit}`);
  }
  if (isExpression(raw))
    return fail(`${path} is the expression ${show(raw)}, which cannot be verified statically; set ${path} >= ${min}${unit}`);
  const now = raw === undefined ? `unset (provider default ${show(opts.providerDefault)})` : show(raw);
  return fail(`${path} is ${now}; set ${path} >= ${min}${unit}`);
}

/** `path` must be one of `allowed` (case-insensitive); `providerDefault` applies when absent. */
export function expectOneOf(
  resource: TfResource,
  ctx: RuleContext,
  path: string,
  allowed: readonly string[],
  providerDefault?: string,
): RuleResult {
  const raw = attr(resource, ctx, path);
  const value = raw === undefined || raw === null ? providerDefault : raw;
  if (typeof value === "string" && allowed.some((a) => a.toLowerCase() === value.toLowerCase())) return pass(`${path} = ${value}`);
  const now = raw === undefined ? `unset (provider default ${show(providerDefault)})` : show(raw);
  return fail(`${path} is ${now}; set ${path} to ${allowed.map((a) => `"${a}"`).join(" or ")}`);
}

/** `path` must be set (a key id, a log group...). */
export function expectSet(resource: TfResource, ctx: RuleContext, path: string, what: string): RuleResult {
  const value = attr(resource, ctx, path);
  if (hasValue(value) && value !== false) return pass(`${path} is set`);
  return fail(`${path} is unset; set ${path} to ${what}`);
}

/** Combines results: the first failure wins, otherwise pass. */
export function all(...results: RuleResult[]): RuleResult {
  const failed = results.filter((r) => r.status === "fail");
  if (failed.length > 0) return fail(failed.map((r) => r.message).join("; "));
  return pass(
    results
      .map((r) => r.message)
      .filter(Boolean)
      .join("; ") || undefined,
  );
}

/** An `azurerm_private_endpoint` whose private_service_connection points at the resource. */
export function requirePrivateEndpoint(resource: TfResource, ctx: RuleContext): RuleResult {
  const endpoints = ctx.graph.referrers(resource, {
    type: "azurerm_private_endpoint",
    attribute: "private_service_connection.private_connection_resource_id",
  });
  if (endpoints.length > 0) return pass(`private endpoint ${endpoints.map((e) => e.address).join(", ")}`);
  return fail(
    `no azurerm_private_endpoint has private_service_connection.private_connection_resource_id = "\${${resource.address}.id}"; add a private endpoint in the private endpoint subnet`,
  );
}

/** An `azurerm_monitor_diagnostic_setting` whose target_resource_id points at the resource (or one of its sub-resources). */
export function requireDiagnosticSetting(resource: TfResource, ctx: RuleContext): RuleResult {
  const settings = ctx.graph.referrers(resource, { type: "azurerm_monitor_diagnostic_setting", attribute: "target_resource_id" });
  if (settings.length > 0) return pass(`diagnostic setting ${settings.map((s) => s.address).join(", ")}`);
  return fail(
    `no azurerm_monitor_diagnostic_setting has target_resource_id = "\${${resource.address}.id}"; add one sending logs to the Log Analytics workspace`,
  );
}

/** Does `resource` carry `lifecycle.prevent_destroy = true`? */
export function preventsDestroy(resource: TfResource): boolean {
  return isTrue(get(resource.config, "lifecycle.prevent_destroy"));
}

/** Text of a policy document given as a JSON string, a jsonencode() expression or a policy-document data source. */
export function policyText(value: unknown, ctx: RuleContext): string {
  if (typeof value !== "string") return value === undefined ? "" : JSON.stringify(value);
  const doc = ctx.graph.resolve(value, "aws_iam_policy_document");
  return doc ? `${value}\n${JSON.stringify(doc.config)}` : value;
}

/**
 * What a resource waits for through `depends_on` (addresses written plainly or as `${...}`), resolved
 * to the stack's resources. Ordering rules read it; references in attributes are `ctx.graph.references`.
 */
export function dependencies(resource: TfResource, ctx: RuleContext): TfResource[] {
  const raw = resource.config["depends_on"];
  const list = Array.isArray(raw) ? raw : [];
  return list
    .filter((d): d is string => typeof d === "string")
    .map((d) => ctx.graph.get(d.replace(/^\$\{|\}$/g, "")))
    .filter((r): r is TfResource => r !== undefined);
}

/** True when `resource` waits (directly) for a `time_sleep` that itself waits for a role assignment. */
export function waitsForRbacPropagation(resource: TfResource, ctx: RuleContext): boolean {
  return dependencies(resource, ctx).some(
    (d) => d.type === "time_sleep" && dependencies(d, ctx).some((a) => a.type === "azurerm_role_assignment"),
  );
}

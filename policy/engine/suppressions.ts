/**
 * Suppressions: one rule switched off for one resource, with a reason. They come from the environment
 * file (`policy.suppressions`) or from `suppress()` markers that land in the resource's JSON under
 * `"//": { "policy_suppressions": { "<rule id>": "<reason>" } }` (Terraform ignores `//` keys).
 */
import { MIN_REASON_LENGTH, SUPPRESSION_MARKER_KEY, type TfStack } from "../../tfjson";
import type { SuppressionInput } from "./types";
import { isObject } from "./values";

export interface Suppression extends SuppressionInput {
  readonly source: "environment" | "code";
}

/** Reads the `suppress()` markers of every resource of a stack. */
export function markerSuppressions(graph: TfStack): Suppression[] {
  const result: Suppression[] = [];
  for (const r of graph.resources) {
    const meta = r.config["//"];
    if (!isObject(meta)) continue;
    const markers = meta[SUPPRESSION_MARKER_KEY];
    if (isObject(markers)) {
      for (const [ruleId, reason] of Object.entries(markers)) {
        result.push({ ruleId, resource: r.address, reason: typeof reason === "string" ? reason : "", source: "code" });
      }
    } else if (Array.isArray(markers)) {
      for (const m of markers) {
        if (!isObject(m)) continue;
        const ruleId = m["rule_id"] ?? m["ruleId"];
        const reason = m["reason"];
        result.push({
          ruleId: typeof ruleId === "string" ? ruleId : "",
          resource: r.address,
          reason: typeof reason === "string" ? reason : "",
          source: "code",
        });
      }
    }
  }
  return result;
}

/** Why a suppression is malformed, or undefined when it is well formed. */
export function suppressionProblem(s: SuppressionInput, knownRuleIds: ReadonlySet<string>): string | undefined {
  if (!knownRuleIds.has(s.ruleId)) return `unknown rule id "${s.ruleId}"`;
  if (typeof s.resource !== "string" || !/^(data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+$/.test(s.resource)) {
    return `resource "${s.resource}" is not a Terraform address (<type>.<name>)`;
  }
  if (typeof s.reason !== "string" || s.reason.trim().length < MIN_REASON_LENGTH) {
    return `reason must be at least ${MIN_REASON_LENGTH} characters (got ${JSON.stringify(s.reason)})`;
  }
  return undefined;
}

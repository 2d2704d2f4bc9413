/** Helpers to declare rules and their results. */
import { RULE_ID_PATTERN } from "../../tfjson/suppression-marker";
import type { ResourceRule, RuleResult, StackRule } from "./types";

export function pass(message?: string): RuleResult {
  return message === undefined ? { status: "pass" } : { status: "pass", message };
}

export function fail(message: string): RuleResult {
  return { status: "fail", message };
}

export function notApplicable(message?: string): RuleResult {
  return message === undefined ? { status: "not_applicable" } : { status: "not_applicable", message };
}

/** Declares a per-resource rule (validates the metadata once, at import time). */
export function defineRule(rule: Omit<ResourceRule, "scope">): ResourceRule {
  validate(rule);
  return { scope: "resource", ...rule };
}

/** Declares a rule over the whole stack document. */
export function defineStackRule(rule: Omit<StackRule, "scope">): StackRule {
  validate(rule);
  return { scope: "stack", ...rule };
}

function validate(rule: { id: string; title: string; pci: readonly string[]; fix: string; resourceTypes: readonly string[] }): void {
  if (!RULE_ID_PATTERN.test(rule.id)) throw new Error(`Rule id "${rule.id}" does not match ${RULE_ID_PATTERN}`);
  if (rule.title.trim() === "") throw new Error(`Rule ${rule.id} has no title`);
  if (rule.pci.length === 0) throw new Error(`Rule ${rule.id} maps to no PCI DSS requirement`);
  if (rule.fix.trim() === "") throw new Error(`Rule ${rule.id} has no fix`);
  if (rule.resourceTypes.length === 0) throw new Error(`Rule ${rule.id} applies to no resource type`);
}

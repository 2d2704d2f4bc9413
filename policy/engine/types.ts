/**
 * Types of the policy engine: rules evaluated on the synthesized Terraform JSON of a cdktf stack.
 */
import type { JsonObject, TfResource, TfStack } from "../../tfjson";

export type { JsonObject, TfResource };

export type Cloud = "azure" | "aws" | "any";
export type Severity = "error" | "warning";
export type PackName = "baseline" | "deployability" | "production";

export type RuleResult =
  | { readonly status: "pass"; readonly message?: string }
  | { readonly status: "fail"; readonly message: string }
  | { readonly status: "not_applicable"; readonly message?: string };

/** What a rule may read besides the resource itself. */
export interface RuleContext {
  readonly stack: string;
  readonly graph: TfStack;
}

/** Reference ids of the same check in well-known public scanners. */
export interface ScannerReferences {
  readonly checkov?: readonly string[];
  readonly trivy?: readonly string[];
}

interface RuleMeta {
  /** Stable id, e.g. `AZ-SQL-001`; never reused for another check. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly clouds: readonly Cloud[];
  /** Terraform resource types the rule inspects; `*` means every resource. */
  readonly resourceTypes: readonly string[];
  /** PCI DSS v4.0 requirement numbers the rule supports, e.g. `3.5.1`. */
  readonly pci: readonly string[];
  readonly references?: ScannerReferences;
  /** Why the rule exists (one or two sentences). */
  readonly description: string;
  /** How to comply, naming the Terraform attribute. */
  readonly fix: string;
}

/** A rule judged once per matching resource. */
export interface ResourceRule extends RuleMeta {
  readonly scope: "resource";
  readonly check: (resource: TfResource, context: RuleContext) => RuleResult;
}

/** A rule judged once per stack over parts of the document that are not resources (providers, locals...). */
export interface StackRule extends RuleMeta {
  readonly scope: "stack";
  readonly checkStack: (context: RuleContext) => ReadonlyArray<{ readonly address: string; readonly result: RuleResult }>;
}

export type Rule = ResourceRule | StackRule;

/** The policy settings of one stack (same shape as `PolicyConfig` in environments/types.ts). */
export interface StackPolicyConfig {
  readonly packs: readonly PackName[];
  readonly suppressions?: readonly SuppressionInput[];
}

export interface SuppressionInput {
  readonly ruleId: string;
  readonly resource: string;
  readonly reason: string;
}

export type FindingStatus = "pass" | "fail" | "suppressed";

export interface Finding {
  readonly stack: string;
  readonly address: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly message: string;
  /** The rule's fix (set on fail and suppressed findings). */
  readonly fix?: string;
  readonly suppressionReason?: string;
  /** `environment` (the environment file) or `code` (a `suppress()` marker in the JSON). */
  readonly suppressionSource?: "environment" | "code";
}

/** A problem with the policy configuration itself (bad or unused suppression, unknown pack...). */
export interface ConfigError {
  readonly stack: string;
  readonly message: string;
}

export interface ReportRule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly clouds: readonly Cloud[];
  readonly resourceTypes: readonly string[];
  readonly pci: readonly string[];
  readonly packs: readonly PackName[];
  readonly references: ScannerReferences;
  readonly fix: string;
}

export interface ReportStack {
  readonly name: string;
  readonly packs: readonly PackName[];
  /** True when no environment configured this stack and the baseline pack was assumed. */
  readonly defaulted: boolean;
  readonly resources: number;
}

export interface PolicyReport {
  readonly outdir: string;
  readonly rules: readonly ReportRule[];
  readonly stacks: readonly ReportStack[];
  readonly findings: readonly Finding[];
  readonly configErrors: readonly ConfigError[];
  readonly summary: {
    readonly pass: number;
    readonly fail: number;
    readonly suppressed: number;
    /** Unsuppressed findings of severity `error`. */
    readonly errors: number;
    /** Unsuppressed findings of severity `warning`. */
    readonly warnings: number;
  };
  readonly durationMs: number;
}

/**
 * The one idiom for validating input, used by constructs (their props) and by the environment
 * validators (which compose the constructs' rules and add only tier rules such as "true in prod").
 *
 * A rule is a row: `ok` is true when the input is acceptable (never "is a violation"), `field` names the
 * input relative to whoever owns the rule, `value` is what was given and `allowed` says what would pass.
 * A construct owns its cross-field rules as one function returning rows; the environment validator calls
 * that function with a field prefix (`sizing.sqlDatabase.`), so each rule is written once and reads the
 * same at either layer.
 */

/** One check of an input. */
export interface Rule {
  /** True when the input passes. */
  readonly ok: boolean;
  /** The input's path, relative to the owner (a construct's props, or an environment file); "" is the input as a whole. */
  readonly field: string;
  /** What was given. */
  readonly value: unknown;
  /** What would pass, with the reason when it is not obvious. */
  readonly allowed: string;
}

/** A failed rule: which field, what was given, what is allowed. */
export interface ConfigIssue {
  readonly field: string;
  readonly value: unknown;
  readonly allowed: string;
}

/** A row that passes when `value` is one of `allowed`. */
export function oneOf<T>(value: T, allowed: readonly T[], field: string): Rule {
  return { ok: allowed.includes(value), field, value, allowed: `one of ${allowed.join(", ")}` };
}

/** A row that passes for an integer in [min, max]. */
export function intBetween(value: number, min: number, max: number, field: string): Rule {
  return { ok: Number.isInteger(value) && value >= min && value <= max, field, value, allowed: `an integer from ${min} to ${max}` };
}

/** The rows of a nested prop's rule function, each field put after `prefix` (`"budget."` + `"monthlyAmountUsd"`). */
export function prefixed(prefix: string, rules: readonly Rule[]): Rule[] {
  return rules.map((r) => ({ ...r, field: joinField(prefix, r.field) }));
}

/**
 * The rows with their fields renamed from a construct's props to the caller's names: the first entry
 * whose key is the field, or the field's parent (`"sizing"` renames `"sizing.maxSizeGb"` and
 * `"sizing.minCapacity/autoPauseDelayMinutes"`; `"cdc"` renames `"cdc.tables[0]"`).
 */
export function renamed(rules: readonly Rule[], names: Readonly<Record<string, string>>): Rule[] {
  const rename = (field: string): string => {
    for (const [from, to] of Object.entries(names)) {
      if (field === from) return to;
      if (field.startsWith(`${from}.`) || field.startsWith(`${from}[`)) return `${to}${field.slice(from.length)}`;
    }
    return field;
  };
  return rules.map((r) => ({ ...r, field: rename(r.field) }));
}

/** `"budget."` + `"monthlyAmountUsd"`; a rule on the whole input (field "") takes the prefix's own name (`"budget"`). */
function joinField(prefix: string, field: string): string {
  return field === "" ? prefix.replace(/\.$/, "") : `${prefix}${field}`;
}

/** The failed rows, with `prefix` put before each field (`"sizing.sqlDatabase."` + `"maxSizeGb"`). */
export function failedRules(rules: readonly Rule[], prefix = ""): ConfigIssue[] {
  return rules.filter((r) => !r.ok).map((r) => ({ field: joinField(prefix, r.field), value: r.value, allowed: r.allowed }));
}

/** One line per issue, in the same words the environment validator prints. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((i) => `  - ${i.field}: got ${shown(i.value)}; allowed: ${i.allowed}`).join("\n");
}

/** JSON, except that a number prints as itself: NaN and Infinity would read "null". */
function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** Thrown by a construct whose props break one of its rules; names the construct's path and every failed rule. */
export class InvalidPropsError extends Error {
  constructor(
    readonly construct: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`${construct} has invalid props (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${formatIssues(issues)}`);
    this.name = "InvalidPropsError";
  }
}

/** Throws `InvalidPropsError` for `construct` (its kind and node path) when any rule fails. */
export function assertRules(construct: string, rules: readonly Rule[]): void {
  const issues = failedRules(rules);
  if (issues.length > 0) throw new InvalidPropsError(construct, issues);
}

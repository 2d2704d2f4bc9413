/**
 * Shape checks: every field of an environment file has the type its contract declares, and no field
 * is unknown, before any validator dereferences it. `npm run synth` transpiles without type-checking,
 * so a deleted nested object, a string where a list belongs or a misspelt optional field (silently
 * ignored otherwise) reaches the validators as written. A shape failure is reported like every other
 * problem: environment, field, value, what is allowed.
 */
import { IssueCollector } from "./checks";
import { AlertContacts, BudgetConfig, PolicyConfig, PolicySuppression, RequiredTags } from "./types";

type Scalar = { readonly kind: "string" } | { readonly kind: "number" } | { readonly kind: "boolean" };
type RequiredShape =
  | Scalar
  | { readonly kind: "list"; readonly of: Shape }
  | { readonly kind: "object"; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: "tagged"; readonly variants: Readonly<Record<string, Readonly<Record<string, Shape>>>> }
  | { readonly kind: "switch"; readonly on: Readonly<Record<string, Shape>>; readonly off: Readonly<Record<string, Shape>> };
type OptionalShape = { readonly kind: "optional"; readonly of: RequiredShape };
export type Shape = RequiredShape | OptionalShape;

/**
 * One shape per field of `T`; optional fields (those that accept `undefined`) must use `optional()`.
 * The compiler rejects a shape that misses a field, so the contract and its runtime check stay in step.
 */
export type FieldShapes<T> = { readonly [K in keyof T]-?: undefined extends T[K] ? OptionalShape : RequiredShape };

export const text: RequiredShape = { kind: "string" };
export const num: RequiredShape = { kind: "number" };
export const bool: RequiredShape = { kind: "boolean" };
export const list = (of: Shape): RequiredShape => ({ kind: "list", of });
export const optional = (of: RequiredShape): OptionalShape => ({ kind: "optional", of });
export function object<T>(fields: FieldShapes<T>): RequiredShape {
  return { kind: "object", fields: fields as Readonly<Record<string, Shape>> };
}
/** A union discriminated by `kind` (e.g. the state backend): one field list per kind. */
export function tagged<T extends { readonly kind: string }>(variants: {
  readonly [V in T["kind"]]: FieldShapes<Extract<T, { kind: V }>>;
}): RequiredShape {
  return { kind: "tagged", variants: variants as Readonly<Record<string, Readonly<Record<string, Shape>>>> };
}

/** A part that is either `{ enabled: false, ... }` or `{ enabled: true, ... }` with its own fields. */
export function switched<T extends { readonly enabled: boolean }>(variants: {
  readonly on: FieldShapes<Extract<T, { enabled: true }>>;
  readonly off: FieldShapes<Extract<T, { enabled: false }>>;
}): RequiredShape {
  return {
    kind: "switch",
    on: variants.on as Readonly<Record<string, Shape>>,
    off: variants.off as Readonly<Record<string, Shape>>,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(shape: Shape): string {
  switch (shape.kind) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "list":
      return `a list of ${{ string: "strings", number: "numbers", boolean: "booleans" }[shape.of.kind as string] ?? "objects"}`;
    case "object":
      return `an object with ${fieldList(shape.fields)}`;
    case "tagged":
      return `an object with kind ${Object.keys(shape.variants)
        .map((k) => `"${k}"`)
        .join(" or ")}`;
    case "switch":
      return "an object with enabled true or false";
    case "optional":
      return `${describe(shape.of)} (or unset)`;
  }
}

/** `a, b and optional c, d`. */
function fieldList(fields: Readonly<Record<string, Shape>>): string {
  const names = Object.keys(fields);
  const required = names.filter((n) => fields[n].kind !== "optional");
  const optionals = names.filter((n) => fields[n].kind === "optional");
  return `${required.join(", ")}${optionals.length > 0 ? ` and optional ${optionals.join(", ")}` : ""}`;
}

function checkFields(v: IssueCollector, value: Record<string, unknown>, fields: Readonly<Record<string, Shape>>, path: string): boolean {
  let ok = true;
  for (const [key, shape] of Object.entries(fields)) ok = checkShape(v, value[key], shape, path ? `${path}.${key}` : key) && ok;
  for (const key of Object.keys(value)) {
    if (!(key in fields)) {
      ok = v.check(false, path ? `${path}.${key}` : key, value[key], `no such field; ${path || "an environment"} has ${fieldList(fields)}`);
    }
  }
  return ok;
}

/** Records one issue per field whose type differs from `shape`; returns true when the value conforms. */
export function checkShape(v: IssueCollector, value: unknown, shape: Shape, path: string): boolean {
  const field = path || "(environment)";
  switch (shape.kind) {
    case "optional":
      return value === undefined || checkShape(v, value, shape.of, path);
    case "string":
    case "number":
    case "boolean":
      return v.check(typeof value === shape.kind, field, value, describe(shape));
    case "list":
      if (!v.check(Array.isArray(value), field, value, describe(shape))) return false;
      return (value as unknown[]).map((item, i) => checkShape(v, item, shape.of, `${path}[${i}]`)).every(Boolean);
    case "object":
      if (!v.check(isRecord(value), field, value, describe(shape))) return false;
      return checkFields(v, value as Record<string, unknown>, shape.fields, path);
    case "tagged": {
      if (!v.check(isRecord(value), field, value, describe(shape))) return false;
      const record = value as Record<string, unknown>;
      const fields =
        typeof record.kind === "string" && Object.hasOwn(shape.variants, record.kind) ? shape.variants[record.kind] : undefined;
      if (!v.check(fields !== undefined, path ? `${path}.kind` : "kind", record.kind, `one of ${Object.keys(shape.variants).join(", ")}`)) {
        return false;
      }
      return checkFields(v, record, fields as Readonly<Record<string, Shape>>, path);
    }
    case "switch": {
      if (!v.check(isRecord(value), field, value, describe(shape))) return false;
      const record = value as Record<string, unknown>;
      if (!v.check(typeof record.enabled === "boolean", path ? `${path}.enabled` : "enabled", record.enabled, "true or false")) {
        return false;
      }
      return checkFields(v, record, record.enabled ? shape.on : shape.off, path);
    }
  }
}

/** The environment's name for error messages, even when the file is too broken to have one. */
export function environmentLabel(env: unknown): string {
  const name = isRecord(env) ? env.name : undefined;
  return typeof name === "string" && name.length > 0 ? name : "(unnamed)";
}

// Shapes of the parts both clouds share.
export const REQUIRED_TAGS_SHAPE = object<RequiredTags>({ owner: text, costCenter: text, dataClassification: text, environment: text });
export const ALERT_CONTACTS_SHAPE = object<AlertContacts>({ emails: list(text), webhookUrl: optional(text) });
export const BUDGET_SHAPE = object<BudgetConfig>({
  monthlyAmountUsd: num,
  actualThresholdsPercent: list(num),
  forecastThresholdsPercent: list(num),
});
export const POLICY_SHAPE = object<PolicyConfig>({
  packs: list(text),
  suppressions: optional(list(object<PolicySuppression>({ ruleId: text, resource: text, reason: text }))),
});

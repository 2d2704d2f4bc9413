/** Walking Terraform JSON values. */
import type { JsonObject } from "./types";

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A nested block, which Terraform JSON writes as an object or an array of objects, always as a list. */
export function blocks(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** Every string in a JSON value, with its dotted key path (array indices dropped, `//` keys skipped). */
export function* strings(value: unknown, path = ""): Generator<{ path: string; key: string; value: string }> {
  if (typeof value === "string") {
    const key = path.slice(path.lastIndexOf(".") + 1);
    yield { path, key, value };
  } else if (Array.isArray(value)) {
    for (const item of value) yield* strings(item, path);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "//") continue;
      yield* strings(child, path ? `${path}.${key}` : key);
    }
  }
}

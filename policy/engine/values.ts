/** Lenient readers for Terraform JSON values (blocks may be an object or a 1-element array). */
import { blocks as blocksOf, isObject, type JsonObject } from "../../tfjson";

export { isObject, strings } from "../../tfjson";

/** A nested block as an object: the object itself or the first element of an array. */
export function block(config: unknown, key: string): JsonObject | undefined {
  return blocks(config, key)[0];
}

/** Every instance of a repeated block (an object counts as one). */
export function blocks(config: unknown, key: string): JsonObject[] {
  return isObject(config) ? blocksOf(config[key]) : [];
}

/** Reads `a.b.c`, stepping into blocks leniently. */
export function get(config: unknown, path: string): unknown {
  let current: unknown = config;
  for (const key of path.split(".")) {
    if (Array.isArray(current)) current = current.find(isObject);
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

export function isFalse(value: unknown): boolean {
  return value === false || value === "false";
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** True for a Terraform expression such as `${azurerm_key_vault_key.x.id}`. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** Set to something other than null, "" or []. */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A short rendering of a value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return "unset";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

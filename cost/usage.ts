import * as fs from "fs";
import * as path from "path";
import { UsageFile } from "./types";

/** Built-in usage defaults, documented in cost/usage/README.md. */
export type UsageDefaults = Readonly<Record<string, Readonly<Record<string, number>>>>;

export function loadUsageDefaults(dir: string = path.join(__dirname, "usage")): UsageDefaults {
  const f = path.join(dir, "defaults.json");
  const raw = JSON.parse(fs.readFileSync(f, "utf8")) as { resources: UsageDefaults };
  return raw.resources;
}

/** `cost/usage/<stack>.json`, or an empty usage file when there is none. */
export function loadUsageFile(stack: string, dir: string = path.join(__dirname, "usage")): { file?: string; usage: UsageFile } {
  const f = path.join(dir, `${stack}.json`);
  if (!fs.existsSync(f)) return { usage: {} };
  const usage = JSON.parse(fs.readFileSync(f, "utf8")) as UsageFile;
  validateUsage(f, usage);
  return { file: path.relative(process.cwd(), f), usage };
}

function validateUsage(file: string, u: UsageFile): void {
  for (const [key, values] of Object.entries(u.resources ?? {})) {
    for (const [k, v] of Object.entries(values)) {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        throw new Error(`${file}: resources["${key}"].${k} must be a non-negative number, got ${JSON.stringify(v)}`);
      }
    }
  }
  for (const d of u.discounts ?? []) {
    if (!(d.percent >= 0 && d.percent <= 100)) throw new Error(`${file}: discount "${d.label}" percent must be 0-100, got ${d.percent}`);
  }
}

/** `*` matches any run of characters; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

/** A usage value and where it came from. */
export interface UsageValue {
  readonly value: number;
  readonly from: "usage-file" | "default";
}

/**
 * Usage values for one resource: an address pattern in the usage file, then its type in the usage
 * file, then the built-in default for the type. Asking for a key with no default is a bug.
 */
export class UsageReader {
  constructor(
    private readonly usage: UsageFile,
    private readonly defaults: UsageDefaults,
  ) {}

  get(type: string, address: string, key: string): UsageValue {
    const entries = Object.entries(this.usage.resources ?? {});
    // Most specific address pattern first (longest literal prefix).
    const byAddress = entries
      .filter(([k]) => k.includes(".") && globToRegExp(k).test(address))
      .sort((a, b) => b[0].replace(/\*/g, "").length - a[0].replace(/\*/g, "").length);
    for (const [, vals] of byAddress) if (key in vals) return { value: vals[key], from: "usage-file" };
    const byType = this.usage.resources?.[type];
    if (byType && key in byType) return { value: byType[key], from: "usage-file" };
    const d = this.defaults[type];
    if (d && key in d) return { value: d[key], from: "default" };
    throw new Error(`usage key ${type}.${key} has no default in cost/usage/defaults.json`);
  }
}

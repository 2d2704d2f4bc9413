import * as fs from "fs";
import * as path from "path";
import { Cloud, MissingPrice, PriceBookFile, PriceEntry } from "./types";
import { globToRegExp } from "./usage";

/** A month is 730 hours (Azure, AWS and Infracost all use it). */
export const HOURS_PER_MONTH = 730;

/** The result of a price lookup: the tiers of one meter, in the region that had a price. */
export interface PriceMatch {
  /** Tiers sorted by `tierStart` (a single element for flat prices). */
  readonly tiers: readonly PriceEntry[];
  /** Region of the entries used. */
  readonly region: string;
  /** True when the requested region had no price and a reference region's was used. */
  readonly reference: boolean;
}

const GLOBAL = "global";

function normRegion(r: string): string {
  return r.toLowerCase().replace(/\s+/g, "");
}

/** The price books of both clouds, indexed for lookup. */
export class PriceBook {
  private readonly byKey = new Map<string, PriceEntry[]>();
  private readonly refs = new Map<Cloud, Readonly<Record<string, readonly string[]>>>();
  private readonly missing: { cloud: Cloud; entry: MissingPrice; meter: RegExp }[] = [];
  readonly versions: Record<string, string> = {};

  constructor(files: readonly PriceBookFile[]) {
    for (const f of files) {
      if (f.hoursPerMonth !== HOURS_PER_MONTH) {
        throw new Error(
          `price book ${f.cloud} ${f.version}: hoursPerMonth is ${f.hoursPerMonth}; the estimator assumes ${HOURS_PER_MONTH}`,
        );
      }
      this.versions[f.cloud] = f.version;
      const refs: Record<string, readonly string[]> = {};
      for (const [k, v] of Object.entries(f.referenceRegions)) refs[normRegion(k)] = v.map(normRegion);
      this.refs.set(f.cloud, refs);
      for (const m of f.missing ?? []) this.missing.push({ cloud: f.cloud, entry: m, meter: globToRegExp(m.meter) });
      for (const e of f.entries) {
        validateEntry(f.cloud, e);
        const key = PriceBook.key(f.cloud, e.service, e.meter, e.region);
        const list = this.byKey.get(key) ?? [];
        if (list.some((x) => (x.tierStart ?? 0) === (e.tierStart ?? 0))) {
          throw new Error(`price book ${f.cloud}: duplicate entry ${e.service}/${e.meter}@${e.region} tierStart ${e.tierStart ?? 0}`);
        }
        list.push(e);
        list.sort((a, b) => (a.tierStart ?? 0) - (b.tierStart ?? 0));
        this.byKey.set(key, list);
      }
    }
  }

  private static key(cloud: Cloud, service: string, meter: string, region: string): string {
    return `${cloud}|${service}|${meter}|${normRegion(region)}`;
  }

  /**
   * Find a meter's price in `region`; a `Global` entry matches any region; otherwise the price
   * book's reference regions for `region` are tried in order and the match is marked `reference`.
   */
  find(cloud: Cloud, service: string, meter: string, region: string): PriceMatch | undefined {
    const r = normRegion(region);
    const own = this.byKey.get(PriceBook.key(cloud, service, meter, r));
    if (own) return { tiers: own, region: own[0].region, reference: false };
    const global = this.byKey.get(PriceBook.key(cloud, service, meter, GLOBAL));
    if (global) return { tiers: global, region: global[0].region, reference: false };
    for (const ref of this.refs.get(cloud)?.[r] ?? []) {
      const hit = this.byKey.get(PriceBook.key(cloud, service, meter, ref));
      if (hit) return { tiers: hit, region: hit[0].region, reference: true };
    }
    return undefined;
  }

  /** Why a meter has no price, when the price book records it as a known gap. */
  missingReason(cloud: Cloud, service: string, meter: string): string | undefined {
    return this.missing.find((m) => m.cloud === cloud && m.entry.service === service && m.meter.test(meter))?.entry.reason;
  }

  /** Every entry (for provenance listings and tests). */
  entries(): PriceEntry[] {
    return [...this.byKey.values()].flat();
  }
}

function validateEntry(cloud: Cloud, e: PriceEntry): void {
  const where = `price book ${cloud}: ${e.service}/${e.meter}@${e.region}`;
  if (!Number.isFinite(e.usd) || e.usd < 0) throw new Error(`${where}: usd must be a non-negative number, got ${String(e.usd)}`);
  if (!e.source || !e.date) throw new Error(`${where}: every price needs a source and a date`);
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(e.date)) throw new Error(`${where}: date must be YYYY-MM or YYYY-MM-DD, got ${e.date}`);
  if (!e.unit) throw new Error(`${where}: unit is required`);
}

/** Load every `*.json` price book in `dir` (default: cost/pricebook next to this file). */
export function loadPriceBook(dir: string = path.join(__dirname, "pricebook")): PriceBook {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as PriceBookFile);
  return new PriceBook(files);
}

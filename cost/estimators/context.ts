import { PriceBook } from "../pricebook";
import { StackModel, TfResource } from "../stack";
import { Cloud, ComponentKind, CostComponent } from "../types";
import { UsageReader, UsageValue } from "../usage";

/** One cost line an estimator asks for: a quantity of a price book meter. */
export interface LineSpec {
  readonly name: string;
  readonly kind: ComponentKind;
  /** Price book service and meter. */
  readonly service: string;
  readonly meter: string;
  /** Monthly quantity, in the price book entry's unit. */
  readonly quantity: number;
  /** Price in this region instead of the resource's (e.g. a Cosmos DB replica region). */
  readonly region?: string;
  /** The usage values the quantity was computed from (marks the line usage-based). */
  readonly usage?: readonly UsageValue[];
  /** Unit shown when the meter is not priced. @default "units" */
  readonly unitIfNotPriced?: string;
  /**
   * Units of the same tiered meter already counted by sibling resources (e.g. the other keys of
   * the vault): this line's quantity starts there, so it lands in the tier the bill puts it in.
   * @default 0
   */
  readonly tierOffset?: number;
}

/** What an estimator sees: the resource, its stack, prices and usage. Estimators are pure functions of it. */
export class EstimateContext {
  readonly notes: string[] = [];

  constructor(
    readonly resource: TfResource,
    readonly stack: StackModel,
    readonly cloud: Cloud,
    readonly region: string,
    private readonly prices: PriceBook,
    private readonly usageReader: UsageReader,
  ) {}

  get config(): Readonly<Record<string, unknown>> {
    return this.resource.config;
  }

  /** A usage value for this resource (address pattern > type in the usage file > default). */
  usage(key: string): UsageValue {
    return this.usageReader.get(this.resource.type, this.resource.address, key);
  }

  /** A usage value read on behalf of another resource type (e.g. an account's storage). */
  usageOf(type: string, address: string, key: string): UsageValue {
    return this.usageReader.get(type, address, key);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** Price a line; tiered meters split into one line per tier used. Missing prices give a not-priced line. */
  line(spec: LineSpec): CostComponent[] {
    const region = spec.region ?? this.region;
    const usageBased = spec.usage !== undefined && spec.usage.length > 0;
    const usageFrom: "default" | "usage-file" = spec.usage?.some((u) => u.from === "default") ? "default" : "usage-file";
    const usageFields: Pick<CostComponent, "usageBased" | "usageFrom"> = usageBased ? { usageBased: true, usageFrom } : {};
    const match = this.prices.find(this.cloud, spec.service, spec.meter, region);
    if (!match) {
      const why = this.prices.missingReason(this.cloud, spec.service, spec.meter);
      return [
        {
          name: spec.name,
          kind: spec.kind,
          monthlyQuantity: round(spec.quantity, 4),
          unit: spec.unitIfNotPriced ?? "units",
          unitPrice: null,
          monthlyCost: null,
          notPriced: `no price for ${spec.service}/${spec.meter} in ${region} (nor its reference regions)${why ? `: ${why}` : ""}`,
          ...usageFields,
        },
      ];
    }
    const out: CostComponent[] = [];
    const tiers = match.tiers;
    const from = spec.tierOffset ?? 0;
    const to = from + spec.quantity;
    for (let i = 0; i < tiers.length; i++) {
      const start = tiers[i].tierStart ?? 0;
      const end = i + 1 < tiers.length ? (tiers[i + 1].tierStart ?? Infinity) : Infinity;
      const qty = Math.max(0, Math.min(to, end) - Math.max(from, start));
      if (qty === 0 && (i > 0 || from > 0)) continue;
      const e = tiers[i];
      const label = tiers.length > 1 ? `${spec.name} (${tierLabel(start, end, e.unit)})` : spec.name;
      out.push({
        name: label,
        kind: spec.kind,
        monthlyQuantity: round(qty, 4),
        unit: e.unit,
        unitPrice: e.usd,
        monthlyCost: round(qty * e.usd, 2),
        priceRegion: match.region,
        ...(match.reference ? { referenceRegion: true } : {}),
        priceRef: `${e.service}/${e.meter}@${e.region}${e.tierStart ? `#${e.tierStart}` : ""}`,
        ...usageFields,
      });
    }
    return out;
  }

  /** A line that is billable but has no price (and no meter to look up). */
  notPriced(name: string, kind: ComponentKind, quantity: number, unit: string, reason: string): CostComponent {
    return { name, kind, monthlyQuantity: round(quantity, 4), unit, unitPrice: null, monthlyCost: null, notPriced: reason };
  }
}

export type Estimator = (ctx: EstimateContext) => CostComponent[];

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function tierLabel(start: number, end: number, unit: string): string {
  const fmt = (n: number) => n.toLocaleString("en-US");
  return end === Infinity ? `over ${fmt(start)} ${unit}` : start === 0 ? `first ${fmt(end)} ${unit}` : `${fmt(start)}-${fmt(end)} ${unit}`;
}

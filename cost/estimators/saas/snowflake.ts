/**
 * Snowflake on AWS: virtual warehouse credits. A warehouse bills credits per second while running (60 s
 * minimum after each resume): credits/hour x expected running hours x price per credit of the edition.
 * The edition is read from the warehouse comment the SnowflakeWarehouse construct writes
 * ("... (<edition> edition)"); storage, Snowpipe and replication are listed as not priced.
 */
import { str } from "../../stack";
import { Estimator } from "../context";

/** Credits per hour of one cluster, by `warehouse_size` (Snowflake documentation: doubling per size). */
export const SNOWFLAKE_CREDITS_PER_HOUR: Readonly<Record<string, number>> = {
  XSMALL: 1,
  SMALL: 2,
  MEDIUM: 4,
  LARGE: 8,
  XLARGE: 16,
  XXLARGE: 32,
};

export const snowflakeWarehouse: Estimator = (ctx) => {
  const size = (str(ctx.config.warehouse_size) ?? "XSMALL").toUpperCase().replace(/^X-/, "X");
  const perHour = SNOWFLAKE_CREDITS_PER_HOUR[size];
  const edition = /\((standard|enterprise|business-critical) edition\)/.exec(str(ctx.config.comment) ?? "")?.[1];
  const hours = ctx.usage("runningHoursPerMonth");
  if (edition === undefined) ctx.note("edition unknown (no '(<edition> edition)' in the warehouse comment): credits not priced");
  return ctx.line({
    name: `Credits (${size}, ${perHour ?? "?"} credits/h x ${hours.value} h)`,
    kind: "compute",
    service: "snowflake",
    meter: `credit/${edition ?? "unknown"}`,
    quantity: (perHour ?? 0) * hours.value,
    usage: [hours],
    unitIfNotPriced: "credits",
  });
};

import { HOURS_PER_MONTH } from "../../pricebook";
import { blocks, num, str } from "../../stack";
import { CostComponent } from "../../types";
import { Estimator } from "../context";

const SERVICE = "monitor";

/**
 * azurerm_log_analytics_workspace: PerGB2018 ingestion (usage `ingestionGbPerMonth`) and
 * interactive retention beyond the free period (31 days; 90 when Microsoft Sentinel is onboarded
 * on the workspace), steady state: ingestion x (retention - free days) / 30 GB-months.
 * CapacityReservation prices the daily commitment tier.
 */
export const logAnalyticsWorkspace: Estimator = (ctx) => {
  const c = ctx.config;
  const sku = str(c.sku) ?? "PerGB2018";
  const gb = ctx.usage("ingestionGbPerMonth");
  const out: CostComponent[] = [];
  if (sku === "CapacityReservation") {
    const perDay = num(c.reservation_capacity_in_gb_per_day) ?? 100;
    out.push(
      ...ctx.line({
        name: `Commitment tier (${perDay} GB/day)`,
        kind: "ingestion",
        service: SERVICE,
        meter: `log-analytics/commitment-${perDay}gb`,
        quantity: 30,
        unitIfNotPriced: "days",
      }),
    );
  } else if (sku === "PerGB2018") {
    out.push(
      ...ctx.line({
        name: "Log data ingestion (Analytics logs)",
        kind: "ingestion",
        service: SERVICE,
        meter: "log-analytics/ingestion",
        quantity: gb.value,
        usage: [gb],
        unitIfNotPriced: "GB",
      }),
    );
  } else {
    out.push(ctx.notPriced(`Log data ingestion (${sku})`, "ingestion", gb.value, "GB", `sku ${sku} is not in the price book`));
  }
  const retention = num(c.retention_in_days) ?? 30;
  const sentinel = ctx.stack
    .ofType("azurerm_sentinel_log_analytics_workspace_onboarding")
    .some((s) => ctx.stack.parents(s).includes(ctx.resource));
  const freeDays = sentinel ? 90 : 31;
  if (retention > freeDays) {
    out.push(
      ...ctx.line({
        name: `Data retention (${retention} days, ${freeDays} free)`,
        kind: "retention",
        service: SERVICE,
        meter: "log-analytics/retention",
        quantity: (gb.value * (retention - freeDays)) / 30,
        usage: [gb],
        unitIfNotPriced: "GB-month",
      }),
    );
  }
  return out;
};

/**
 * azurerm_sentinel_log_analytics_workspace_onboarding: Microsoft Sentinel analysis on every GB the
 * workspace ingests (usage `ingestionGbPerDay` x 730 / 24 days), pay-as-you-go. Sentinel also makes
 * the workspace's first 90 days of retention free (priced on the workspace).
 */
export const sentinelOnboarding: Estimator = (ctx) => {
  const perDay = ctx.usage("ingestionGbPerDay");
  return ctx.line({
    name: `Microsoft Sentinel analysis (${perDay.value} GB/day)`,
    kind: "ingestion",
    service: SERVICE,
    meter: "sentinel/analysis",
    quantity: (perDay.value * HOURS_PER_MONTH) / 24,
    usage: [perDay],
    unitIfNotPriced: "GB",
  });
};

/** Number of values a dimension filter expands to ("*" counts as one series, as Infracost does). */
function dimensionSeries(criterion: Record<string, unknown>): number {
  return blocks(criterion.dimension).reduce((acc, d) => {
    const values = Array.isArray(d.values) ? d.values : [];
    const n = values.length === 0 || values.includes("*") ? 1 : values.length;
    return acc * n;
  }, 1);
}

/**
 * azurerm_monitor_metric_alert: $ per monitored time series = scopes x criteria x dimension
 * values; dynamic thresholds add the same again.
 */
export const monitorMetricAlert: Estimator = (ctx) => {
  const c = ctx.config;
  if (c.enabled === false) {
    ctx.note("disabled: not billed");
    return [];
  }
  const scopes = Array.isArray(c.scopes) ? Math.max(1, c.scopes.length) : 1;
  const staticSeries = blocks(c.criteria).reduce((a, cr) => a + dimensionSeries(cr), 0) * scopes;
  const dynamicSeries = blocks(c.dynamic_criteria).reduce((a, cr) => a + dimensionSeries(cr), 0) * scopes;
  const appInsights = blocks(c.application_insights_web_test_location_availability_criteria).length * scopes;
  const out = ctx.line({
    name: "Metrics monitoring",
    kind: "monitoring",
    service: SERVICE,
    meter: "metric-alert/time-series",
    quantity: staticSeries + dynamicSeries + appInsights,
    unitIfNotPriced: "time-series",
  });
  if (dynamicSeries > 0) {
    out.push(
      ...ctx.line({
        name: "Dynamic threshold monitoring",
        kind: "monitoring",
        service: SERVICE,
        meter: "metric-alert/dynamic-threshold",
        quantity: dynamicSeries,
        unitIfNotPriced: "time-series",
      }),
    );
  }
  return out;
};

/** ISO 8601 duration (PT5M, PT1H, P1D) in minutes. */
function minutes(iso: string | undefined): number {
  const m = iso ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso) : null;
  if (!m) return 15;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/**
 * azurerm_monitor_scheduled_query_rules_alert_v2: per rule by evaluation frequency (1, 5, 10,
 * >= 15 minutes), plus additional time series (usage `additionalTimeSeries`).
 */
export const scheduledQueryAlertV2: Estimator = (ctx) => {
  if (ctx.config.enabled === false) {
    ctx.note("disabled: not billed");
    return [];
  }
  const freq = minutes(str(ctx.config.evaluation_frequency));
  const band = freq <= 1 ? "1m" : freq <= 5 ? "5m" : freq <= 10 ? "10m" : "15m";
  const extra = ctx.usage("additionalTimeSeries");
  const out: CostComponent[] = ctx.line({
    name: `Log alert rule (${band} frequency)`,
    kind: "monitoring",
    service: SERVICE,
    meter: `log-alert/${band}`,
    quantity: 1,
    unitIfNotPriced: "rules",
  });
  if (extra.value > 0) {
    out.push(
      ...ctx.line({
        name: `Additional time series (${band} frequency)`,
        kind: "monitoring",
        service: SERVICE,
        meter: `log-alert-time-series/${band}`,
        quantity: extra.value,
        usage: [extra],
        unitIfNotPriced: "time-series",
      }),
    );
  }
  return out;
};

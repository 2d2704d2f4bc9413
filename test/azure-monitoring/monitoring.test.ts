import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { DASHBOARDS } from "../../constructs/azure/dashboards";
import { Monitoring } from "../../constructs/azure/monitoring";
import { AzureNaming } from "../../constructs/azure/naming";
import { METRICS, SLA_TABLE, isoMinutes } from "../../constructs/azure/sla";
import { ENVIRONMENTS, ENV_NAMES } from "../helpers/azure";
import { synthAzure, synthesize } from "../helpers/synth";

/** The brief's SLA table, as written: threshold and window each alert must carry. */
const BRIEF = [
  { sla: "OLTP Latency P99", threshold: 200, windowMinutes: 5 },
  { sla: "OLAP Query Time", threshold: 3, windowMinutes: 15 }, // 3 queries over 10 s (10 s is in the query)
  { sla: "Cosmos DB Latency", threshold: 50, windowMinutes: 5 },
  { sla: "ETL Success Rate", threshold: 0, windowMinutes: 5 }, // any failed run
  { sla: "API Availability", threshold: 99.9, windowMinutes: 60 },
  { sla: "Data Freshness", threshold: 1, windowMinutes: 60 }, // fewer than 1 successful load in 1 h
];

describe("SLA table", () => {
  test("one row per row of the brief, with the brief's thresholds and windows", () => {
    expect(SLA_TABLE.map((r) => r.sla)).toEqual(BRIEF.map((b) => b.sla));
    for (const b of BRIEF) {
      const row = SLA_TABLE.find((r) => r.sla === b.sla)!;
      expect([row.threshold, isoMinutes(row.window)]).toEqual([b.threshold, b.windowMinutes]);
    }
    expect(SLA_TABLE.find((r) => r.sla === "OLAP Query Time")!.kind === "log" && (SLA_TABLE[1] as any).query.query).toMatch(
      /duration_s > 10/,
    );
    expect(SLA_TABLE.find((r) => r.sla === "API Availability")!.severity).toBe(0);
  });

  test.each(["PT5M", "PT1H", "PT1H30M"])("isoMinutes parses %s", (d) => expect(isoMinutes(d)).toBeGreaterThan(0));
  test("isoMinutes refuses other durations", () => expect(() => isoMinutes("P1D")).toThrow(/PTnH or PTnM/));
});

/** Each environment's intent (README stack table): nightly ETL off in dev; budgets and their alert steps. */
const INTENT: Record<string, { nightlyEtl: boolean; budgetUsd: number; actual: number[]; forecast: number[] }> = {
  dev: { nightlyEtl: false, budgetUsd: 4500, actual: [80, 100], forecast: [100] },
  staging: { nightlyEtl: true, budgetUsd: 6000, actual: [80, 100], forecast: [100] },
  prod: { nightlyEtl: true, budgetUsd: 38000, actual: [50, 80, 100], forecast: [100, 110] },
};

test("the intent table covers every Azure environment", () => {
  expect([...ENV_NAMES].sort()).toEqual(Object.keys(INTENT).sort());
});

describe.each(ENV_NAMES)("monitoring in azure-%s", (envName) => {
  const env = ENVIRONMENTS[envName];
  const want = INTENT[envName]!;
  const s = synthAzure(env);

  test("action group receivers are the environment's alert contacts", () => {
    const [ag] = s.configs("azurerm_monitor_action_group");
    expect(ag.email_receiver.map((r: { email_address: string }) => r.email_address)).toEqual(env.alertContacts.emails);
    expect(ag.webhook_receiver).toBeUndefined();
    expect(ag.short_name.length).toBeLessThanOrEqual(12);
  });

  test("exactly one alert per SLA row, thresholds and windows from the table, description names the SLA", () => {
    const metric = s.configs("azurerm_monitor_metric_alert");
    const logs = s.configs("azurerm_monitor_scheduled_query_rules_alert_v2");
    expect(metric.length + logs.length).toBe(SLA_TABLE.length);
    const alertOf = (sla: string) => {
      const matches = [...metric, ...logs].filter((a) => String(a.description).includes(`"${sla}"`));
      expect({ sla, alerts: matches.length }).toEqual({ sla, alerts: 1 });
      expect(JSON.stringify(matches[0])).toContain("azurerm_monitor_action_group");
      return matches[0];
    };
    for (const row of SLA_TABLE.flatMap((r) => (r.kind === "metric" ? [r] : []))) {
      const a = alertOf(row.sla);
      expect(a).toMatchObject({ window_size: row.window, frequency: row.frequency, severity: row.severity });
      expect(a.criteria[0]).toMatchObject({
        metric_name: METRICS[row.metric].metric,
        metric_namespace: METRICS[row.metric].namespace,
        operator: row.operator,
        threshold: row.threshold,
      });
    }
    for (const row of SLA_TABLE.flatMap((r) => (r.kind === "metric" ? [] : [r]))) {
      const a = alertOf(row.sla);
      expect(a).toMatchObject({ window_duration: row.window, evaluation_frequency: row.frequency, severity: row.severity });
      expect(a.criteria[0]).toMatchObject({
        query: row.query.query,
        operator: row.operator,
        threshold: row.threshold,
        time_aggregation_method: row.aggregation,
      });
    }
  });

  test("data-freshness alert is armed only where the near-real-time flow runs", () => {
    const fresh = s
      .configs("azurerm_monitor_scheduled_query_rules_alert_v2")
      .find((a) => String(a.description).includes("Data Freshness"))!;
    expect(fresh.enabled).toBe(want.nightlyEtl);
  });

  test("budget: the environment's amount, actual and forecast thresholds to the contacts, start date computed once", () => {
    const [budget] = s.configs("azurerm_consumption_budget_subscription");
    expect(budget).toMatchObject({
      amount: want.budgetUsd,
      time_grain: "Monthly",
      lifecycle: { ignore_changes: ["time_period[0].start_date"] },
    });
    // First of the month of a creation time recorded once in state (time_static), never a literal date.
    expect(budget.time_period.start_date).toMatch(/^\$\{formatdate\("YYYY-MM-01'T'00:00:00Z", time_static\.[\w-]+\.rfc3339\)\}$/);
    const byType = (t: string): number[] => budget.notification.filter((n: any) => n.threshold_type === t).map((n: any) => n.threshold);
    expect(byType("Actual")).toEqual(want.actual);
    expect(byType("Forecasted")).toEqual(want.forecast);
    for (const n of budget.notification) expect(n.contact_emails).toEqual(env.alertContacts.emails);
    expect(budget.filter.dimension[0]).toMatchObject({ name: "ResourceGroupName", operator: "In" });
    expect(budget.filter.dimension[0].values).toHaveLength(5);
  });

  test("four dashboards named in the brief; metric tiles come from the shared definitions", () => {
    const dashboards = s.configs("azurerm_portal_dashboard");
    expect(dashboards.map((d) => d.tags["hidden-title"]).sort()).toEqual([
      "Application Performance",
      "Business Metrics",
      "Cost Management",
      "Infrastructure Health",
    ]);
    const known = new Set(Object.values(METRICS).map((m) => m.metric));
    for (const d of dashboards) {
      const props = JSON.parse(d.dashboard_properties);
      const parts = Object.values(props.lenses["0"].parts) as any[];
      expect(parts.length).toBe(DASHBOARDS.find((x) => x.title === d.tags["hidden-title"])!.tiles.length);
      for (const p of parts.filter((x) => x.metadata.type.endsWith("MonitorChartPart"))) {
        for (const m of p.metadata.inputs[0].value.chart.metrics) expect(known).toContain(m.name);
      }
    }
  });

  test("Sentinel onboarding only in prod", () => {
    expect(s.configs("azurerm_sentinel_log_analytics_workspace_onboarding")).toHaveLength(env.tier === "prod" ? 1 : 0);
  });
});

describe("Monitoring construct", () => {
  const naming = new AzureNaming({ workload: "pay", environment: "test", location: "westeurope", uniqueSeed: "seed" });
  const targets = { oltp: "/sub/db", olap: "/sub/pool", nosql: "/sub/cosmos", etl: "/sub/adf", lake: "/sub/st" };
  const base = {
    naming,
    resourceGroupName: "rg",
    location: "westeurope" as const,
    shortName: "pay-test",
    logAnalyticsWorkspaceId: "/sub/log",
    targets,
    nearRealTimeFlowEnabled: true,
  };

  test("a webhook contact becomes a webhook receiver", () => {
    const stack = new TerraformStack(Testing.app(), "t");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    new Monitoring(stack, "m", { ...base, alertContacts: { emails: ["a@example.com"], webhookUrl: "https://events.example.com/hook" } });
    expect(synthesize(stack).text).toHaveResourceWithProperties({ tfResourceType: "azurerm_monitor_action_group" } as any, {
      webhook_receiver: [expect.objectContaining({ service_uri: "https://events.example.com/hook" })],
    });
  });

  test.each([
    [{ shortName: "far-too-long-name" }, /shortName: got "far-too-long-name"; allowed: 1-12 letters, digits or hyphens/],
    [{ alertContacts: { emails: [] } }, /alertContacts\.emails: got \[\]; allowed: at least one e-mail address/],
    [
      {
        budget: {
          config: { monthlyAmountUsd: 1, actualThresholdsPercent: [1, 2, 3], forecastThresholdsPercent: [4, 5, 6] },
          subscriptionId: "x",
          resourceGroupNames: ["rg"],
        },
      },
      /budget\.config: got .*; allowed: at most 5 thresholds, actual and forecast together/,
    ],
  ])("refuses invalid props (%#)", (override, message) => {
    const stack = new TerraformStack(Testing.app(), "t");
    expect(() => new Monitoring(stack, "m", { ...base, alertContacts: { emails: ["a@example.com"] }, ...override } as any)).toThrow(
      message,
    );
  });
});

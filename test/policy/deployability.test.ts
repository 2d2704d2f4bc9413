/**
 * The deployability pack on the real azure-prod stack: the shipped JSON passes it, and each defect of
 * issue 11, put back into that JSON, fails exactly the rule written for its class.
 */
import { prod } from "../../environments/prod";
import { evaluateStack } from "../../policy/engine/evaluate";
import { synthAzure } from "../helpers/synth";

type Json = Record<string, any>;

/** Resources of a type in a stack JSON, as [name, config]. */
const ofType = (json: Json, type: string): [string, Json][] => Object.entries(json.resource[type] ?? {});
const firstOf = (json: Json, type: string, where: (c: Json) => boolean = () => true): Json =>
  ofType(json, type).find(([, c]) => where(c))![1];

function deployabilityFailures(json: Json): string[] {
  const { findings } = evaluateStack("azure-prod", json, { packs: ["deployability"] });
  return [...new Set(findings.filter((f) => f.status === "fail").map((f) => f.ruleId))].sort();
}

/** Issue 11 finding -> the edit that reintroduces it -> the rule that must catch it. */
const DEFECTS: [string, string, (json: Json) => void][] = [
  [
    "1 max size on the geo-secondary",
    "AZ-DEP-001",
    (j) => (firstOf(j, "azurerm_mssql_database", (c) => c.create_mode === "Secondary").max_size_gb = 1024),
  ],
  ["2 provider polls a private account's data plane", "AZ-DEP-002", (j) => delete j.provider.azurerm[0].features[0].storage],
  [
    "3 literal budget start date",
    "AZ-DEP-003",
    (j) => (firstOf(j, "azurerm_consumption_budget_subscription").time_period.start_date = "2026-11-01T00:00:00Z"),
  ],
  ["4 Cosmos DB created right after its key grant", "AZ-DEP-004", (j) => delete firstOf(j, "azurerm_cosmosdb_account").depends_on],
  [
    "4 key created before the vault's private endpoint",
    "AZ-DEP-005",
    (j) => {
      const key = firstOf(j, "azurerm_key_vault_key");
      key.depends_on = key.depends_on.filter((d: string) => !d.startsWith("azurerm_private_endpoint."));
    },
  ],
  [
    "5 log alert validates its query on a new workspace",
    "AZ-DEP-006",
    (j) => (firstOf(j, "azurerm_monitor_scheduled_query_rules_alert_v2").skip_query_validation = false),
  ],
  [
    "14 blob service sends AllMetrics",
    "AZ-DEP-007",
    (j) => {
      firstOf(j, "azurerm_monitor_diagnostic_setting", (c) =>
        String(c.target_resource_id).endsWith("/blobServices/default"),
      ).enabled_metric = [{ category: "AllMetrics" }];
    },
  ],
  [
    "14 storage account sends AllMetrics (refused by Azure)",
    "AZ-DEP-007",
    (j) => {
      firstOf(j, "azurerm_monitor_diagnostic_setting", (c) =>
        /^\$\{azurerm_storage_account\.[\w-]+\.id\}$/.test(c.target_resource_id),
      ).enabled_metric = [{ category: "AllMetrics" }];
    },
  ],
  [
    "14 container-scope grant without its container",
    "AZ-DEP-008",
    (j) => delete firstOf(j, "azurerm_role_assignment", (c) => String(c.scope).includes("/containers/")).depends_on,
  ],
  [
    "4 key vault endpoint created before its zone is linked to the VNet",
    "AZ-DEP-011",
    (j) =>
      delete firstOf(j, "azurerm_private_endpoint", (c) => c.private_dns_zone_group.private_dns_zone_ids[0].includes("vaultcore"))
        .depends_on,
  ],
  [
    "14 fixed name with create_before_destroy",
    "AZ-DEP-009",
    (j) => (firstOf(j, "azurerm_firewall_policy").lifecycle = { create_before_destroy: true }),
  ],
  [
    "8 ETL reads the primary server, not the listener",
    "AZ-DEP-010",
    (j) => {
      const ls = firstOf(j, "azurerm_data_factory_linked_custom_service", (c) => c.type === "AzureSqlDatabase");
      ls.type_properties_json = JSON.stringify({ ...JSON.parse(ls.type_properties_json), server: "sql-pay-prod-weu.database.windows.net" });
    },
  ],
];

describe("deployability pack on azure-prod", () => {
  const shipped = synthAzure(prod).json;

  test("the shipped stack passes every deployability rule", () => {
    expect(deployabilityFailures(structuredClone(shipped))).toEqual([]);
  });

  test.each(DEFECTS)("finding %s fails %s", (_finding, ruleId, reintroduce) => {
    const json = structuredClone(shipped);
    reintroduce(json);
    expect(deployabilityFailures(json)).toEqual([ruleId]);
  });
});

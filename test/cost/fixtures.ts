import * as path from "path";
import { estimateStack } from "../../cost/engine";
import { loadPriceBook } from "../../cost/pricebook";
import { TerraformJson } from "../../cost/stack";
import { ResourceCost, StackCost, UsageFile } from "../../cost/types";
import { loadUsageDefaults } from "../../cost/usage";

export const prices = loadPriceBook(path.join(__dirname, "../../cost/pricebook"));
export const usageDefaults = loadUsageDefaults(path.join(__dirname, "../../cost/usage"));

/** Build a cdk.tf.json: `{ "azurerm_x.name": config }`. */
export function tf(resources: Record<string, Record<string, unknown>>, provider?: Record<string, unknown>): TerraformJson {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [address, config] of Object.entries(resources)) {
    const [type, name] = address.split(".");
    (resource[type] ??= {})[name] = config;
  }
  return { resource, ...(provider ? { provider } : {}) };
}

export const AZ_PROVIDER = { azurerm: [{ features: [{}] }] };
export const AWS_PROVIDER = { aws: [{ region: "eu-west-1" }] };

export function estimate(json: TerraformJson, usage: UsageFile = {}, budgetUsd?: number): StackCost {
  return estimateStack("fixture", json, { prices, usage, usageDefaults, ...(budgetUsd !== undefined ? { budgetUsd } : {}) });
}

export function res(s: StackCost, address: string): ResourceCost {
  const r = s.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${s.resources.map((x) => x.address).join(", ")}`);
  return r;
}

export function line(r: ResourceCost, name: RegExp) {
  const c = r.components.find((x) => name.test(x.name));
  if (!c) throw new Error(`no component ${name} in ${r.address}: ${r.components.map((x) => x.name).join(" | ")}`);
  return c;
}

/** A fixture mirroring the prod Azure stack's billable resources (used by docs/cost.md when synth is unavailable). */
export function azureProdLike(): TerraformJson {
  return tf(
    {
      "azurerm_resource_group.rg": { name: "rg", location: "westeurope" },
      "azurerm_mssql_server.primary": { location: "westeurope", resource_group_name: "${azurerm_resource_group.rg.name}" },
      "azurerm_mssql_server.secondary": { location: "northeurope" },
      "azurerm_mssql_database.db": {
        server_id: "${azurerm_mssql_server.primary.id}",
        sku_name: "BC_Gen5_8",
        max_size_gb: 1024,
        zone_redundant: true,
        read_scale: true,
        storage_account_type: "GeoZone",
      },
      "azurerm_mssql_database.geo": {
        creation_source_database_id: "${azurerm_mssql_database.db.id}",
        server_id: "${azurerm_mssql_server.secondary.id}",
        create_mode: "Secondary",
        sku_name: "BC_Gen5_8",
        max_size_gb: 1024,
      },
      "azurerm_synapse_workspace.ws": { location: "westeurope" },
      "azurerm_synapse_sql_pool.pool": {
        synapse_workspace_id: "${azurerm_synapse_workspace.ws.id}",
        sku_name: "DW500c",
        geo_backup_policy_enabled: true,
      },
      "azurerm_cosmosdb_account.acc": {
        location: "westeurope",
        geo_location: [
          { location: "westeurope", failover_priority: 0, zone_redundant: true },
          { location: "northeurope", failover_priority: 1, zone_redundant: true },
        ],
        backup: { type: "Continuous", tier: "Continuous30Days" },
      },
      "azurerm_cosmosdb_sql_database.db": {
        account_name: "${azurerm_cosmosdb_account.acc.name}",
        autoscale_settings: { max_throughput: 110000 },
      },
      "azurerm_firewall.fw": { location: "westeurope", sku_tier: "Standard" },
      "azurerm_network_ddos_protection_plan.ddos": { location: "westeurope" },
    },
    AZ_PROVIDER,
  );
}

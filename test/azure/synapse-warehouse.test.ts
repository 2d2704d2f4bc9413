import { DataLake } from "../../constructs/azure/data-lake";
import { SynapseWarehouse } from "../../constructs/azure/synapse-warehouse";
import { SynapseSqlPoolSku } from "../../environments/types";
import { ENVIRONMENTS, ENV_NAMES, diagnosticsFor, endpointsFor, rowFor, storeTestbed, zoneNameOf } from "../helpers/azure";
import { synthAzure } from "../helpers/synth";

const WORKSPACE = "azurerm_synapse_workspace";
const POOL = "azurerm_synapse_sql_pool";

describe("SynapseWarehouse in the Azure stacks: sizing per environment", () => {
  const expected = {
    dev: { sku: "DW100c", geoBackup: false, storage: "LRS" },
    staging: { sku: "DW200c", geoBackup: false, storage: "LRS" },
    prod: { sku: "DW500c", geoBackup: true, storage: "GRS" },
  } as const;

  test.each(ENV_NAMES)("%s: dedicated pool SKU, geo-backup and backup storage", (name) => {
    const pool = synthAzure(ENVIRONMENTS[name]).only(POOL).config;
    expect(pool).toMatchObject({
      sku_name: rowFor(expected, name).sku,
      geo_backup_policy_enabled: rowFor(expected, name).geoBackup,
      storage_account_type: rowFor(expected, name).storage,
      create_mode: "Default",
      data_encrypted: true,
    });
  });
});

describe("SynapseWarehouse in the Azure stacks: security in every environment", () => {
  test.each(ENV_NAMES)("%s: Entra-only, managed VNet, exfiltration protection, no public access, CMK, no SQL login", (name) => {
    const env = ENVIRONMENTS[name];
    const synth = synthAzure(env);
    const ws = synth.only(WORKSPACE).config;
    expect(ws).toMatchObject({
      azuread_authentication_only: true,
      managed_virtual_network_enabled: true,
      data_exfiltration_protection_enabled: true,
      public_network_access_enabled: false,
      linking_allowed_for_aad_tenant_ids: [env.tenantId],
      identity: { type: "SystemAssigned, UserAssigned" },
      customer_managed_key: { key_name: "cmk" },
    });
    expect(ws.customer_managed_key.key_versionless_id).toMatch(/azurerm_key_vault_key\.key-vault_key-synapse_[A-Z0-9]+\.versionless_id/);
    expect(ws.customer_managed_key.user_assigned_identity_id).toMatch(/azurerm_user_assigned_identity\.identity-synapse/);
    expect(ws).not.toHaveProperty("sql_administrator_login");
    expect(ws).not.toHaveProperty("sql_administrator_login_password");
    expect(ws.storage_data_lake_gen2_filesystem_id).toMatch(/azurerm_storage_data_lake_gen2_filesystem\.data-lake_filesystem-synapse_/);
    expect(synth.only("azurerm_synapse_workspace_key").config).toMatchObject({ active: true, customer_managed_key_name: "cmk" });
    expect(synth.only("azurerm_synapse_workspace_aad_admin").config).toMatchObject({
      login: env.sqlAdminGroup.displayName,
      object_id: env.sqlAdminGroup.objectId,
      tenant_id: env.tenantId,
    });
  });

  test.each(ENV_NAMES)("%s: private endpoints Sql, SqlOnDemand and Dev with DNS", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const endpoints = endpointsFor(synth, synth.only(WORKSPACE).address);
    const bySubresource = Object.fromEntries(
      endpoints.map((e) => [
        e.private_service_connection.subresource_names[0],
        zoneNameOf(synth, e.private_dns_zone_group.private_dns_zone_ids[0]),
      ]),
    );
    expect(bySubresource).toEqual({
      Sql: "privatelink.sql.azuresynapse.net",
      SqlOnDemand: "privatelink.sql.azuresynapse.net",
      Dev: "privatelink.dev.azuresynapse.net",
    });
  });

  test.each(ENV_NAMES)("%s: diagnostics on workspace and pool; workspace identity on its storage", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    expect(diagnosticsFor(synth, `${synth.only(WORKSPACE).address}.id`)).toHaveLength(1);
    expect(diagnosticsFor(synth, `${synth.only(POOL).address}.id`)).toHaveLength(1);
    const storage = synth.entries("azurerm_role_assignment").filter(([id]) => id.includes("olap_workspace-storage"));
    expect(storage).toHaveLength(1);
    expect(storage[0][1]).toMatchObject({
      role_definition_name: "Storage Blob Data Contributor",
      principal_id: `\${${synth.only(WORKSPACE).address}.identity[0].principal_id}`,
    });
  });

  test.each(ENV_NAMES)("%s: prevent_destroy on workspace and pool only where deletionProtection is set", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const protect = ENVIRONMENTS[name].deletionProtection;
    expect(synth.only(WORKSPACE).config.lifecycle?.prevent_destroy ?? false).toBe(protect);
    expect(synth.only(POOL).config.lifecycle?.prevent_destroy ?? false).toBe(protect);
  });
});

describe("SynapseWarehouse construct: edge cases", () => {
  function build(sqlPoolSku: string, defaultFilesystem?: string) {
    const t = storeTestbed("synapse");
    const lake = new DataLake(t.stack, "lake", {
      naming: t.naming,
      resourceGroupName: "rg",
      location: "westeurope",
      identity: t.identity,
      encryptionKey: t.key,
      privateAccess: t.privateAccess,
      diagnostics: t.diagnostics,
      deployerObjectId: "00000000-0000-0000-0000-000000000001",
    });
    return new SynapseWarehouse(t.stack, "olap", {
      naming: t.naming,
      resourceGroupName: "rg",
      location: "westeurope",
      tenantId: "4a1c7e52-93b8-4d6f-8e20-6b5d3f9c1a7e",
      administrator: { displayName: "sg-admins", objectId: "5c0e3a1d-8f57-4b2f-9a0e-2f1d6c7b8a90" },
      dataLake: lake,
      defaultFilesystem,
      identity: t.identity,
      encryptionKey: t.key,
      privateAccess: t.privateAccess,
      diagnostics: t.diagnostics,
      sqlPoolSku: sqlPoolSku as SynapseSqlPoolSku,
      geoBackup: false,
    });
  }

  test("rejects an unknown pool SKU (5000 DWU is not a Gen2 performance level)", () => {
    expect(() => build("DW5000")).toThrow(/sqlPoolSku: got "DW5000"/);
  });

  test("rejects a default filesystem the lake does not have", () => {
    expect(() => build("DW100c", "warehouse")).toThrow(
      /defaultFilesystem: got "warehouse"; allowed: a filesystem of the data lake \(synapse, raw, curated\)/,
    );
  });
});

import { DataLake, DataLakeProps } from "../../constructs/azure/data-lake";
import { ENVIRONMENTS, ENV_NAMES, diagnosticsFor, endpointsFor, rowFor, storeTestbed, zoneNameOf } from "../helpers/azure";
import { synthAzure } from "../helpers/synth";

const ACCOUNT = "azurerm_storage_account";

describe("DataLake in the Azure stacks", () => {
  const replication = { dev: "LRS", staging: "ZRS", prod: "GZRS" } as const;

  test.each(ENV_NAMES)("%s: replication per environment", (name) => {
    expect(synthAzure(ENVIRONMENTS[name]).only(ACCOUNT, "data-lake").config.account_replication_type).toBe(rowFor(replication, name));
  });

  test.each(ENV_NAMES)("%s: ADLS Gen2, Entra ID only, TLS 1.2, private, double encryption with the datalake CMK", (name) => {
    const account = synthAzure(ENVIRONMENTS[name]).only(ACCOUNT, "data-lake").config;
    expect(account).toMatchObject({
      account_kind: "StorageV2",
      is_hns_enabled: true,
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      local_user_enabled: false,
      sftp_enabled: false,
      public_network_access_enabled: false,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      infrastructure_encryption_enabled: true,
      queue_encryption_key_type: "Account",
      table_encryption_key_type: "Account",
      identity: { type: "UserAssigned" },
      network_rules: { default_action: "Deny" },
    });
    expect(account.customer_managed_key.key_vault_key_id).toMatch(
      /azurerm_key_vault_key\.key-vault_key-datalake_[A-Z0-9]+\.versionless_id/,
    );
    expect(account.customer_managed_key.user_assigned_identity_id).toMatch(/azurerm_user_assigned_identity\.identity-datalake/);
  });

  test.each(ENV_NAMES)("%s: blob and dfs private endpoints with their DNS zones", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const endpoints = endpointsFor(synth, synth.only(ACCOUNT, "data-lake").address);
    const bySubresource = Object.fromEntries(
      endpoints.map((e) => [
        e.private_service_connection.subresource_names[0],
        zoneNameOf(synth, e.private_dns_zone_group.private_dns_zone_ids[0]),
      ]),
    );
    expect(bySubresource).toEqual({ blob: "privatelink.blob.core.windows.net", dfs: "privatelink.dfs.core.windows.net" });
  });

  test.each(ENV_NAMES)("%s: metrics on the account, logs on its blob service", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const accountRef = synth.only(ACCOUNT, "data-lake").address;
    const onAccount = diagnosticsFor(synth, `\${${accountRef}.id}`).filter((d) => !String(d.target_resource_id).includes("blobServices"));
    expect(onAccount).toHaveLength(1);
    expect(onAccount[0].enabled_log).toEqual([]);
    // Storage has no AllMetrics: the account refuses it (400), a service echoes its own categories.
    expect(onAccount[0].enabled_metric).toEqual([{ category: "Capacity" }, { category: "Transaction" }]);
    const onBlob = diagnosticsFor(synth, `${accountRef}.id}/blobServices/default`);
    expect(onBlob).toHaveLength(1);
    expect(onBlob[0].enabled_log).toEqual([{ category_group: "allLogs" }]);
  });

  test.each(ENV_NAMES)("%s: filesystems synapse, raw, curated; prevent_destroy per deletionProtection", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const protect = ENVIRONMENTS[name].deletionProtection;
    const filesystems = synth.configs("azurerm_storage_data_lake_gen2_filesystem");
    expect(filesystems.map((f) => f.name).sort()).toEqual(["curated", "raw", "synapse"]);
    for (const f of filesystems) expect(f.lifecycle?.prevent_destroy ?? false).toBe(protect);
    expect(synth.only(ACCOUNT, "data-lake").config.lifecycle?.prevent_destroy ?? false).toBe(protect);
  });

  test.each(ENV_NAMES)("%s: the deployer can create filesystems with Entra ID", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const owner = synth.entries("azurerm_role_assignment").filter(([id]) => id.includes("data-lake_deployer"));
    expect(owner).toHaveLength(1);
    expect(owner[0][1]).toMatchObject({
      role_definition_name: "Storage Blob Data Owner",
      principal_id: "${data.azurerm_client_config.current.object_id}",
    });
  });
});

describe("DataLake construct: edge cases", () => {
  function build(overrides: Partial<DataLakeProps>) {
    const t = storeTestbed("datalake");
    return new DataLake(t.stack, "lake", {
      naming: t.naming,
      resourceGroupName: "rg-data",
      location: "westeurope",
      identity: t.identity,
      encryptionKey: t.key,
      privateAccess: t.privateAccess,
      diagnostics: t.diagnostics,
      deployerObjectId: "00000000-0000-0000-0000-000000000001",
      ...overrides,
    });
  }

  test("defaults to ZRS and three filesystems", () => {
    const lake = build({});
    expect(lake.account.accountReplicationTypeInput).toBe("ZRS");
    expect(lake.filesystemNames).toEqual(["synapse", "raw", "curated"]);
  });

  test.each([
    [{ softDeleteDays: 0 }, /softDeleteDays: got 0/],
    [{ filesystems: ["raw", "raw"] }, /filesystems: got \["raw","raw"\]; allowed: at least one name, each once/],
    [{ filesystems: ["Raw_Zone"] }, /filesystems: .*lowercase/],
  ] as const)("rejects invalid props %#", (overrides, message) => {
    expect(() => build(overrides as Partial<DataLakeProps>)).toThrow(message);
  });
});

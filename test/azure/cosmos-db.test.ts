import { CosmosDb, CosmosDbProps, PAYMENTS_COSMOS_CONTAINERS } from "../../constructs/azure/cosmos-db";
import { ENVIRONMENTS, ENV_NAMES, diagnosticsFor, endpointsFor, rowFor, storeTestbed, zoneNameOf } from "../helpers/azure";
import { synthAzure } from "../helpers/synth";

const ACCOUNT = "azurerm_cosmosdb_account";

describe("CosmosDb in the Azure stacks: sizing per environment", () => {
  const expected = {
    dev: { regions: [["westeurope", 0]], zoneRedundant: false, failover: false, throughput: 1000, backupTier: "Continuous7Days" },
    staging: { regions: [["westeurope", 0]], zoneRedundant: false, failover: false, throughput: 10000, backupTier: "Continuous7Days" },
    prod: {
      regions: [
        ["westeurope", 0],
        ["northeurope", 1],
      ],
      zoneRedundant: true,
      failover: true,
      throughput: 110000,
      backupTier: "Continuous30Days",
    },
  } as const;

  test.each(ENV_NAMES)("%s: regions, zone redundancy, automatic failover", (name) => {
    const account = synthAzure(ENVIRONMENTS[name]).only(ACCOUNT).config;
    const e = rowFor(expected, name);
    expect(account.geo_location).toEqual(
      e.regions.map(([location, failover_priority]) => ({ location, failover_priority, zone_redundant: e.zoneRedundant })),
    );
    expect(account.automatic_failover_enabled).toBe(e.failover);
    expect(account.multiple_write_locations_enabled).toBe(false);
  });

  test.each(ENV_NAMES)("%s: autoscale max throughput on the shared database and the account cap", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    expect(synth.only("azurerm_cosmosdb_sql_database").config.autoscale_settings).toEqual({
      max_throughput: rowFor(expected, name).throughput,
    });
    expect(synth.only(ACCOUNT).config.capacity).toEqual({ total_throughput_limit: rowFor(expected, name).throughput });
  });

  test.each(ENV_NAMES)("%s: continuous backup (point in time) tier", (name) => {
    expect(synthAzure(ENVIRONMENTS[name]).only(ACCOUNT).config.backup).toEqual({
      type: "Continuous",
      tier: rowFor(expected, name).backupTier,
    });
  });
});

describe("CosmosDb in the Azure stacks: security and containers in every environment", () => {
  test.each(ENV_NAMES)("%s: key auth off, no public access, TLS 1.2, CMK with the cosmos identity, Session consistency", (name) => {
    const account = synthAzure(ENVIRONMENTS[name]).only(ACCOUNT).config;
    expect(account).toMatchObject({
      local_authentication_disabled: true,
      access_key_metadata_writes_enabled: false,
      public_network_access_enabled: false,
      network_acl_bypass_for_azure_services: false,
      minimal_tls_version: "Tls12",
      consistency_policy: { consistency_level: "Session" },
      identity: { type: "UserAssigned" },
      analytical_storage_enabled: true,
      analytical_storage: { schema_type: "WellDefined" },
    });
    expect(account.key_vault_key_id).toMatch(/azurerm_key_vault_key\.key-vault_key-cosmos_[A-Z0-9]+\.versionless_id/);
    expect(account.default_identity_type).toMatch(/UserAssignedIdentity.*azurerm_user_assigned_identity\.identity-cosmos/);
  });

  test.each(ENV_NAMES)("%s: private endpoint (Sql) with DNS and diagnostics", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const endpoints = endpointsFor(synth, synth.only(ACCOUNT).address);
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].private_service_connection.subresource_names).toEqual(["Sql"]);
    expect(zoneNameOf(synth, endpoints[0].private_dns_zone_group.private_dns_zone_ids[0])).toBe("privatelink.documents.azure.com");
    expect(diagnosticsFor(synth, `${synth.only(ACCOUNT).address}.id`)).toHaveLength(1);
  });

  test.each(ENV_NAMES)("%s: the brief's four containers with their partition keys, TTLs and analytical store", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const byName: Record<string, any> = Object.fromEntries(synth.entries("azurerm_cosmosdb_sql_container").map(([, c]) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(["api_logs", "fraud_features", "sessions", "webhook_events"]);
    expect(byName.api_logs).toMatchObject({
      partition_key_paths: ["/merchantId", "/requestId"],
      partition_key_kind: "MultiHash",
      partition_key_version: 2,
      default_ttl: 2592000,
      analytical_storage_ttl: 34560000,
    });
    expect(byName.sessions).toMatchObject({ partition_key_paths: ["/sessionId"], partition_key_kind: "Hash", default_ttl: 900 });
    expect(byName.sessions.analytical_storage_ttl).toBeUndefined();
    expect(byName.fraud_features).toMatchObject({
      partition_key_paths: ["/entityId"],
      partition_key_kind: "Hash",
      default_ttl: 7776000,
      analytical_storage_ttl: 63072000,
    });
    expect(byName.webhook_events).toMatchObject({
      partition_key_paths: ["/merchantId", "/eventId"],
      partition_key_kind: "MultiHash",
      default_ttl: 2592000,
      analytical_storage_ttl: 34560000,
    });
    // Containers share the database throughput: none sets its own.
    for (const c of Object.values(byName)) {
      expect(c.autoscale_settings).toBeUndefined();
      expect(c.throughput).toBeUndefined();
    }
  });

  test.each(ENV_NAMES)("%s: prevent_destroy on the account and database only where deletionProtection is set", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const protect = ENVIRONMENTS[name].deletionProtection;
    expect(synth.only(ACCOUNT).config.lifecycle?.prevent_destroy ?? false).toBe(protect);
    expect(synth.only("azurerm_cosmosdb_sql_database").config.lifecycle?.prevent_destroy ?? false).toBe(protect);
  });
});

describe("CosmosDb construct: edge cases", () => {
  function build(overrides: Partial<CosmosDbProps>) {
    const t = storeTestbed("cosmos");
    return new CosmosDb(t.stack, "nosql", {
      naming: t.naming,
      resourceGroupName: "rg-data",
      location: "westeurope",
      zoneRedundant: false,
      autoscaleMaxThroughput: 4000,
      identity: t.identity,
      encryptionKey: t.key,
      privateAccess: t.privateAccess,
      diagnostics: t.diagnostics,
      ...overrides,
    });
  }

  test.each([500, 1500, 2_000_000])("rejects autoscaleMaxThroughput %d", (autoscaleMaxThroughput) => {
    expect(() => build({ autoscaleMaxThroughput })).toThrow(/autoscaleMaxThroughput: got/);
  });

  test("rejects a secondary location equal to the primary", () => {
    expect(() => build({ secondaryLocation: "westeurope" })).toThrow(
      /secondaryLocation: got "westeurope"; allowed: a region other than location \(westeurope\)/,
    );
  });

  test("rejects a container with four partition key levels", () => {
    expect(() => build({ containers: { x: { partitionKeyPaths: ["/a", "/b", "/c", "/d"], defaultTtlSeconds: -1 } } })).toThrow(
      /containers\.x\.partitionKeyPaths/,
    );
  });

  test("no analytical store on the account when no container asks for it", () => {
    const c = build({ containers: { sessions: PAYMENTS_COSMOS_CONTAINERS.sessions } });
    expect(c.containerNames).toEqual(["sessions"]);
    expect(c.account.analyticalStorageEnabledInput).toBe(false);
  });
});

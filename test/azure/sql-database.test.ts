import { TerraformStack } from "cdktf";
import { SqlDatabase, SqlDatabaseProps } from "../../constructs/azure/sql-database";
import { SqlSkuName, sqlSkuCapabilities } from "../../constructs/azure/sql-sku";
import { SqlDatabaseSizing } from "../../environments/types";
import { ENVIRONMENTS, ENV_NAMES, diagnosticsFor, endpointsFor, rowFor, storeTestbed, zoneNameOf } from "../helpers/azure";
import { synthAzure, synthesize } from "../helpers/synth";

const SERVER = "azurerm_mssql_server";
const DATABASE = "azurerm_mssql_database";

describe("SqlDatabase in the Azure stacks: sizing per environment", () => {
  // GIVEN the real environment files  WHEN synthesized  THEN the values that differ between environments are explicit
  const expected = {
    dev: {
      sku: "GP_S_Gen5_2",
      maxSizeGb: 32,
      zoneRedundant: false,
      readScale: false,
      backup: "Local",
      pitr: 7,
      ltr: undefined,
      minCapacity: 0.5,
      autoPause: 60,
      servers: 1,
    },
    staging: {
      sku: "GP_Gen5_4",
      maxSizeGb: 256,
      zoneRedundant: false,
      readScale: false,
      backup: "Zone",
      pitr: 14,
      ltr: undefined,
      minCapacity: undefined,
      autoPause: undefined,
      servers: 1,
    },
    prod: {
      sku: "BC_Gen5_8",
      maxSizeGb: 1024,
      zoneRedundant: true,
      readScale: true,
      backup: "GeoZone",
      pitr: 35,
      ltr: { weekly_retention: "P12W", monthly_retention: "P12M", yearly_retention: "P7Y", week_of_year: 1 },
      minCapacity: undefined,
      autoPause: undefined,
      servers: 2,
    },
  } as const;

  test.each(ENV_NAMES)("%s: SKU, size, zone redundancy, read scale-out, backup redundancy", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const db = synth.only(DATABASE, "oltp_database").config;
    const e = rowFor(expected, name);
    expect(db.sku_name).toBe(e.sku);
    expect(db.max_size_gb).toBe(e.maxSizeGb);
    expect(db.zone_redundant).toBe(e.zoneRedundant);
    expect(db.read_scale ?? false).toBe(name === "prod");
    expect(db.storage_account_type).toBe(e.backup);
    expect(db.min_capacity).toBe(e.minCapacity);
    expect(db.auto_pause_delay_in_minutes).toBe(e.autoPause);
  });

  test.each(ENV_NAMES)("%s: point-in-time and long-term retention", (name) => {
    const db = synthAzure(ENVIRONMENTS[name]).only(DATABASE, "oltp_database").config;
    expect(db.short_term_retention_policy).toEqual({ retention_days: rowFor(expected, name).pitr, backup_interval_in_hours: 12 });
    expect(db.long_term_retention_policy).toEqual(rowFor(expected, name).ltr);
  });

  test.each(ENV_NAMES)("%s: geo-replica and failover group only in prod", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    expect(synth.entries(SERVER)).toHaveLength(rowFor(expected, name).servers);
    expect(synth.entries("azurerm_mssql_failover_group")).toHaveLength(name === "prod" ? 1 : 0);
  });

  test("prod: secondary server in northeurope, secondary database, automatic failover group", () => {
    const synth = synthAzure(ENVIRONMENTS.prod);
    expect(synth.only(SERVER, "secondary").config.location).toBe("northeurope");
    expect(synth.only(SERVER, "primary").config.location).toBe("westeurope");
    const secondaryDb = synth.only(DATABASE, "secondary").config;
    expect(secondaryDb).toMatchObject({
      create_mode: "Secondary",
      creation_source_database_id: `\${${synth.only(DATABASE, "oltp_database").address}.id}`,
      sku_name: "BC_Gen5_8",
      zone_redundant: true,
      // LTR follows the database after a failover.
      long_term_retention_policy: { weekly_retention: "P12W", monthly_retention: "P12M", yearly_retention: "P7Y", week_of_year: 1 },
    });
    const fg = synth.only("azurerm_mssql_failover_group").config;
    expect(fg.read_write_endpoint_failover_policy).toEqual({ mode: "Automatic", grace_minutes: 60 });
    expect(fg.partner_server).toEqual([{ id: `\${${synth.only(SERVER, "secondary").address}.id}` }]);
    expect(fg.databases).toEqual([`\${${synth.only(DATABASE, "oltp_database").address}.id}`]);
  });
});

describe("SqlDatabase in the Azure stacks: security in every environment", () => {
  test.each(ENV_NAMES)("%s: Entra ID-only admin group, TLS 1.2, no public access, outbound restriction, UAI", (name) => {
    const env = ENVIRONMENTS[name];
    const synth = synthAzure(env);
    for (const [, server] of synth.entries(SERVER)) {
      expect(server).toMatchObject({
        minimum_tls_version: "1.2",
        public_network_access_enabled: false,
        outbound_network_restriction_enabled: true,
        connection_policy: "Proxy",
        express_vulnerability_assessment_enabled: true,
        azuread_administrator: {
          login_username: env.sqlAdminGroup.displayName,
          object_id: env.sqlAdminGroup.objectId,
          tenant_id: env.tenantId,
          azuread_authentication_only: true,
        },
        identity: { type: "UserAssigned" },
      });
      expect(server.primary_user_assigned_identity_id).toContain("azurerm_user_assigned_identity.identity-sql");
      expect(server).not.toHaveProperty("administrator_login");
      expect(server).not.toHaveProperty("administrator_login_password");
    }
  });

  test.each(ENV_NAMES)("%s: no SQL password anywhere in the synthesized JSON", (name) => {
    const text = JSON.stringify(synthAzure(ENVIRONMENTS[name]).json);
    expect(text).not.toMatch(/administrator_login_password|sql_administrator_login|"password"/);
  });

  test.each(ENV_NAMES)("%s: TDE with the sql customer-managed key, auto-rotating, on every server", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const tdes = synth.entries("azurerm_mssql_server_transparent_data_encryption");
    expect(tdes).toHaveLength(expected(name).servers);
    for (const [, tde] of tdes) {
      expect(tde.key_vault_key_id).toMatch(/azurerm_key_vault_key\.key-vault_key-sql_[A-Z0-9]+\.id/);
      expect(tde.auto_rotation_enabled).toBe(true);
    }
    expect(synth.only(DATABASE, "oltp_database").config.transparent_data_encryption_enabled).toBe(true);
  });

  test.each(ENV_NAMES)("%s: a private endpoint with DNS per server", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    for (const [id] of synth.entries(SERVER)) {
      const endpoints = endpointsFor(synth, `${SERVER}.${id}`);
      expect(endpoints).toHaveLength(1);
      expect(endpoints[0].private_service_connection.subresource_names).toEqual(["sqlServer"]);
      expect(zoneNameOf(synth, endpoints[0].private_dns_zone_group.private_dns_zone_ids[0])).toBe("privatelink.database.windows.net");
    }
  });

  test.each(ENV_NAMES)("%s: auditing to Log Analytics, Defender for SQL, database diagnostics", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    for (const [id] of synth.entries(SERVER)) {
      const master = diagnosticsFor(synth, `${SERVER}.${id}.id}/databases/master`);
      expect(master).toHaveLength(1);
      expect(master[0].enabled_log).toEqual([{ category_group: "audit" }]);
    }
    for (const [, audit] of synth.entries("azurerm_mssql_server_extended_auditing_policy")) {
      expect(audit).toMatchObject({ enabled: true, log_monitoring_enabled: true });
      expect(audit).not.toHaveProperty("storage_endpoint");
    }
    for (const [, support] of synth.entries("azurerm_mssql_server_microsoft_support_auditing_policy")) {
      expect(support).toMatchObject({ enabled: true, log_monitoring_enabled: true });
    }
    const defender = synth.entries("azurerm_mssql_server_security_alert_policy");
    expect(defender).toHaveLength(expected(name).servers);
    for (const [, d] of defender) expect(d.state).toBe("Enabled");
    expect(diagnosticsFor(synth, `${synth.only(DATABASE, "oltp_database").address}.id`)).toHaveLength(1);
  });

  test.each(ENV_NAMES)("%s: prevent_destroy on servers and databases only where deletionProtection is set", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const protect = ENVIRONMENTS[name].deletionProtection;
    for (const type of [SERVER, DATABASE]) {
      for (const [, r] of synth.entries(type)) {
        expect(r.lifecycle?.prevent_destroy ?? false).toBe(protect);
      }
    }
  });

  function expected(name: (typeof ENV_NAMES)[number]) {
    return { servers: name === "prod" ? 2 : 1 };
  }
});

describe("SqlDatabase construct: edge cases", () => {
  const base: SqlDatabaseSizing = {
    skuName: "GP_Gen5_2",
    maxSizeGb: 32,
    zoneRedundant: false,
    readScaleOut: false,
    backupStorageRedundancy: "Local",
  };

  function build(overrides: Omit<Partial<SqlDatabaseProps>, "sizing"> & { sizing?: Partial<SqlDatabaseSizing> }) {
    const t = storeTestbed();
    return new SqlDatabase(t.stack, "oltp", {
      naming: t.naming,
      resourceGroupName: "rg-data",
      location: "westeurope",
      tenantId: "4a1c7e52-93b8-4d6f-8e20-6b5d3f9c1a7e",
      administrator: { displayName: "sg-sql-admins", objectId: "5c0e3a1d-8f57-4b2f-9a0e-2f1d6c7b8a90" },
      identity: t.identity,
      encryptionKey: t.key,
      privateAccess: t.privateAccess,
      diagnostics: t.diagnostics,
      pointInTimeRetentionDays: 7,
      ...overrides,
      sizing: { ...base, ...(overrides.sizing ?? {}) },
    });
  }

  test("the SKU type refuses names Azure does not offer (at compile time: npm test type-checks first)", () => {
    // @ts-expect-error no Gen5 SKU has 3 vCores
    const vCores: SqlSkuName = "GP_Gen5_3";
    // @ts-expect-error S5 is not a DTU service objective
    const dtu: SqlSkuName = "S5";
    const offered: SqlSkuName[] = ["GP_S_Gen5_2", "BC_Gen5_80", "HS_Gen5_4", "Basic", "S12", "P15"];
    expect([vCores, dtu].map(sqlSkuCapabilities)).toEqual([undefined, undefined]);
    expect(offered.filter((s) => sqlSkuCapabilities(s) === undefined)).toEqual([]);
  });

  // 2 GB: a max size every one of these SKUs offers (DTU SKUs take fixed steps only).
  test.each(["Basic", "S0", "S1", "S2"] as const)("rejects CDC on %s with an error naming cdc.enabled", (skuName) => {
    expect(() => build({ sizing: { skuName, maxSizeGb: 2 }, cdc: { enabled: true, tables: ["Payment"] } })).toThrow(
      new RegExp(
        `invalid props \\(1 problem\\):\n {2}- cdc\\.enabled: got true; allowed: false for the SKU ${skuName} \\((Basic|Standard)\\)`,
      ),
    );
  });

  // 250 GB: a max size every one of these SKUs offers.
  test.each(["S3", "P1", "GP_S_Gen5_2", "GP_Gen5_2", "BC_Gen5_8", "HS_Gen5_4"] as const)("accepts CDC on %s", (skuName) => {
    expect(() => build({ sizing: { skuName, maxSizeGb: 250 }, cdc: { enabled: true, tables: ["Payment"] } })).not.toThrow();
  });

  test("accepts a subcore SKU when CDC is disabled", () => {
    expect(() => build({ sizing: { skuName: "S0", maxSizeGb: 250 }, cdc: { enabled: false, tables: [] } })).not.toThrow();
  });

  test("refuses a max size the SKU does not offer", () => {
    expect(() => build({ sizing: { skuName: "S3", maxSizeGb: 32 } })).toThrow(
      /sizing\.maxSizeGb: got 32; allowed: one of 1, 2, 5, 10, 20, 30, 40/,
    );
  });

  test.each([
    [{ sizing: { skuName: "S3", zoneRedundant: true } }, /sizing\.zoneRedundant/],
    [{ sizing: { skuName: "GP_Gen5_4", readScaleOut: true } }, /sizing\.readScaleOut/],
    [{ sizing: { skuName: "GP_Gen5_4", minCapacity: 1 } }, /sizing\.minCapacity\/autoPauseDelayMinutes/],
    [{ sizing: { skuName: "BC_Gen5_7" } }, /sizing\.skuName/],
    [
      { sizing: { skuName: "Basic", maxSizeGb: 2 }, pointInTimeRetentionDays: 14 },
      /pointInTimeRetentionDays: got 14; allowed: an integer from 1 to 7 days/,
    ],
    [{ sizing: { geoReplica: true } }, /sizing\.geoReplica: got true; allowed: false unless secondaryLocation is set/],
    [{ cdc: { enabled: true, tables: [] } }, /cdc\.tables/],
  ] as const)("rejects invalid combination %#", (overrides, message) => {
    expect(() => build(overrides as Parameters<typeof build>[0])).toThrow(message);
  });

  test("a serverless database gets min capacity and auto-pause defaults; no CDC resource when disabled", () => {
    const db = build({ sizing: { skuName: "GP_S_Gen5_2" } });
    const synth = synthesize(db.node.scope as TerraformStack);
    const config = Object.values(synth.json.resource.azurerm_mssql_database)[0] as Record<string, unknown>;
    expect(config).toMatchObject({ min_capacity: 0.5, auto_pause_delay_in_minutes: 60, sku_name: "GP_S_Gen5_2" });
    expect(synth.json.resource.terraform_data).toBeUndefined();
    expect(db.cdc).toBeUndefined();
    expect(db.listenerFqdn).toBe(db.serverFqdn);
  });
});

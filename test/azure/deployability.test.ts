/**
 * Issue 11 (Azure): what the provider or Azure refuses, or silently ignores, on a first deploy. Every
 * expectation below is written from the provider source at v4.55.0 or the service's documentation
 * (docs/provider-review.md), not from the constants the constructs read.
 */
import { AZURE_ENVIRONMENTS } from "../../environments";
import { dev } from "../../environments/dev";
import { prod } from "../../environments/prod";
import { KeyVault, cryptoperiodOffset } from "../../constructs/azure/key-vault";
import { RbacPropagationWait } from "../../constructs/azure/rbac-propagation-wait";
import { SynthesizedStack, SynthResource, synthAzure, synthesize } from "../helpers/synth";
import { storeTestbed } from "../helpers/azure";

const all = AZURE_ENVIRONMENTS.map((e) => [e.name, e] as const);

/** `depends_on` of a resource as plain addresses. */
function dependsOn(r: SynthResource): string[] {
  return (r.config.depends_on ?? []).map((d: string) => d.replace(/^\$\{|\}$/g, ""));
}

/** The time_sleep resources a resource waits for directly. */
function sleepsBefore(stack: SynthesizedStack, r: SynthResource): SynthResource[] {
  const addresses = new Set(dependsOn(r));
  return stack.resources("time_sleep").filter((s) => addresses.has(s.address));
}

/** The role assignments a sleep waits for. */
function assignmentsBefore(stack: SynthesizedStack, sleep: SynthResource): SynthResource[] {
  const addresses = new Set(dependsOn(sleep));
  return stack.resources("azurerm_role_assignment").filter((a) => addresses.has(a.address));
}

describe.each(all)("azure-%s deploys on the first try", (_name, env) => {
  const s = synthAzure(env);

  test("finding 2: the provider manages storage through ARM only (a private account refuses data-plane polling)", () => {
    const provider = s.json.provider.azurerm[0] ?? s.json.provider.azurerm;
    expect(provider.features[0].storage[0]).toEqual({ data_plane_available: false });
  });

  test("finding 4: every key waits for the vault's private endpoint and for the deployer's Crypto Officer role to propagate", () => {
    const keys = s.resources("azurerm_key_vault_key");
    expect(keys).toHaveLength(5);
    const vaultEndpoint = s
      .resources("azurerm_private_endpoint")
      .find((e) => String(e.config.private_service_connection.private_connection_resource_id).includes("azurerm_key_vault."))!;
    for (const key of keys) {
      expect(dependsOn(key)).toContain(vaultEndpoint.address);
      const [sleep] = sleepsBefore(s, key);
      expect(sleep.config.create_duration).toBe("300s");
      expect(assignmentsBefore(s, sleep).map((a) => a.config.role_definition_name)).toEqual(["Key Vault Crypto Officer"]);
    }
  });

  test("finding 4: every private endpoint waits for the VNet link of its DNS zone (else the name resolves publicly)", () => {
    const endpoints = s.resources("azurerm_private_endpoint");
    expect(endpoints.length).toBeGreaterThanOrEqual(10);
    for (const e of endpoints) {
      const zone = String(e.config.private_dns_zone_group.private_dns_zone_ids[0]).replace(/^\$\{|\.id\}$/g, "");
      const links = s
        .resources("azurerm_private_dns_zone_virtual_network_link")
        .filter((l) => l.config.private_dns_zone_name === `\${${zone}.name}`);
      expect(links).toHaveLength(1);
      expect({ endpoint: e.config.name, waits: dependsOn(e).includes(links[0].address) }).toEqual({ endpoint: e.config.name, waits: true });
    }
  });

  test("finding 4: each CMK consumer waits for its own identity's key grant to propagate", () => {
    const consumers: [string, SynthResource[]][] = [
      ["sql", s.resources("azurerm_mssql_server")],
      ["cosmos", s.resources("azurerm_cosmosdb_account")],
      ["datalake", s.resources("azurerm_storage_account")],
      ["synapse", s.resources("azurerm_synapse_workspace")],
      ["adf", s.resources("azurerm_data_factory")],
    ];
    for (const [workload, resources] of consumers) {
      expect(resources.length).toBeGreaterThanOrEqual(1);
      for (const r of resources) {
        const sleeps = sleepsBefore(s, r);
        expect({ workload, sleeps: sleeps.length }).toEqual({ workload, sleeps: 1 });
        const [grant] = assignmentsBefore(s, sleeps[0]);
        expect(grant.config.role_definition_name).toBe("Key Vault Crypto Service Encryption User");
        expect(grant.config.principal_id).toContain(`azurerm_user_assigned_identity.identity-${workload}_`);
      }
    }
  });

  test("finding 4: lake filesystems wait for the deployer's blob role to propagate and for both lake endpoints", () => {
    const filesystems = s.resources("azurerm_storage_data_lake_gen2_filesystem");
    expect(filesystems.map((f) => f.config.name).sort()).toEqual(["curated", "raw", "synapse"]);
    for (const fs of filesystems) {
      const [sleep] = sleepsBefore(s, fs);
      expect(assignmentsBefore(s, sleep).map((a) => a.config.role_definition_name)).toEqual(["Storage Blob Data Owner"]);
      expect(dependsOn(fs).filter((d) => d.startsWith("azurerm_private_endpoint."))).toHaveLength(2);
    }
  });

  test("finding 5: every log alert is created without validating its query against (still empty) tables", () => {
    const alerts = s.resources("azurerm_monitor_scheduled_query_rules_alert_v2");
    expect(alerts).toHaveLength(4);
    for (const a of alerts)
      expect({ alert: a.config.name, skip: a.config.skip_query_validation }).toEqual({ alert: a.config.name, skip: true });
  });

  test("finding 14: the lake account and its blob service send Capacity and Transaction, never AllMetrics (refused / perpetual diff)", () => {
    const account = s.only("azurerm_storage_account");
    const settings = s
      .resources("azurerm_monitor_diagnostic_setting")
      .filter((d) => String(d.config.target_resource_id).startsWith(`\${${account.address}.id}`));
    expect(settings.map((d) => String(d.config.target_resource_id).replace(/^\$\{[^}]+\}/, "<account>")).sort()).toEqual([
      "<account>",
      "<account>/blobServices/default",
    ]);
    for (const d of settings) expect(d.config.enabled_metric).toEqual([{ category: "Capacity" }, { category: "Transaction" }]);
  });

  test("finding 14: container-scope grants wait for the container they name", () => {
    const staging = s.resources("azurerm_role_assignment").find((a) => String(a.config.scope).includes("/containers/raw"))!;
    const raw = s.resources("azurerm_storage_data_lake_gen2_filesystem").find((f) => f.config.name === "raw")!;
    expect(dependsOn(staging)).toContain(raw.address);
    const cosmosGrant = s.only("azurerm_cosmosdb_sql_role_assignment");
    const apiLogs = s.resources("azurerm_cosmosdb_sql_container").find((c) => c.config.name === "api_logs")!;
    expect(dependsOn(cosmosGrant)).toContain(apiLogs.address);
  });

  test("security: every key's first version expires one cryptoperiod (P1Y) after creation, set on create only", () => {
    for (const key of s.resources("azurerm_key_vault_key")) {
      expect(key.config.rotation_policy.expire_after).toBe("P1Y");
      const offset = String(key.config.expiration_date).match(/^\$\{time_offset\.([\w-]+)\.rfc3339\}$/)!;
      expect(offset).not.toBeNull();
      expect(s.json.resource.time_offset[offset[1]]).toEqual({ offset_years: 1 });
      expect(key.config.lifecycle.ignore_changes).toEqual(["expiration_date"]);
    }
  });
});

describe("azure-prod geo-replica and ETL failover", () => {
  const s = synthAzure(prod);

  test("finding 1: the geo-secondary database sets no max_size_gb (refused in Secondary create mode); the primary keeps it", () => {
    const dbs = s.resources("azurerm_mssql_database");
    const secondary = dbs.filter((d) => d.config.create_mode === "Secondary");
    expect(secondary).toHaveLength(1);
    expect(secondary[0].config).not.toHaveProperty("max_size_gb");
    const primary = dbs.filter((d) => d.config.create_mode !== "Secondary");
    expect(primary[0].config.max_size_gb).toBe(prod.sizing.sqlDatabase.maxSizeGb);
  });

  test("finding 8: flow 2 connects to the failover group listener and has a managed private endpoint to both servers", () => {
    const fog = s.only("azurerm_mssql_failover_group");
    const ls = s.resources("azurerm_data_factory_linked_custom_service").find((l) => l.config.type === "AzureSqlDatabase")!;
    expect(JSON.parse(ls.config.type_properties_json).server).toBe(`${fog.config.name}.database.windows.net`);
    const servers = s.resources("azurerm_mssql_server").map((srv) => `\${${srv.address}.id}`);
    expect(servers).toHaveLength(2);
    const sqlTargets = s
      .resources("azurerm_data_factory_managed_private_endpoint")
      .filter((m) => m.config.subresource_name === "sqlServer")
      .map((m) => m.config.target_resource_id);
    expect(sqlTargets.sort()).toEqual(servers.sort());
  });
});

describe("azure-dev without a failover group", () => {
  test("finding 8: the linked service uses the only server's FQDN, one SQL managed private endpoint", () => {
    const s = synthAzure(dev);
    expect(s.resources("azurerm_mssql_failover_group")).toHaveLength(0);
    const [server] = s.resources("azurerm_mssql_server");
    const ls = s.resources("azurerm_data_factory_linked_custom_service").find((l) => l.config.type === "AzureSqlDatabase")!;
    expect(JSON.parse(ls.config.type_properties_json).server).toBe(`\${${server.address}.fully_qualified_domain_name}`);
    expect(
      s.resources("azurerm_data_factory_managed_private_endpoint").filter((m) => m.config.subresource_name === "sqlServer"),
    ).toHaveLength(1);
  });
});

describe.each(all)("azure-%s security items a PCI DSS reviewer asks for", (_name, env) => {
  const s = synthAzure(env);

  test("Synapse: workspace and dedicated pool audit to Log Analytics after their diagnostic settings exist", () => {
    const workspaceAudit = s.only("azurerm_synapse_workspace_extended_auditing_policy");
    expect(workspaceAudit.config.log_monitoring_enabled).toBe(true);
    expect(workspaceAudit.config).not.toHaveProperty("storage_account_access_key");
    const poolAudit = s.only("azurerm_synapse_sql_pool_extended_auditing_policy");
    expect(poolAudit.config.log_monitoring_enabled).toBe(true);
    for (const audit of [workspaceAudit, poolAudit]) {
      const [setting] = dependsOn(audit).filter((d) => d.startsWith("azurerm_monitor_diagnostic_setting."));
      const diag = s.resources("azurerm_monitor_diagnostic_setting").find((d) => d.address === setting)!;
      // allLogs carries SQLSecurityAuditEvents to the platform workspace.
      expect(diag.config.enabled_log).toEqual([{ category_group: "allLogs" }]);
      expect(diag.config.log_analytics_workspace_id).toContain("azurerm_log_analytics_workspace.");
    }
  });

  test("Synapse: threat detection (security alert policy) is on and mails the on-call contacts", () => {
    expect(s.only("azurerm_synapse_workspace_security_alert_policy").config).toMatchObject({
      policy_state: "Enabled",
      email_account_admins_enabled: true,
      email_addresses: env.alertContacts.emails,
    });
  });
});

describe("azure-prod Azure Firewall", () => {
  test("Premium firewall and policy, IDPS and threat intelligence in Deny mode (PCI DSS 11.5.1)", () => {
    const p = synthAzure(prod);
    expect(p.only("azurerm_firewall").config.sku_tier).toBe("Premium");
    expect(p.only("azurerm_firewall_policy").config).toMatchObject({
      sku: "Premium",
      threat_intelligence_mode: "Deny",
      intrusion_detection: { mode: "Deny" },
    });
  });
});

describe("construct inputs behind the fixes", () => {
  test("a key's cryptoperiod becomes the time_offset of its first version; unsupported periods are refused with the key named", () => {
    expect(cryptoperiodOffset("P1Y")).toEqual({ offsetYears: 1 });
    expect(cryptoperiodOffset("P6M")).toEqual({ offsetMonths: 6 });
    expect(cryptoperiodOffset("P90D")).toEqual({ offsetDays: 90 });
    // Not longer than the 30-day rotation lead, or not a single-unit ISO 8601 period.
    for (const bad of ["P30D", "P1M", "P1Y6M", "PT24H", "1Y"]) expect(cryptoperiodOffset(bad)).toBeUndefined();
    const t = storeTestbed();
    expect(
      () =>
        new KeyVault(t.stack, "kv", {
          naming: t.naming,
          resourceGroupName: "rg",
          location: "westeurope",
          tenantId: "00000000-0000-0000-0000-000000000000",
          softDeleteRetentionDays: 90,
          privateAccess: t.privateAccess,
          diagnostics: t.diagnostics,
          deployerObjectId: "00000000-0000-0000-0000-000000000001",
          keys: { sql: { rotateEvery: "P2W" } },
        }),
    ).toThrow(/keys\.sql\.rotateEvery: got "P2W"; allowed: P<n>Y, P<n>M or P<n>D longer than 30 days/);
  });

  test("an RBAC wait needs assignments and a whole number of seconds or minutes", () => {
    const t = storeTestbed();
    const grant = t.identity.grant({ target: "scope", scope: "/scope", role: "Reader" });
    expect(() => new RbacPropagationWait(t.stack, "none", { assignments: [] })).toThrow(
      /assignments: got \[\]; allowed: the role assignments to wait for/,
    );
    expect(() => new RbacPropagationWait(t.stack, "bad", { assignments: [grant], duration: "5" })).toThrow(
      /duration: got "5"; allowed: a whole number of seconds or minutes/,
    );
    new RbacPropagationWait(t.stack, "ok", { assignments: [grant], duration: "2m" });
    const sleeps = synthesize(t.stack).configs("time_sleep");
    expect(sleeps.filter((s) => s.create_duration === "2m")).toHaveLength(1);
  });
});

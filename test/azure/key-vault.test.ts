/**
 * The Key Vault construct's security settings, each asserted by name (mutation testing found them guarded
 * only by the whole-stack snapshot): cryptoperiods, rotation policy, audit logs, deletion protection and
 * the private endpoint.
 */
import { KeyVault, cryptoperiodOffset } from "../../constructs/azure/key-vault";
import { storeTestbed } from "../helpers/azure";
import { synthesize } from "../helpers/synth";

describe("cryptoperiodOffset: the rotation periods a key may have", () => {
  // Key Vault creates the next version 30 days before expiry, so a period must be longer than 30 days.
  test.each([
    ["P1Y", { offsetYears: 1 }],
    ["P13Y", { offsetYears: 13 }],
    ["P2M", { offsetMonths: 2 }],
    ["P31D", { offsetDays: 31 }],
    ["P90D", { offsetDays: 90 }],
  ])("%s is accepted as %j", (period, offset) => {
    expect(cryptoperiodOffset(period)).toEqual(offset);
  });

  test.each(["P30D", "P1M", "P7D", "P0Y", "P1W", "1Y", "xP1Y", "P1Yx", "P1.5Y", ""])("%j is refused", (period) => {
    expect(cryptoperiodOffset(period)).toBeUndefined();
  });
});

function vault(overrides: { rotateEvery?: string; deletionProtection?: boolean; softDeleteRetentionDays?: number } = {}) {
  const t = storeTestbed("kv");
  const { rotateEvery, ...rest } = overrides;
  new KeyVault(t.stack, "key-vault", {
    naming: t.naming,
    resourceGroupName: "rg-sec",
    location: "westeurope",
    tenantId: "11111111-1111-1111-1111-111111111111",
    softDeleteRetentionDays: 90,
    privateAccess: t.privateAccess,
    diagnostics: t.diagnostics,
    deployerObjectId: "00000000-0000-0000-0000-000000000001",
    keys: { oltp: rotateEvery === undefined ? {} : { rotateEvery } },
    ...rest,
  });
  return synthesize(t.stack);
}

describe("KeyVault", () => {
  test("the vault: premium (HSM), RBAC, purge protection, no public access, default-deny ACLs", () => {
    expect(vault().only("azurerm_key_vault").config).toMatchObject({
      sku_name: "premium",
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { default_action: "Deny", bypass: "AzureServices" },
    });
  });

  test("a key rotates a year after creation by default, 30 days before expiry, and notifies then", () => {
    const key = vault().only("azurerm_key_vault_key", "oltp").config;
    expect(key).toMatchObject({ key_type: "RSA-HSM", key_size: 3072, key_opts: ["wrapKey", "unwrapKey"] });
    expect(key.rotation_policy).toEqual({ expire_after: "P1Y", notify_before_expiry: "P30D", automatic: { time_before_expiry: "P30D" } });
  });

  test("a key's period is the rotation policy's expiry", () => {
    expect(vault({ rotateEvery: "P6M" }).only("azurerm_key_vault_key", "oltp").config.rotation_policy.expire_after).toBe("P6M");
  });

  test("a period too short for the 30-day lead is refused at synth, naming the key", () => {
    expect(() => vault({ rotateEvery: "P30D" })).toThrow(/keys\.oltp\.rotateEvery: got "P30D"/);
  });

  test("a soft-delete window Azure does not accept is refused, naming the construct and the field", () => {
    expect(() => vault({ softDeleteRetentionDays: 5 })).toThrow(
      /^KeyVault testbed\/key-vault has invalid props \(1 problem\):\n {2}- softDeleteRetentionDays: got 5; allowed: an integer from 7 to 90$/,
    );
  });

  test("the vault sends its audit and all other logs to Log Analytics", () => {
    const s = vault();
    const settings = s.configs("azurerm_monitor_diagnostic_setting");
    expect(settings).toHaveLength(1);
    expect(settings[0]!.target_resource_id).toBe(`${"$"}{${s.only("azurerm_key_vault").address}.id}`);
    expect(settings[0]!.enabled_log).toEqual([{ category_group: "audit" }, { category_group: "allLogs" }]);
  });

  test("vault and keys are protected from destroy when the flag is omitted, and not when it is false", () => {
    const on = vault();
    expect(on.only("azurerm_key_vault").config.lifecycle).toEqual({ prevent_destroy: true });
    expect(on.only("azurerm_key_vault_key", "oltp").config.lifecycle).toMatchObject({ prevent_destroy: true });
    const off = vault({ deletionProtection: false });
    expect(off.only("azurerm_key_vault").config.lifecycle).toBeUndefined();
    expect(off.only("azurerm_key_vault_key", "oltp").config.lifecycle).not.toHaveProperty("prevent_destroy");
  });

  test("one private endpoint to the vault, auto-approved, named with the kv qualifier", () => {
    const pe = vault().only("azurerm_private_endpoint").config;
    expect(pe.name).toMatch(/^pe-pay-test-weu-kv(-|$)/);
    expect(pe.custom_network_interface_name).toBe(`${pe.name}-nic`);
    expect(pe.private_service_connection).toEqual({
      name: `${pe.name}-psc`,
      private_connection_resource_id: expect.stringMatching(/^\$\{azurerm_key_vault\..*\.id\}$/),
      is_manual_connection: false,
      subresource_names: ["vault"],
    });
  });
});

import { AZURE_ENVIRONMENTS } from "../../environments";
import { dev } from "../../environments/dev";
import { prod } from "../../environments/prod";
import { staging } from "../../environments/staging";
import { AZURE_RESOURCE_TYPE_KINDS, validateName } from "../../constructs/azure/naming";
import { PCI_DSS_V4_INITIATIVE_ID } from "../../constructs/azure/resource-group";
import { PRIVATE_DNS_ZONE_NAMES } from "../../constructs/azure/private-endpoint";
import { block, synthAzure } from "../helpers/synth";
import { isTaggableType } from "../helpers/taggable";

/** The inventory tags the brief requires on every taggable resource (PCI DSS 12.5.1). */
const BRIEF_TAGS = ["owner", "cost-center", "data-classification", "environment", "managed-by"];

const envs = AZURE_ENVIRONMENTS.map((e) => [e.name, e] as const);

/** Each environment's intent (README stack table, docs/runbook.md): retention days; prod keeps logs a year. */
const INTENT: Record<string, { keyVaultSoftDeleteDays: number; logAnalyticsDays: number; dataClassification: string }> = {
  dev: { keyVaultSoftDeleteDays: 7, logAnalyticsDays: 90, dataClassification: "confidential" },
  staging: { keyVaultSoftDeleteDays: 90, logAnalyticsDays: 90, dataClassification: "confidential" },
  prod: { keyVaultSoftDeleteDays: 90, logAnalyticsDays: 365, dataClassification: "restricted" },
};

test("the intent table covers every Azure environment in the registry", () => {
  expect(AZURE_ENVIRONMENTS.map((e) => e.name).sort()).toEqual(Object.keys(INTENT).sort());
});

describe.each(envs)("azure-%s foundation", (_name, env) => {
  const stack = synthAzure(env);

  test("every subnet has an NSG, except AzureFirewallSubnet where Azure forbids one", () => {
    const subnets = stack.resources("azurerm_subnet");
    expect(subnets.length).toBeGreaterThanOrEqual(2);
    for (const subnet of subnets) {
      const associations = stack.referencing("azurerm_subnet_network_security_group_association", "subnet_id", subnet);
      const expected = subnet.config.name === "AzureFirewallSubnet" ? 0 : 1;
      expect({ subnet: subnet.address, associations: associations.length }).toEqual({ subnet: subnet.address, associations: expected });
    }
  });

  test("every NSG denies all inbound traffic at its last priority", () => {
    const nsgs = stack.resources("azurerm_network_security_group");
    expect(nsgs).toHaveLength(2);
    for (const nsg of nsgs) {
      const rules: any[] = nsg.config.security_rule;
      const last = rules.filter((r) => r.direction === "Inbound").sort((a, b) => b.priority - a.priority)[0];
      expect(last).toMatchObject({
        access: "Deny",
        priority: 4096,
        source_address_prefix: "*",
        destination_port_range: "*",
        protocol: "*",
      });
      // No inbound allow rule from the internet.
      for (const r of rules.filter((x) => x.access === "Allow" && x.direction === "Inbound")) {
        expect(r.source_address_prefix).not.toMatch(/^(\*|Internet|0\.0\.0\.0\/0)$/);
      }
    }
  });

  test("inbound allows are exactly TDS (1433) and HTTPS (443) from the VNet to the private endpoints", () => {
    const allows = stack
      .resources("azurerm_network_security_group")
      .flatMap((nsg) => (nsg.config.security_rule as any[]).map((r) => ({ nsg: nsg.config.name, ...r })))
      .filter((r) => r.access === "Allow");
    expect(allows).toEqual([
      expect.objectContaining({
        nsg: expect.stringMatching(/-pe$/),
        direction: "Inbound",
        protocol: "Tcp",
        source_address_prefix: "VirtualNetwork",
        destination_address_prefix: env.network.privateEndpointSubnet,
        destination_port_ranges: ["1433", "443"],
      }),
    ]);
    expect(allows[0].destination_port_range ?? null).toBeNull();
  });

  test("subnets have no default outbound internet access", () => {
    for (const s of stack.resources("azurerm_subnet").filter((x) => x.config.name !== "AzureFirewallSubnet")) {
      expect(s.config.default_outbound_access_enabled).toBe(false);
    }
  });

  test("every private endpoint has a DNS zone group pointing at a zone of this stack", () => {
    const endpoints = stack.resources("azurerm_private_endpoint");
    expect(endpoints.length).toBeGreaterThanOrEqual(1);
    for (const pe of endpoints) {
      const group = block(pe.config.private_dns_zone_group);
      expect(group?.private_dns_zone_ids).toHaveLength(1);
      expect(group?.private_dns_zone_ids[0]).toMatch(/^\$\{azurerm_private_dns_zone\.[\w-]+\.id\}$/);
      expect(block(pe.config.private_service_connection)?.subresource_names).toHaveLength(1);
    }
  });

  test("a private DNS zone for every private-link service, each linked to the VNet", () => {
    const zones = stack.resources("azurerm_private_dns_zone");
    expect(zones.map((z) => z.config.name).sort()).toEqual([...PRIVATE_DNS_ZONE_NAMES].sort());
    const vnet = stack.only("azurerm_virtual_network");
    for (const zone of zones) {
      const links = stack.referencing("azurerm_private_dns_zone_virtual_network_link", "private_dns_zone_name", zone);
      expect(links).toHaveLength(1);
      expect(links[0].config.virtual_network_id).toBe(`\${${vnet.address}.id}`);
      expect(links[0].config.registration_enabled).toBe(false);
    }
  });

  test("Key Vault is RBAC-only, purge-protected and private", () => {
    const kv = stack.only("azurerm_key_vault").config;
    expect(kv).toMatchObject({
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      public_network_access_enabled: false,
      soft_delete_retention_days: INTENT[env.name]!.keyVaultSoftDeleteDays,
      sku_name: "premium",
      tenant_id: env.tenantId,
    });
    expect(block(kv.network_acls)).toMatchObject({ default_action: "Deny", bypass: "AzureServices" });
    const pe = stack
      .resources("azurerm_private_endpoint")
      .filter((p) => block(p.config.private_service_connection)?.subresource_names[0] === "vault");
    expect(pe).toHaveLength(1);
  });

  test("customer-managed keys are HSM-backed and rotate automatically", () => {
    const keys = stack.resources("azurerm_key_vault_key");
    expect(keys.map((k) => k.config.name.split("-").pop()).sort()).toEqual(["adf", "cosmos", "datalake", "sql", "synapse"]);
    for (const key of keys) {
      expect(key.config).toMatchObject({ key_type: "RSA-HSM", key_size: 3072, key_opts: ["wrapKey", "unwrapKey"] });
      expect(key.config.rotation_policy).toMatchObject({ expire_after: "P1Y", automatic: { time_before_expiry: "P30D" } });
    }
  });

  test("each workload identity may use its own key only", () => {
    const nameAt = (ref: string) => {
      const address = /^\$\{([\w-]+\.[\w-]+)\./.exec(ref)?.[1];
      return stack.resources().find((r) => r.address === address)?.config.name;
    };
    const keyGrants = stack
      .resources("azurerm_role_assignment")
      .filter((r) => r.config.role_definition_name === "Key Vault Crypto Service Encryption User");
    // Every key grant is scoped to one key (never the vault) and pairs an identity with its workload's key.
    for (const grant of keyGrants) expect(grant.config.scope).toMatch(/^\$\{azurerm_key_vault_key\.[\w-]+\.resource_versionless_id\}$/);
    const pairs = keyGrants.map((g) => [nameAt(g.config.principal_id), nameAt(g.config.scope)]).sort();
    const suffix = `pay-${env.name}-weu`;
    expect(pairs).toEqual(["adf", "cosmos", "datalake", "sql", "synapse"].map((w) => [`id-${suffix}-${w}`, `cmk-${suffix}-${w}`]));
    expect(
      stack
        .resources("azurerm_user_assigned_identity")
        .map((i) => i.config.name)
        .sort(),
    ).toEqual(pairs.map(([id]) => id));
  });

  test("no resource enables public network access", () => {
    const offenders = stack
      .resources()
      .filter((r) => r.config.public_network_access_enabled === true || r.config.public_network_access === "Enabled");
    expect(offenders.map((r) => r.address)).toEqual([]);
    const workspace = stack.only("azurerm_log_analytics_workspace").config;
    expect(workspace.internet_ingestion_enabled).toBe(false);
    expect(workspace.local_authentication_enabled).toBe(false);
  });

  test("Log Analytics keeps at least 90 days", () => {
    const workspace = stack.only("azurerm_log_analytics_workspace").config;
    expect(workspace.retention_in_days).toBe(INTENT[env.name]!.logAnalyticsDays);
    expect(workspace.retention_in_days).toBeGreaterThanOrEqual(90);
  });

  test("every taggable resource carries the environment's required tags", () => {
    const taggable = stack.resources().filter((r) => isTaggableType(r.type));
    expect(taggable.length).toBeGreaterThan(20);
    for (const r of taggable) {
      expect({ address: r.address, keys: Object.keys(r.config.tags ?? {}) }).toEqual({
        address: r.address,
        keys: expect.arrayContaining([...BRIEF_TAGS]),
      });
      expect(r.config.tags.environment).toBe(env.name);
      expect(r.config.tags["data-classification"]).toBe(INTENT[env.name]!.dataClassification);
    }
  });

  test("every name is valid for its service", () => {
    let checked = 0;
    for (const r of stack.resources()) {
      const kind = AZURE_RESOURCE_TYPE_KINDS[r.type];
      if (!kind || typeof r.config.name !== "string" || r.config.name === "AzureFirewallSubnet") continue;
      expect(() => validateName(kind, r.config.name)).not.toThrow();
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  test("every resource group is audited against the PCI DSS v4 initiative", () => {
    const groups = stack.resources("azurerm_resource_group");
    for (const g of groups) {
      const assignments = stack.referencing("azurerm_resource_group_policy_assignment", "resource_group_id", g);
      expect(assignments).toHaveLength(1);
      expect(assignments[0].config).toMatchObject({
        policy_definition_id: PCI_DSS_V4_INITIATIVE_ID,
        enforce: true,
        identity: { type: "SystemAssigned" },
      });
    }
  });

  test("the provider is pinned to the environment's tenant and subscription, with no credentials", () => {
    const provider = stack.json.provider.azurerm[0];
    expect(provider).toMatchObject({ subscription_id: env.subscriptionId, tenant_id: env.tenantId, storage_use_azuread: true });
    expect(Object.keys(provider)).not.toEqual(expect.arrayContaining(["client_secret"]));
  });

  test("snapshot (a tripwire; the assertions above are the contract)", () => {
    expect(stack.json).toMatchSnapshot();
  });
});

describe("per-environment differences", () => {
  test("state: local for dev, Azure Storage with Entra ID auth for staging and prod", () => {
    expect(synthAzure(dev).json.terraform.backend).toEqual({ local: { path: "../../../terraform.azure-dev.tfstate" } });
    for (const env of [staging, prod]) {
      expect(synthAzure(env).json.terraform.backend.azurerm).toEqual({
        resource_group_name: "rg-pay-tfstate-weu",
        storage_account_name: "stpaytfstateweu",
        container_name: "tfstate",
        key: `azure-${env.name}.tfstate`,
        use_azuread_auth: true,
      });
    }
  });

  test("prod has Azure Firewall (with policy and egress route) and DDoS protection; dev and staging do not", () => {
    const p = synthAzure(prod);
    const firewall = p.only("azurerm_firewall").config;
    expect(firewall).toMatchObject({ sku_tier: "Premium", zones: ["1", "2", "3"] });
    expect(firewall.firewall_policy_id).toMatch(/azurerm_firewall_policy\./);
    expect(p.only("azurerm_firewall_policy").config.threat_intelligence_mode).toBe("Deny");
    // Egress through the firewall: Entra ID, Azure Monitor and Key Vault on 443 from the integration subnet, nothing else.
    const groups = p.resources("azurerm_firewall_policy_rule_collection_group").map((g) => g.config);
    expect(groups).toHaveLength(1);
    expect(groups[0].application_rule_collection).toBeUndefined();
    expect(groups[0].nat_rule_collection).toBeUndefined();
    expect(groups[0].network_rule_collection).toEqual([
      expect.objectContaining({
        action: "Allow",
        rule: [
          expect.objectContaining({
            protocols: ["TCP"],
            source_addresses: ["10.30.2.0/24"],
            destination_addresses: ["AzureActiveDirectory", "AzureMonitor", "AzureKeyVault"],
            destination_ports: ["443"],
          }),
        ],
      }),
    ]);
    const routeTable = p.only("azurerm_route_table");
    const integrationSubnet = p.resources("azurerm_subnet").find((x) => x.config.name === "snet-pay-prod-weu-int")!;
    expect(p.only("azurerm_subnet_route_table_association").config).toEqual({
      route_table_id: `\${${routeTable.address}.id}`,
      subnet_id: `\${${integrationSubnet.address}.id}`,
    });
    const route = routeTable.config.route[0];
    expect(route).toMatchObject({ address_prefix: "0.0.0.0/0", next_hop_type: "VirtualAppliance" });
    const vnet = p.only("azurerm_virtual_network").config;
    expect(block(vnet.ddos_protection_plan)?.enable).toBe(true);
    for (const env of [dev, staging]) {
      const s = synthAzure(env);
      expect(s.resources("azurerm_firewall")).toHaveLength(0);
      expect(s.resources("azurerm_network_ddos_protection_plan")).toHaveLength(0);
      expect(s.only("azurerm_virtual_network").config.ddos_protection_plan).toBeUndefined();
    }
  });

  test("prod locks the resource groups that hold data, keys and the audit trail, and prevents their destroy", () => {
    const p = synthAzure(prod);
    const locked = p.resources("azurerm_management_lock").map((l) => l.config.lock_level);
    expect(locked).toEqual(["CanNotDelete", "CanNotDelete", "CanNotDelete"]);
    const protectedGroups = p
      .resources("azurerm_resource_group")
      .filter((g) => g.config.lifecycle?.prevent_destroy === true)
      .map((g) => g.config.name);
    expect(protectedGroups.sort()).toEqual(["rg-pay-prod-weu-data", "rg-pay-prod-weu-monitoring", "rg-pay-prod-weu-security"]);
    expect(p.only("azurerm_key_vault").config.lifecycle).toEqual({ prevent_destroy: true });
    for (const key of p.resources("azurerm_key_vault_key")) {
      expect(key.config.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["expiration_date"] });
    }
    expect(synthAzure(dev).resources("azurerm_management_lock")).toHaveLength(0);
  });
});

describe("Terraform CLI floor", () => {
  test.each(AZURE_ENVIRONMENTS.map((e) => [e.name, e] as const))(
    "azure-%s requires Terraform >= 1.5 (terraform_data needs 1.4)",
    (_name, env) => {
      expect(synthAzure(env).json.terraform.required_version).toBe(">= 1.5.0");
    },
  );
});

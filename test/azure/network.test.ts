/**
 * The Azure network's settings that only the snapshot guarded before mutation testing (docs/testing.md):
 * the address plan each environment asks for, the names its deployed resources carry (a renamed network
 * resource is replaced), the prod egress path through the firewall, and what NSG diagnostics may send.
 */
import { AZURE_ENVIRONMENTS } from "../../environments";
import { rowFor } from "../helpers/azure";
import { synthAzure } from "../helpers/synth";

/** The address plans of the environment files (docs/networking-and-security.md), written out. */
const PLAN: Readonly<Record<string, { vnet: string; pe: string; int: string; fw?: string }>> = {
  dev: { vnet: "10.10.0.0/16", pe: "10.10.1.0/24", int: "10.10.2.0/24" },
  staging: { vnet: "10.20.0.0/16", pe: "10.20.1.0/24", int: "10.20.2.0/24" },
  prod: { vnet: "10.30.0.0/16", pe: "10.30.1.0/24", int: "10.30.2.0/24", fw: "10.30.3.0/26" },
};

describe.each(AZURE_ENVIRONMENTS.map((env) => [env.name, env] as const))("azure-%s network", (name, env) => {
  const s = synthAzure(env);
  const plan = rowFor(PLAN, name);
  const subnet = (id: string) => s.only("azurerm_subnet", id).config;

  it("the VNet and its subnets carry the environment's address plan and CAF names", () => {
    expect(s.only("azurerm_virtual_network").config).toMatchObject({ name: `vnet-pay-${name}-weu`, address_space: [plan.vnet] });
    expect(subnet("private-endpoints-subnet")).toMatchObject({ name: `snet-pay-${name}-weu-pe`, address_prefixes: [plan.pe] });
    expect(subnet("integration-subnet")).toMatchObject({ name: `snet-pay-${name}-weu-int`, address_prefixes: [plan.int] });
  });

  it("NSG diagnostics send logs only (NSGs publish no platform metrics; a metric category is refused)", () => {
    const nsgSettings = s.resources("azurerm_monitor_diagnostic_setting").filter((r) => r.name.includes("nsg-diagnostics"));
    expect(nsgSettings).toHaveLength(2);
    for (const r of nsgSettings) {
      expect(r.config.enabled_log).toEqual([{ category_group: "allLogs" }]);
      expect(r.config).not.toHaveProperty("enabled_metric");
    }
  });
});

describe("prod egress goes through Azure Firewall Premium", () => {
  const s = synthAzure(AZURE_ENVIRONMENTS.find((e) => e.name === "prod")!);

  it("the firewall's public IP: static, Standard, zone-redundant, named with the afw qualifier", () => {
    expect(s.only("azurerm_public_ip").config).toMatchObject({
      name: "pip-pay-prod-weu-afw",
      allocation_method: "Static",
      sku: "Standard",
      zones: ["1", "2", "3"],
    });
  });

  it("the firewall sits in AzureFirewallSubnet with that address and that public IP", () => {
    const fw = s.only("azurerm_firewall");
    expect(s.only("azurerm_subnet", "firewall-subnet").config).toMatchObject({
      name: "AzureFirewallSubnet",
      address_prefixes: [PLAN.prod!.fw],
    });
    expect(fw.config).toMatchObject({ name: "afw-pay-prod-weu", sku_name: "AZFW_VNet", sku_tier: "Premium", zones: ["1", "2", "3"] });
    expect(fw.config.ip_configuration).toEqual([
      {
        name: "ipconfig",
        subnet_id: `\${${s.only("azurerm_subnet", "firewall-subnet").address}.id}`,
        public_ip_address_id: `\${${s.only("azurerm_public_ip").address}.id}`,
      },
    ]);
  });

  it("the integration subnet's route table sends everything to the firewall and ignores BGP routes", () => {
    const table = s.only("azurerm_route_table");
    // A propagated BGP default route (from a VPN or ExpressRoute gateway) would bypass the firewall.
    expect(table.config).toMatchObject({ name: "rt-pay-prod-weu-int", bgp_route_propagation_enabled: false });
    expect(table.config.route).toEqual([
      expect.objectContaining({
        name: "default-via-firewall",
        address_prefix: "0.0.0.0/0",
        next_hop_type: "VirtualAppliance",
        next_hop_in_ip_address: `\${${s.only("azurerm_firewall").address}.ip_configuration[0].private_ip_address}`,
      }),
    ]);
  });
});

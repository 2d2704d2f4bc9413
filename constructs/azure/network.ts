import { Firewall } from "@cdktf/provider-azurerm/lib/firewall";
import { FirewallPolicy } from "@cdktf/provider-azurerm/lib/firewall-policy";
import { FirewallPolicyRuleCollectionGroup } from "@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group";
import { NetworkDdosProtectionPlan } from "@cdktf/provider-azurerm/lib/network-ddos-protection-plan";
import { NetworkSecurityGroup, NetworkSecurityGroupSecurityRule } from "@cdktf/provider-azurerm/lib/network-security-group";
import { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { PublicIp } from "@cdktf/provider-azurerm/lib/public-ip";
import { RouteTable } from "@cdktf/provider-azurerm/lib/route-table";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { SubnetNetworkSecurityGroupAssociation } from "@cdktf/provider-azurerm/lib/subnet-network-security-group-association";
import { SubnetRouteTableAssociation } from "@cdktf/provider-azurerm/lib/subnet-route-table-association";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { Construct } from "constructs";
import { AzurePlacementProps } from "./common";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { zonalRule } from "./locations";
import { PRIVATE_DNS_ZONE_NAMES, PrivateAccess, PrivateDnsZoneName } from "./private-endpoint";
import { addressPlanRules } from "../shared/cidr";
import { Rule, assertRules } from "../shared/rules";

export interface NetworkProps extends AzurePlacementProps {
  /** VNet address space. */
  readonly addressSpace: string;
  /** Subnet for private endpoints. */
  readonly privateEndpointSubnet: string;
  /** Subnet for integration compute (self-hosted integration runtime, jobs). */
  readonly integrationSubnet: string;
  /**
   * `AzureFirewallSubnet` range. Presence deploys Azure Firewall Premium with a Premium policy
   * (threat intelligence and IDPS both in Deny mode, PCI DSS 11.5.1), and routes the integration
   * subnet's egress through it.
   * @default - no firewall
   */
  readonly firewallSubnet?: string;
  /**
   * Attach a DDoS Network Protection plan to the VNet.
   * @default false
   */
  readonly ddosProtection?: boolean;
  /** Where the firewall, NSGs and VNet send their logs. */
  readonly diagnostics: DiagnosticsTarget;
}

/** The props `networkRules` reads; the environment validator passes its `network` block and `location`. */
export type NetworkRuleInput = Pick<
  NetworkProps,
  "location" | "addressSpace" | "privateEndpointSubnet" | "integrationSubnet" | "firewallSubnet"
>;

/** Every rule of the network's props, as rows (`ok` = passes): the address plan and the zonal firewall. */
export function networkRules(props: NetworkRuleInput): Rule[] {
  return [
    ...addressPlanRules({ field: "addressSpace", cidr: props.addressSpace }, [
      { field: "privateEndpointSubnet", cidr: props.privateEndpointSubnet, maxPrefix: 28 },
      // Data Factory / compute integration needs room for scale-out: at least a /27.
      { field: "integrationSubnet", cidr: props.integrationSubnet, maxPrefix: 27 },
      // Azure Firewall requires AzureFirewallSubnet of /26 or larger.
      ...(props.firewallSubnet !== undefined ? [{ field: "firewallSubnet", cidr: props.firewallSubnet, maxPrefix: 26 }] : []),
    ]),
    zonalRule(
      props.firewallSubnet !== undefined,
      { field: "location", value: props.location },
      { field: "firewallSubnet", value: props.firewallSubnet, otherwise: "unset (Azure Firewall is zonal)" },
    ),
  ];
}

/** Lowest NSG priority number Azure accepts for a custom rule is 100, highest 4096. */
const DENY_ALL_PRIORITY = 4096;

function denyAllInbound(): NetworkSecurityGroupSecurityRule {
  // Azure's default rules allow VNet-to-VNet and load balancer traffic; this explicit rule makes inbound deny-by-default.
  return {
    name: "deny-all-inbound",
    priority: DENY_ALL_PRIORITY,
    direction: "Inbound",
    access: "Deny",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "*",
    description: "Deny everything not allowed above.",
  };
}

/**
 * The environment's virtual network: subnets with an NSG each (deny-by-default inbound), private DNS
 * zones for every Private Link service the platform uses, and in prod Azure Firewall Premium (IDPS
 * in Deny mode) and DDoS Network Protection.
 */
export class Network extends Construct {
  readonly vnet: VirtualNetwork;
  readonly privateEndpointSubnet: Subnet;
  readonly integrationSubnet: Subnet;
  readonly firewall?: Firewall;
  readonly dnsZones: Readonly<Record<PrivateDnsZoneName, PrivateDnsZone>>;
  /** What data constructs need to place private endpoints. */
  readonly privateAccess: PrivateAccess;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    assertRules(`Network ${this.node.path}`, networkRules(props));
    const { naming, resourceGroupName, location } = props;

    const ddosPlan = props.ddosProtection
      ? new NetworkDdosProtectionPlan(this, "ddos", {
          name: naming.name("ddosProtectionPlan"),
          resourceGroupName,
          location,
        })
      : undefined;

    this.vnet = new VirtualNetwork(this, "vnet", {
      name: naming.name("virtualNetwork"),
      resourceGroupName,
      location,
      addressSpace: [props.addressSpace],
      ddosProtectionPlan: ddosPlan ? { id: ddosPlan.id, enable: true } : undefined,
    });
    new DiagnosticSettings(this, "vnet-diagnostics", { diagnostics: props.diagnostics, targetResourceId: this.vnet.id });

    this.privateEndpointSubnet = this.subnetWithNsg(props, "private-endpoints", {
      qualifier: "pe",
      cidr: props.privateEndpointSubnet,
      // NSG rules apply to private endpoints only when network policies are enabled on the subnet.
      privateEndpointNetworkPolicies: "Enabled",
      rules: [
        {
          name: "allow-vnet-data-ports",
          priority: 100,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "VirtualNetwork",
          sourcePortRange: "*",
          destinationAddressPrefix: props.privateEndpointSubnet,
          // 1433: SQL and Synapse SQL; 443: Cosmos DB, Key Vault, Storage, Synapse dev, Data Factory.
          destinationPortRanges: ["1433", "443"],
          description: "Clients inside the VNet reach private endpoints on TDS and HTTPS only.",
        },
        denyAllInbound(),
      ],
    });

    this.integrationSubnet = this.subnetWithNsg(props, "integration", {
      qualifier: "int",
      cidr: props.integrationSubnet,
      privateEndpointNetworkPolicies: "Disabled",
      rules: [denyAllInbound()],
    });

    if (props.firewallSubnet !== undefined) {
      this.firewall = this.createFirewall(props, props.firewallSubnet);
    }

    const zones = {} as Record<PrivateDnsZoneName, PrivateDnsZone>;
    const links = {} as Record<PrivateDnsZoneName, PrivateDnsZoneVirtualNetworkLink>;
    for (const zoneName of PRIVATE_DNS_ZONE_NAMES) {
      const key = zoneName.replace(/^privatelink\./, "").replace(/\./g, "-");
      const zone = new PrivateDnsZone(this, `zone-${key}`, { name: zoneName, resourceGroupName });
      links[zoneName] = new PrivateDnsZoneVirtualNetworkLink(this, `zone-link-${key}`, {
        name: `${naming.name("virtualNetwork")}-link`,
        resourceGroupName,
        privateDnsZoneName: zone.name,
        virtualNetworkId: this.vnet.id,
        registrationEnabled: false,
      });
      zones[zoneName] = zone;
    }
    this.dnsZones = zones;

    this.privateAccess = {
      subnetId: this.privateEndpointSubnet.id,
      dnsZoneIds: Object.fromEntries(Object.entries(zones).map(([n, z]) => [n, z.id])) as Record<PrivateDnsZoneName, string>,
      dnsZoneLinks: links,
      resourceGroupName,
      location,
    };
  }

  private subnetWithNsg(
    props: NetworkProps,
    id: string,
    o: {
      qualifier: string;
      cidr: string;
      privateEndpointNetworkPolicies: "Enabled" | "Disabled";
      rules: NetworkSecurityGroupSecurityRule[];
    },
  ): Subnet {
    const { naming, resourceGroupName, location } = props;
    const subnet = new Subnet(this, `${id}-subnet`, {
      name: naming.name("subnet", { qualifier: o.qualifier }),
      resourceGroupName,
      virtualNetworkName: this.vnet.name,
      addressPrefixes: [o.cidr],
      privateEndpointNetworkPolicies: o.privateEndpointNetworkPolicies,
      // No implicit internet egress: outbound goes through the firewall (prod) or is not allowed.
      defaultOutboundAccessEnabled: false,
    });
    const nsg = new NetworkSecurityGroup(this, `${id}-nsg`, {
      name: naming.name("networkSecurityGroup", { qualifier: o.qualifier }),
      resourceGroupName,
      location,
      securityRule: o.rules,
    });
    new SubnetNetworkSecurityGroupAssociation(this, `${id}-nsg-association`, {
      subnetId: subnet.id,
      networkSecurityGroupId: nsg.id,
    });
    new DiagnosticSettings(this, `${id}-nsg-diagnostics`, {
      diagnostics: props.diagnostics,
      targetResourceId: nsg.id,
      metrics: false,
    });
    return subnet;
  }

  private createFirewall(props: NetworkProps, cidr: string): Firewall {
    const { naming, resourceGroupName, location } = props;
    // Azure requires this exact subnet name and forbids an NSG on it.
    const subnet = new Subnet(this, "firewall-subnet", {
      name: "AzureFirewallSubnet",
      resourceGroupName,
      virtualNetworkName: this.vnet.name,
      addressPrefixes: [cidr],
    });
    const publicIp = new PublicIp(this, "firewall-pip", {
      name: naming.name("publicIp", { qualifier: "afw" }),
      resourceGroupName,
      location,
      allocationMethod: "Static",
      sku: "Standard",
      zones: ["1", "2", "3"],
    });
    const policy = new FirewallPolicy(this, "firewall-policy", {
      name: naming.name("firewallPolicy"),
      resourceGroupName,
      location,
      // Premium: intrusion detection and prevention (signature-based IDPS) is a Premium-only feature.
      // The policy's sku is ForceNew and a policy in use cannot be deleted: a tier change needs a new name.
      sku: "Premium",
      threatIntelligenceMode: "Deny",
      // PCI DSS 11.5.1: intrusion-detection and/or intrusion-prevention techniques detect and/or prevent
      // intrusions; Deny blocks matching traffic (Alert only logs it).
      intrusionDetection: { mode: "Deny" },
    });
    new FirewallPolicyRuleCollectionGroup(this, "firewall-rules", {
      name: "platform-egress",
      firewallPolicyId: policy.id,
      priority: 200,
      networkRuleCollection: [
        {
          name: "azure-platform-services",
          priority: 200,
          action: "Allow",
          rule: [
            {
              name: "entra-monitor-keyvault",
              protocols: ["TCP"],
              sourceAddresses: [props.integrationSubnet],
              destinationAddresses: ["AzureActiveDirectory", "AzureMonitor", "AzureKeyVault"],
              destinationPorts: ["443"],
            },
          ],
        },
      ],
    });
    const firewall = new Firewall(this, "firewall", {
      name: naming.name("firewall"),
      resourceGroupName,
      location,
      skuName: "AZFW_VNet",
      // Must match the policy's tier: Azure refuses a Premium policy on a Standard firewall.
      skuTier: "Premium",
      firewallPolicyId: policy.id,
      zones: ["1", "2", "3"],
      ipConfiguration: [{ name: "ipconfig", subnetId: subnet.id, publicIpAddressId: publicIp.id }],
    });
    new DiagnosticSettings(this, "firewall-diagnostics", { diagnostics: props.diagnostics, targetResourceId: firewall.id });
    new DiagnosticSettings(this, "firewall-pip-diagnostics", { diagnostics: props.diagnostics, targetResourceId: publicIp.id });

    // Integration workloads reach the internet only through the firewall.
    const routes = new RouteTable(this, "integration-routes", {
      name: naming.name("routeTable", { qualifier: "int" }),
      resourceGroupName,
      location,
      bgpRoutePropagationEnabled: false,
      route: [
        {
          name: "default-via-firewall",
          addressPrefix: "0.0.0.0/0",
          nextHopType: "VirtualAppliance",
          nextHopInIpAddress: firewall.ipConfiguration.get(0).privateIpAddress,
        },
      ],
    });
    new SubnetRouteTableAssociation(this, "integration-routes-association", {
      subnetId: this.integrationSubnet.id,
      routeTableId: routes.id,
    });
    return firewall;
  }
}

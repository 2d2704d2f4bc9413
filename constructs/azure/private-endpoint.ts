import { PrivateEndpoint as AzPrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AzureNaming } from "./naming";

/**
 * Private Link services the platform uses: the sub-resource (group id) a private endpoint connects
 * to and the private DNS zone that resolves it (learn.microsoft.com, "Azure Private Endpoint
 * private DNS zone values").
 */
export const PRIVATE_LINK_SERVICES = {
  sqlServer: { subresource: "sqlServer", zone: "privatelink.database.windows.net" },
  synapseSql: { subresource: "Sql", zone: "privatelink.sql.azuresynapse.net" },
  synapseSqlOnDemand: { subresource: "SqlOnDemand", zone: "privatelink.sql.azuresynapse.net" },
  synapseDev: { subresource: "Dev", zone: "privatelink.dev.azuresynapse.net" },
  cosmosSql: { subresource: "Sql", zone: "privatelink.documents.azure.com" },
  keyVault: { subresource: "vault", zone: "privatelink.vaultcore.azure.net" },
  blob: { subresource: "blob", zone: "privatelink.blob.core.windows.net" },
  dfs: { subresource: "dfs", zone: "privatelink.dfs.core.windows.net" },
  dataFactory: { subresource: "dataFactory", zone: "privatelink.datafactory.azure.net" },
  dataFactoryPortal: { subresource: "portal", zone: "privatelink.adf.azure.com" },
} as const;

export type PrivateLinkService = keyof typeof PRIVATE_LINK_SERVICES;
export type PrivateDnsZoneName = (typeof PRIVATE_LINK_SERVICES)[PrivateLinkService]["zone"];

/** Every private DNS zone the platform needs, once each. */
export const PRIVATE_DNS_ZONE_NAMES: readonly PrivateDnsZoneName[] = [...new Set(Object.values(PRIVATE_LINK_SERVICES).map((s) => s.zone))];

/**
 * Where a construct places its private endpoints: the subnet and the DNS zones linked to the VNet.
 * The `Network` construct provides it; every data construct takes it as `privateAccess`.
 */
export interface PrivateAccess {
  /** Subnet that hosts private endpoints. */
  readonly subnetId: string;
  /** Private DNS zone id by zone name. */
  readonly dnsZoneIds: Readonly<Record<PrivateDnsZoneName, string>>;
  /**
   * The link of each zone to the VNet, by zone name: a name resolves privately inside the VNet only
   * once its zone is linked, so endpoints (and the data-plane calls that wait for them) wait for it.
   */
  readonly dnsZoneLinks: Readonly<Record<PrivateDnsZoneName, ITerraformDependable>>;
  /** Resource group the endpoints are created in. */
  readonly resourceGroupName: string;
  /** Region of the VNet. */
  readonly location: string;
}

export interface PrivateEndpointProps {
  readonly naming: AzureNaming;
  readonly privateAccess: PrivateAccess;
  /** The Private Link service (decides sub-resource and DNS zone). */
  readonly service: PrivateLinkService;
  /** ARM id of the resource to connect to. */
  readonly targetResourceId: string;
  /** Short name of the target in the endpoint's name, e.g. `sql`. */
  readonly qualifier: string;
}

/**
 * A private endpoint with its DNS zone group, so the service's FQDN resolves to the private IP.
 * Every data construct uses this class; no construct writes a private endpoint by hand.
 */
export class PrivateEndpoint extends Construct {
  readonly endpoint: AzPrivateEndpoint;

  constructor(scope: Construct, id: string, props: PrivateEndpointProps) {
    super(scope, id);
    const link = PRIVATE_LINK_SERVICES[props.service];
    const name = props.naming.name("privateEndpoint", { qualifier: props.qualifier });
    this.endpoint = new AzPrivateEndpoint(this, "endpoint", {
      name,
      location: props.privateAccess.location,
      resourceGroupName: props.privateAccess.resourceGroupName,
      subnetId: props.privateAccess.subnetId,
      customNetworkInterfaceName: `${name}-nic`,
      privateServiceConnection: {
        name: `${name}-psc`,
        privateConnectionResourceId: props.targetResourceId,
        subresourceNames: [link.subresource],
        isManualConnection: false,
      },
      privateDnsZoneGroup: {
        name: "default",
        privateDnsZoneIds: [props.privateAccess.dnsZoneIds[link.zone]],
      },
      // The zone group writes the A record; the deployer resolves it only through the zone's VNet link.
      dependsOn: [props.privateAccess.dnsZoneLinks[link.zone]],
    });
  }
}

import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { DataSnowflakeSystemGetPrivatelinkConfig } from "@cdktf/provider-snowflake/lib/data-snowflake-system-get-privatelink-config";
import { Construct } from "constructs";
import { PrivateAccessProps } from "./common";
import { AwsNaming } from "./naming";
import { PrivateSecurityGroup } from "./private/security-group";

/** Private zone that resolves the account's PrivateLink host names inside the VPC. */
export const SNOWFLAKE_PRIVATELINK_ZONE = "privatelink.snowflakecomputing.com";

export interface SnowflakePrivateLinkProps {
  readonly naming: AwsNaming;
  /** VPC and data subnets that hold the interface endpoint. */
  readonly privateAccess: PrivateAccessProps;
}

/**
 * AWS PrivateLink to a Business Critical Snowflake account: the account's endpoint service (read with
 * SYSTEM$GET_PRIVATELINK_CONFIG through the provider's data source) behind an interface endpoint in the
 * data subnets, and a private Route 53 zone resolving the account, regionless and OCSP host names to it.
 * Snowflake must have authorized this AWS account first (SYSTEM$AUTHORIZE_PRIVATELINK with a federation
 * token: a one-time, out-of-band step in docs/aws-engines.md, so that no AWS token enters Terraform).
 */
export class SnowflakePrivateLink extends Construct {
  readonly endpoint: VpcEndpoint;
  readonly securityGroup: PrivateSecurityGroup;
  /** `<account>.<region>.privatelink.snowflakecomputing.com`: the host clients use instead of the public one. */
  readonly accountHost: string;

  constructor(scope: Construct, id: string, props: SnowflakePrivateLinkProps) {
    super(scope, id);
    const { naming } = props;
    const config = new DataSnowflakeSystemGetPrivatelinkConfig(this, "config", {});
    this.accountHost = config.accountUrl;

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "snowflake-endpoint"),
      description: "Snowflake PrivateLink endpoint: 443 (and 80 for OCSP) from allowed workloads only",
      vpcId: props.privateAccess.vpcId,
    });
    this.endpoint = new VpcEndpoint(this, "endpoint", {
      vpcId: props.privateAccess.vpcId,
      serviceName: config.awsVpceId,
      vpcEndpointType: "Interface",
      subnetIds: [...props.privateAccess.subnetIds],
      securityGroupIds: [this.securityGroup.securityGroupId],
      tags: { Name: naming.name("vpcResource", "snowflake-endpoint") },
    });

    const zone = new Route53Zone(this, "zone", {
      name: SNOWFLAKE_PRIVATELINK_ZONE,
      comment: "Snowflake PrivateLink host names (account, regionless, OCSP) inside the VPC",
      vpc: [{ vpcId: props.privateAccess.vpcId }],
    });
    const target = this.endpoint.dnsEntry.get(0).getStringAttribute("dns_name");
    for (const [recordId, name] of [
      ["account", config.accountUrl],
      ["ocsp", config.ocspUrl],
      ["regionless-account", config.regionlessAccountUrl],
      ["snowsight", config.snowsightUrl],
      ["regionless-snowsight", config.regionlessSnowsightUrl],
    ] as const) {
      new Route53Record(this, `record-${recordId}`, { zoneId: zone.zoneId, name, type: "CNAME", ttl: 300, records: [target] });
    }
  }

  /** Opens 443 and 80 (OCSP) on the endpoint to a workload's security group, and its egress to the endpoint. */
  allowConnectionsFrom(name: string, client: PrivateSecurityGroup): void {
    for (const port of [443, 80]) {
      this.securityGroup.allowIngressFrom(`${name}-${port}`, client.securityGroupId, port, `Snowflake PrivateLink from ${name}`);
      client.allowEgressTo(`snowflake-${port}`, this.securityGroup.securityGroupId, port, port, "Snowflake through PrivateLink");
    }
  }
}

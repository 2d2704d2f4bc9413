import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { DiagnosticsProps } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { AwsNaming } from "./naming";
import { WorkloadRole } from "./workload-role";

/** Address plan of the environment's VPC: three AZs, three subnet tiers. */
export interface AwsNetworkConfig {
  /** The VPC CIDR, e.g. `10.110.0.0/16`. */
  readonly vpcCidr: string;
  /**
   * Private subnets for the stateful stores (Aurora, Redshift, DocumentDB, MSK) and interface
   * endpoints, one per AZ. Their route table has no route to an internet or NAT gateway.
   */
  readonly dataSubnets: readonly [string, string, string];
  /**
   * Private subnets for compute that talks to the stores (Glue Spark, MSK Connect), one per AZ.
   * They reach AWS APIs through VPC endpoints; they get a default route to NAT only when
   * `natGateways` > 0.
   */
  readonly computeSubnets: readonly [string, string, string];
  /**
   * Public subnets that hold only the NAT gateways, one per AZ. Required when `natGateways` > 0.
   * @default - no public subnets, no internet gateway
   */
  readonly publicSubnets?: readonly [string, string, string];
  /**
   * NAT gateways for compute egress (e.g. Python packages for Glue in dev): 0 (no internet path at all),
   * 1 (shared, dev/staging only) or 3 (one per AZ).
   */
  readonly natGateways: 0 | 1 | 3;
}

/**
 * Interface endpoints every environment gets: the brief's five plus Glue and CloudWatch metrics for the
 * ETL (prod has no NAT: an AWS API without an endpoint is unreachable).
 */
export const INTERFACE_ENDPOINT_SERVICES = ["kms", "secretsmanager", "sts", "logs", "monitoring", "glue"] as const;
/** The endpoint the ETL and Airflow load Redshift through (`redshiftDataApi`). */
export const REDSHIFT_DATA_ENDPOINT_SERVICE = "redshift-data";

export interface NetworkProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  /** Three AZs, in the order of the subnet lists. */
  readonly availabilityZones: readonly [string, string, string];
  /** Address plan (validated by `validateAwsEnvironment`). */
  readonly addressPlan: AwsNetworkConfig;
  /** VPC flow logs (ALL traffic) go to a KMS-encrypted log group. */
  readonly diagnostics: DiagnosticsProps;
  /**
   * Add the Redshift Data API interface endpoint (the warehouse is Redshift, loaded through the Data API).
   * @default false
   */
  readonly redshiftDataApi?: boolean;
  /** lifecycle `prevent_destroy` on the flow log group. @default true */
  readonly deletionProtection?: boolean;
}

/**
 * The environment's VPC across three AZs:
 * - data subnets: one route table with no default route (no internet or NAT gateway), for the stores
 *   and the interface endpoints;
 * - compute subnets: Glue and MSK Connect; default route to a NAT gateway only when `natGateways` > 0;
 * - public subnets (NAT gateways only), created only when `natGateways` > 0, no public IPs on launch;
 * - S3 gateway endpoint and interface endpoints (KMS, Secrets Manager, STS, Logs, Monitoring, Glue, and
 *   the Redshift Data API when the warehouse is Redshift) so no AWS API call needs the internet;
 * - flow logs of ALL traffic; the default security group stripped of every rule.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly dataSubnets: Subnet[] = [];
  readonly computeSubnets: Subnet[] = [];
  readonly publicSubnets: Subnet[] = [];
  /** Public IPs of the NAT gateways: the source address SaaS allow-lists (Snowflake network policy) see. */
  readonly natPublicIps: string[] = [];
  readonly dataRouteTable: RouteTable;
  readonly computeRouteTables: RouteTable[] = [];
  readonly s3Endpoint: VpcEndpoint;
  readonly endpointSecurityGroup: SecurityGroup;
  readonly flowLogGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { naming, addressPlan: plan, availabilityZones: azs } = props;

    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: plan.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      instanceTenancy: "default",
      tags: { Name: naming.name("vpcResource", "vpc") },
    });
    // The default SG allows all traffic between its members; with no rules it allows nothing.
    new DefaultSecurityGroup(this, "default-sg-locked", {
      vpcId: this.vpc.id,
      tags: { Name: naming.name("securityGroup", "default-locked") },
    });

    this.dataRouteTable = new RouteTable(this, "data-rt", {
      vpcId: this.vpc.id,
      tags: { Name: naming.name("vpcResource", "data-rt"), tier: "data" },
    });
    azs.forEach((az, i) => {
      const subnet = new Subnet(this, `data-${i}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: plan.dataSubnets[i],
        mapPublicIpOnLaunch: false,
        tags: { Name: naming.name("vpcResource", `data-${az.slice(-1)}`), tier: "data" },
      });
      new RouteTableAssociation(this, `data-${i}-rta`, { subnetId: subnet.id, routeTableId: this.dataRouteTable.id });
      this.dataSubnets.push(subnet);
    });

    const natGateways: NatGateway[] = [];
    if (plan.natGateways > 0 && plan.publicSubnets !== undefined) {
      const igw = new InternetGateway(this, "igw", { vpcId: this.vpc.id, tags: { Name: naming.name("vpcResource", "igw") } });
      const publicRt = new RouteTable(this, "public-rt", {
        vpcId: this.vpc.id,
        tags: { Name: naming.name("vpcResource", "public-rt"), tier: "public" },
      });
      new Route(this, "public-default", { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
      azs.forEach((az, i) => {
        const subnet = new Subnet(this, `public-${i}`, {
          vpcId: this.vpc.id,
          availabilityZone: az,
          cidrBlock: (plan.publicSubnets as readonly string[])[i],
          mapPublicIpOnLaunch: false,
          tags: { Name: naming.name("vpcResource", `public-${az.slice(-1)}`), tier: "public" },
        });
        new RouteTableAssociation(this, `public-${i}-rta`, { subnetId: subnet.id, routeTableId: publicRt.id });
        this.publicSubnets.push(subnet);
        if (i < plan.natGateways) {
          const eip = new Eip(this, `nat-${i}-eip`, { domain: "vpc", tags: { Name: naming.name("vpcResource", `nat-${az.slice(-1)}`) } });
          this.natPublicIps.push(eip.publicIp);
          natGateways.push(
            new NatGateway(this, `nat-${i}`, {
              allocationId: eip.allocationId,
              subnetId: subnet.id,
              connectivityType: "public",
              tags: { Name: naming.name("vpcResource", `nat-${az.slice(-1)}`) },
              dependsOn: [igw],
            }),
          );
        }
      });
    }

    azs.forEach((az, i) => {
      const rt = new RouteTable(this, `compute-${i}-rt`, {
        vpcId: this.vpc.id,
        tags: { Name: naming.name("vpcResource", `compute-rt-${az.slice(-1)}`), tier: "compute" },
      });
      if (natGateways.length > 0) {
        new Route(this, `compute-${i}-egress`, {
          routeTableId: rt.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: natGateways[Math.min(i, natGateways.length - 1)].id,
        });
      }
      const subnet = new Subnet(this, `compute-${i}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: plan.computeSubnets[i],
        mapPublicIpOnLaunch: false,
        tags: { Name: naming.name("vpcResource", `compute-${az.slice(-1)}`), tier: "compute" },
      });
      new RouteTableAssociation(this, `compute-${i}-rta`, { subnetId: subnet.id, routeTableId: rt.id });
      this.computeSubnets.push(subnet);
      this.computeRouteTables.push(rt);
    });

    this.s3Endpoint = new VpcEndpoint(this, "s3-gateway", {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: [this.dataRouteTable.id, ...this.computeRouteTables.map((rt) => rt.id)],
      tags: { Name: naming.name("vpcResource", "vpce-s3") },
    });

    this.endpointSecurityGroup = new SecurityGroup(this, "endpoints-sg", {
      name: naming.name("securityGroup", "vpce"),
      description: "Interface endpoints: HTTPS from inside the VPC only",
      vpcId: this.vpc.id,
      revokeRulesOnDelete: true,
      tags: { Name: naming.name("securityGroup", "vpce") },
    });
    new VpcSecurityGroupIngressRule(this, "endpoints-https-from-vpc", {
      securityGroupId: this.endpointSecurityGroup.id,
      description: "HTTPS from the VPC",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: plan.vpcCidr,
    });
    const services = [...INTERFACE_ENDPOINT_SERVICES, ...(props.redshiftDataApi === true ? [REDSHIFT_DATA_ENDPOINT_SERVICE] : [])];
    for (const service of services) {
      new VpcEndpoint(this, `${service}-interface`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: this.dataSubnets.map((s) => s.id),
        securityGroupIds: [this.endpointSecurityGroup.id],
        tags: { Name: naming.name("vpcResource", `vpce-${service}`) },
      });
    }

    this.flowLogGroup = new EncryptedLogGroup(this, "flow-log-group", {
      name: naming.logGroupPath("vpc-flow-logs"),
      encryptionKey: props.diagnostics.logKey,
      retentionDays: props.diagnostics.retentionDays,
      deletionProtection: props.deletionProtection,
    });
    const flowLogRole = new WorkloadRole(this, "flow-log-role", {
      roleName: naming.name("iamRole", "vpc-flow-logs"),
      description: "VPC flow logs delivery to CloudWatch Logs",
      assumedBy: ["vpc-flow-logs.amazonaws.com"],
      accountId: props.accountId,
    });
    this.flowLogGroup.grantWrite(flowLogRole);
    new FlowLog(this, "flow-log", {
      vpcId: this.vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.flowLogGroup.arn,
      iamRoleArn: flowLogRole.arn,
      maxAggregationInterval: 60,
      tags: { Name: naming.name("vpcResource", "flow-log") },
    });
  }

  get dataSubnetIds(): string[] {
    return this.dataSubnets.map((s) => s.id);
  }

  get computeSubnetIds(): string[] {
    return this.computeSubnets.map((s) => s.id);
  }
}

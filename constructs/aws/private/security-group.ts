import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

export interface PrivateSecurityGroupProps {
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
}

/**
 * A security group with no rules at creation (Terraform removes AWS's default allow-all egress) to
 * which ingress and egress are added one peer at a time, by security group reference or a private
 * CIDR. There is no method that takes 0.0.0.0/0 for ingress.
 */
export class PrivateSecurityGroup extends Construct {
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: PrivateSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, "sg", {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      revokeRulesOnDelete: true,
      tags: { Name: props.name },
    });
  }

  get securityGroupId(): string {
    return this.securityGroup.id;
  }

  /** Ingress on `port` (or `port`-`toPort`) from another security group. */
  allowIngressFrom(id: string, peerSecurityGroupId: string, port: number, description: string, toPort = port): void {
    new VpcSecurityGroupIngressRule(this, `in-${id}`, {
      securityGroupId: this.securityGroup.id,
      referencedSecurityGroupId: peerSecurityGroupId,
      ipProtocol: "tcp",
      fromPort: port,
      toPort,
      description,
    });
  }

  /** Egress on a port range to another security group. */
  allowEgressTo(id: string, peerSecurityGroupId: string, fromPort: number, toPort: number, description: string): void {
    new VpcSecurityGroupEgressRule(this, `out-${id}`, {
      securityGroupId: this.securityGroup.id,
      referencedSecurityGroupId: peerSecurityGroupId,
      ipProtocol: "tcp",
      fromPort,
      toPort,
      description,
    });
  }

  /** HTTPS egress to a CIDR (the VPC, for interface endpoints) or a managed prefix list (S3 gateway endpoint). */
  allowHttpsEgress(id: string, target: { cidr: string } | { prefixListId: string }, description: string): void {
    new VpcSecurityGroupEgressRule(this, `out-${id}`, {
      securityGroupId: this.securityGroup.id,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description,
      ...("cidr" in target ? { cidrIpv4: target.cidr } : { prefixListId: target.prefixListId }),
    });
  }
}

/** A data store's network surface: its security group and port. */
export interface Connectable {
  readonly port: number;
  readonly securityGroup: PrivateSecurityGroup;
}

/** Opens `store`'s port to `client`: ingress on the store, matching egress on the client. */
export function connect(id: string, client: PrivateSecurityGroup, store: Connectable, description: string): void {
  store.securityGroup.allowIngressFrom(id, client.securityGroupId, store.port, description);
  client.allowEgressTo(`${id}-${store.port}`, store.securityGroup.securityGroupId, store.port, store.port, description);
}

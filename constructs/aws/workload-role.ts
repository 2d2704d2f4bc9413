import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { PolicyDocument, PolicyStatement, externalTrustPolicy, serviceTrustPolicy } from "./private/iam";

/** Anything that can receive permissions from a grant method. */
export interface Grantable {
  /** Adds statements to the principal's identity policy. */
  addToPolicy(...statements: PolicyStatement[]): void;
}

export interface WorkloadRoleProps {
  /** Role name (from `AwsNaming`, kind `iamRole`). */
  readonly roleName: string;
  /** What the role is for; shown in the console and in CloudTrail. */
  readonly description: string;
  /** Service principals that assume the role, e.g. `glue.amazonaws.com`. Ignored when `assumedByExternal` is set. */
  readonly assumedBy: readonly string[];
  /**
   * A third-party principal (SaaS vendor) that assumes the role with the external id it issued, instead
   * of `assumedBy`.
   * @default - none: service principals only
   */
  readonly assumedByExternal?: { readonly principalArn: string; readonly externalId: string };
  /** Account the trust policy is pinned to (`aws:SourceAccount`). */
  readonly accountId: string;
  /**
   * AWS managed policies, only where AWS publishes the exact permission set a service needs
   * (e.g. `AmazonRDSEnhancedMonitoringRole`). Prefer grants.
   * @default - none
   */
  readonly managedPolicyArns?: readonly string[];
  /** Session duration in seconds. @default 3600 */
  readonly maxSessionDurationSeconds?: number;
  /** @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One IAM role per workload (Glue ETL, each MSK Connect connector, Redshift, flow logs...). Starts with
 * no permissions; constructs grant it exactly what it uses (`bucket.grantRead(role)`,
 * `keys.grantEncryptDecrypt("rawzone", role)`), rendered into one inline policy at synth time.
 */
export class WorkloadRole extends Construct implements Grantable {
  readonly role: IamRole;
  private readonly document = new PolicyDocument();

  constructor(scope: Construct, id: string, props: WorkloadRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: props.assumedByExternal
        ? externalTrustPolicy(props.assumedByExternal.principalArn, props.assumedByExternal.externalId)
        : serviceTrustPolicy(props.assumedBy, props.accountId),
      maxSessionDuration: props.maxSessionDurationSeconds ?? 3600,
      tags: { ...props.tags },
    });
    new IamRolePolicy(this, "least-privilege", {
      name: "least-privilege",
      role: this.role.id,
      policy: this.document.render(),
    });
    (props.managedPolicyArns ?? []).forEach((arn, i) => {
      new IamRolePolicyAttachment(this, `managed-${i}`, { role: this.role.name, policyArn: arn });
    });
    this.node.addValidation({
      validate: () =>
        this.document.isEmpty ? [`WorkloadRole ${props.roleName} has no permissions: grant it what it uses or remove it.`] : [],
    });
  }

  get arn(): string {
    return this.role.arn;
  }

  get name(): string {
    return this.role.name;
  }

  addToPolicy(...statements: PolicyStatement[]): void {
    this.document.add(...statements);
  }
}

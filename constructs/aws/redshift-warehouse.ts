import { RedshiftserverlessNamespace } from "@cdktf/provider-aws/lib/redshiftserverless-namespace";
import { RedshiftserverlessUsageLimit } from "@cdktf/provider-aws/lib/redshiftserverless-usage-limit";
import { RedshiftserverlessWorkgroup } from "@cdktf/provider-aws/lib/redshiftserverless-workgroup";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Rule, assertRules, prefixed } from "../shared/rules";
import { CommonDataProps, PrivateAccessProps } from "./common";
import { AnalyticsWarehouse } from "./engine-contracts";
import { Connectable, PrivateSecurityGroup, connect } from "./private/security-group";
import { Grantable, WorkloadRole } from "./workload-role";

/** Redshift Serverless (OLAP) sizing. */
export interface RedshiftSizing {
  /** Base capacity in RPUs: 8-1024, a multiple of 8. */
  readonly baseCapacityRpu: number;
  /** Maximum RPUs the workgroup may scale to (cost ceiling); at least `baseCapacityRpu`. */
  readonly maxCapacityRpu: number;
}

/** The rules of a Redshift Serverless sizing (fields relative to it). */
export function redshiftSizingRules(s: RedshiftSizing): Rule[] {
  return [
    {
      ok: Number.isInteger(s.baseCapacityRpu) && s.baseCapacityRpu >= 8 && s.baseCapacityRpu <= 1024 && s.baseCapacityRpu % 8 === 0,
      field: "baseCapacityRpu",
      value: s.baseCapacityRpu,
      allowed: "a multiple of 8 from 8 to 1024 RPUs",
    },
    {
      ok: Number.isInteger(s.maxCapacityRpu) && s.maxCapacityRpu >= s.baseCapacityRpu && s.maxCapacityRpu <= 5632,
      field: "maxCapacityRpu",
      value: s.maxCapacityRpu,
      allowed: `an integer from baseCapacityRpu (${s.baseCapacityRpu}) to 5632`,
    },
  ];
}

/** Audit logs Redshift Serverless exports to CloudWatch Logs. */
export const REDSHIFT_AUDIT_LOGS = ["connectionlog", "userlog", "useractivitylog"] as const;

export interface RedshiftWarehouseProps extends CommonDataProps {
  readonly accountId: string;
  readonly region: string;
  readonly sizing: RedshiftSizing;
  /** Needs subnets in 3 AZs (a Redshift Serverless requirement). */
  readonly privateAccess: PrivateAccessProps;
  /** Role the warehouse assumes for COPY (its default IAM role; grant it read on the curated zone). */
  readonly warehouseRole: WorkloadRole;
  /** Repository folder with the star-schema DDL (written and applied by the analytics engineers). @default "sql/redshift" */
  readonly ddlDirectory?: string;
  /** @default "analytics" */
  readonly databaseName?: string;
  /** Monthly RPU-hour cap that stops runaway cost. @default - base capacity x 24 x 31 */
  readonly monthlyRpuHourLimit?: number;
}

/**
 * Redshift Serverless (the OLAP star schema): namespace encrypted with the `olap` CMK, admin
 * password managed in Secrets Manager with the same CMK, audit logs (connection, user, user
 * activity) exported to CloudWatch; workgroup in the data subnets, not publicly accessible, enhanced
 * VPC routing (COPY/UNLOAD go through the VPC and its S3 endpoint), `require_ssl` on, and an RPU-hour
 * usage limit.
 */
export class RedshiftWarehouse extends Construct implements Connectable, AnalyticsWarehouse {
  readonly engine = "redshift-serverless" as const;
  readonly namespace: RedshiftserverlessNamespace;
  readonly workgroup: RedshiftserverlessWorkgroup;
  readonly securityGroup: PrivateSecurityGroup;
  readonly port = 5439;
  readonly databaseName: string;
  readonly ddlDirectory: string;

  constructor(scope: Construct, id: string, props: RedshiftWarehouseProps) {
    super(scope, id);
    const { naming, sizing } = props;
    assertRules(`RedshiftWarehouse ${this.node.path}`, [
      ...prefixed("sizing.", redshiftSizingRules(sizing)),
      {
        ok: props.privateAccess.subnetIds.length >= 3,
        field: "privateAccess.subnetIds",
        value: props.privateAccess.subnetIds,
        allowed: "subnets in 3 availability zones (a Redshift Serverless requirement)",
      },
    ]);
    const deletionProtection = props.deletionProtection ?? true;
    this.databaseName = props.databaseName ?? "analytics";
    this.ddlDirectory = props.ddlDirectory ?? "sql/redshift";

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "olap"),
      description: "Redshift Serverless: 5439 from allowed workloads only",
      vpcId: props.privateAccess.vpcId,
    });
    for (const [name, peer] of Object.entries(props.privateAccess.clients ?? {})) {
      this.securityGroup.allowIngressFrom(name, peer.securityGroupId, this.port, `Redshift from ${name}`);
    }

    const namespaceName = naming.name("redshiftNamespace", "olap");
    this.namespace = new RedshiftserverlessNamespace(this, "namespace", {
      namespaceName,
      dbName: this.databaseName,
      adminUsername: "pay_admin",
      manageAdminPassword: true,
      adminPasswordSecretKmsKeyId: props.encryptionKey.arn,
      kmsKeyId: props.encryptionKey.arn,
      logExports: [...REDSHIFT_AUDIT_LOGS],
      iamRoles: [props.warehouseRole.arn],
      defaultIamRoleArn: props.warehouseRole.arn,
      tags: { ...props.tags },
      lifecycle: { preventDestroy: deletionProtection },
    });

    this.workgroup = new RedshiftserverlessWorkgroup(this, "workgroup", {
      workgroupName: naming.name("redshiftWorkgroup", "olap"),
      namespaceName: this.namespace.namespaceName,
      baseCapacity: sizing.baseCapacityRpu,
      maxCapacity: sizing.maxCapacityRpu,
      enhancedVpcRouting: true,
      publiclyAccessible: false,
      port: this.port,
      subnetIds: [...props.privateAccess.subnetIds],
      securityGroupIds: [this.securityGroup.securityGroupId],
      configParameter: [
        { parameterKey: "require_ssl", parameterValue: "true" },
        { parameterKey: "enable_user_activity_logging", parameterValue: "true" },
        { parameterKey: "max_query_execution_time", parameterValue: "3600" },
        { parameterKey: "auto_mv", parameterValue: "true" },
        { parameterKey: "datestyle", parameterValue: "ISO, MDY" },
        { parameterKey: "enable_case_sensitive_identifier", parameterValue: "false" },
        { parameterKey: "search_path", parameterValue: "$user, public" },
        { parameterKey: "query_group", parameterValue: "default" },
      ],
      tags: { ...props.tags },
      lifecycle: { preventDestroy: deletionProtection },
    });

    new RedshiftserverlessUsageLimit(this, "rpu-hours-limit", {
      resourceArn: this.workgroup.arn,
      usageType: "serverless-compute",
      amount: props.monthlyRpuHourLimit ?? sizing.baseCapacityRpu * 24 * 31,
      period: "monthly",
      breachAction: "emit-metric",
    });

    new TerraformOutput(this, "ddl-directory", {
      value: this.ddlDirectory,
      description: "Star-schema DDL the pipeline applies with the Redshift Data API (redshift-data execute-statement --workgroup-name)",
    });
  }

  get endpointAddress(): string {
    return this.workgroup.endpoint.get(0).address;
  }

  get workgroupName(): string {
    return this.workgroup.workgroupName;
  }

  get namespaceArn(): string {
    return this.namespace.arn;
  }

  /** Temporary credentials for a workload (`redshift-serverless:GetCredentials`) on this workgroup. */
  grantGetCredentials(grantee: Grantable): void {
    grantee.addToPolicy({ Effect: "Allow", Action: ["redshift-serverless:GetCredentials"], Resource: this.workgroup.arn });
  }

  /**
   * Runs SQL through the Redshift Data API on this workgroup as the grantee's own IAM identity
   * (the Data API calls GetCredentials for it). Reached privately through the `redshift-data`
   * interface endpoint.
   */
  grantDataApi(grantee: Grantable): void {
    this.grantGetCredentials(grantee);
    grantee.addToPolicy(
      { Effect: "Allow", Action: ["redshift-data:ExecuteStatement", "redshift-data:BatchExecuteStatement"], Resource: this.workgroup.arn },
      // Statement-level actions take no resource ARN; the Data API limits them to the caller's own statements.
      { Effect: "Allow", Action: ["redshift-data:DescribeStatement", "redshift-data:GetStatementResult"], Resource: "*" },
    );
  }

  /** Opens 5439 to a workload's security group. */
  allowConnectionsFrom(name: string, client: PrivateSecurityGroup): void {
    connect(name, client, this, `Redshift from ${name}`);
  }
}

import { DocdbCluster } from "@cdktf/provider-aws/lib/docdb-cluster";
import { DocdbClusterInstance } from "@cdktf/provider-aws/lib/docdb-cluster-instance";
import { DocdbClusterParameterGroup } from "@cdktf/provider-aws/lib/docdb-cluster-parameter-group";
import { DocdbSubnetGroup } from "@cdktf/provider-aws/lib/docdb-subnet-group";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Rule, assertRules, intBetween, prefixed } from "../shared/rules";
import { CommonDataProps, PrivateAccessProps } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { DocumentCollectionSpec, DocumentStore as DocumentStoreContract, PAYMENT_DOCUMENT_COLLECTIONS } from "./engine-contracts";
import { Connectable, PrivateSecurityGroup, connect } from "./private/security-group";

/** Amazon DocumentDB (NoSQL) sizing. */
export interface DocumentDbSizing {
  /** Instance class, e.g. `db.r6g.large`; burstable `db.t*` not in prod. */
  readonly instanceClass: string;
  /** Instances (1 primary + replicas), 1-16; at least 3 in prod (one per AZ). */
  readonly instanceCount: number;
}

const DOCDB_CLASS = /^db\.(t3|t4g|r5|r6g|r6gd|r8g)\.(medium|large|xlarge|\d{1,2}xlarge)$/;

/** The rules of a DocumentDB sizing (fields relative to it). */
export function documentDbSizingRules(s: DocumentDbSizing): Rule[] {
  return [
    {
      ok: DOCDB_CLASS.test(s.instanceClass),
      field: "instanceClass",
      value: s.instanceClass,
      allowed: "a DocumentDB instance class, e.g. db.r6g.large",
    },
    intBetween(s.instanceCount, 1, 16, "instanceCount"),
  ];
}

/** Log types DocumentDB exports to CloudWatch Logs. */
export const DOCDB_LOG_EXPORTS = ["audit", "profiler"] as const;

export interface DocumentStoreProps extends CommonDataProps {
  readonly availabilityZones: readonly string[];
  readonly sizing: DocumentDbSizing;
  /** Automated backup (PITR) window in days, 1-35. */
  readonly backupRetentionDays: number;
  readonly privateAccess: PrivateAccessProps;
  /** Engine version (5.0: TLS 1.2+, change streams, managed master password). @default "5.0.0" */
  readonly engineVersion?: string;
  /** Collections and indexes to create. @default PAYMENT_DOCUMENT_COLLECTIONS */
  readonly collections?: Readonly<Record<string, DocumentCollectionSpec>>;
  /** Operations slower than this are written to the profiler log, in ms. @default 50 (the NoSQL latency SLA) */
  readonly profilerThresholdMs?: number;
}

/**
 * Amazon DocumentDB (MongoDB API) for transactions, error logs and ML features: TLS enforced by the
 * cluster parameter group (`tls = enabled`), encrypted with the `nosql` CMK, master password managed
 * in Secrets Manager, audit logs and the profiler exported to KMS-encrypted log groups, automated
 * backups, deletion protection, final snapshot, instances spread over the AZs.
 */
export class DocumentStore extends Construct implements Connectable, DocumentStoreContract {
  readonly engine = "documentdb" as const;
  readonly cluster: DocdbCluster;
  readonly instances: DocdbClusterInstance[] = [];
  readonly securityGroup: PrivateSecurityGroup;
  readonly port = 27017;
  readonly clusterIdentifier: string;
  readonly collections: Readonly<Record<string, DocumentCollectionSpec>>;

  constructor(scope: Construct, id: string, props: DocumentStoreProps) {
    super(scope, id);
    const { naming, sizing } = props;
    assertRules(`DocumentStore ${this.node.path}`, [
      ...prefixed("sizing.", documentDbSizingRules(sizing)),
      intBetween(props.backupRetentionDays, 1, 35, "backupRetentionDays"),
    ]);
    const deletionProtection = props.deletionProtection ?? true;
    const engineVersion = props.engineVersion ?? "5.0.0";
    this.clusterIdentifier = naming.name("docdbCluster", "nosql");
    this.collections = props.collections ?? PAYMENT_DOCUMENT_COLLECTIONS;

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "nosql"),
      description: "DocumentDB: 27017 from allowed workloads only",
      vpcId: props.privateAccess.vpcId,
    });
    for (const [name, peer] of Object.entries(props.privateAccess.clients ?? {})) {
      this.securityGroup.allowIngressFrom(name, peer.securityGroupId, this.port, `DocumentDB from ${name}`);
    }

    const subnetGroup = new DocdbSubnetGroup(this, "subnets", {
      name: naming.name("dbSubnetGroup", "nosql"),
      description: "DocumentDB data subnets (no internet route)",
      subnetIds: [...props.privateAccess.subnetIds],
      tags: { ...props.tags },
    });

    const parameterGroupFamily = `docdb${engineVersion.split(".").slice(0, 2).join(".")}`;
    const parameterGroupDescription = "DocumentDB: TLS enforced, audit and profiler logs";
    const parameterGroup = new DocdbClusterParameterGroup(this, "parameters", {
      // family and description force a replacement; the name follows them (create_before_destroy).
      name: naming.replaceableName("dbParameterGroup", "nosql", { family: parameterGroupFamily, description: parameterGroupDescription }),
      family: parameterGroupFamily,
      description: parameterGroupDescription,
      parameter: [
        { name: "tls", value: "enabled", applyMethod: "pending-reboot" },
        { name: "audit_logs", value: "all", applyMethod: "immediate" },
        { name: "profiler", value: "enabled", applyMethod: "immediate" },
        { name: "profiler_threshold_ms", value: String(props.profilerThresholdMs ?? 50), applyMethod: "immediate" },
        { name: "ttl_monitor", value: "enabled", applyMethod: "immediate" },
      ],
      tags: { ...props.tags },
      lifecycle: { createBeforeDestroy: true },
    });

    for (const log of DOCDB_LOG_EXPORTS) {
      new EncryptedLogGroup(this, `${log}-log`, {
        name: `/aws/docdb/${this.clusterIdentifier}/${log}`,
        encryptionKey: props.diagnostics.logKey,
        retentionDays: props.diagnostics.retentionDays,
        deletionProtection,
      });
    }

    this.cluster = new DocdbCluster(this, "cluster", {
      clusterIdentifier: this.clusterIdentifier,
      engine: "docdb",
      engineVersion,
      masterUsername: "pay_admin",
      manageMasterUserPassword: true,
      storageEncrypted: true,
      kmsKeyId: props.encryptionKey.arn,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      dbClusterParameterGroupName: parameterGroup.name,
      port: this.port,
      backupRetentionPeriod: props.backupRetentionDays,
      preferredBackupWindow: "01:00-02:00",
      preferredMaintenanceWindow: "sun:04:00-sun:05:00",
      deletionProtection,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: naming.name("dbSnapshot", "nosql-final"),
      enabledCloudwatchLogsExports: [...DOCDB_LOG_EXPORTS],
      allowMajorVersionUpgrade: false,
      applyImmediately: false,
      tags: { ...props.tags },
      lifecycle: { preventDestroy: deletionProtection },
    });

    for (let i = 0; i < sizing.instanceCount; i++) {
      this.instances.push(
        new DocdbClusterInstance(this, `instance-${i + 1}`, {
          identifier: naming.name("rdsInstance", `nosql-${i + 1}`),
          clusterIdentifier: this.cluster.id,
          instanceClass: sizing.instanceClass,
          availabilityZone: props.availabilityZones[i % props.availabilityZones.length],
          promotionTier: i === 0 ? 0 : 1,
          autoMinorVersionUpgrade: true,
          caCertIdentifier: "rds-ca-rsa2048-g1",
          enablePerformanceInsights: true,
          performanceInsightsKmsKeyId: props.encryptionKey.arn,
          copyTagsToSnapshot: true,
          tags: { ...props.tags },
          lifecycle: { preventDestroy: deletionProtection },
        }),
      );
    }

    new TerraformOutput(this, "document-collections", {
      value: JSON.stringify(this.collections),
      description: "Collections and indexes the bootstrap job creates (mongosh over TLS with the cluster CA bundle)",
    });
  }

  get arn(): string {
    return this.cluster.arn;
  }

  get endpointAddress(): string {
    return this.cluster.endpoint;
  }

  /** Opens 27017 to a workload's security group. */
  allowConnectionsFrom(name: string, client: PrivateSecurityGroup): void {
    connect(name, client, this, `DocumentDB from ${name}`);
  }
}

import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { Construct } from "constructs";
import { Rule, assertRules, intBetween, prefixed } from "../shared/rules";
import { CommonDataProps, PrivateAccessProps } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { Connectable, PrivateSecurityGroup, connect } from "./private/security-group";
import { Grantable, WorkloadRole } from "./workload-role";

/** Aurora PostgreSQL (OLTP) sizing. */
export interface AuroraSizing {
  /** Instance class of the writer and readers, e.g. `db.r7g.xlarge`; burstable `db.t*` not in prod. */
  readonly instanceClass: string;
  /** Readers, spread over the other AZs (0-15); at least 2 in prod. */
  readonly readerCount: number;
  /** Aurora PostgreSQL engine version (16.x: logical replication and pgoutput for Debezium). */
  readonly engineVersion: string;
}

/** A database user that signs in with an IAM token instead of a password. */
export interface AuroraIamGrant {
  readonly grantee: Grantable;
  /** PostgreSQL role name with `GRANT rds_iam` (created by the schema migrations in sql/postgres/). */
  readonly dbUser: string;
}

export interface AuroraPostgresProps extends CommonDataProps {
  readonly accountId: string;
  readonly region: string;
  /** AZs of the writer (first) and readers (the others, round-robin). */
  readonly availabilityZones: readonly string[];
  readonly sizing: AuroraSizing;
  /** Automated backup (PITR) window in days, 1-35. */
  readonly backupRetentionDays: number;
  readonly privateAccess: PrivateAccessProps;
  /** Initial database. @default "payments" */
  readonly databaseName?: string;
  /** Master user; its password is generated and rotated by RDS in Secrets Manager. @default "pay_admin" */
  readonly masterUsername?: string;
  /** Logical replication for Debezium (`rds.logical_replication = 1`, pgoutput). @default true */
  readonly logicalReplication?: boolean;
  /** IAM database authentication grants, keyed by a stable name. @default - none */
  readonly grants?: Readonly<Record<string, AuroraIamGrant>>;
  /** Performance Insights retention (7, or a multiple of 31 up to 731). @default 7 */
  readonly performanceInsightsRetentionDays?: number;
}

/**
 * Aurora PostgreSQL engine versions a new cluster can be created with, major 14 and later (Debezium's
 * pgoutput needs logical replication; 13 and older reach end of standard support).
 * Source: "Aurora PostgreSQL release calendars" in the Aurora PostgreSQL Release Notes
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurora-postgresql-release-calendar.html)
 * and the release announcements (16.6/15.10/14.15 in January 2025, 17.6/16.10/15.14/14.19 in 2025).
 * Aurora skips some community minors (there is no Aurora 16.5, 16.7, 15.9, 15.11, 14.14 or 14.16).
 */
export const AURORA_POSTGRES_VERSIONS = [
  "14.6",
  "14.7",
  "14.8",
  "14.9",
  "14.10",
  "14.11",
  "14.12",
  "14.13",
  "14.15",
  "14.17",
  "14.18",
  "14.19",
  "15.6",
  "15.7",
  "15.8",
  "15.10",
  "15.12",
  "15.13",
  "15.14",
  "16.1",
  "16.2",
  "16.3",
  "16.4",
  "16.6",
  "16.8",
  "16.9",
  "16.10",
  "17.4",
  "17.5",
  "17.6",
  "17.7",
] as const;

/**
 * Provisioned instance classes Aurora PostgreSQL offers, by family.
 * Source: Amazon Aurora User Guide, "Supported DB engines for DB instance classes"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html).
 * The `d` families (local NVMe for Optimized Reads) start at xlarge. The same page lists a minimum engine
 * version per class (e.g. db.x2g: 14.3, 15.2, 16.1, 17.4 and higher); that pairing is not checked here, an old
 * minor with a new class is refused at apply (InvalidParameterCombination).
 */
const AURORA_FAMILY_SIZES: Readonly<Record<string, readonly string[]>> = {
  r8g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
  r8gd: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
  r7i: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
  r7g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r6i: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"],
  r6id: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"],
  r6g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r6gd: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r5: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
  x2g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  t4g: ["medium", "large"],
  t3: ["medium", "large"],
};
export const AURORA_POSTGRES_INSTANCE_CLASSES: readonly string[] = Object.entries(AURORA_FAMILY_SIZES).flatMap(([family, sizes]) =>
  sizes.map((size) => `db.${family}.${size}`),
);

/** The rules of an Aurora sizing (fields relative to it): the classes, reader count and releases Aurora offers. */
export function auroraSizingRules(s: AuroraSizing): Rule[] {
  return [
    {
      ok: AURORA_POSTGRES_INSTANCE_CLASSES.includes(s.instanceClass),
      field: "instanceClass",
      value: s.instanceClass,
      allowed: `an Aurora PostgreSQL instance class: one of ${AURORA_POSTGRES_INSTANCE_CLASSES.join(", ")}`,
    },
    intBetween(s.readerCount, 0, 15, "readerCount"),
    {
      ok: (AURORA_POSTGRES_VERSIONS as readonly string[]).includes(s.engineVersion),
      field: "engineVersion",
      value: s.engineVersion,
      allowed: `an Aurora PostgreSQL release, 14 or later: one of ${AURORA_POSTGRES_VERSIONS.join(", ")}`,
    },
  ];
}

function auroraPostgresRules(p: AuroraPostgresProps): Rule[] {
  const pi = p.performanceInsightsRetentionDays ?? 7;
  return [
    ...prefixed("sizing.", auroraSizingRules(p.sizing)),
    intBetween(p.backupRetentionDays, 1, 35, "backupRetentionDays"),
    {
      ok: p.sizing.readerCount === 0 || p.availabilityZones.length >= 2,
      field: "availabilityZones",
      value: p.availabilityZones,
      allowed: "at least 2 zones when sizing.readerCount > 0 (readers go to the zones after the writer's)",
    },
    {
      ok: pi === 7 || (pi % 31 === 0 && pi <= 731) || pi === 731,
      field: "performanceInsightsRetentionDays",
      value: pi,
      allowed: "7, a multiple of 31 up to 713, or 731",
    },
    {
      ok: p.privateAccess.subnetIds.length >= 2,
      field: "privateAccess.subnetIds",
      value: p.privateAccess.subnetIds,
      allowed: "subnets in at least 2 availability zones (an Aurora DB subnet group needs them)",
    },
  ];
}

/**
 * Aurora PostgreSQL (the OLTP store): encrypted with the `oltp` CMK, IAM database authentication,
 * master password managed by RDS in Secrets Manager (never in state), TLS forced
 * (`rds.force_ssl`), pgaudit and connection logging exported to a KMS-encrypted log group,
 * Performance Insights and Enhanced Monitoring, a writer plus readers in the other AZs, deletion
 * protection, final snapshot, and logical replication for the Debezium connector.
 */
export class AuroraPostgres extends Construct implements Connectable {
  readonly cluster: RdsCluster;
  readonly instances: RdsClusterInstance[] = [];
  readonly securityGroup: PrivateSecurityGroup;
  readonly port = 5432;
  readonly clusterIdentifier: string;
  private readonly accountId: string;
  private readonly region: string;

  constructor(scope: Construct, id: string, props: AuroraPostgresProps) {
    super(scope, id);
    assertRules(`AuroraPostgres ${this.node.path}`, auroraPostgresRules(props));
    const { naming, sizing } = props;
    const deletionProtection = props.deletionProtection ?? true;
    this.accountId = props.accountId;
    this.region = props.region;
    this.clusterIdentifier = naming.name("rdsCluster", "oltp");
    const family = `aurora-postgresql${sizing.engineVersion.split(".")[0]}`;

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "oltp"),
      description: "Aurora PostgreSQL: 5432 from allowed workloads only",
      vpcId: props.privateAccess.vpcId,
    });
    for (const [name, peer] of Object.entries(props.privateAccess.clients ?? {})) {
      this.securityGroup.allowIngressFrom(name, peer.securityGroupId, this.port, `PostgreSQL from ${name}`);
    }

    const subnetGroup = new DbSubnetGroup(this, "subnets", {
      name: naming.name("dbSubnetGroup", "oltp"),
      description: "Aurora PostgreSQL data subnets (no internet route)",
      subnetIds: [...props.privateAccess.subnetIds],
      tags: { ...props.tags },
    });

    const logicalReplication = props.logicalReplication ?? true;
    const parameters: { name: string; value: string; applyMethod: string }[] = [
      { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
      { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "pending-reboot" },
      { name: "shared_preload_libraries", value: "pg_stat_statements,pgaudit", applyMethod: "pending-reboot" },
      { name: "pgaudit.log", value: "ddl,role,write", applyMethod: "immediate" },
      { name: "pgaudit.role", value: "rds_pgaudit", applyMethod: "immediate" },
      { name: "log_connections", value: "1", applyMethod: "immediate" },
      { name: "log_disconnections", value: "1", applyMethod: "immediate" },
      { name: "log_min_duration_statement", value: "200", applyMethod: "immediate" },
      ...(logicalReplication
        ? [
            { name: "rds.logical_replication", value: "1", applyMethod: "pending-reboot" },
            { name: "max_replication_slots", value: "10", applyMethod: "pending-reboot" },
            { name: "max_wal_senders", value: "10", applyMethod: "pending-reboot" },
            // Debezium heartbeats keep the slot moving; 0 disables the sender timeout it would otherwise hit.
            { name: "wal_sender_timeout", value: "0", applyMethod: "immediate" },
          ]
        : []),
    ];
    const parameterGroupDescription = "Aurora PostgreSQL: TLS forced, pgaudit, logical replication for Debezium";
    const parameterGroup = new RdsClusterParameterGroup(this, "parameters", {
      // family and description force a replacement; the name follows them (create_before_destroy).
      name: naming.replaceableName("dbParameterGroup", "oltp", { family, description: parameterGroupDescription }),
      family,
      description: parameterGroupDescription,
      parameter: parameters,
      tags: { ...props.tags },
      lifecycle: { createBeforeDestroy: true },
    });

    // Pre-created so the exported PostgreSQL log lands encrypted and retained.
    new EncryptedLogGroup(this, "postgresql-log", {
      name: `/aws/rds/cluster/${this.clusterIdentifier}/postgresql`,
      encryptionKey: props.diagnostics.logKey,
      retentionDays: props.diagnostics.retentionDays,
      deletionProtection,
    });

    this.cluster = new RdsCluster(this, "cluster", {
      clusterIdentifier: this.clusterIdentifier,
      engine: "aurora-postgresql",
      engineVersion: sizing.engineVersion,
      engineMode: "provisioned",
      databaseName: props.databaseName ?? "payments",
      masterUsername: props.masterUsername ?? "pay_admin",
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.encryptionKey.arn,
      iamDatabaseAuthenticationEnabled: true,
      storageEncrypted: true,
      kmsKeyId: props.encryptionKey.arn,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      dbClusterParameterGroupName: parameterGroup.name,
      port: this.port,
      backupRetentionPeriod: props.backupRetentionDays,
      preferredBackupWindow: "01:00-02:00",
      preferredMaintenanceWindow: "sun:03:00-sun:04:00",
      copyTagsToSnapshot: true,
      deletionProtection,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: naming.name("dbSnapshot", "oltp-final"),
      deleteAutomatedBackups: false,
      enabledCloudwatchLogsExports: ["postgresql"],
      // No ca_certificate_identifier here: RDS accepts it on Multi-AZ DB clusters only; Aurora sets it per instance (below).
      allowMajorVersionUpgrade: false,
      applyImmediately: false,
      tags: { ...props.tags },
      lifecycle: { preventDestroy: deletionProtection },
    });

    const monitoringRole = new WorkloadRole(this, "monitoring-role", {
      roleName: naming.name("iamRole", "oltp-monitoring"),
      description: "RDS Enhanced Monitoring of the OLTP cluster",
      assumedBy: ["monitoring.rds.amazonaws.com"],
      accountId: props.accountId,
      managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"],
    });
    // Enhanced Monitoring writes to the fixed RDSOSMetrics group; scope the inline grant to it.
    monitoringRole.addToPolicy({
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `arn:aws:logs:${props.region}:${props.accountId}:log-group:RDSOSMetrics:*`,
    });

    const members = 1 + sizing.readerCount;
    for (let i = 0; i < members; i++) {
      const role = i === 0 ? "writer" : `reader-${i}`;
      this.instances.push(
        new RdsClusterInstance(this, role, {
          identifier: naming.name("rdsInstance", `oltp-${i + 1}`),
          clusterIdentifier: this.cluster.id,
          engine: "aurora-postgresql",
          engineVersion: sizing.engineVersion,
          instanceClass: sizing.instanceClass,
          availabilityZone: props.availabilityZones[i % props.availabilityZones.length],
          promotionTier: i === 0 ? 0 : 1,
          publiclyAccessible: false,
          dbSubnetGroupName: subnetGroup.name,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: props.encryptionKey.arn,
          performanceInsightsRetentionPeriod: props.performanceInsightsRetentionDays ?? 7,
          monitoringInterval: 60,
          monitoringRoleArn: monitoringRole.arn,
          autoMinorVersionUpgrade: true,
          caCertIdentifier: "rds-ca-rsa2048-g1",
          copyTagsToSnapshot: true,
          tags: { ...props.tags, "oltp-role": i === 0 ? "writer" : "reader" },
          lifecycle: { preventDestroy: deletionProtection },
        }),
      );
    }

    for (const g of Object.values(props.grants ?? {})) this.grantConnect(g.grantee, g.dbUser);
  }

  get arn(): string {
    return this.cluster.arn;
  }

  /** Writer endpoint (DNS name). */
  get endpoint(): string {
    return this.cluster.endpoint;
  }

  /** Lets a workload sign in as `dbUser` with an IAM auth token (`rds-db:connect`). */
  grantConnect(grantee: Grantable, dbUser: string): void {
    grantee.addToPolicy({
      Effect: "Allow",
      Action: "rds-db:connect",
      Resource: `arn:aws:rds-db:${this.region}:${this.accountId}:dbuser:${this.cluster.clusterResourceId}/${dbUser}`,
    });
  }

  /** Opens 5432 to a workload's security group (ingress here, egress there). */
  allowConnectionsFrom(name: string, client: PrivateSecurityGroup): void {
    connect(name, client, this, `PostgreSQL from ${name}`);
  }
}

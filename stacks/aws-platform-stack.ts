import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsEnvironment, regionOf } from "../environments/aws-types";
import { AccessLogBucket } from "../constructs/aws/access-log-bucket";
import { PlatformAlarms } from "../constructs/aws/alarms";
import { AuditTrail } from "../constructs/aws/audit-trail";
import { AuroraPostgres } from "../constructs/aws/aurora-postgres";
import { BackupPlan } from "../constructs/aws/backup-plan";
import { DrBackupVault } from "../constructs/aws/dr-backup-vault";
import { CostBudget } from "../constructs/aws/budget";
import { DebeziumConnector } from "../constructs/aws/debezium-connector";
import { KafkaCluster } from "../constructs/aws/kafka-cluster";
import { DataKeys } from "../constructs/aws/kms-keys";
import { AwsNaming } from "../constructs/aws/naming";
import { Network } from "../constructs/aws/network";
import { RawZoneSinkConnector } from "../constructs/aws/raw-zone-sink-connector";
import { SecureBucket } from "../constructs/aws/secure-bucket";
import { ETL_METRIC_NAMESPACE, FRESHNESS_METRIC, SparkEtl } from "../constructs/aws/spark-etl";
import { TagsAspect, toResourceTags } from "../constructs/shared/tags";
import { EngineContext, buildDocumentStore, buildWarehouse, connectEngines } from "./aws-engines";

export interface AwsPlatformStackProps {
  /** A validated environment (`validateAwsEnvironment`). */
  readonly environment: AwsEnvironment;
}

/**
 * The payments data platform on AWS for one environment. Composition only: provider, backend,
 * constructs and the tags aspect; every setting comes from the environment file.
 */
export class AwsPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: AwsPlatformStackProps) {
    super(scope, id);
    const env = props.environment;
    const region = regionOf(env);
    const deletionProtection = env.deletionProtection;
    const naming = new AwsNaming({ workload: env.workload, environment: env.name, region, uniqueSeed: env.accountId });

    // Provider: credentials come from the environment (SSO / OIDC role), never from code.
    new AwsProvider(this, "aws", { region, allowedAccountIds: [env.accountId] });

    const state = env.stateBackend;
    if (state.kind === "local") {
      // Relative to cdktf.out/stacks/<stack>: the state file lands at the repository root (git-ignored), not in cdktf.out.
      new LocalBackend(this, { path: state.path ?? `../../../terraform.${id}.tfstate` });
    } else {
      const backend = new S3Backend(this, {
        bucket: state.bucket,
        key: state.key,
        region: state.region,
        encrypt: state.encrypt,
        ...(state.kmsKeyId !== undefined ? { kmsKeyId: state.kmsKeyId } : {}),
      });
      // S3-native state locking (Terraform >= 1.10); cdktf 0.21's S3Backend has no typed property for it.
      backend.addOverride("use_lockfile", true);
    }
    // S3-native state locking (use_lockfile) needs Terraform 1.10; an older CLI would silently not lock.
    this.addOverride("terraform.required_version", ">= 1.10.0");

    // Security foundation
    const keys = new DataKeys(this, "keys", {
      naming,
      accountId: env.accountId,
      region,
      deletionWindowDays: env.retention.kmsDeletionWindowDays,
      deletionProtection,
    });
    const diagnostics = { logKey: keys.key("logs"), retentionDays: env.retention.logDays };

    const network = new Network(this, "network", {
      naming,
      accountId: env.accountId,
      region,
      availabilityZones: env.availabilityZones,
      addressPlan: env.network,
      diagnostics,
      deletionProtection,
    });
    const s3PrefixListId = network.s3Endpoint.prefixListId;

    const accessLogs = new AccessLogBucket(this, "access-logs", {
      bucketName: naming.name("s3Bucket", "access-logs"),
      accountId: env.accountId,
      retentionDays: Math.max(365, env.retention.logDays),
      deletionProtection,
    });
    const bucket = (id: string, purpose: string, domain: "rawzone", extra: { expireAfterDays?: number } = {}) =>
      new SecureBucket(this, id, {
        bucketName: naming.name("s3Bucket", purpose),
        encryptionKey: keys.key(domain),
        accessLogs: { bucketName: accessLogs.name, prefix: `${purpose}/` },
        lifecycle: { infrequentAccessAfterDays: 30, glacierAfterDays: 90, ...extra },
        deletionProtection,
        tags: { "data-domain": purpose },
      });
    const rawZone = bucket("raw-zone", "raw", "rawzone");
    const curatedZone = bucket("curated-zone", "curated", "rawzone");
    const artifacts = bucket("artifacts", "artifacts", "rawzone");

    new AuditTrail(this, "audit", {
      naming,
      accountId: env.accountId,
      region,
      keys,
      accessLogBucketName: accessLogs.name,
      logRetentionDays: env.retention.logDays,
      dataEventBuckets: [rawZone, curatedZone],
      deletionProtection,
    });

    // Stores
    const privateData = { vpcId: network.vpc.id, subnetIds: network.dataSubnetIds };
    const oltp = new AuroraPostgres(this, "oltp", {
      naming,
      accountId: env.accountId,
      region,
      availabilityZones: env.availabilityZones,
      sizing: env.sizing.aurora,
      backupRetentionDays: env.retention.backupDays,
      encryptionKey: keys.key("oltp"),
      diagnostics,
      privateAccess: privateData,
      deletionProtection,
      tags: { "data-domain": "oltp" },
    });

    // OLAP and NoSQL engines: the environment's choice (stacks/aws-engines.ts).
    const engines: EngineContext = {
      env,
      naming,
      region,
      keys,
      diagnostics,
      privateData,
      deletionProtection,
      requiredTags: toResourceTags(env.tags),
    };
    const olap = buildWarehouse(this, engines, curatedZone, network.natPublicIps);
    const nosql = buildDocumentStore(this, engines);

    // Streaming and CDC
    const kafka = new KafkaCluster(this, "streaming", {
      naming,
      accountId: env.accountId,
      region,
      sizing: env.sizing.msk,
      encryptionKey: keys.key("streaming"),
      diagnostics,
      privateAccess: privateData,
      deletionProtection,
      tags: { "data-domain": "streaming" },
    });
    const topicPrefix = `${env.workload}.${env.name}.cdc`;
    const compute = { vpcId: network.vpc.id, subnetIds: network.computeSubnetIds, vpcCidr: env.network.vpcCidr, s3PrefixListId };
    const cdc = new DebeziumConnector(this, "cdc-source", {
      naming,
      accountId: env.accountId,
      region,
      ...compute,
      source: oltp,
      kafka,
      keys,
      plugin: env.cdc.debeziumPlugin,
      tables: env.cdc.tables,
      sizing: env.sizing.mskConnect,
      diagnostics,
      topicPrefix,
      deletionProtection,
    });
    new RawZoneSinkConnector(this, "cdc-sink", {
      naming,
      accountId: env.accountId,
      region,
      ...compute,
      kafka,
      rawZone,
      topicRegex: cdc.topicRegex,
      topicPrefix,
      plugin: env.cdc.s3SinkPlugin,
      sizing: env.sizing.mskConnect,
      diagnostics,
      deletionProtection,
    });

    // ETL
    const etl = new SparkEtl(this, "etl", {
      naming,
      accountId: env.accountId,
      region,
      vpcId: network.vpc.id,
      subnetId: network.computeSubnets[0].id,
      availabilityZone: env.availabilityZones[0],
      vpcCidr: env.network.vpcCidr,
      s3PrefixListId,
      keys,
      rawZone,
      curatedZone,
      artifacts,
      sizing: env.sizing.glue,
      schedule: env.etl.schedule,
      scheduleEnabled: env.etl.scheduleEnabled,
      diagnostics,
      internetEgress: env.network.natGateways > 0,
      deletionProtection,
    });
    connectEngines(this, engines, olap, nosql, { compute, kafka, topicPrefix }, etl);

    // Resilience and operations
    const drVault =
      env.drRegion !== undefined
        ? new DrBackupVault(this, "dr-backup", {
            naming,
            accountId: env.accountId,
            provider: new AwsProvider(this, "aws-dr", { alias: "dr", region: env.drRegion, allowedAccountIds: [env.accountId] }),
            deletionWindowDays: env.retention.kmsDeletionWindowDays,
            minRetentionDays: env.retention.backupDays,
            deletionProtection,
          })
        : undefined;
    new BackupPlan(this, "backup", {
      naming,
      accountId: env.accountId,
      encryptionKey: keys.key("backup"),
      continuousRetentionDays: env.retention.backupDays,
      snapshotRetentionDays: env.retention.snapshotDays,
      resources: {
        oltp: oltp.arn,
        // Atlas and Snowflake back themselves up (cloud backup schedule, Time Travel + failover group).
        ...(nosql.engine === "documentdb" ? { nosql: nosql.store.arn } : {}),
        ...(olap.engine === "redshift" ? { olap: olap.warehouse.namespaceArn } : {}),
        raw: rawZone.arn,
        curated: curatedZone.arn,
      },
      vaultLock: deletionProtection,
      deletionProtection,
      crossRegionCopy: drVault ? { vaultArn: drVault.vault.arn, encryptionKeyArn: drVault.key.arn } : undefined,
    });

    new PlatformAlarms(this, "alarms", {
      naming,
      accountId: env.accountId,
      environment: env.name,
      encryptionKey: keys.key("alerts"),
      contacts: env.alertContacts,
      resources: {
        auroraClusterId: oltp.clusterIdentifier,
        ...(olap.engine === "redshift" ? { redshiftWorkgroupName: olap.warehouse.workgroup.workgroupName } : {}),
        ...(nosql.engine === "documentdb" ? { docdbClusterId: nosql.store.clusterIdentifier } : {}),
        mskClusterName: kafka.clusterName,
        glueJobName: etl.job.name,
        freshnessMetric: { namespace: ETL_METRIC_NAMESPACE, name: FRESHNESS_METRIC },
      },
    });
    if (env.budget !== undefined) {
      new CostBudget(this, "budget", { naming, environment: env.name, budget: env.budget, emails: env.alertContacts.emails });
    }

    Aspects.of(this).add(new TagsAspect(toResourceTags(env.tags)));
  }
}

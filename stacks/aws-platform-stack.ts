import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { RedshiftWarehouse } from "../constructs/aws/redshift-warehouse";
import { AwsEnvironment, regionOf } from "../environments/aws-types";
import { AccessLogBucket } from "../constructs/aws/access-log-bucket";
import { PlatformAlarms } from "../constructs/aws/alarms";
import { AuditTrail } from "../constructs/aws/audit-trail";
import { AuroraPostgres } from "../constructs/aws/aurora-postgres";
import { BackupPlan } from "../constructs/aws/backup-plan";
import { DrBackupVault } from "../constructs/aws/dr-backup-vault";
import { CostBudget } from "../constructs/aws/budget";
import { DEBEZIUM_POSTGRES_CONTRACT, DebeziumConnector } from "../constructs/aws/debezium-connector";
import { KafkaCluster } from "../constructs/aws/kafka-cluster";
import { DataKeys } from "../constructs/aws/kms-keys";
import { AwsNaming } from "../constructs/aws/naming";
import { Network } from "../constructs/aws/network";
import { RawZoneSinkConnector } from "../constructs/aws/raw-zone-sink-connector";
import { SecureBucket } from "../constructs/aws/secure-bucket";
import { ETL_METRIC_NAMESPACE, FRESHNESS_METRIC, NIGHTLY_INTERVAL_SECONDS, SparkEtl } from "../constructs/aws/spark-etl";
import { SecurityEventAlarms } from "../constructs/aws/security-event-alarms";
import { DRIFT_SCHEDULE, DriftMonitor } from "../constructs/aws/drift-monitor";
import { ManagedAirflow, ManagedAirflowSizing, toAirflowCron } from "../constructs/aws/managed-airflow";
import { MlflowTracking } from "../constructs/aws/mlflow-tracking";
import { grantPublish, grantRedshiftDataApi, grantRunGlueJobs } from "../constructs/aws/private/workload-grants";
import { AIRFLOW_ENDPOINT_SERVICES, MLFLOW_ENDPOINT_SERVICES, ServiceEndpoints } from "../constructs/aws/service-endpoints";
import { TagsAspect, toResourceTags } from "../constructs/shared/tags";
import { BuiltDocumentStore, EngineContext, buildDocumentStore, buildWarehouse, connectEngines } from "./aws-engines";

export interface AwsPlatformStackProps {
  /** A validated environment (`validateAwsEnvironment`). */
  readonly environment: AwsEnvironment;
}

/** What every part of the stack builds on: the engines' context plus the network, the buckets and the trail. */
interface Foundation extends EngineContext {
  readonly network: Network;
  readonly s3PrefixListId: string;
  /** Placement of the compute workloads (connectors): compute subnets, VPC range, S3 prefix list. */
  readonly compute: { readonly vpcId: string; readonly subnetIds: string[]; readonly vpcCidr: string; readonly s3PrefixListId: string };
  readonly accessLogs: AccessLogBucket;
  readonly rawZone: SecureBucket;
  readonly curatedZone: SecureBucket;
  readonly artifacts: SecureBucket;
  readonly audit: AuditTrail;
}

/** The Kafka cluster and the prefix of the CDC topics the sinks read. */
interface Streaming {
  readonly kafka: KafkaCluster;
  readonly topicPrefix: string;
}

/**
 * The payments data platform on AWS for one environment. Composition only: provider, backend,
 * constructs and the tags aspect; every setting comes from the environment file. The constructor reads
 * top-down in the order the constructs are created (which the synthesized JSON follows).
 */
export class AwsPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: AwsPlatformStackProps) {
    super(scope, id);
    const env = props.environment;
    this.configureProviderAndState(id, env);
    const base = this.buildFoundation(env);
    const oltp = this.buildOltp(base);

    // OLAP and NoSQL engines: the environment's choice (stacks/aws-engines.ts).
    const olap = buildWarehouse(this, base, base.curatedZone, base.network.natPublicIps);
    const nosql = buildDocumentStore(this, base);
    // Only Redshift is loaded through the Data API (by the Glue job and Airflow); Snowflake ingests the
    // curated zone through Snowpipe.
    const redshift = olap.engine === "redshift" ? olap.warehouse : undefined;

    const streaming = this.buildStreamingAndCdc(base, oltp);
    const etl = this.buildEtl(base, streaming, redshift);
    // MLflow (docs/ml.md): its models bucket is backed up with the other buckets.
    const mlflow = env.ml.enabled
      ? new MlflowTracking(this, "mlflow", {
          naming: base.naming,
          accountId: env.accountId,
          region: base.region,
          keys: base.keys,
          accessLogBucketName: base.accessLogs.name,
          trackingServerSize: env.ml.trackingServerSize,
          deletionProtection: base.deletionProtection,
        })
      : undefined;
    connectEngines(this, base, olap, nosql, { compute: base.compute, kafka: streaming.kafka, topicPrefix: streaming.topicPrefix }, etl);

    this.buildBackups(base, { oltp, nosql, redshift, mlflow });
    const alarms = this.buildMonitoring(base, { oltp, nosql, redshift, kafka: streaming.kafka, etl });
    this.buildOrchestrationAndMl(base, { etl, mlflow, redshift, alertTopicArn: alarms.topic.arn });
    mlflow?.grantTrain(etl.role);

    if (env.budget !== undefined) {
      new CostBudget(this, "budget", { naming: base.naming, environment: env.name, budget: env.budget, emails: env.alertContacts.emails });
    }
    Aspects.of(this).add(new TagsAspect(base.requiredTags));
  }

  /** The AWS provider pinned to the account, and the state backend with its lock. */
  private configureProviderAndState(id: string, env: AwsEnvironment): void {
    // Provider: credentials come from the environment (SSO / OIDC role), never from code.
    new AwsProvider(this, "aws", { region: regionOf(env), allowedAccountIds: [env.accountId] });

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
  }

  /** Security foundation: naming, keys, the network, then the data zones and the trail. */
  private buildFoundation(env: AwsEnvironment): Foundation {
    const region = regionOf(env);
    const deletionProtection = env.deletionProtection;
    const naming = new AwsNaming({ workload: env.workload, environment: env.name, region, uniqueSeed: env.accountId });
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
      redshiftDataApi: env.warehouse === "redshift",
      accountId: env.accountId,
      region,
      availabilityZones: env.availabilityZones,
      addressPlan: env.network,
      diagnostics,
      deletionProtection,
    });
    const s3PrefixListId = network.s3Endpoint.prefixListId;

    const zones = this.buildDataZones(env, naming, keys);
    return {
      env,
      naming,
      region,
      keys,
      diagnostics,
      privateData: { vpcId: network.vpc.id, subnetIds: network.dataSubnetIds },
      deletionProtection,
      requiredTags: toResourceTags(env.tags),
      network,
      s3PrefixListId,
      compute: { vpcId: network.vpc.id, subnetIds: network.computeSubnetIds, vpcCidr: env.network.vpcCidr, s3PrefixListId },
      ...zones,
    };
  }

  /** The access-log bucket, the raw, curated and artifacts buckets, and the CloudTrail trail over the data zones. */
  private buildDataZones(
    env: AwsEnvironment,
    naming: AwsNaming,
    keys: DataKeys,
  ): Pick<Foundation, "accessLogs" | "rawZone" | "curatedZone" | "artifacts" | "audit"> {
    const region = regionOf(env);
    const deletionProtection = env.deletionProtection;
    const accessLogs = new AccessLogBucket(this, "access-logs", {
      bucketName: naming.name("s3Bucket", "access-logs"),
      accountId: env.accountId,
      retentionDays: Math.max(365, env.retention.logDays),
      deletionProtection,
    });
    const bucket = (id: string, purpose: string) =>
      new SecureBucket(this, id, {
        bucketName: naming.name("s3Bucket", purpose),
        encryptionKey: keys.key("rawzone"),
        accessLogs: { bucketName: accessLogs.name, prefix: `${purpose}/` },
        lifecycle: { infrequentAccessAfterDays: 30, glacierAfterDays: 90 },
        deletionProtection,
        tags: { "data-domain": purpose },
      });
    const rawZone = bucket("raw-zone", "raw");
    const curatedZone = bucket("curated-zone", "curated");
    const artifacts = bucket("artifacts", "artifacts");

    const audit = new AuditTrail(this, "audit", {
      naming,
      accountId: env.accountId,
      region,
      keys,
      accessLogBucketName: accessLogs.name,
      logRetentionDays: env.retention.logDays,
      // COMPLIANCE cannot be shortened by anyone: only where the environment is protected from destroy.
      objectLock: { mode: deletionProtection ? "COMPLIANCE" : "GOVERNANCE", retentionDays: Math.max(365, env.retention.logDays) },
      dataEventBuckets: [rawZone, curatedZone],
      deletionProtection,
    });

    return { accessLogs, rawZone, curatedZone, artifacts, audit };
  }

  /** The OLTP store, Aurora PostgreSQL. */
  private buildOltp(base: Foundation): AuroraPostgres {
    const { env } = base;
    return new AuroraPostgres(this, "oltp", {
      naming: base.naming,
      accountId: env.accountId,
      region: base.region,
      availabilityZones: env.availabilityZones,
      sizing: env.sizing.aurora,
      backupRetentionDays: env.retention.backupDays,
      encryptionKey: base.keys.key("oltp"),
      diagnostics: base.diagnostics,
      privateAccess: base.privateData,
      deletionProtection: base.deletionProtection,
      tags: { "data-domain": "oltp" },
    });
  }

  /** MSK, the Debezium source reading Aurora, and the sink landing its topics in the raw zone. */
  private buildStreamingAndCdc(base: Foundation, oltp: AuroraPostgres): Streaming {
    const { env, naming, region, diagnostics, deletionProtection } = base;
    const kafka = new KafkaCluster(this, "streaming", {
      naming,
      accountId: env.accountId,
      region,
      sizing: env.sizing.msk,
      encryptionKey: base.keys.key("streaming"),
      diagnostics,
      privateAccess: base.privateData,
      deletionProtection,
      tags: { "data-domain": "streaming" },
    });
    const topicPrefix = `${env.workload}.${env.name}.cdc`;
    const cdc = new DebeziumConnector(this, "cdc-source", {
      naming,
      accountId: env.accountId,
      region,
      ...base.compute,
      source: oltp,
      kafka,
      keys: base.keys,
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
      ...base.compute,
      kafka,
      rawZone: base.rawZone,
      topicRegex: cdc.topicRegex,
      topicPrefix,
      plugin: env.cdc.s3SinkPlugin,
      sizing: env.sizing.mskConnect,
      diagnostics,
      deletionProtection,
    });
    return { kafka, topicPrefix };
  }

  /** The nightly Spark job: raw zone to curated zone, staged into Redshift when it is the warehouse. */
  private buildEtl(base: Foundation, streaming: Streaming, redshift: RedshiftWarehouse | undefined): SparkEtl {
    const { env, network } = base;
    return new SparkEtl(this, "etl", {
      naming: base.naming,
      accountId: env.accountId,
      region: base.region,
      vpcId: network.vpc.id,
      subnetId: network.computeSubnets[0].id,
      availabilityZone: env.availabilityZones[0],
      vpcCidr: env.network.vpcCidr,
      s3PrefixListId: base.s3PrefixListId,
      keys: base.keys,
      rawZone: base.rawZone,
      curatedZone: base.curatedZone,
      artifacts: base.artifacts,
      sizing: env.sizing.glue,
      ...(redshift ? { warehouse: redshift } : {}),
      cdc: { tables: env.cdc.tables, topicPrefix: streaming.topicPrefix, schema: DEBEZIUM_POSTGRES_CONTRACT.schema },
      environment: env.name,
      schedule: env.etl.schedule,
      scheduleEnabled: env.etl.scheduleEnabled,
      scheduleOwner: env.orchestration.enabled ? "airflow" : "glue",
      diagnostics: base.diagnostics,
      internetEgress: env.network.natGateways > 0,
      deletionProtection: base.deletionProtection,
    });
  }

  /** AWS Backup of every in-account store, copied to a locked vault in the DR region when there is one. */
  private buildBackups(
    base: Foundation,
    stores: { oltp: AuroraPostgres; nosql: BuiltDocumentStore; redshift?: RedshiftWarehouse; mlflow?: MlflowTracking },
  ): void {
    const { env, naming, deletionProtection } = base;
    const { oltp, nosql, redshift, mlflow } = stores;
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
      encryptionKey: base.keys.key("backup"),
      continuousRetentionDays: env.retention.backupDays,
      snapshotRetentionDays: env.retention.snapshotDays,
      resources: {
        oltp: oltp.arn,
        // Atlas and Snowflake back themselves up (cloud backup schedule, Time Travel + failover group).
        ...(nosql.engine === "documentdb" ? { nosql: nosql.store.arn } : {}),
        ...(redshift ? { olap: redshift.namespaceArn } : {}),
        raw: base.rawZone.arn,
        curated: base.curatedZone.arn,
        audit: base.audit.bucket.arn,
        ...(mlflow ? { models: mlflow.modelsBucket.arn } : {}),
      },
      vaultLock: deletionProtection,
      deletionProtection,
      crossRegionCopy: drVault ? { vaultArn: drVault.vault.arn, encryptionKeyArn: drVault.key.arn } : undefined,
    });
  }

  /** The SLA alarms on the stores, Kafka and the nightly job's freshness, and the CloudTrail security alarms. */
  private buildMonitoring(
    base: Foundation,
    watched: { oltp: AuroraPostgres; nosql: BuiltDocumentStore; redshift?: RedshiftWarehouse; kafka: KafkaCluster; etl: SparkEtl },
  ): PlatformAlarms {
    const { env, naming } = base;
    const { oltp, nosql, redshift } = watched;
    const alarms = new PlatformAlarms(this, "alarms", {
      naming,
      accountId: env.accountId,
      environment: env.name,
      encryptionKey: base.keys.key("alerts"),
      contacts: env.alertContacts,
      resources: {
        auroraClusterId: oltp.clusterIdentifier,
        ...(redshift ? { redshiftWorkgroupName: redshift.workgroup.workgroupName } : {}),
        ...(nosql.engine === "documentdb" ? { docdbClusterId: nosql.store.clusterIdentifier } : {}),
        mskClusterName: watched.kafka.clusterName,
        glueJobName: watched.etl.job.name,
        freshnessMetric: {
          namespace: ETL_METRIC_NAMESPACE,
          name: FRESHNESS_METRIC,
          publicationIntervalSeconds: NIGHTLY_INTERVAL_SECONDS,
          maxDelaySeconds: env.sizing.glue.timeoutMinutes * 60,
          scheduled: env.etl.scheduleEnabled,
        },
      },
    });
    new SecurityEventAlarms(this, "security-alarms", { naming, trailLogGroupName: base.audit.logGroup.name, topicArn: alarms.topic.arn });
    return alarms;
  }

  /** Drift monitoring and Airflow (docs/ml.md): Airflow owns the nightly and drift schedules. */
  private buildOrchestrationAndMl(
    base: Foundation,
    parts: { etl: SparkEtl; mlflow?: MlflowTracking; redshift?: RedshiftWarehouse; alertTopicArn: string },
  ): void {
    const { env, network } = base;
    const { etl, mlflow, redshift, alertTopicArn } = parts;
    const drift =
      env.ml.enabled && mlflow
        ? new DriftMonitor(this, "drift", {
            naming: base.naming,
            accountId: env.accountId,
            region: base.region,
            environment: env.name,
            vpcId: network.vpc.id,
            subnetId: network.computeSubnets[1].id,
            availabilityZone: env.availabilityZones[1],
            vpcCidr: env.network.vpcCidr,
            s3PrefixListId: base.s3PrefixListId,
            keys: base.keys,
            artifacts: base.artifacts,
            curatedZone: base.curatedZone,
            modelsBucket: mlflow.modelsBucket,
            models: env.ml.models,
            driftThreshold: env.ml.driftThreshold,
            alertTopicArn,
            diagnostics: base.diagnostics,
            packageIndexUrl: env.ml.packageIndexUrl,
            internetEgress: env.network.natGateways > 0,
            deletionProtection: base.deletionProtection,
          })
        : undefined;
    if (!env.orchestration.enabled) return;
    // validateAwsEnvironment refuses orchestration without Redshift: the DAG loads through the Data API.
    if (!redshift) throw new Error(`Environment ${env.name}: orchestration.enabled requires warehouse "redshift"`);
    const airflow = this.buildAirflow(base, env.orchestration, { etl, redshift, drift, alertTopicArn });
    grantRunGlueJobs(airflow.role, base.region, env.accountId, drift ? [etl.job.name, drift.job.name] : [etl.job.name]);
    grantRedshiftDataApi(airflow.role, redshift.workgroup.arn);
    redshift.grantGetCredentials(airflow.role);
    grantPublish(airflow.role, alertTopicArn);
    mlflow?.grantTrain(airflow.role);
    if (env.network.natGateways === 0) {
      new ServiceEndpoints(this, "private-endpoints", {
        naming: base.naming,
        region: base.region,
        vpcId: network.vpc.id,
        subnetIds: network.dataSubnetIds,
        securityGroupId: network.endpointSecurityGroup.id,
        services: mlflow ? [...AIRFLOW_ENDPOINT_SERVICES, ...MLFLOW_ENDPOINT_SERVICES] : AIRFLOW_ENDPOINT_SERVICES,
      });
    }
  }

  /** The MWAA environment and the configuration its DAGs read (names of the jobs, warehouse and metrics). */
  private buildAirflow(
    base: Foundation,
    sizing: ManagedAirflowSizing,
    parts: { etl: SparkEtl; redshift: RedshiftWarehouse; drift?: DriftMonitor; alertTopicArn: string },
  ): ManagedAirflow {
    const { env, network } = base;
    const { etl, redshift, drift } = parts;
    return new ManagedAirflow(this, "airflow", {
      naming: base.naming,
      accountId: env.accountId,
      region: base.region,
      vpcId: network.vpc.id,
      subnetIds: [network.computeSubnets[0].id, network.computeSubnets[1].id],
      vpcCidr: env.network.vpcCidr,
      s3PrefixListId: base.s3PrefixListId,
      keys: base.keys,
      accessLogBucketName: base.accessLogs.name,
      sizing,
      logRetentionDays: env.retention.logDays,
      internetEgress: env.network.natGateways > 0,
      deletionProtection: base.deletionProtection,
      platformConfig: {
        environment: env.name,
        region: base.region,
        alert_topic_arn: parts.alertTopicArn,
        nightly: {
          schedule: toAirflowCron(env.etl.schedule),
          paused: !env.etl.scheduleEnabled,
          glue_job_name: etl.job.name,
          glue_timeout_minutes: env.sizing.glue.timeoutMinutes,
          retries: 2,
          retry_delay_minutes: 10,
          // Brief, Data Freshness row: alert when OLAP data is more than 1 hour old.
          sla_minutes: 60,
        },
        warehouse: {
          workgroup_name: redshift.workgroup.workgroupName,
          database: redshift.databaseName,
          curated_star_uri: base.curatedZone.s3Uri("star/"),
        },
        metrics: { namespace: ETL_METRIC_NAMESPACE, freshness_metric: FRESHNESS_METRIC },
        ...(drift && env.ml.enabled
          ? {
              drift: {
                schedule: DRIFT_SCHEDULE,
                glue_job_name: drift.job.name,
                models: env.ml.models,
                timeout_minutes: drift.timeoutMinutes,
              },
            }
          : {}),
      },
    });
  }
}

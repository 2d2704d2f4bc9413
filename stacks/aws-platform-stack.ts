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
import { ManagedAirflow, toAirflowCron } from "../constructs/aws/managed-airflow";
import { MlflowTracking } from "../constructs/aws/mlflow-tracking";
import { grantPublish, grantRedshiftDataApi, grantRunGlueJobs } from "../constructs/aws/private/workload-grants";
import { AIRFLOW_ENDPOINT_SERVICES, MLFLOW_ENDPOINT_SERVICES, ServiceEndpoints } from "../constructs/aws/service-endpoints";
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
      redshiftDataApi: env.warehouse === "redshift",
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
    // Only Redshift is loaded through the Data API (by the Glue job and Airflow); Snowflake ingests the
    // curated zone through Snowpipe.
    const redshift = olap.engine === "redshift" ? olap.warehouse : undefined;

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
      ...(redshift ? { warehouse: redshift } : {}),
      cdc: { tables: env.cdc.tables, topicPrefix, schema: DEBEZIUM_POSTGRES_CONTRACT.schema },
      environment: env.name,
      schedule: env.etl.schedule,
      scheduleEnabled: env.etl.scheduleEnabled,
      scheduleOwner: env.orchestration.enabled ? "airflow" : "glue",
      diagnostics,
      internetEgress: env.network.natGateways > 0,
      deletionProtection,
    });

    // MLflow (docs/ml.md): its models bucket is backed up with the other buckets.
    const mlflow = env.ml.enabled
      ? new MlflowTracking(this, "mlflow", {
          naming,
          accountId: env.accountId,
          region,
          keys,
          accessLogBucketName: accessLogs.name,
          trackingServerSize: env.ml.trackingServerSize,
          deletionProtection,
        })
      : undefined;

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
        ...(redshift ? { olap: redshift.namespaceArn } : {}),
        raw: rawZone.arn,
        curated: curatedZone.arn,
        audit: audit.bucket.arn,
        ...(mlflow ? { models: mlflow.modelsBucket.arn } : {}),
      },
      vaultLock: deletionProtection,
      deletionProtection,
      crossRegionCopy: drVault ? { vaultArn: drVault.vault.arn, encryptionKeyArn: drVault.key.arn } : undefined,
    });

    const alarms = new PlatformAlarms(this, "alarms", {
      naming,
      accountId: env.accountId,
      environment: env.name,
      encryptionKey: keys.key("alerts"),
      contacts: env.alertContacts,
      resources: {
        auroraClusterId: oltp.clusterIdentifier,
        ...(redshift ? { redshiftWorkgroupName: redshift.workgroup.workgroupName } : {}),
        ...(nosql.engine === "documentdb" ? { docdbClusterId: nosql.store.clusterIdentifier } : {}),
        mskClusterName: kafka.clusterName,
        glueJobName: etl.job.name,
        freshnessMetric: {
          namespace: ETL_METRIC_NAMESPACE,
          name: FRESHNESS_METRIC,
          publicationIntervalSeconds: NIGHTLY_INTERVAL_SECONDS,
          maxDelaySeconds: env.sizing.glue.timeoutMinutes * 60,
          scheduled: env.etl.scheduleEnabled,
        },
      },
    });
    new SecurityEventAlarms(this, "security-alarms", { naming, trailLogGroupName: audit.logGroup.name, topicArn: alarms.topic.arn });
    // Orchestration and drift monitoring (docs/ml.md): Airflow owns the nightly and drift schedules.
    const drift =
      env.ml.enabled && mlflow
        ? new DriftMonitor(this, "drift", {
            naming,
            accountId: env.accountId,
            region,
            environment: env.name,
            vpcId: network.vpc.id,
            subnetId: network.computeSubnets[1].id,
            availabilityZone: env.availabilityZones[1],
            vpcCidr: env.network.vpcCidr,
            s3PrefixListId,
            keys,
            artifacts,
            curatedZone,
            modelsBucket: mlflow.modelsBucket,
            models: env.ml.models,
            driftThreshold: env.ml.driftThreshold,
            alertTopicArn: alarms.topic.arn,
            diagnostics,
            packageIndexUrl: env.ml.packageIndexUrl,
            internetEgress: env.network.natGateways > 0,
            deletionProtection,
          })
        : undefined;
    if (env.orchestration.enabled) {
      // validateAwsEnvironment refuses orchestration without Redshift: the DAG loads through the Data API.
      if (!redshift) throw new Error(`Environment ${env.name}: orchestration.enabled requires warehouse "redshift"`);
      const airflow = new ManagedAirflow(this, "airflow", {
        naming,
        accountId: env.accountId,
        region,
        vpcId: network.vpc.id,
        subnetIds: [network.computeSubnets[0].id, network.computeSubnets[1].id],
        vpcCidr: env.network.vpcCidr,
        s3PrefixListId,
        keys,
        accessLogBucketName: accessLogs.name,
        sizing: env.orchestration,
        logRetentionDays: env.retention.logDays,
        internetEgress: env.network.natGateways > 0,
        deletionProtection,
        platformConfig: {
          environment: env.name,
          region,
          alert_topic_arn: alarms.topic.arn,
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
            curated_star_uri: curatedZone.s3Uri("star/"),
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
      grantRunGlueJobs(airflow.role, region, env.accountId, drift ? [etl.job.name, drift.job.name] : [etl.job.name]);
      grantRedshiftDataApi(airflow.role, redshift.workgroup.arn);
      redshift.grantGetCredentials(airflow.role);
      grantPublish(airflow.role, alarms.topic.arn);
      mlflow?.grantTrain(airflow.role);
      if (env.network.natGateways === 0) {
        new ServiceEndpoints(this, "private-endpoints", {
          naming,
          region,
          vpcId: network.vpc.id,
          subnetIds: network.dataSubnetIds,
          securityGroupId: network.endpointSecurityGroup.id,
          services: mlflow ? [...AIRFLOW_ENDPOINT_SERVICES, ...MLFLOW_ENDPOINT_SERVICES] : AIRFLOW_ENDPOINT_SERVICES,
        });
      }
    }
    mlflow?.grantTrain(etl.role);

    if (env.budget !== undefined) {
      new CostBudget(this, "budget", { naming, environment: env.name, budget: env.budget, emails: env.alertContacts.emails });
    }

    Aspects.of(this).add(new TagsAspect(toResourceTags(env.tags)));
  }
}

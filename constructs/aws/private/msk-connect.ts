import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { MskconnectCustomPlugin } from "@cdktf/provider-aws/lib/mskconnect-custom-plugin";
import { MskconnectWorkerConfiguration } from "@cdktf/provider-aws/lib/mskconnect-worker-configuration";
import { Construct } from "constructs";
import { MskConnectSizing, S3ObjectLocation } from "../../../environments/aws-types";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { KafkaCluster } from "../kafka-cluster";
import { AwsNaming } from "../naming";
import { WorkloadRole } from "../workload-role";
import { PrivateSecurityGroup } from "./security-group";

/** MSK Connect runtime version (Kafka Connect 3.7 supports connector-driven topic creation). */
export const KAFKA_CONNECT_VERSION = "3.7.x";

export interface ManagedConnectorProps {
  readonly naming: AwsNaming;
  /** Short purpose used in names, e.g. `cdc-source`. */
  readonly purpose: string;
  readonly kafka: KafkaCluster;
  readonly plugin: S3ObjectLocation;
  readonly sizing: MskConnectSizing;
  readonly subnetIds: readonly string[];
  readonly securityGroup: PrivateSecurityGroup;
  readonly role: WorkloadRole;
  readonly logGroup: EncryptedLogGroup;
  readonly connectorConfiguration: Record<string, string>;
  /** Extra worker properties (config providers). */
  readonly workerProperties?: Record<string, string>;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The parts every MSK Connect connector of this platform shares: custom plugin from S3, worker
 * configuration (JSON converters, config providers), IAM + TLS to the cluster, autoscaling,
 * worker logs to a KMS-encrypted group.
 */
export function createManagedConnector(scope: Construct, props: ManagedConnectorProps): MskconnectConnector {
  const { naming } = props;
  const plugin = new MskconnectCustomPlugin(scope, "plugin", {
    name: naming.name("mskConnectResource", `${props.purpose}-plugin`),
    contentType: props.plugin.key.endsWith(".jar") ? "JAR" : "ZIP",
    location: {
      s3: {
        bucketArn: `arn:aws:s3:::${props.plugin.bucket}`,
        fileKey: props.plugin.key,
        ...(props.plugin.objectVersion !== undefined ? { objectVersion: props.plugin.objectVersion } : {}),
      },
    },
    tags: { ...props.tags },
  });
  const worker = new MskconnectWorkerConfiguration(scope, "worker-configuration", {
    name: naming.name("mskConnectResource", `${props.purpose}-worker`),
    propertiesFileContent: Object.entries({
      "key.converter": "org.apache.kafka.connect.json.JsonConverter",
      "value.converter": "org.apache.kafka.connect.json.JsonConverter",
      "key.converter.schemas.enable": "false",
      "value.converter.schemas.enable": "false",
      ...props.workerProperties,
    })
      .map(([k, val]) => `${k}=${val}`)
      .join("\n"),
    tags: { ...props.tags },
    lifecycle: { createBeforeDestroy: true },
  });
  return new MskconnectConnector(scope, "connector", {
    name: naming.name("mskConnectResource", props.purpose),
    kafkaconnectVersion: KAFKA_CONNECT_VERSION,
    serviceExecutionRoleArn: props.role.arn,
    connectorConfiguration: props.connectorConfiguration,
    capacity: {
      autoscaling: {
        mcuCount: props.sizing.mcuCount,
        minWorkerCount: props.sizing.minWorkers,
        maxWorkerCount: props.sizing.maxWorkers,
        scaleInPolicy: { cpuUtilizationPercentage: 20 },
        scaleOutPolicy: { cpuUtilizationPercentage: 80 },
      },
    },
    kafkaCluster: {
      apacheKafkaCluster: {
        bootstrapServers: props.kafka.bootstrapBrokersIam,
        vpc: { securityGroups: [props.securityGroup.securityGroupId], subnets: [...props.subnetIds] },
      },
    },
    kafkaClusterClientAuthentication: { authenticationType: "IAM" },
    kafkaClusterEncryptionInTransit: { encryptionType: "TLS" },
    logDelivery: { workerLogDelivery: { cloudwatchLogs: { enabled: true, logGroup: props.logGroup.name } } },
    plugin: [{ customPlugin: { arn: plugin.arn, revision: plugin.latestRevision } }],
    workerConfiguration: { arn: worker.arn, revision: worker.latestRevision },
    tags: { ...props.tags },
  });
}

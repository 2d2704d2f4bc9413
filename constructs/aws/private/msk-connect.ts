import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { MskconnectCustomPlugin } from "@cdktf/provider-aws/lib/mskconnect-custom-plugin";
import { MskconnectWorkerConfiguration } from "@cdktf/provider-aws/lib/mskconnect-worker-configuration";
import { Construct } from "constructs";
import { Rule, assertRules, intBetween, oneOf, prefixed } from "../../shared/rules";
import { MskConnectSizing, S3ObjectLocation, mskConnectSizingRules, pluginLocationRules } from "../common";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { KafkaCluster } from "../kafka-cluster";
import { AwsNaming } from "../naming";
import { WorkloadRole } from "../workload-role";
import { PrivateSecurityGroup } from "./security-group";

/** MSK Connect runtime version (Kafka Connect 3.7 supports connector-driven topic creation). */
export const KAFKA_CONNECT_VERSION = "3.7.x";

/**
 * Kafka Connect WORKER properties: in a connector's configuration they are ignored without a word
 * (e.g. `topic.creation.enable`), so they go to the worker configuration or nowhere.
 */
export const WORKER_ONLY_PROPERTIES = ["topic.creation.enable", "config.providers", "offset.flush.interval.ms"] as const;

/**
 * How many workers run a connector. `provisioned` honours the connector's `tasks.max`; `autoscaled`
 * makes MSK Connect override `tasks.max` with workers x MCUs x 2, so a connector that must run one
 * task (Debezium PostgreSQL: one replication slot) is provisioned.
 */
export type ConnectorCapacity =
  | { readonly mode: "provisioned"; readonly mcuCount: MskConnectSizing["mcuCount"]; readonly workerCount: number }
  | ({ readonly mode: "autoscaled" } & MskConnectSizing);

export interface ManagedConnectorProps {
  readonly naming: AwsNaming;
  /** Short purpose used in names, e.g. `cdc-source`. */
  readonly purpose: string;
  readonly kafka: KafkaCluster;
  readonly plugin: S3ObjectLocation;
  readonly capacity: ConnectorCapacity;
  readonly subnetIds: readonly string[];
  readonly securityGroup: PrivateSecurityGroup;
  readonly role: WorkloadRole;
  readonly logGroup: EncryptedLogGroup;
  readonly connectorConfiguration: Record<string, string>;
  /** Extra worker properties (config providers). */
  readonly workerProperties?: Record<string, string>;
  readonly tags?: Readonly<Record<string, string>>;
}

function managedConnectorRules(p: ManagedConnectorProps): Rule[] {
  const c = p.capacity;
  return [
    ...WORKER_ONLY_PROPERTIES.map((k) => ({
      ok: !(k in p.connectorConfiguration),
      field: `connectorConfiguration["${k}"]`,
      value: p.connectorConfiguration[k],
      allowed: "unset: a worker property that a connector ignores; set it in workerProperties",
    })),
    {
      ok: c.mode !== "autoscaled" || !("tasks.max" in p.connectorConfiguration),
      field: 'connectorConfiguration["tasks.max"]',
      value: p.connectorConfiguration["tasks.max"],
      allowed: "unset under autoscaled capacity (MSK Connect overrides it); remove it or use provisioned capacity",
    },
    ...prefixed("plugin.", pluginLocationRules(p.plugin)),
    ...(c.mode === "autoscaled"
      ? prefixed("capacity.", mskConnectSizingRules(c))
      : [oneOf(c.mcuCount, [1, 2, 4, 8], "capacity.mcuCount"), intBetween(c.workerCount, 1, 10, "capacity.workerCount")]),
  ];
}

/**
 * The parts every MSK Connect connector of this platform shares: custom plugin from S3, worker
 * configuration (JSON converters, config providers), IAM + TLS to the cluster, autoscaling,
 * worker logs to a KMS-encrypted group.
 */
export function createManagedConnector(scope: Construct, props: ManagedConnectorProps): MskconnectConnector {
  const { naming } = props;
  assertRules(`MSK Connect connector ${props.purpose} (${scope.node.path})`, managedConnectorRules(props));
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
  const propertiesFileContent = Object.entries({
    "key.converter": "org.apache.kafka.connect.json.JsonConverter",
    "value.converter": "org.apache.kafka.connect.json.JsonConverter",
    "key.converter.schemas.enable": "false",
    "value.converter.schemas.enable": "false",
    ...props.workerProperties,
  })
    .map(([k, val]) => `${k}=${val}`)
    .join("\n");
  const worker = new MskconnectWorkerConfiguration(scope, "worker-configuration", {
    // Every argument forces a replacement: the name follows the content so create_before_destroy can work.
    name: naming.replaceableName("mskConnectResource", `${props.purpose}-worker`, { propertiesFileContent }),
    propertiesFileContent,
    tags: { ...props.tags },
    lifecycle: { createBeforeDestroy: true },
  });
  return new MskconnectConnector(scope, "connector", {
    name: naming.name("mskConnectResource", props.purpose),
    kafkaconnectVersion: KAFKA_CONNECT_VERSION,
    serviceExecutionRoleArn: props.role.arn,
    connectorConfiguration: props.connectorConfiguration,
    capacity:
      props.capacity.mode === "provisioned"
        ? { provisionedCapacity: { mcuCount: props.capacity.mcuCount, workerCount: props.capacity.workerCount } }
        : {
            autoscaling: {
              mcuCount: props.capacity.mcuCount,
              minWorkerCount: props.capacity.minWorkers,
              maxWorkerCount: props.capacity.maxWorkers,
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

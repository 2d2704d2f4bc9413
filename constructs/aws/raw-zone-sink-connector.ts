import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { Construct } from "constructs";
import { ConnectorPlacementProps, DiagnosticsProps, MskConnectSizing, S3ObjectLocation } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { KafkaCluster } from "./kafka-cluster";
import { createManagedConnector } from "./private/msk-connect";
import { PrivateSecurityGroup } from "./private/security-group";
import { SecureBucket } from "./secure-bucket";
import { WorkloadRole } from "./workload-role";

/** Prefix of CDC objects in the raw zone. */
export const RAW_ZONE_CDC_PREFIX = "cdc/";

export interface RawZoneSinkConnectorProps extends ConnectorPlacementProps {
  readonly kafka: KafkaCluster;
  readonly rawZone: SecureBucket;
  /** Topics to land, e.g. the Debezium connector's `topicRegex`. */
  readonly topicRegex: string;
  /** Topic prefix the connector's group and internal topics live under. */
  readonly topicPrefix: string;
  readonly plugin: S3ObjectLocation;
  readonly sizing: MskConnectSizing;
  readonly diagnostics: DiagnosticsProps;
  /** Close a file at least this often, which bounds raw-zone staleness. @default 600000 (10 min) */
  readonly rotateIntervalMs?: number;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * MSK Connect S3 sink: lands the CDC topics in the raw zone under `cdc/<topic>/year=/month=/day=/hour=`
 * as JSON, SSE-KMS with the raw zone's CMK, through the S3 gateway endpoint. Its role may write only
 * under `cdc/` and read only its topics.
 */
export class RawZoneSinkConnector extends Construct {
  readonly connector: MskconnectConnector;
  readonly role: WorkloadRole;
  readonly securityGroup: PrivateSecurityGroup;

  constructor(scope: Construct, id: string, props: RawZoneSinkConnectorProps) {
    super(scope, id);
    const { naming } = props;

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "cdc-sink"),
      description: "S3 sink workers: egress to MSK, S3 and AWS endpoints only",
      vpcId: props.vpcId,
    });
    this.securityGroup.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "AWS APIs through interface endpoints");
    this.securityGroup.allowHttpsEgress("s3", { prefixListId: props.s3PrefixListId }, "S3 through the gateway endpoint");
    props.kafka.allowConnectionsFrom("cdc-sink", this.securityGroup);

    this.role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "cdc-sink"),
      description: "MSK Connect S3 sink connector to the raw zone",
      assumedBy: ["kafkaconnect.amazonaws.com"],
      accountId: props.accountId,
    });
    props.kafka.grantConsume(this.role, `${props.topicPrefix}.*`, `${props.topicPrefix}.connect-sink`);
    props.rawZone.grantWrite(this.role, RAW_ZONE_CDC_PREFIX);

    const logGroup = new EncryptedLogGroup(this, "log", {
      name: naming.logGroupPath("msk-connect/cdc-sink"),
      encryptionKey: props.diagnostics.logKey,
      retentionDays: props.diagnostics.retentionDays,
      deletionProtection: props.deletionProtection,
    });

    this.connector = createManagedConnector(this, {
      naming,
      purpose: "cdc-sink",
      kafka: props.kafka,
      plugin: props.plugin,
      capacity: { mode: "autoscaled", ...props.sizing },
      subnetIds: props.subnetIds,
      securityGroup: this.securityGroup,
      role: this.role,
      logGroup,
      connectorConfiguration: {
        // No tasks.max: autoscaled capacity sets it to workers x MCUs x 2.
        "connector.class": "io.confluent.connect.s3.S3SinkConnector",
        "topics.regex": props.topicRegex,
        "s3.bucket.name": props.rawZone.name,
        "s3.region": props.region,
        "s3.ssea.name": "aws:kms",
        "s3.sse.kms.key.id": props.rawZone.encryptionKey.arn,
        "topics.dir": RAW_ZONE_CDC_PREFIX.replace(/\/$/, ""),
        "storage.class": "io.confluent.connect.s3.storage.S3Storage",
        "format.class": "io.confluent.connect.s3.format.json.JsonFormat",
        "partitioner.class": "io.confluent.connect.storage.partitioner.TimeBasedPartitioner",
        "path.format": "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH",
        "partition.duration.ms": "3600000",
        locale: "en-US",
        timezone: "UTC",
        "timestamp.extractor": "Record",
        "flush.size": "10000",
        "rotate.schedule.interval.ms": String(props.rotateIntervalMs ?? 600000),
        "behavior.on.null.values": "ignore",
      },
    });
  }
}

import { MskCluster } from "@cdktf/provider-aws/lib/msk-cluster";
import { MskConfiguration } from "@cdktf/provider-aws/lib/msk-configuration";
import { Construct } from "constructs";
import { Rule, assertRules, intBetween, oneOf, prefixed } from "../shared/rules";
import { CommonDataProps, PrivateAccessProps } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { Connectable, PrivateSecurityGroup, connect } from "./private/security-group";
import { Grantable } from "./workload-role";

/** Amazon MSK (Kafka) sizing. */
export interface MskSizing {
  /** Broker type, e.g. `kafka.m7g.large`; `kafka.t3.small` not in prod. */
  readonly brokerInstanceType: string;
  /** Broker count, a multiple of the AZ count (3). */
  readonly brokerCount: number;
  /** EBS storage per broker in GiB, 1-16384. */
  readonly ebsVolumeGb: number;
  /** Kafka version, e.g. `3.6.0`. */
  readonly kafkaVersion: string;
}

/**
 * Apache Kafka versions MSK creates new provisioned clusters with: the supported versions without a
 * passed end-of-support date (older ones are refused for new clusters and auto-upgraded).
 * Source: Amazon MSK Developer Guide, "Supported Apache Kafka versions"
 * (https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html):
 * 3.4.0 ended 2025-08-04, 3.5.1 ended 2025-10-23; 3.6.0, 3.7.x, 3.8.x (recommended), 3.9.x and 4.0.x supported.
 * The provider checks only the length (`aws_msk_cluster.kafka_version`: `validation.StringLenBetween(1, 64)`
 * in internal/service/kafka/cluster.go), so neither synth nor `terraform validate` would notice a wrong one.
 */
export const MSK_KAFKA_VERSIONS = ["3.6.0", "3.7.x", "3.8.x", "3.9.x", "4.0.x"] as const;

const MSK_BROKER = /^kafka\.(t3\.small|m5\.(large|\d{0,2}xlarge)|m7g\.(large|\d{0,2}xlarge))$/;

/**
 * The rules of an MSK sizing (fields relative to it) for a cluster over `zones` subnets: MSK spreads the
 * brokers evenly over them, up to the default quota of 30 brokers per cluster.
 */
export function mskSizingRules(s: MskSizing, zones: number): Rule[] {
  return [
    {
      ok: MSK_BROKER.test(s.brokerInstanceType),
      field: "brokerInstanceType",
      value: s.brokerInstanceType,
      allowed: "an MSK broker type, e.g. kafka.m7g.large",
    },
    {
      ok: Number.isInteger(s.brokerCount) && zones > 0 && s.brokerCount % zones === 0 && s.brokerCount >= zones && s.brokerCount <= 30,
      field: "brokerCount",
      value: s.brokerCount,
      allowed: `a multiple of the ${zones} availability zones, from ${zones} to 30 (MSK spreads brokers evenly over the subnets)`,
    },
    intBetween(s.ebsVolumeGb, 1, 16384, "ebsVolumeGb"),
    oneOf(s.kafkaVersion, MSK_KAFKA_VERSIONS as readonly string[], "kafkaVersion"),
  ];
}

export interface KafkaClusterProps extends CommonDataProps {
  readonly accountId: string;
  readonly region: string;
  readonly sizing: MskSizing;
  /** One subnet per AZ; the broker count must be a multiple of their number. */
  readonly privateAccess: PrivateAccessProps;
  /** Enhanced monitoring level. @default "PER_TOPIC_PER_BROKER" */
  readonly enhancedMonitoring?: "DEFAULT" | "PER_BROKER" | "PER_TOPIC_PER_BROKER" | "PER_TOPIC_PER_PARTITION";
}

/**
 * Amazon MSK (provisioned Kafka): TLS between clients and brokers and inside the cluster, IAM
 * (SASL/IAM) client authentication only (no unauthenticated or plaintext listener), at-rest
 * encryption with the `streaming` CMK, private subnets without public access, broker logs to a
 * KMS-encrypted log group, replication factor 3 / min ISR 2 and topic auto-creation off.
 */
export class KafkaCluster extends Construct implements Connectable {
  readonly cluster: MskCluster;
  readonly securityGroup: PrivateSecurityGroup;
  /** SASL/IAM over TLS listener. */
  readonly port = 9098;
  readonly clusterName: string;
  private readonly accountId: string;
  private readonly region: string;

  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, id);
    const { naming, sizing } = props;
    assertRules(`KafkaCluster ${this.node.path}`, prefixed("sizing.", mskSizingRules(sizing, props.privateAccess.subnetIds.length)));
    const deletionProtection = props.deletionProtection ?? true;
    this.accountId = props.accountId;
    this.region = props.region;
    this.clusterName = naming.name("mskCluster", "streaming");

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "streaming"),
      description: "MSK: SASL/IAM over TLS (9098) from allowed workloads only",
      vpcId: props.privateAccess.vpcId,
    });
    for (const [name, peer] of Object.entries(props.privateAccess.clients ?? {})) {
      this.securityGroup.allowIngressFrom(name, peer.securityGroupId, this.port, `Kafka from ${name}`);
    }

    const configuration = new MskConfiguration(this, "configuration", {
      // kafka_versions forces a replacement (server_properties is a new revision in place); the name follows it.
      name: naming.replaceableName("mskConfiguration", "streaming", { kafkaVersions: [sizing.kafkaVersion] }),
      kafkaVersions: [sizing.kafkaVersion],
      description: "Durable defaults: RF 3, min ISR 2, no unclean election, no topic auto-creation",
      serverProperties: [
        "auto.create.topics.enable=false",
        "default.replication.factor=3",
        "min.insync.replicas=2",
        "unclean.leader.election.enable=false",
        "num.partitions=6",
        "log.retention.hours=168",
        "allow.everyone.if.no.acl.found=false",
      ].join("\n"),
      lifecycle: { createBeforeDestroy: true },
    });

    const brokerLogs = new EncryptedLogGroup(this, "broker-log", {
      name: naming.logGroupPath("msk-broker"),
      encryptionKey: props.diagnostics.logKey,
      retentionDays: props.diagnostics.retentionDays,
      deletionProtection,
    });

    this.cluster = new MskCluster(this, "cluster", {
      clusterName: this.clusterName,
      kafkaVersion: sizing.kafkaVersion,
      numberOfBrokerNodes: sizing.brokerCount,
      enhancedMonitoring: props.enhancedMonitoring ?? "PER_TOPIC_PER_BROKER",
      brokerNodeGroupInfo: {
        instanceType: sizing.brokerInstanceType,
        clientSubnets: [...props.privateAccess.subnetIds],
        securityGroups: [this.securityGroup.securityGroupId],
        azDistribution: "DEFAULT",
        storageInfo: { ebsStorageInfo: { volumeSize: sizing.ebsVolumeGb } },
        connectivityInfo: { publicAccess: { type: "DISABLED" } },
      },
      clientAuthentication: {
        sasl: { iam: true, scram: false },
        unauthenticated: false,
      },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: props.encryptionKey.arn,
        encryptionInTransit: { clientBroker: "TLS", inCluster: true },
      },
      configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: brokerLogs.name } } },
      tags: { ...props.tags },
      lifecycle: { preventDestroy: deletionProtection },
    });
  }

  get arn(): string {
    return this.cluster.arn;
  }

  /** Bootstrap brokers of the SASL/IAM TLS listener. */
  get bootstrapBrokersIam(): string {
    return this.cluster.bootstrapBrokersSaslIam;
  }

  private topicArn(pattern: string): string {
    return `arn:aws:kafka:${this.region}:${this.accountId}:topic/${this.clusterName}/*/${pattern}`;
  }

  private groupArn(pattern: string): string {
    return `arn:aws:kafka:${this.region}:${this.accountId}:group/${this.clusterName}/*/${pattern}`;
  }

  private grantConnect(grantee: Grantable): void {
    grantee.addToPolicy({
      Effect: "Allow",
      Action: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"],
      Resource: this.cluster.arn,
    });
  }

  /**
   * Produce to topics matching `topicPatterns` (e.g. `pay.prod.cdc.*` and a heartbeat topic), creating
   * them if needed, and use Kafka Connect's internal topics and consumer groups under `connectPrefix`.
   */
  grantProduce(grantee: Grantable, topicPatterns: readonly string[], connectPrefix: string): void {
    this.grantConnect(grantee);
    grantee.addToPolicy(
      {
        Effect: "Allow",
        Action: [
          "kafka-cluster:CreateTopic",
          "kafka-cluster:DescribeTopic",
          "kafka-cluster:WriteData",
          "kafka-cluster:DescribeTopicDynamicConfiguration",
        ],
        Resource: [
          ...topicPatterns.map((p) => this.topicArn(p)),
          this.topicArn(`${connectPrefix}*`),
          this.topicArn("__amazon_msk_connect_*"),
        ],
      },
      {
        Effect: "Allow",
        Action: ["kafka-cluster:ReadData"],
        Resource: [this.topicArn(`${connectPrefix}*`), this.topicArn("__amazon_msk_connect_*")],
      },
      {
        Effect: "Allow",
        Action: ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"],
        Resource: [this.groupArn(`${connectPrefix}*`), this.groupArn("__amazon_msk_connect_*"), this.groupArn("connect-*")],
      },
    );
  }

  /** Consume topics matching `topicPattern` with consumer groups under `groupPrefix`. */
  grantConsume(grantee: Grantable, topicPattern: string, groupPrefix: string): void {
    this.grantConnect(grantee);
    grantee.addToPolicy(
      { Effect: "Allow", Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"], Resource: this.topicArn(topicPattern) },
      {
        Effect: "Allow",
        Action: ["kafka-cluster:CreateTopic", "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData", "kafka-cluster:WriteData"],
        Resource: [this.topicArn(`${groupPrefix}*`), this.topicArn("__amazon_msk_connect_*")],
      },
      {
        Effect: "Allow",
        Action: ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"],
        Resource: [this.groupArn(`${groupPrefix}*`), this.groupArn("__amazon_msk_connect_*"), this.groupArn("connect-*")],
      },
    );
  }

  /** Opens the SASL/IAM TLS listener to a workload's security group. */
  allowConnectionsFrom(name: string, client: PrivateSecurityGroup): void {
    connect(name, client, this, `Kafka from ${name}`);
  }
}

import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { Construct } from "constructs";
import { ConnectorPlacementProps, DiagnosticsProps, MskConnectSizing, S3ObjectLocation } from "../common";
import { DEBEZIUM_POSTGRES_CONTRACT, PostgresCdcTable } from "../debezium-connector";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { KafkaCluster } from "../kafka-cluster";
import { WorkloadRole } from "../workload-role";
import { createManagedConnector } from "./msk-connect";
import { PrivateSecurityGroup } from "./security-group";

/** The Kafka topic Debezium writes a table's changes to (`<prefix>.payments.<table>`). */
export function cdcTopic(topicPrefix: string, table: PostgresCdcTable): string {
  return `${topicPrefix}.${DEBEZIUM_POSTGRES_CONTRACT.schema}.${table}`;
}

/** Props every CDC sink connector to a SaaS engine takes. */
export interface SaasCdcSinkProps extends ConnectorPlacementProps {
  readonly kafka: KafkaCluster;
  /** Topic prefix of the Debezium source. */
  readonly topicPrefix: string;
  /** The tables the Debezium source captures (`cdc.tables`), the same list its `table.include.list` is built from. */
  readonly tables: readonly PostgresCdcTable[];
  readonly plugin: S3ObjectLocation;
  readonly sizing: MskConnectSizing;
  readonly diagnostics: DiagnosticsProps;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/** The parts a sink connector needs besides its configuration. */
export interface SaasCdcSinkParts {
  readonly connector: MskconnectConnector;
  readonly role: WorkloadRole;
  readonly securityGroup: PrivateSecurityGroup;
}

/**
 * A sink connector reading CDC topics over IAM + TLS with the raw-zone sink's topic scoping
 * (`<prefix>.*`, its own consumer group prefix), HTTPS egress to AWS endpoints and to the engine,
 * its own role (extended by `grant`) and an encrypted worker log group.
 */
export function createSaasCdcSink(
  scope: Construct,
  props: SaasCdcSinkProps,
  purpose: string,
  description: string,
  grant: (role: WorkloadRole) => void,
  connectorConfiguration: Record<string, string>,
  workerProperties: Record<string, string>,
): SaasCdcSinkParts {
  const { naming } = props;
  const securityGroup = new PrivateSecurityGroup(scope, "sg", {
    name: naming.name("securityGroup", purpose),
    description: `${description} workers: egress to MSK, AWS endpoints and the engine's HTTPS endpoint only`,
    vpcId: props.vpcId,
  });
  securityGroup.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "AWS APIs through interface endpoints");
  securityGroup.allowHttpsEgress("s3", { prefixListId: props.s3PrefixListId }, "S3 through the gateway endpoint");
  props.kafka.allowConnectionsFrom(purpose, securityGroup);

  const role = new WorkloadRole(scope, "role", {
    roleName: naming.name("iamRole", purpose),
    description: `MSK Connect ${description}`,
    assumedBy: ["kafkaconnect.amazonaws.com"],
    accountId: props.accountId,
  });
  props.kafka.grantConsume(role, `${props.topicPrefix}.*`, `${props.topicPrefix}.connect-${purpose}`);
  grant(role);

  const logGroup = new EncryptedLogGroup(scope, "log", {
    name: naming.logGroupPath(`msk-connect/${purpose}`),
    encryptionKey: props.diagnostics.logKey,
    retentionDays: props.diagnostics.retentionDays,
    deletionProtection: props.deletionProtection,
  });

  const connector = createManagedConnector(scope, {
    naming,
    purpose,
    kafka: props.kafka,
    plugin: props.plugin,
    capacity: { mode: "autoscaled", ...props.sizing },
    subnetIds: props.subnetIds,
    securityGroup,
    role,
    logGroup,
    workerProperties,
    connectorConfiguration,
  });
  return { connector, role, securityGroup };
}

/** Worker properties that let a connector read `${secretsmanager:<name>:<key>}` at runtime (values never enter Terraform). */
export function secretsManagerConfigProvider(region: string): Record<string, string> {
  return {
    "config.providers": "secretsmanager",
    "config.providers.secretsmanager.class": "com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider",
    "config.providers.secretsmanager.param.region": region,
  };
}

/** A config-provider reference; `$${` renders as `${` after Terraform interpolation. The name must be a plain string. */
export function secretRef(secretName: string, key: string): string {
  return `$\${secretsmanager:${secretName}:${key}}`;
}

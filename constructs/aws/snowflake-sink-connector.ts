import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { Construct } from "constructs";
import { DataKeys } from "./kms-keys";
import { SaasCdcSinkProps, cdcTopic, createSaasCdcSink, secretRef, secretsManagerConfigProvider } from "./private/cdc-sink";
import { PrivateSecurityGroup } from "./private/security-group";
import { SnowflakePrivateLink } from "./snowflake-private-link";
import { SNOWFLAKE_CDC_SCHEMA, SnowflakeServiceUser, SnowflakeWarehouse } from "./snowflake-warehouse";
import { WorkloadRole } from "./workload-role";

export interface SnowflakeSinkConnectorProps extends SaasCdcSinkProps {
  readonly warehouse: SnowflakeWarehouse;
  /** Holds the `olap` CMK that encrypts the service user's key secret. */
  readonly keys: DataKeys;
  /** Reach Snowflake through this endpoint instead of the NAT gateway. @default - HTTPS egress through NAT */
  readonly privateLink?: SnowflakePrivateLink;
  /** Service user the connector signs in as. @default "KAFKA_LOADER_SVC" */
  readonly serviceUser?: SnowflakeServiceUser;
}

/**
 * MSK Connect Snowflake Kafka connector: every CDC topic of the Debezium source into RAW.CDC (one table per
 * source table, Snowpipe Streaming), signed in as the LOADER service user with its private key read at runtime
 * from Secrets Manager through the config provider, over HTTPS through the PrivateLink endpoint when the
 * environment has one, else through the NAT gateway (the account's network policy admits only the platform).
 */
export class SnowflakeSinkConnector extends Construct {
  readonly connector: MskconnectConnector;
  readonly role: WorkloadRole;
  readonly securityGroup: PrivateSecurityGroup;
  /** Topics read, in `cdc.tables` order. */
  readonly topics: readonly string[];

  constructor(scope: Construct, id: string, props: SnowflakeSinkConnectorProps) {
    super(scope, id);
    const user = props.serviceUser ?? "KAFKA_LOADER_SVC";
    const secret = props.warehouse.keySecrets[user];
    const secretName = props.warehouse.keySecretNames[user];
    this.topics = props.tables.map((t) => cdcTopic(props.topicPrefix, t));
    const parts = createSaasCdcSink(
      this,
      props,
      "cdc-snowflake",
      "Snowflake Kafka connector (CDC into RAW.CDC)",
      (role) => {
        role.addToPolicy({
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
          Resource: secret.arn,
        });
        props.keys.grantDecrypt("olap", role);
      },
      {
        "connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector",
        // No tasks.max: autoscaled capacity sets it to workers x MCUs x 2.
        topics: this.topics.join(","),
        "snowflake.topic2table.map": props.tables.map((t) => `${cdcTopic(props.topicPrefix, t)}:${t.toUpperCase()}`).join(","),
        "snowflake.url.name": `${props.warehouse.endpointAddress}:443`,
        "snowflake.user.name": user,
        "snowflake.private.key": secretRef(secretName, "private_key"),
        "snowflake.role.name": "LOADER",
        "snowflake.database.name": SNOWFLAKE_CDC_SCHEMA.database,
        "snowflake.schema.name": SNOWFLAKE_CDC_SCHEMA.schema,
        "snowflake.ingestion.method": "SNOWPIPE_STREAMING",
        "snowflake.enable.schematization": "true",
        "buffer.flush.time": "10",
        "buffer.count.records": "10000",
        "buffer.size.bytes": "20000000",
        "errors.tolerance": "none",
        "behavior.on.null.values": "IGNORE",
      },
      secretsManagerConfigProvider(props.region),
    );
    if (props.privateLink) {
      props.privateLink.allowConnectionsFrom("cdc-snowflake", parts.securityGroup);
    } else {
      // The public endpoint: the account's network policy admits only the NAT IPs.
      parts.securityGroup.allowHttpsEgress("snowflake", { cidr: "0.0.0.0/0" }, "Snowflake account over HTTPS via the NAT gateway");
    }
    this.connector = parts.connector;
    this.role = parts.role;
    this.securityGroup = parts.securityGroup;
  }
}

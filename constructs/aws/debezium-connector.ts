import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { Construct } from "constructs";
import { Rule, assertRules, oneOf } from "../shared/rules";
import { AuroraPostgres } from "./aurora-postgres";
import { ConnectorPlacementProps, DiagnosticsProps, MskConnectSizing, S3ObjectLocation } from "./common";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { KafkaCluster } from "./kafka-cluster";
import { DataKeys } from "./kms-keys";
import { CDC_GRANTS_FILE, columnIncludeList, readCdcGrants } from "./postgres-cdc-grants";
import { createManagedConnector } from "./private/msk-connect";
import { PrivateSecurityGroup } from "./private/security-group";
import { PostgresSecretRotation } from "./secret-rotation";
import { WorkloadRole } from "./workload-role";

/** The OLTP tables of `sql/postgres/` (schema `payments`) that Debezium captures. */
export const POSTGRES_CDC_TABLES = [
  "country",
  "currency",
  "merchant",
  "customer",
  "payment_method",
  "payment",
  "refund",
  "dispute",
  "payout",
] as const;
export type PostgresCdcTable = (typeof POSTGRES_CDC_TABLES)[number];

/** Names the PostgreSQL side defines (sql/postgres/, owned by the OLTP engineer). */
export const DEBEZIUM_POSTGRES_CONTRACT = {
  publication: "debezium_publication",
  pluginName: "pgoutput",
  replicationUser: "debezium",
  schema: "payments",
  /** Debezium's default `topic.heartbeat.prefix`; the heartbeat topic is `<prefix>.<topic.prefix>`. */
  heartbeatTopicPrefix: "__debezium-heartbeat",
} as const;

/** The replication slot of an environment: one per connector, named after its topic prefix. */
export function debeziumSlotName(topicPrefix: string): string {
  return `debezium_${topicPrefix.replace(/[^a-z0-9]/g, "_")}`;
}

/**
 * The rules of the props an environment gives (`cdc.tables`): tables of schema `payments`, each once,
 * each one the replication role may SELECT (sql/postgres/003_cdc_publication.sql), since the initial
 * snapshot reads them as that role.
 */
export function debeziumConnectorRules(p: { readonly tables: readonly string[] }): Rule[] {
  const c = DEBEZIUM_POSTGRES_CONTRACT;
  const grants = readCdcGrants(c.replicationUser, c.schema);
  return [
    { ok: p.tables.length > 0, field: "tables", value: p.tables, allowed: `at least one table of schema ${c.schema}` },
    ...p.tables.flatMap((t, i) => {
      const field = `tables[${i}]`;
      const known = oneOf(t, POSTGRES_CDC_TABLES as readonly string[], field);
      return [
        known,
        { ok: p.tables.indexOf(t) === i, field, value: t, allowed: "a table listed once" },
        {
          ok: !known.ok || grants.has(t),
          field,
          value: t,
          allowed: `a table the ${c.replicationUser} role may SELECT (${CDC_GRANTS_FILE}): ${[...grants.keys()].join(", ")}, or grant SELECT there first`,
        },
      ];
    }),
  ];
}

export interface DebeziumConnectorProps extends ConnectorPlacementProps {
  readonly source: AuroraPostgres;
  readonly kafka: KafkaCluster;
  readonly keys: DataKeys;
  /** Debezium PostgreSQL plugin ZIP (environment file `cdc.debeziumPlugin`). */
  readonly plugin: S3ObjectLocation;
  readonly tables: readonly PostgresCdcTable[];
  readonly sizing: MskConnectSizing;
  readonly diagnostics: DiagnosticsProps;
  /** Topic prefix; topics are `<prefix>.payments.<table>`. */
  readonly topicPrefix: string;
  /** Days between rotations of the `debezium` password. @default 30 */
  readonly secretRotationDays?: number;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * MSK Connect Debezium PostgreSQL source: reads the `debezium_publication` through a pgoutput slot
 * over TLS (`sslmode=require`), signs in as `debezium` with a password read at runtime from Secrets
 * Manager through the MSK config provider (the value never enters Terraform), and produces to
 * `<prefix>.payments.<table>` topics with RF 3 over IAM + TLS. Runs as its own least-privilege role.
 *
 * The captured tables and columns come from the role's grants in sql/postgres/003_cdc_publication.sql
 * (`column.include.list`): the initial snapshot SELECTs only what `debezium` may read. One task on
 * one provisioned worker (a PostgreSQL connector reads one slot). The password rotates through
 * Secrets Manager (`PostgresSecretRotation`).
 */
export class DebeziumConnector extends Construct {
  readonly connector: MskconnectConnector;
  readonly role: WorkloadRole;
  readonly securityGroup: PrivateSecurityGroup;
  /**
   * Holds `{ "engine": "postgres", "host", "port", "dbname", "username": "debezium", "password" }` (the
   * fields the rotation function reads); the first value is set by the DBA, never by Terraform.
   */
  readonly credentials: SecretsmanagerSecret;
  readonly topicRegex: string;
  /** Every topic the connector writes: one per captured table, and the heartbeat topic. */
  readonly topics: { readonly data: readonly string[]; readonly heartbeat: string };
  readonly rotation: PostgresSecretRotation;

  constructor(scope: Construct, id: string, props: DebeziumConnectorProps) {
    super(scope, id);
    const { naming } = props;
    const c = DEBEZIUM_POSTGRES_CONTRACT;
    this.topicRegex = `${props.topicPrefix.replace(/\./g, "\\.")}\\.${c.schema}\\..*`;
    assertRules(`DebeziumConnector ${this.node.path}`, debeziumConnectorRules(props));
    const grants = readCdcGrants(c.replicationUser, c.schema);
    this.topics = {
      data: props.tables.map((t) => `${props.topicPrefix}.${c.schema}.${t}`),
      heartbeat: `${c.heartbeatTopicPrefix}.${props.topicPrefix}`,
    };

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "cdc-source"),
      description: "Debezium source workers: egress to Aurora, MSK and AWS endpoints only",
      vpcId: props.vpcId,
    });
    this.securityGroup.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "AWS APIs through interface endpoints");
    this.securityGroup.allowHttpsEgress("s3", { prefixListId: props.s3PrefixListId }, "S3 through the gateway endpoint");
    props.source.allowConnectionsFrom("cdc-source", this.securityGroup);
    props.kafka.allowConnectionsFrom("cdc-source", this.securityGroup);

    const secretName = `${naming.name("secret", "cdc")}/debezium`;
    this.credentials = new SecretsmanagerSecret(this, "credentials", {
      name: secretName,
      description: "PostgreSQL replication user `debezium` used by the Debezium connector (value set out of band)",
      kmsKeyId: props.keys.key("oltp").arn,
      recoveryWindowInDays: 30,
    });

    this.role = new WorkloadRole(this, "role", {
      roleName: naming.name("iamRole", "cdc-source"),
      description: "MSK Connect Debezium PostgreSQL source connector",
      assumedBy: ["kafkaconnect.amazonaws.com"],
      accountId: props.accountId,
    });
    props.kafka.grantProduce(this.role, [`${props.topicPrefix}.*`, this.topics.heartbeat], `${props.topicPrefix}.connect-source`);
    this.role.addToPolicy({
      Effect: "Allow",
      Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      Resource: this.credentials.arn,
    });
    props.keys.grantDecrypt("oltp", this.role);

    this.rotation = new PostgresSecretRotation(this, "rotation", {
      naming,
      region: props.region,
      purpose: "cdc",
      secret: this.credentials,
      secretKeyArn: props.keys.key("oltp").arn,
      database: props.source,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      vpcCidr: props.vpcCidr,
      rotationDays: props.secretRotationDays,
    });

    const logGroup = new EncryptedLogGroup(this, "log", {
      name: naming.logGroupPath("msk-connect/cdc-source"),
      encryptionKey: props.diagnostics.logKey,
      retentionDays: props.diagnostics.retentionDays,
      deletionProtection: props.deletionProtection,
    });

    // `$${...}` renders as `${...}` after Terraform interpolation: a config-provider reference resolved
    // by the MSK Connect worker at runtime, not a secret value. The secret is referenced by its (plain)
    // name: a token inside an escaped `$${...}` would not be interpolated.
    const secretRef = (field: string) => `$\${secretsmanager:${secretName}:${field}}`;
    this.connector = createManagedConnector(this, {
      naming,
      purpose: "cdc-source",
      kafka: props.kafka,
      plugin: props.plugin,
      // One task on one worker: autoscaling would override tasks.max, and the connector reads one slot.
      capacity: { mode: "provisioned", mcuCount: props.sizing.mcuCount, workerCount: 1 },
      subnetIds: props.subnetIds,
      securityGroup: this.securityGroup,
      role: this.role,
      logGroup,
      workerProperties: {
        "config.providers": "secretsmanager",
        "config.providers.secretsmanager.class": "com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider",
        "config.providers.secretsmanager.param.region": props.region,
        // A worker property: Connect creates the data and heartbeat topics (the cluster's auto-creation is off).
        "topic.creation.enable": "true",
      },
      connectorConfiguration: {
        "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
        "tasks.max": "1",
        "database.hostname": props.source.endpoint,
        "database.port": String(props.source.port),
        "database.dbname": "payments",
        "database.user": secretRef("username"),
        "database.password": secretRef("password"),
        "database.sslmode": "require",
        "plugin.name": c.pluginName,
        "publication.name": c.publication,
        "publication.autocreate.mode": "disabled",
        "slot.name": debeziumSlotName(props.topicPrefix),
        "schema.include.list": c.schema,
        "table.include.list": props.tables.map((t) => `${c.schema}.${t}`).join(","),
        "column.include.list": columnIncludeList(c.schema, props.tables, grants).join(","),
        "topic.prefix": props.topicPrefix,
        "snapshot.mode": "initial",
        "decimal.handling.mode": "string",
        "heartbeat.interval.ms": "60000",
        "topic.heartbeat.prefix": c.heartbeatTopicPrefix,
        "tombstones.on.delete": "false",
        "topic.creation.default.replication.factor": "3",
        "topic.creation.default.partitions": "6",
        "topic.creation.default.cleanup.policy": "delete",
        "topic.creation.default.retention.ms": "604800000",
      },
    });
  }
}

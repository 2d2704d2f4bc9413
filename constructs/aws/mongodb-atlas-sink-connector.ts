import { MskconnectConnector } from "@cdktf/provider-aws/lib/mskconnect-connector";
import { Construct } from "constructs";
import { Rule, assertRules } from "../shared/rules";
import { PostgresCdcTable } from "./debezium-connector";
import { ATLAS_DATABASE, MongoAtlasCluster } from "./mongodb-atlas-cluster";
import { SaasCdcSinkProps, cdcTopic, createSaasCdcSink } from "./private/cdc-sink";
import { PrivateSecurityGroup } from "./private/security-group";
import { WorkloadRole } from "./workload-role";

/**
 * Source tables the Atlas sink writes, and their collection. One table per collection: the Debezium
 * PostgreSQL handler keys documents by the row's primary key, so two tables in one collection would collide.
 */
export const ATLAS_CDC_COLLECTIONS: Partial<Record<PostgresCdcTable, string>> = { payment: "transactions" };

export interface MongoAtlasSinkConnectorProps extends SaasCdcSinkProps {
  readonly cluster: MongoAtlasCluster;
}

/**
 * MSK Connect MongoDB Kafka sink: the `payment` CDC topic into `payments.transactions` through the
 * Atlas private endpoint, upserting by primary key with the Debezium PostgreSQL handler, authenticated as
 * its own IAM role (MONGODB-AWS: no password anywhere) that holds only `transactions_write`.
 */
/** The rules of the props an environment gives (`cdc.tables`): at least one table the sink maps to a collection. */
export function mongoAtlasSinkRules(p: Pick<MongoAtlasSinkConnectorProps, "tables">): Rule[] {
  const mapped = Object.entries(ATLAS_CDC_COLLECTIONS).map(([table, collection]) => `"${table}" (into ${collection})`);
  return [
    {
      ok: p.tables.some((t) => ATLAS_CDC_COLLECTIONS[t] !== undefined),
      field: "tables",
      value: p.tables,
      allowed: `a list including ${mapped.join(" or ")}: the Atlas sink writes only mapped tables`,
    },
  ];
}

export class MongoAtlasSinkConnector extends Construct {
  readonly connector: MskconnectConnector;
  readonly role: WorkloadRole;
  readonly securityGroup: PrivateSecurityGroup;
  /** Topics read. */
  readonly topics: readonly string[];

  constructor(scope: Construct, id: string, props: MongoAtlasSinkConnectorProps) {
    super(scope, id);
    assertRules(`MongoAtlasSinkConnector ${this.node.path}`, mongoAtlasSinkRules(props));
    const mapped = props.tables.filter((t) => ATLAS_CDC_COLLECTIONS[t] !== undefined);
    this.topics = mapped.map((t) => cdcTopic(props.topicPrefix, t));
    const collections = [...new Set(mapped.map((t) => ATLAS_CDC_COLLECTIONS[t] as string))];
    const overrides = Object.fromEntries(
      mapped.map((t) => [`topic.override.${cdcTopic(props.topicPrefix, t)}.collection`, ATLAS_CDC_COLLECTIONS[t] as string]),
    );
    const parts = createSaasCdcSink(
      this,
      props,
      "cdc-atlas",
      "MongoDB Kafka sink (CDC into Atlas)",
      () => undefined,
      {
        "connector.class": "com.mongodb.kafka.connect.MongoSinkConnector",
        // No tasks.max: autoscaled capacity sets it to workers x MCUs x 2.
        topics: this.topics.join(","),
        // The worker's execution role is the database user: MONGODB-AWS reads its credentials from the task.
        "connection.uri": `${props.cluster.endpointAddress}/?authSource=%24external&authMechanism=MONGODB-AWS&tls=true&retryWrites=true&w=majority`,
        database: ATLAS_DATABASE,
        collection: collections[0],
        ...overrides,
        "change.data.capture.handler": "com.mongodb.kafka.connect.sink.cdc.debezium.rdbms.postgres.PostgresHandler",
        "errors.tolerance": "none",
        "max.num.retries": "5",
      },
      {},
    );
    props.cluster.grantIamRole("cdc-atlas", parts.role, { write: collections }, parts.securityGroup);
    this.connector = parts.connector;
    this.role = parts.role;
    this.securityGroup = parts.securityGroup;
  }
}

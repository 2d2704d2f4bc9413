/**
 * What the rest of the platform needs from the analytics warehouse and the document store,
 * independent of the engine. Today: Redshift Serverless and DocumentDB. Later options the brief
 * names (Snowflake, MongoDB Atlas) implement the same contracts from their own providers, so the
 * ETL, CDC and alarm constructs do not change when the engine does.
 */

export const WAREHOUSE_ENGINES = ["redshift-serverless", "snowflake"] as const;
export type WarehouseEngine = (typeof WAREHOUSE_ENGINES)[number];

/** The OLAP star-schema warehouse. */
export interface AnalyticsWarehouse {
  readonly engine: WarehouseEngine;
  /** Host clients connect to over TLS. */
  readonly endpointAddress: string;
  readonly port: number;
  /** Database holding the star schema (DDL in sql/redshift/ for Redshift). */
  readonly databaseName: string;
  /** Repository folder with the star-schema DDL the deployment pipeline applies. */
  readonly ddlDirectory: string;
}

export const DOCUMENT_STORE_ENGINES = ["documentdb", "mongodb-atlas"] as const;
export type DocumentStoreEngine = (typeof DOCUMENT_STORE_ENGINES)[number];

/** One collection of the document store and the indexes its queries need. */
export interface DocumentCollectionSpec {
  /** What is stored and who reads it. */
  readonly purpose: string;
  readonly indexes: readonly {
    readonly name: string;
    /** Key pattern in MongoDB order, e.g. `{ merchantId: 1, createdAt: -1 }`. */
    readonly keys: Readonly<Record<string, 1 | -1>>;
    readonly unique?: boolean;
    /** TTL in seconds (expires documents). */
    readonly expireAfterSeconds?: number;
  }[];
}

/** The NoSQL store (MongoDB API). */
export interface DocumentStore {
  readonly engine: DocumentStoreEngine;
  readonly endpointAddress: string;
  readonly port: number;
  /**
   * Collections and indexes the store must have, keyed by collection name. Terraform cannot create them
   * (no provider resource for DocumentDB collections) and this repository ships no job that does: they are
   * published as a stack output for whoever creates them after the first deploy (docs/aws.md).
   */
  readonly collections: Readonly<Record<string, DocumentCollectionSpec>>;
}

/**
 * The collections of the brief's NoSQL store: transactions, error logs and ML features.
 * Documented in docs/aws.md. Nothing in this repository creates them (DocumentDB has no Terraform
 * resource for collections): the DocumentStore construct publishes them as JSON in its
 * `document-collections` output (synthesized as `nosql_document-collections_<hash>`).
 */
export const PAYMENT_DOCUMENT_COLLECTIONS: Readonly<Record<string, DocumentCollectionSpec>> = {
  transactions: {
    purpose:
      "Denormalised payment events (payment + refunds + disputes) for fraud scoring and customer timelines; fed from the CDC topics.",
    indexes: [
      { name: "payment_id_unique", keys: { paymentId: 1 }, unique: true },
      { name: "merchant_created", keys: { merchantId: 1, createdAt: -1 } },
      { name: "customer_created", keys: { customerId: 1, createdAt: -1 } },
      { name: "status_created", keys: { status: 1, createdAt: -1 } },
    ],
  },
  error_logs: {
    purpose: "Structured application and pipeline errors (service, severity, correlation id), kept 90 days online.",
    indexes: [
      { name: "service_severity_time", keys: { service: 1, severity: 1, occurredAt: -1 } },
      { name: "correlation_id", keys: { correlationId: 1 } },
      { name: "ttl_90_days", keys: { occurredAt: 1 }, expireAfterSeconds: 90 * 24 * 3600 },
    ],
  },
  ml_features: {
    purpose: "Feature vectors per entity and feature-set version for fraud detection and personalisation training/serving.",
    indexes: [
      { name: "entity_featureset_unique", keys: { entityType: 1, entityId: 1, featureSet: 1, version: 1 }, unique: true },
      { name: "featureset_computed", keys: { featureSet: 1, computedAt: -1 } },
    ],
  },
};

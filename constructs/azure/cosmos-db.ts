import { CosmosdbAccount } from "@cdktf/provider-azurerm/lib/cosmosdb-account";
import { CosmosdbSqlContainer } from "@cdktf/provider-azurerm/lib/cosmosdb-sql-container";
import { CosmosdbSqlDatabase } from "@cdktf/provider-azurerm/lib/cosmosdb-sql-database";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { AzureDataStoreProps } from "./common";
import { AzureLocation, secondaryLocationRule, zonalRule } from "./locations";
import { DiagnosticSettings } from "./diagnostic-settings";
import { PrivateEndpoint } from "./private-endpoint";
import { preventDestroy } from "../shared/lifecycle";
import { Rule, assertRules, oneOf } from "../shared/rules";

/** One container of the NoSQL store. */
export interface CosmosContainerSpec {
  /**
   * Partition key paths. One path is a classic key; two or three make a hierarchical key
   * (MultiHash), which lifts the 20 GB logical-partition limit of a large tenant.
   */
  readonly partitionKeyPaths: readonly string[];
  /** Default time to live of items in seconds; -1 means items live until deleted (or their own `ttl`). */
  readonly defaultTtlSeconds: number;
  /**
   * Keep a column-store copy for Synapse Link, for this many seconds (-1: forever).
   * @default - no analytical store
   */
  readonly analyticalTtlSeconds?: number;
  /**
   * Paths left out of the index (large payloads nobody filters on) to save write RUs.
   * @default - everything indexed
   */
  readonly excludedIndexPaths?: readonly string[];
}

/**
 * The brief's four containers. Partition keys and TTLs follow their access patterns
 * (docs/azure-data-stores.md explains each choice).
 */
export const PAYMENTS_COSMOS_CONTAINERS = {
  // Written on every API call, read per merchant (dashboards, support) and streamed to Synapse
  // (Fact_API_Performance). merchantId + requestId spreads a large merchant's writes across physical
  // partitions while queries by merchant stay targeted to the key prefix.
  api_logs: {
    partitionKeyPaths: ["/merchantId", "/requestId"],
    defaultTtlSeconds: 30 * 86400,
    analyticalTtlSeconds: 400 * 86400,
    excludedIndexPaths: ["/requestBody/*", "/responseBody/*"],
  },
  // Dashboard sessions: point reads by session id. PCI DSS 8.2.8 re-authentication after 15 idle
  // minutes is the TTL itself: every request rewrites the item, which restarts its TTL.
  sessions: {
    partitionKeyPaths: ["/sessionId"],
    defaultTtlSeconds: 15 * 60,
  },
  // Features read in the payment path by entity (card fingerprint, customer, merchant) with a point
  // read (< 10 ms P99). Recomputed continuously; stale features age out after 90 days. Synapse reads
  // them for model training and fraud analytics.
  fraud_features: {
    partitionKeyPaths: ["/entityId"],
    defaultTtlSeconds: 90 * 86400,
    analyticalTtlSeconds: 730 * 86400,
  },
  // Webhook deliveries and retries, listed per merchant and looked up by event id; kept 30 days like
  // the public API's event retention. Synapse reads delivery latency and failure rates.
  webhook_events: {
    partitionKeyPaths: ["/merchantId", "/eventId"],
    defaultTtlSeconds: 30 * 86400,
    analyticalTtlSeconds: 400 * 86400,
    excludedIndexPaths: ["/payload/*"],
  },
} as const satisfies Record<string, CosmosContainerSpec>;

export type CosmosConsistencyLevel = "Strong" | "BoundedStaleness" | "Session" | "ConsistentPrefix" | "Eventual";

export const COSMOS_CONTINUOUS_BACKUP_TIERS = ["Continuous7Days", "Continuous30Days"] as const;

export interface CosmosDbProps extends AzureDataStoreProps {
  /**
   * Read region with automatic failover (priority 1). Presence makes the account multi-region.
   * @default - single region
   */
  readonly secondaryLocation?: AzureLocation;
  /** Zone redundancy in every region. */
  readonly zoneRedundant: boolean;
  /** Autoscale maximum RU/s of the database's shared throughput (multiple of 1000, >= 1000). */
  readonly autoscaleMaxThroughput: number;
  /**
   * Point-in-time restore window of continuous backup.
   * @default "Continuous7Days"
   */
  readonly continuousBackupTier?: (typeof COSMOS_CONTINUOUS_BACKUP_TIERS)[number];
  /**
   * Default consistency. Session gives read-your-writes to the writer (the payment path reads the
   * features and sessions it just wrote) at the cost of eventual reads elsewhere; Strong would double
   * read RUs and cannot span distant regions.
   * @default "Session"
   */
  readonly consistencyLevel?: CosmosConsistencyLevel;
  /**
   * Name of the SQL database.
   * @default "payments"
   */
  readonly databaseName?: string;
  /**
   * Containers by name (the name is part of the state contract).
   * @default PAYMENTS_COSMOS_CONTAINERS
   */
  readonly containers?: Readonly<Record<string, CosmosContainerSpec>>;
}

/**
 * The account props `cosmosAccountRules` reads. The environment validator passes its `sizing.cosmos`
 * values (and `secondaryLocation` when `multiRegion` is on, as the stack does).
 */
export type CosmosAccountRuleInput = Pick<
  CosmosDbProps,
  "location" | "secondaryLocation" | "zoneRedundant" | "autoscaleMaxThroughput" | "continuousBackupTier"
>;

/** The account's rules, as rows (`ok` = passes): throughput, backup tier and regions. */
export function cosmosAccountRules(props: CosmosAccountRuleInput): Rule[] {
  const t = props.autoscaleMaxThroughput;
  return [
    {
      ok: Number.isInteger(t) && t >= 1000 && t <= 1_000_000 && t % 1000 === 0,
      field: "autoscaleMaxThroughput",
      value: t,
      allowed: "a multiple of 1000 from 1000 to 1000000 RU/s",
    },
    oneOf(props.continuousBackupTier ?? "Continuous7Days", COSMOS_CONTINUOUS_BACKUP_TIERS, "continuousBackupTier"),
    secondaryLocationRule(props.location, props.secondaryLocation),
    zonalRule(
      props.zoneRedundant,
      { field: "location", value: props.location },
      { field: "zoneRedundant", value: props.zoneRedundant, otherwise: "false" },
    ),
    zonalRule(
      props.zoneRedundant,
      { field: "secondaryLocation", value: props.secondaryLocation },
      { field: "zoneRedundant", value: props.zoneRedundant, otherwise: "false" },
    ),
  ];
}

/** Every rule of the construct's props, as rows (`ok` = passes): the account's and the containers'. */
export function cosmosDbRules(props: CosmosAccountRuleInput & Pick<CosmosDbProps, "containers">): Rule[] {
  const containers: Readonly<Record<string, CosmosContainerSpec>> = props.containers ?? PAYMENTS_COSMOS_CONTAINERS;
  const names = Object.keys(containers);
  return [
    ...cosmosAccountRules(props),
    {
      ok: names.length > 0 && names.length <= 25,
      field: "containers",
      value: names,
      allowed: "1 to 25 containers (a shared-throughput database holds at most 25)",
    },
    // ARM resource ids are case-insensitive: `api_logs` and `API_Logs` would be one container to Azure,
    // two resources to Terraform (the second create fails with "already exists").
    ...names.map((name, i) => ({
      ok: names.findIndex((n) => n.toLowerCase() === name.toLowerCase()) === i,
      field: "containers",
      value: name,
      allowed: `names that differ in more than case (${JSON.stringify(names.find((n) => n.toLowerCase() === name.toLowerCase()))} is already one)`,
    })),
    ...Object.entries(containers).flatMap(([name, c]) => containerRules(name, c)),
  ];
}

/** One container: its name, partition key, index exclusions and TTLs. */
function containerRules(name: string, c: CosmosContainerSpec): Rule[] {
  const excluded = c.excludedIndexPaths ?? [];
  const at = (field: string) => `containers.${name}.${field}`;
  return [
    // Cosmos DB resource ids: 1-255 characters, none of / \ # ?, no trailing space.
    {
      ok: /^[^/\\#?]{1,255}$/.test(name) && !name.endsWith(" "),
      field: "containers",
      value: name,
      allowed: "container names of 1-255 characters without / \\ # ? or a trailing space",
    },
    {
      ok:
        c.partitionKeyPaths.length >= 1 && c.partitionKeyPaths.length <= 3 && c.partitionKeyPaths.every((p) => /^\/[A-Za-z0-9_]+$/.test(p)),
      field: at("partitionKeyPaths"),
      value: c.partitionKeyPaths,
      allowed: '1 to 3 top-level paths such as "/merchantId"',
    },
    {
      ok: new Set(c.partitionKeyPaths).size === c.partitionKeyPaths.length,
      field: at("partitionKeyPaths"),
      value: c.partitionKeyPaths,
      allowed: "each path of a hierarchical key once",
    },
    {
      ok: new Set(excluded).size === excluded.length && excluded.every((p) => /^\/\S*(\/\*|\/\?)$/.test(p)),
      field: at("excludedIndexPaths"),
      value: excluded,
      allowed: 'distinct paths ending in /* or /? such as "/payload/*"',
    },
    {
      ok:
        c.defaultTtlSeconds === -1 ||
        (Number.isInteger(c.defaultTtlSeconds) && c.defaultTtlSeconds >= 1 && c.defaultTtlSeconds <= 2147483647),
      field: at("defaultTtlSeconds"),
      value: c.defaultTtlSeconds,
      allowed: "-1 or 1 to 2147483647 seconds",
    },
    ...(c.analyticalTtlSeconds === undefined
      ? []
      : [
          {
            ok: c.analyticalTtlSeconds === -1 || (Number.isInteger(c.analyticalTtlSeconds) && c.analyticalTtlSeconds >= 1),
            field: at("analyticalTtlSeconds"),
            value: c.analyticalTtlSeconds,
            allowed: "-1 or a positive number of seconds",
          },
        ]),
  ];
}

/**
 * The NoSQL store: a Cosmos DB for NoSQL account with one database and the brief's containers.
 *
 * Secure by default: key (local) authentication disabled (Entra ID data-plane RBAC only), no public
 * network access (private endpoint + DNS; Azure services do not bypass), TLS 1.2, customer-managed
 * key through the `cosmos` identity, continuous backup, diagnostics to Log Analytics, account-level
 * throughput cap equal to the autoscale maximum. Analytical store (Synapse Link) on the containers the
 * OLAP side reads; change feed is always on in Cosmos DB (latest-version mode needs no setting).
 */
export class CosmosDb extends Construct {
  readonly account: CosmosdbAccount;
  readonly database: CosmosdbSqlDatabase;
  readonly containers: Readonly<Record<string, CosmosdbSqlContainer>>;
  readonly accountId: string;
  readonly accountName: string;
  /** `https://<account>.documents.azure.com:443/`. */
  readonly endpoint: string;
  readonly databaseName: string;
  readonly containerNames: readonly string[];

  constructor(scope: Construct, id: string, props: CosmosDbProps) {
    super(scope, id);
    assertRules(`CosmosDb ${this.node.path}`, cosmosDbRules(props));
    const protect = props.deletionProtection ?? true;
    const specs: Readonly<Record<string, CosmosContainerSpec>> = props.containers ?? PAYMENTS_COSMOS_CONTAINERS;
    const analytical = Object.values(specs).some((c) => c.analyticalTtlSeconds !== undefined);
    const regions = [props.location, ...(props.secondaryLocation ? [props.secondaryLocation] : [])];

    this.account = new CosmosdbAccount(this, "account", {
      name: props.naming.name("cosmosAccount"),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      offerType: "Standard",
      kind: "GlobalDocumentDB",
      consistencyPolicy: { consistencyLevel: props.consistencyLevel ?? "Session" },
      geoLocation: regions.map((location, failoverPriority) => ({
        location,
        failoverPriority,
        zoneRedundant: props.zoneRedundant,
      })),
      automaticFailoverEnabled: regions.length > 1,
      multipleWriteLocationsEnabled: false,
      localAuthenticationDisabled: true,
      accessKeyMetadataWritesEnabled: false,
      publicNetworkAccessEnabled: false,
      networkAclBypassForAzureServices: false,
      minimalTlsVersion: "Tls12",
      identity: { type: "UserAssigned", identityIds: [props.identity.id] },
      keyVaultKeyId: props.encryptionKey.versionlessId,
      defaultIdentityType: Fn.join("=", ["UserAssignedIdentity", props.identity.id]),
      backup: { type: "Continuous", tier: props.continuousBackupTier ?? "Continuous7Days" },
      analyticalStorageEnabled: analytical,
      analyticalStorage: analytical ? { schemaType: "WellDefined" } : undefined,
      capacity: { totalThroughputLimit: props.autoscaleMaxThroughput },
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: [...props.identity.keyAccessReady],
    });
    preventDestroy(protect, this.account);
    this.accountId = this.account.id;
    this.accountName = this.account.name;
    this.endpoint = this.account.endpoint;

    new PrivateEndpoint(this, "private-endpoint", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "cosmosSql",
      targetResourceId: this.account.id,
      qualifier: "cosmos",
    });
    new DiagnosticSettings(this, "diagnostics", { diagnostics: props.diagnostics, targetResourceId: this.account.id });

    this.databaseName = props.databaseName ?? "payments";
    this.database = new CosmosdbSqlDatabase(this, "database", {
      name: this.databaseName,
      resourceGroupName: props.resourceGroupName,
      accountName: this.account.name,
      autoscaleSettings: { maxThroughput: props.autoscaleMaxThroughput },
    });
    preventDestroy(protect, this.database);

    const containers: Record<string, CosmosdbSqlContainer> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const hierarchical = spec.partitionKeyPaths.length > 1;
      containers[name] = new CosmosdbSqlContainer(this, `container-${name}`, {
        name,
        resourceGroupName: props.resourceGroupName,
        accountName: this.account.name,
        databaseName: this.database.name,
        partitionKeyPaths: [...spec.partitionKeyPaths],
        partitionKeyKind: hierarchical ? "MultiHash" : "Hash",
        partitionKeyVersion: 2,
        defaultTtl: spec.defaultTtlSeconds,
        analyticalStorageTtl: spec.analyticalTtlSeconds,
        indexingPolicy: {
          indexingMode: "consistent",
          includedPath: [{ path: "/*" }],
          excludedPath: [{ path: '/"_etag"/?' }, ...(spec.excludedIndexPaths ?? []).map((path) => ({ path }))],
        },
      });
    }
    this.containers = containers;
    this.containerNames = Object.keys(specs);
  }
}

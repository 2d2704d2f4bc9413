/**
 * Checks of the engine choice (`warehouse`, `documentStore`) and the inputs the brief's engines need
 * (Snowflake account, Atlas organization). The blocks are checked with their constructs' rules; this file
 * adds which block each choice requires, what prod requires, and what spans the environment (region,
 * network, orchestration). Called by `validateAwsEnvironment`; same issue format.
 */
import {
  AWS_DOCUMENT_STORES,
  AWS_WAREHOUSES,
  AwsEnvironment,
  MongoAtlasConfig,
  SnowflakeConfig,
  SnowflakeWarehouseSizing,
  S3ObjectLocation,
  regionOf,
} from "./aws-types";
import { pluginLocationRules } from "../constructs/aws/common";
import { mongoAtlasConfigRules } from "../constructs/aws/mongodb-atlas-cluster";
import { mongoAtlasSinkRules } from "../constructs/aws/mongodb-atlas-sink-connector";
import { snowflakeConfigRules } from "../constructs/aws/snowflake-warehouse";
import { IssueCollector } from "./checks";
import { bool, list, num, object, optional, text } from "./shape";

const SNOWFLAKE_WAREHOUSE_SHAPE = object<SnowflakeWarehouseSizing>({ size: text, autoSuspendSeconds: num, maxClusterCount: num });

/** The runtime shape of `snowflake` (the compiler keeps it complete). */
export const SNOWFLAKE_SHAPE = object<SnowflakeConfig>({
  organizationName: text,
  accountName: text,
  region: text,
  edition: text,
  warehouses: object<SnowflakeConfig["warehouses"]>({
    loading: SNOWFLAKE_WAREHOUSE_SHAPE,
    transformation: SNOWFLAKE_WAREHOUSE_SHAPE,
    bi: SNOWFLAKE_WAREHOUSE_SHAPE,
  }),
  monthlyCreditQuota: num,
  timeTravelDays: num,
  allowedClientCidrs: list(text),
  sso: object<SnowflakeConfig["sso"]>({ provider: text, issuer: text, ssoUrl: text, x509Certificate: text }),
  privateLink: optional(bool),
  replication: optional(object<NonNullable<SnowflakeConfig["replication"]>>({ secondaryAccount: text, intervalMinutes: num })),
});

type AtlasSso = NonNullable<MongoAtlasConfig["sso"]>;

/** The runtime shape of `mongodbAtlas` (the compiler keeps it complete). */
export const MONGODB_ATLAS_SHAPE = object<MongoAtlasConfig>({
  orgId: text,
  apiKeySecretName: text,
  secretReaderRoleArn: text,
  instanceSize: text,
  diskSizeGb: num,
  mongoDbMajorVersion: text,
  secondaryRegion: optional(text),
  sso: optional(
    object<AtlasSso>({
      federationSettingsId: text,
      groups: list(object<AtlasSso["groups"][number]>({ externalGroupName: text, projectRoles: list(text) })),
    }),
  ),
});

/** A connector plugin ZIP the engine needs: present exactly when the engine is chosen. */
function checkPlugin(v: IssueCollector, field: string, loc: S3ObjectLocation | undefined, needed: boolean, engine: string): void {
  if (!needed) {
    v.check(loc === undefined, field, loc, `unset unless ${engine} is chosen`);
    return;
  }
  if (v.check(loc !== undefined, field, loc, `the connector plugin ZIP in the artifacts bucket (required with ${engine})`) && loc) {
    v.add(pluginLocationRules(loc), `${field}.`);
  }
}

/** Records every problem of the engine fields of `env` in `v`. */
export function checkAwsEngines(v: IssueCollector, env: AwsEnvironment): void {
  v.oneOf(env.warehouse, AWS_WAREHOUSES, "warehouse");
  v.oneOf(env.documentStore, AWS_DOCUMENT_STORES, "documentStore");
  checkPlugin(v, "cdc.snowflakeSinkPlugin", env.cdc.snowflakeSinkPlugin, env.warehouse === "snowflake", 'warehouse "snowflake"');
  checkPlugin(v, "cdc.mongoSinkPlugin", env.cdc.mongoSinkPlugin, env.documentStore === "mongodb-atlas", 'documentStore "mongodb-atlas"');

  // The nightly DAG loads the curated zone through the Redshift Data API (dags/); with Snowflake, Snowpipe
  // loads it and the Glue trigger schedules the job, so Airflow has nothing of its own to run.
  if (env.orchestration.enabled)
    v.check(
      env.warehouse === "redshift",
      "warehouse",
      env.warehouse,
      '"redshift" while orchestration.enabled is true (the nightly DAG loads Redshift through the Data API; with "snowflake" set orchestration.enabled: false)',
    );

  if (env.warehouse === "snowflake") {
    if (
      v.check(
        env.snowflake !== undefined,
        "snowflake",
        env.snowflake,
        'a Snowflake account block (required when warehouse is "snowflake")',
      ) &&
      env.snowflake
    )
      checkSnowflake(v, env, env.snowflake);
  } else {
    v.check(
      env.snowflake === undefined,
      "snowflake",
      "(block)",
      'unset unless warehouse is "snowflake" (an unused block is a silent mistake)',
    );
  }

  if (env.documentStore === "mongodb-atlas") {
    if (
      v.check(
        env.mongodbAtlas !== undefined,
        "mongodbAtlas",
        env.mongodbAtlas,
        'an Atlas block (required when documentStore is "mongodb-atlas")',
      ) &&
      env.mongodbAtlas
    )
      checkMongoAtlas(v, env, env.mongodbAtlas);
  } else {
    v.check(env.mongodbAtlas === undefined, "mongodbAtlas", "(block)", 'unset unless documentStore is "mongodb-atlas"');
  }
}

/** The Snowflake block (the construct's rules), its region, the network path to it, and what prod requires. */
function checkSnowflake(v: IssueCollector, env: AwsEnvironment, sf: SnowflakeConfig): void {
  const region = regionOf(env);
  v.add(snowflakeConfigRules(sf), "snowflake.");
  v.check(sf.region === region, "snowflake.region", sf.region, `the environment's region (${region}): S3 ingestion and MSK stay in-region`);
  // MSK Connect and Glue reach Snowflake over the NAT gateway unless PrivateLink is on.
  v.check(
    env.network.natGateways > 0 || sf.privateLink === true,
    "network.natGateways",
    env.network.natGateways,
    '1 or 3 when warehouse is "snowflake" without snowflake.privateLink (the connectors reach the account over HTTPS egress)',
  );
  if (env.tier !== "prod") return;
  v.check(sf.timeTravelDays >= 7, "snowflake.timeTravelDays", sf.timeTravelDays, "at least 7 days in prod");
  v.check(
    sf.replication !== undefined,
    "snowflake.replication",
    sf.replication,
    "a failover group to a secondary account (required in prod)",
  );
}

/** The Atlas block (the construct's rules), the table its sink needs, and what prod requires. */
function checkMongoAtlas(v: IssueCollector, env: AwsEnvironment, atlas: MongoAtlasConfig): void {
  v.add(mongoAtlasConfigRules(atlas, { accountId: env.accountId, region: regionOf(env) }), "mongodbAtlas.");
  v.add(mongoAtlasSinkRules(env.cdc), "cdc.");
  if (env.tier !== "prod") return;
  v.check(
    !["M10", "M20"].includes(atlas.instanceSize),
    "mongodbAtlas.instanceSize",
    atlas.instanceSize,
    "M30 or larger in prod (M10/M20 are development tiers)",
  );
  v.check(atlas.secondaryRegion !== undefined, "mongodbAtlas.secondaryRegion", atlas.secondaryRegion, "a second region (required in prod)");
  // Owners can change network access and encryption: break-glass through organization owners only.
  (atlas.sso?.groups ?? []).forEach((g, i) =>
    g.projectRoles.forEach((r, j) =>
      v.check(r !== "GROUP_OWNER", `mongodbAtlas.sso.groups[${i}].projectRoles[${j}]`, r, "a role below GROUP_OWNER in prod"),
    ),
  );
}

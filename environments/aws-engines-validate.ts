/**
 * Checks of the engine choice (`warehouse`, `documentStore`) and the inputs the brief's engines need
 * (Snowflake account, Atlas organization). Called by `validateAwsEnvironment`; same issue format.
 */
import {
  ATLAS_INSTANCE_SIZES,
  MongoAtlasConfig,
  SnowflakeConfig,
  SnowflakeWarehouseSizing,
  ATLAS_PROJECT_ROLES,
  AWS_DOCUMENT_STORES,
  AWS_WAREHOUSES,
  AwsEnvironment,
  SNOWFLAKE_EDITIONS,
  S3ObjectLocation,
  SNOWFLAKE_WAREHOUSE_SIZES,
  regionOf,
} from "./aws-types";
import { AWS_REGIONS } from "../constructs/aws/regions";
import { IssueCollector, isPrivateCidr, parseCidr } from "./checks";
import { bool, list, num, object, optional, text } from "./shape";

const S3_BUCKET = /^[a-z0-9](?!.*\.\.)[a-z0-9.-]{1,61}[a-z0-9]$/;
const SNOWFLAKE_IDENTIFIER = /^[A-Z][A-Z0-9_]{0,254}$/;
const ATLAS_ORG_ID = /^[0-9a-f]{24}$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

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
  if (!v.check(loc !== undefined, field, loc, `the connector plugin ZIP in the artifacts bucket (required with ${engine})`) || !loc) return;
  v.check(S3_BUCKET.test(loc.bucket), `${field}.bucket`, loc.bucket, "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens");
  v.check(/^[A-Za-z0-9!_.*'()/-]+\.(zip|jar)$/.test(loc.key), `${field}.key`, loc.key, "an object key ending in .zip or .jar");
}

/** Records every problem of the engine fields of `env` in `v`. */
export function checkAwsEngines(v: IssueCollector, env: AwsEnvironment): void {
  const prod = env.tier === "prod";
  const region = regionOf(env);
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

  const sf = env.snowflake;
  if (env.warehouse === "snowflake") {
    if (v.check(sf !== undefined, "snowflake", sf, 'a Snowflake account block (required when warehouse is "snowflake")') && sf) {
      v.check(
        SNOWFLAKE_IDENTIFIER.test(sf.organizationName),
        "snowflake.organizationName",
        sf.organizationName,
        "uppercase letters, digits and _, starting with a letter",
      );
      v.check(
        SNOWFLAKE_IDENTIFIER.test(sf.accountName),
        "snowflake.accountName",
        sf.accountName,
        "uppercase letters, digits and _, starting with a letter",
      );
      if (v.oneOf(sf.region, AWS_REGIONS, "snowflake.region"))
        v.check(
          sf.region === region,
          "snowflake.region",
          sf.region,
          `the environment's region (${region}): S3 ingestion and MSK stay in-region`,
        );
      v.oneOf(sf.edition, SNOWFLAKE_EDITIONS, "snowflake.edition");
      for (const [workload, w] of Object.entries(sf.warehouses)) {
        const field = `snowflake.warehouses.${workload}`;
        v.oneOf(w.size, SNOWFLAKE_WAREHOUSE_SIZES, `${field}.size`);
        v.intBetween(w.autoSuspendSeconds, 60, 3600, `${field}.autoSuspendSeconds`);
        v.intBetween(w.maxClusterCount, 1, sf.edition === "standard" ? 1 : 10, `${field}.maxClusterCount`);
      }
      v.intBetween(sf.monthlyCreditQuota, 1, 1_000_000, "snowflake.monthlyCreditQuota");
      v.intBetween(sf.timeTravelDays, prod ? 7 : 0, sf.edition === "standard" ? 1 : 90, "snowflake.timeTravelDays");
      v.check(sf.allowedClientCidrs.length > 0, "snowflake.allowedClientCidrs", sf.allowedClientCidrs, "at least one client network");
      sf.allowedClientCidrs.forEach((cidr, i) => {
        const c = parseCidr(cidr);
        // Without PrivateLink Snowflake sees public source addresses only: a private range would never match.
        const ok =
          sf.privateLink === true
            ? c !== undefined && c.prefix >= 8 && isPrivateCidr(c)
            : c !== undefined && c.prefix >= 24 && !isPrivateCidr(c);
        v.check(
          ok,
          `snowflake.allowedClientCidrs[${i}]`,
          cidr,
          sf.privateLink === true
            ? "a private (RFC 1918) range reaching the endpoint (privateLink is on)"
            : "a public egress range of /24 or longer (never 0.0.0.0/0, never RFC 1918 without privateLink)",
        );
      });
      v.oneOf(sf.sso.provider, ["OKTA", "ADFS", "CUSTOM"] as const, "snowflake.sso.provider");
      v.check(/^https:\/\/\S+$/.test(sf.sso.ssoUrl), "snowflake.sso.ssoUrl", sf.sso.ssoUrl, "an https URL of the identity provider");
      v.check(sf.sso.issuer.trim() !== "", "snowflake.sso.issuer", sf.sso.issuer, "the identity provider's entity id");
      v.check(
        BASE64.test(sf.sso.x509Certificate),
        "snowflake.sso.x509Certificate",
        "(certificate)",
        "the base64 body of the IdP signing certificate",
      );
      if (sf.replication !== undefined) {
        v.check(
          /^[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*$/.test(sf.replication.secondaryAccount) &&
            sf.replication.secondaryAccount !== `${sf.organizationName}.${sf.accountName}`,
          "snowflake.replication.secondaryAccount",
          sf.replication.secondaryAccount,
          "<ORGANIZATION>.<ACCOUNT> of another account of the organization",
        );
        v.intBetween(sf.replication.intervalMinutes, 1, 1439, "snowflake.replication.intervalMinutes");
        v.check(sf.edition === "business-critical", "snowflake.edition", sf.edition, '"business-critical" (failover groups need it)');
      }
      if (prod) {
        v.check(
          sf.replication !== undefined,
          "snowflake.replication",
          sf.replication,
          "a failover group to a secondary account (required in prod)",
        );
      }
      if (sf.privateLink === true)
        v.check(sf.edition === "business-critical", "snowflake.edition", sf.edition, '"business-critical" (PrivateLink needs it)');
      // MSK Connect and Glue reach Snowflake over the NAT gateway unless PrivateLink is on.
      v.check(
        env.network.natGateways > 0 || sf.privateLink === true,
        "network.natGateways",
        env.network.natGateways,
        '1 or 3 when warehouse is "snowflake" without snowflake.privateLink (the connectors reach the account over HTTPS egress)',
      );
    }
  } else {
    v.check(sf === undefined, "snowflake", "(block)", 'unset unless warehouse is "snowflake" (an unused block is a silent mistake)');
  }

  const atlas = env.mongodbAtlas;
  if (env.documentStore === "mongodb-atlas") {
    if (v.check(atlas !== undefined, "mongodbAtlas", atlas, 'an Atlas block (required when documentStore is "mongodb-atlas")') && atlas) {
      v.check(ATLAS_ORG_ID.test(atlas.orgId), "mongodbAtlas.orgId", atlas.orgId, "an Atlas organization id: 24 lowercase hex characters");
      v.check(
        SECRET_NAME.test(atlas.apiKeySecretName),
        "mongodbAtlas.apiKeySecretName",
        atlas.apiKeySecretName,
        "a Secrets Manager secret name",
      );
      v.check(
        new RegExp(`^arn:aws:iam::${env.accountId}:role/[A-Za-z0-9+=,.@_/-]{1,512}$`).test(atlas.secretReaderRoleArn),
        "mongodbAtlas.secretReaderRoleArn",
        atlas.secretReaderRoleArn,
        `an IAM role ARN in account ${env.accountId}`,
      );
      v.check(
        env.cdc.tables.includes("payment"),
        "cdc.tables",
        env.cdc.tables,
        'a list including "payment" (the Atlas sink writes it into transactions)',
      );
      if (v.oneOf(atlas.instanceSize, ATLAS_INSTANCE_SIZES, "mongodbAtlas.instanceSize") && prod)
        v.check(
          !["M10", "M20"].includes(atlas.instanceSize),
          "mongodbAtlas.instanceSize",
          atlas.instanceSize,
          "M30 or larger in prod (M10/M20 are development tiers)",
        );
      v.intBetween(atlas.diskSizeGb, 10, 4096, "mongodbAtlas.diskSizeGb");
      v.oneOf(atlas.mongoDbMajorVersion, ["7.0", "8.0"] as const, "mongodbAtlas.mongoDbMajorVersion");
      if (atlas.secondaryRegion !== undefined && v.oneOf(atlas.secondaryRegion, AWS_REGIONS, "mongodbAtlas.secondaryRegion"))
        v.check(
          atlas.secondaryRegion !== region,
          "mongodbAtlas.secondaryRegion",
          atlas.secondaryRegion,
          `a region other than region (${region})`,
        );
      if (prod)
        v.check(
          atlas.secondaryRegion !== undefined,
          "mongodbAtlas.secondaryRegion",
          atlas.secondaryRegion,
          "a second region (required in prod)",
        );
      if (atlas.sso !== undefined) {
        v.check(
          ATLAS_ORG_ID.test(atlas.sso.federationSettingsId),
          "mongodbAtlas.sso.federationSettingsId",
          atlas.sso.federationSettingsId,
          "24 lowercase hex characters",
        );
        v.check(atlas.sso.groups.length > 0, "mongodbAtlas.sso.groups", atlas.sso.groups, "at least one identity-provider group");
        atlas.sso.groups.forEach((g, i) => {
          const field = `mongodbAtlas.sso.groups[${i}]`;
          v.check(
            g.externalGroupName.trim() !== "",
            `${field}.externalGroupName`,
            g.externalGroupName,
            "the group's name in the identity provider",
          );
          v.check(g.projectRoles.length > 0, `${field}.projectRoles`, g.projectRoles, "at least one project role");
          g.projectRoles.forEach((r, j) => {
            v.oneOf(r, ATLAS_PROJECT_ROLES, `${field}.projectRoles[${j}]`);
            // Owners can change network access and encryption: break-glass through organization owners only.
            if (prod) v.check(r !== "GROUP_OWNER", `${field}.projectRoles[${j}]`, r, "a role below GROUP_OWNER in prod");
          });
        });
      }
    }
  } else {
    v.check(atlas === undefined, "mongodbAtlas", "(block)", 'unset unless documentStore is "mongodb-atlas"');
  }
}

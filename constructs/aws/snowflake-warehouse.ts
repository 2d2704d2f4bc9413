import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { AccountRole } from "@cdktf/provider-snowflake/lib/account-role";
import { Alert } from "@cdktf/provider-snowflake/lib/alert";
import { EmailNotificationIntegration } from "@cdktf/provider-snowflake/lib/email-notification-integration";
import { CurrentAccount } from "@cdktf/provider-snowflake/lib/current-account";
import { Database } from "@cdktf/provider-snowflake/lib/database";
import { FailoverGroup } from "@cdktf/provider-snowflake/lib/failover-group";
import { GrantAccountRole } from "@cdktf/provider-snowflake/lib/grant-account-role";
import { GrantPrivilegesToAccountRole } from "@cdktf/provider-snowflake/lib/grant-privileges-to-account-role";
import { NetworkPolicy } from "@cdktf/provider-snowflake/lib/network-policy";
import { ResourceMonitor } from "@cdktf/provider-snowflake/lib/resource-monitor";
import { Saml2Integration } from "@cdktf/provider-snowflake/lib/saml2-integration";
import { Schema } from "@cdktf/provider-snowflake/lib/schema";
import { ServiceUser } from "@cdktf/provider-snowflake/lib/service-user";
import { Warehouse } from "@cdktf/provider-snowflake/lib/warehouse";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { isPrivateCidr, parseCidr } from "../shared/cidr";
import { Rule, assertRules, intBetween, oneOf, prefixed } from "../shared/rules";
import { AnalyticsWarehouse } from "./engine-contracts";
import { AWS_REGIONS, AwsRegion } from "./regions";
import { AwsNaming } from "./naming";

/** Snowflake warehouse sizes (`WAREHOUSE_SIZE`), smallest first; credits/hour double at each step. */
export const SNOWFLAKE_WAREHOUSE_SIZES = ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE"] as const;
export type SnowflakeWarehouseSize = (typeof SNOWFLAKE_WAREHOUSE_SIZES)[number];

/** Snowflake editions: Time Travel beyond 1 day needs Enterprise, PrivateLink needs Business Critical. */
export const SNOWFLAKE_EDITIONS = ["standard", "enterprise", "business-critical"] as const;
export type SnowflakeEdition = (typeof SNOWFLAKE_EDITIONS)[number];

/** One Snowflake virtual warehouse. */
export interface SnowflakeWarehouseSizing {
  readonly size: SnowflakeWarehouseSize;
  /** Seconds idle before the warehouse suspends (60-3600; billing is per second after the first minute). */
  readonly autoSuspendSeconds: number;
  /** Multi-cluster ceiling (1 = single cluster; >1 needs Enterprise). */
  readonly maxClusterCount: number;
}

/** The brief's OLAP engine on Snowflake (`warehouse: "snowflake"`). */
export interface SnowflakeConfig {
  /** Snowflake organization name (uppercase letters, digits, underscores). */
  readonly organizationName: string;
  /** Account name inside the organization (uppercase letters, digits, underscores). */
  readonly accountName: string;
  /** AWS region of the Snowflake account; must be the environment's region (S3 and MSK stay in-region). */
  readonly region: AwsRegion;
  readonly edition: SnowflakeEdition;
  /** Warehouses per workload. */
  readonly warehouses: {
    readonly loading: SnowflakeWarehouseSizing;
    readonly transformation: SnowflakeWarehouseSizing;
    readonly bi: SnowflakeWarehouseSizing;
  };
  /** Monthly credit quota of the account resource monitor: notify at 75/90 %, suspend at 100 %. */
  readonly monthlyCreditQuota: number;
  /** Time Travel (`DATA_RETENTION_TIME_IN_DAYS`) of every database: 0-1 on Standard, up to 90 otherwise; at least 7 in prod. */
  readonly timeTravelDays: number;
  /**
   * Networks of people (corporate VPN) allowed by the account network policy besides the platform's own
   * source addresses, which the stack adds (NAT gateway IPs, or the VPC range with `privateLink`): public
   * ranges of /24 or longer, or private ranges when `privateLink` is on; never 0.0.0.0/0.
   */
  readonly allowedClientCidrs: readonly string[];
  /** SAML2 identity provider for people (SSO). */
  readonly sso: {
    /** `SAML2_PROVIDER`: OKTA, ADFS or CUSTOM. */
    readonly provider: "OKTA" | "ADFS" | "CUSTOM";
    /** IdP entity id (`SAML2_ISSUER`). */
    readonly issuer: string;
    /** IdP sign-in URL (`SAML2_SSO_URL`), https. */
    readonly ssoUrl: string;
    /** IdP signing certificate, base64 body without PEM armour (public data). */
    readonly x509Certificate: string;
  };
  /**
   * Reach the account through AWS PrivateLink (interface endpoint + private DNS) instead of the NAT
   * gateway; needs Business Critical and Snowflake's one-time authorization of the AWS account.
   * @default false
   */
  readonly privateLink?: boolean;
  /**
   * Failover group to a secondary account in another region (`<ORG>.<ACCOUNT>`), replicated every
   * `intervalMinutes`. Required in prod; needs Business Critical.
   * @default - no replication
   */
  readonly replication?: { readonly secondaryAccount: string; readonly intervalMinutes: number };
}

/** Databases and their schemas: CDC and S3 landings in RAW, conformed tables in CURATED, the star schema in ANALYTICS. */
export const SNOWFLAKE_SCHEMAS = {
  RAW: ["CDC", "LANDING"],
  CURATED: ["PAYMENTS"],
  ANALYTICS: ["STAR"],
} as const;
export type SnowflakeDatabaseName = keyof typeof SNOWFLAKE_SCHEMAS;

/** Where the Kafka connector lands CDC tables. */
export const SNOWFLAKE_CDC_SCHEMA = { database: "RAW", schema: "CDC" } as const satisfies {
  database: SnowflakeDatabaseName;
  schema: string;
};

/** Warehouse per workload. */
export const SNOWFLAKE_WAREHOUSES = { loading: "LOADING_WH", transformation: "TRANSFORM_WH", bi: "BI_WH" } as const;

/** What each functional role may do: `read`/`write` access roles of `<DATABASE>.<SCHEMA>`, and its warehouse. */
export const SNOWFLAKE_FUNCTIONAL_ROLES = {
  LOADER: { write: ["RAW.CDC", "RAW.LANDING"], read: [], warehouse: "loading" },
  TRANSFORMER: { write: ["CURATED.PAYMENTS", "ANALYTICS.STAR"], read: ["RAW.CDC", "RAW.LANDING"], warehouse: "transformation" },
  ANALYST: { write: [], read: ["ANALYTICS.STAR"], warehouse: "bi" },
  FRAUD_ML: { write: [], read: ["CURATED.PAYMENTS", "ANALYTICS.STAR"], warehouse: "bi" },
} as const satisfies Record<string, { write: readonly string[]; read: readonly string[]; warehouse: keyof typeof SNOWFLAKE_WAREHOUSES }>;
export type SnowflakeFunctionalRole = keyof typeof SNOWFLAKE_FUNCTIONAL_ROLES;

/** Service users (key-pair only) and the functional role each signs in with. */
export const SNOWFLAKE_SERVICE_USERS = {
  KAFKA_LOADER_SVC: "LOADER",
  ETL_TRANSFORMER_SVC: "TRANSFORMER",
} as const satisfies Record<string, SnowflakeFunctionalRole>;
export type SnowflakeServiceUser = keyof typeof SNOWFLAKE_SERVICE_USERS;

/** The OLAP SLA row: a query on the BI warehouse slower than this alerts (same 10 s as Redshift and Synapse). */
export const OLAP_QUERY_SLA_MS = 10_000;

/** Object types the prod failover group replicates to the secondary account. */
const FAILOVER_OBJECT_TYPES = ["DATABASES", "ROLES", "USERS", "WAREHOUSES", "RESOURCE MONITORS", "NETWORK POLICIES", "INTEGRATIONS"];

const SNOWFLAKE_IDENTIFIER = /^[A-Z][A-Z0-9_]{0,254}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The rules of a Snowflake account block (fields relative to it): identifiers, sizes and windows Snowflake
 * accepts for the edition, client networks Snowflake can actually see, an IdP it can reach, and the
 * features that need Business Critical.
 */
export function snowflakeConfigRules(sf: SnowflakeConfig): Rule[] {
  const standard = sf.edition === "standard";
  const privateLink = sf.privateLink === true;
  const identifier = (value: string, field: string): Rule => ({
    ok: SNOWFLAKE_IDENTIFIER.test(value),
    field,
    value,
    allowed: "uppercase letters, digits and _, starting with a letter",
  });
  const businessCritical = (why: string): Rule => ({
    ok: sf.edition === "business-critical",
    field: "edition",
    value: sf.edition,
    allowed: `"business-critical" (${why} needs it)`,
  });
  return [
    identifier(sf.organizationName, "organizationName"),
    identifier(sf.accountName, "accountName"),
    oneOf(sf.region, AWS_REGIONS, "region"),
    oneOf(sf.edition, SNOWFLAKE_EDITIONS, "edition"),
    ...Object.entries(sf.warehouses).flatMap(([workload, w]) => [
      oneOf(w.size, SNOWFLAKE_WAREHOUSE_SIZES, `warehouses.${workload}.size`),
      intBetween(w.autoSuspendSeconds, 60, 3600, `warehouses.${workload}.autoSuspendSeconds`),
      intBetween(w.maxClusterCount, 1, standard ? 1 : 10, `warehouses.${workload}.maxClusterCount`),
    ]),
    intBetween(sf.monthlyCreditQuota, 1, 1_000_000, "monthlyCreditQuota"),
    intBetween(sf.timeTravelDays, 0, standard ? 1 : 90, "timeTravelDays"),
    {
      ok: sf.allowedClientCidrs.length > 0,
      field: "allowedClientCidrs",
      value: sf.allowedClientCidrs,
      allowed: "at least one client network",
    },
    ...sf.allowedClientCidrs.map((cidr, i): Rule => {
      const c = parseCidr(cidr);
      // Without PrivateLink Snowflake sees public source addresses only: a private range would never match.
      return privateLink
        ? {
            ok: c !== undefined && c.prefix >= 8 && isPrivateCidr(c),
            field: `allowedClientCidrs[${i}]`,
            value: cidr,
            allowed: "a private (RFC 1918) range reaching the endpoint (privateLink is on)",
          }
        : {
            ok: c !== undefined && c.prefix >= 24 && !isPrivateCidr(c),
            field: `allowedClientCidrs[${i}]`,
            value: cidr,
            allowed: "a public egress range of /24 or longer (never 0.0.0.0/0, never RFC 1918 without privateLink)",
          };
    }),
    oneOf(sf.sso.provider, ["OKTA", "ADFS", "CUSTOM"] as const, "sso.provider"),
    {
      ok: /^https:\/\/\S+$/.test(sf.sso.ssoUrl),
      field: "sso.ssoUrl",
      value: sf.sso.ssoUrl,
      allowed: "an https URL of the identity provider",
    },
    { ok: sf.sso.issuer.trim() !== "", field: "sso.issuer", value: sf.sso.issuer, allowed: "the identity provider's entity id" },
    {
      ok: BASE64.test(sf.sso.x509Certificate),
      field: "sso.x509Certificate",
      value: "(certificate)",
      allowed: "the base64 body of the IdP signing certificate",
    },
    ...(sf.replication === undefined
      ? []
      : [
          {
            ok:
              /^[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*$/.test(sf.replication.secondaryAccount) &&
              sf.replication.secondaryAccount !== `${sf.organizationName}.${sf.accountName}`,
            field: "replication.secondaryAccount",
            value: sf.replication.secondaryAccount,
            allowed: "<ORGANIZATION>.<ACCOUNT> of another account of the organization",
          },
          intBetween(sf.replication.intervalMinutes, 1, 1439, "replication.intervalMinutes"),
          businessCritical("failover groups"),
        ]),
    ...(privateLink ? [businessCritical("PrivateLink")] : []),
  ];
}

export interface SnowflakeWarehouseProps {
  readonly naming: AwsNaming;
  readonly environment: string;
  readonly config: SnowflakeConfig;
  /** The platform's source addresses as Snowflake sees them (NAT gateway IPs, or the VPC range with PrivateLink), added to the network policy. */
  readonly platformEgressIps: readonly string[];
  /** Host clients connect to. @default - the public `<org>-<account>.snowflakecomputing.com` */
  readonly accountHost?: string;
  /** Receivers of the OLAP SLA alert (e-mails verified in Snowflake). */
  readonly alertEmails: readonly string[];
  /** CMK of the Secrets Manager secrets holding the service users' private keys (the `olap` domain key). */
  readonly secretsKey: KmsKey;
  /** Repository folder with the star-schema DDL. @default "sql/snowflake" */
  readonly ddlDirectory?: string;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * The OLAP engine on Snowflake (one account per environment): RAW/CURATED/ANALYTICS databases with the
 * environment's Time Travel, a warehouse per workload (auto-suspend, auto-resume, initially suspended)
 * under one monthly resource monitor that notifies and then suspends, read/write access roles per schema
 * (current and future objects) granted to the functional roles, nothing granted to PUBLIC, key-pair
 * service users whose keys live in Secrets Manager (never in Terraform), SAML2 SSO for people, an account
 * network policy, and for prod a failover group to the secondary account.
 */
export class SnowflakeWarehouse extends Construct implements AnalyticsWarehouse {
  readonly engine = "snowflake" as const;
  readonly port = 443;
  readonly databaseName = "ANALYTICS";
  readonly ddlDirectory: string;
  readonly endpointAddress: string;
  readonly databases: Record<SnowflakeDatabaseName, Database>;
  readonly schemas = new Map<string, Schema>();
  readonly warehouses: Record<keyof typeof SNOWFLAKE_WAREHOUSES, Warehouse>;
  readonly functionalRoles: Record<SnowflakeFunctionalRole, AccountRole>;
  readonly serviceUsers: Record<SnowflakeServiceUser, ServiceUser>;
  /** Secret per service user: `{ "private_key": <PKCS#8 PEM> }`, written by the key rotation runbook, never by Terraform. */
  readonly keySecrets: Record<SnowflakeServiceUser, SecretsmanagerSecret>;
  /** Plain names of `keySecrets` (config-provider references need literal names, not tokens). */
  readonly keySecretNames: Record<SnowflakeServiceUser, string>;
  readonly networkPolicy: NetworkPolicy;
  readonly resourceMonitor: ResourceMonitor;
  readonly failoverGroup?: FailoverGroup;

  constructor(scope: Construct, id: string, props: SnowflakeWarehouseProps) {
    super(scope, id);
    assertRules(`SnowflakeWarehouse ${this.node.path}`, prefixed("config.", snowflakeConfigRules(props.config)));
    const { config: sf, naming } = props;
    const preventDestroy = props.deletionProtection ?? true;
    this.ddlDirectory = props.ddlDirectory ?? "sql/snowflake";
    this.endpointAddress =
      props.accountHost ?? `${sf.organizationName.toLowerCase()}-${sf.accountName.toLowerCase().replace(/_/g, "-")}.snowflakecomputing.com`;

    this.resourceMonitor = new ResourceMonitor(this, "monitor", {
      name: "MONTHLY_CREDITS",
      creditQuota: sf.monthlyCreditQuota,
      frequency: "MONTHLY",
      startTimestamp: "IMMEDIATELY",
      notifyTriggers: [75, 90],
      suspendTrigger: 100,
      suspendImmediateTrigger: 110,
    });

    this.networkPolicy = new NetworkPolicy(this, "network-policy", {
      name: "PLATFORM_ONLY",
      allowedIpList: [...props.platformEgressIps, ...sf.allowedClientCidrs],
      comment: "The platform's source addresses (NAT IPs or the VPC range with PrivateLink) and the corporate VPN; nothing else",
    });
    new CurrentAccount(this, "account", {
      networkPolicy: this.networkPolicy.name,
      resourceMonitor: this.resourceMonitor.name,
      dataRetentionTimeInDays: sf.timeTravelDays,
    });

    this.databases = {} as Record<SnowflakeDatabaseName, Database>;
    for (const [db, schemas] of Object.entries(SNOWFLAKE_SCHEMAS) as [SnowflakeDatabaseName, readonly string[]][]) {
      const database = new Database(this, `db-${db.toLowerCase()}`, {
        name: db,
        dataRetentionTimeInDays: sf.timeTravelDays,
        // PUBLIC is created with USAGE for the PUBLIC role: drop it so nothing is reachable through PUBLIC.
        dropPublicSchemaOnCreation: true,
        comment: `${props.environment}: ${db.toLowerCase()} zone`,
        lifecycle: { preventDestroy },
      });
      this.databases[db] = database;
      for (const name of schemas) {
        this.schemas.set(
          `${db}.${name}`,
          new Schema(this, `schema-${db.toLowerCase()}-${name.toLowerCase()}`, {
            database: database.name,
            name,
            // Managed access: only the schema owner grants on its objects, not each table's creator.
            withManagedAccess: "true",
            dataRetentionTimeInDays: sf.timeTravelDays,
            lifecycle: { preventDestroy },
          }),
        );
      }
    }

    this.warehouses = {} as Record<keyof typeof SNOWFLAKE_WAREHOUSES, Warehouse>;
    for (const [workload, name] of Object.entries(SNOWFLAKE_WAREHOUSES) as [keyof typeof SNOWFLAKE_WAREHOUSES, string][]) {
      const w = sf.warehouses[workload];
      this.warehouses[workload] = new Warehouse(this, `wh-${workload}`, {
        name,
        warehouseSize: w.size,
        autoSuspend: w.autoSuspendSeconds,
        autoResume: "true",
        initiallySuspended: true,
        minClusterCount: 1,
        maxClusterCount: w.maxClusterCount,
        ...(w.maxClusterCount > 1 ? { scalingPolicy: "STANDARD" } : {}),
        statementTimeoutInSeconds: 3600,
        resourceMonitor: this.resourceMonitor.name,
        // The edition is part of the comment: the cost estimator prices credits by it.
        comment: `${workload} workload (${sf.edition} edition)`,
      });
    }

    // Access roles: <DB>_<SCHEMA>_R (usage + select on current and future tables/views) and _RW (R + DML + create).
    const accessRoles = new Map<string, AccountRole>();
    for (const [key, schema] of this.schemas) {
      const [db, name] = key.split(".");
      const base = `${db}_${name}`;
      const read = new AccountRole(this, `ar-${base.toLowerCase()}-r`, { name: `${base}_R`, comment: `read ${key}` });
      const write = new AccountRole(this, `ar-${base.toLowerCase()}-rw`, { name: `${base}_RW`, comment: `read/write ${key}` });
      accessRoles.set(`${key}:read`, read);
      accessRoles.set(`${key}:write`, write);
      const grant = (
        gid: string,
        role: AccountRole,
        body: Omit<ConstructorParameters<typeof GrantPrivilegesToAccountRole>[2], "accountRoleName">,
      ) => new GrantPrivilegesToAccountRole(this, `${role.node.id}-${gid}`, { accountRoleName: role.name, ...body });
      grant("db", read, {
        privileges: ["USAGE"],
        onAccountObject: { objectType: "DATABASE", objectName: this.databases[db as SnowflakeDatabaseName].name },
      });
      grant("schema", read, { privileges: ["USAGE"], onSchema: { schemaName: schema.fullyQualifiedName } });
      for (const plural of ["TABLES", "VIEWS"]) {
        grant(`select-all-${plural.toLowerCase()}`, read, {
          privileges: ["SELECT"],
          onSchemaObject: { all: { objectTypePlural: plural, inSchema: schema.fullyQualifiedName } },
        });
        grant(`select-future-${plural.toLowerCase()}`, read, {
          privileges: ["SELECT"],
          onSchemaObject: { future: { objectTypePlural: plural, inSchema: schema.fullyQualifiedName } },
        });
      }
      new GrantAccountRole(this, `${write.node.id}-inherits-r`, { roleName: read.name, parentRoleName: write.name });
      grant("create", write, {
        privileges: ["CREATE TABLE", "CREATE VIEW", "CREATE STAGE", "CREATE PIPE"],
        onSchema: { schemaName: schema.fullyQualifiedName },
      });
      grant("dml-future-tables", write, {
        privileges: ["INSERT", "UPDATE", "DELETE", "TRUNCATE"],
        onSchemaObject: { future: { objectTypePlural: "TABLES", inSchema: schema.fullyQualifiedName } },
      });
    }

    // Functional roles hold access roles and one warehouse; SYSADMIN inherits them (no orphan roles).
    this.functionalRoles = {} as Record<SnowflakeFunctionalRole, AccountRole>;
    for (const [name, spec] of Object.entries(SNOWFLAKE_FUNCTIONAL_ROLES) as [
      SnowflakeFunctionalRole,
      (typeof SNOWFLAKE_FUNCTIONAL_ROLES)[SnowflakeFunctionalRole],
    ][]) {
      const role = new AccountRole(this, `fr-${name.toLowerCase()}`, { name, comment: `functional role ${name}` });
      this.functionalRoles[name] = role;
      for (const [mode, keys] of [
        ["read", spec.read],
        ["write", spec.write],
      ] as const) {
        for (const key of keys) {
          const access = accessRoles.get(`${key}:${mode}`) as AccountRole;
          new GrantAccountRole(this, `fr-${name.toLowerCase()}-${access.node.id}`, { roleName: access.name, parentRoleName: role.name });
        }
      }
      new GrantPrivilegesToAccountRole(this, `fr-${name.toLowerCase()}-warehouse`, {
        accountRoleName: role.name,
        privileges: ["USAGE", "OPERATE"],
        onAccountObject: { objectType: "WAREHOUSE", objectName: this.warehouses[spec.warehouse].name },
      });
      new GrantAccountRole(this, `fr-${name.toLowerCase()}-to-sysadmin`, { roleName: role.name, parentRoleName: "SYSADMIN" });
    }

    // Service users: key-pair only (TYPE = SERVICE has no password and no MFA prompt). The public key is
    // set by the rotation runbook (ALTER USER ... SET RSA_PUBLIC_KEY) together with the secret, so no key
    // material, public or private, is in Terraform state.
    this.serviceUsers = {} as Record<SnowflakeServiceUser, ServiceUser>;
    this.keySecrets = {} as Record<SnowflakeServiceUser, SecretsmanagerSecret>;
    this.keySecretNames = {} as Record<SnowflakeServiceUser, string>;
    for (const [name, role] of Object.entries(SNOWFLAKE_SERVICE_USERS) as [SnowflakeServiceUser, SnowflakeFunctionalRole][]) {
      const user = new ServiceUser(this, `svc-${name.toLowerCase()}`, {
        name,
        loginName: name,
        defaultRole: this.functionalRoles[role].name,
        defaultWarehouse: this.warehouses[SNOWFLAKE_FUNCTIONAL_ROLES[role].warehouse].name,
        defaultSecondaryRolesOption: "NONE",
        networkPolicy: this.networkPolicy.name,
        comment: `service user (key-pair); private key in Secrets Manager`,
        lifecycle: { ignoreChanges: ["rsa_public_key", "rsa_public_key_2"] },
      });
      this.serviceUsers[name] = user;
      new GrantAccountRole(this, `svc-${name.toLowerCase()}-role`, { roleName: this.functionalRoles[role].name, userName: user.name });
      this.keySecretNames[name] = `${naming.name("secret", "snowflake")}/${name.toLowerCase()}`;
      this.keySecrets[name] = new SecretsmanagerSecret(this, `svc-${name.toLowerCase()}-key`, {
        name: this.keySecretNames[name],
        description: `Snowflake service user ${name}: { "private_key": PKCS#8 PEM } (value set by the key rotation runbook)`,
        kmsKeyId: props.secretsKey.arn,
        recoveryWindowInDays: 30,
      });
    }

    new Saml2Integration(this, "sso", {
      name: "CORPORATE_SSO",
      enabled: "true",
      saml2Provider: sf.sso.provider,
      saml2Issuer: sf.sso.issuer,
      saml2SsoUrl: sf.sso.ssoUrl,
      saml2X509Cert: sf.sso.x509Certificate,
      saml2EnableSpInitiated: "true",
      saml2SpInitiatedLoginPageLabel: "Corporate SSO",
      saml2SignRequest: "true",
      saml2ForceAuthn: "false",
      comment: "People sign in through the corporate IdP; service users use key pairs",
    });

    // The OLAP SLA row: CloudWatch cannot see Snowflake, so a Snowflake alert checks the last hour's BI
    // queries every hour on the XSMALL loading warehouse (60 s auto-suspend: about 1 credit-minute per run).
    const notifications = new EmailNotificationIntegration(this, "alert-email", {
      name: "PLATFORM_ALERTS",
      enabled: true,
      allowedRecipients: [...props.alertEmails],
    });
    const star = this.schema("ANALYTICS.STAR");
    new Alert(this, "olap-query-duration", {
      database: star.database,
      schema: star.name,
      name: "OLAP_QUERY_DURATION",
      warehouse: this.warehouses.loading.name,
      alertSchedule: { interval: 60 },
      enabled: true,
      condition:
        `SELECT 1 FROM TABLE(ANALYTICS.INFORMATION_SCHEMA.QUERY_HISTORY(END_TIME_RANGE_START => DATEADD('minute', -60, CURRENT_TIMESTAMP()))) ` +
        `WHERE WAREHOUSE_NAME = '${SNOWFLAKE_WAREHOUSES.bi}' AND TOTAL_ELAPSED_TIME > ${OLAP_QUERY_SLA_MS}`,
      action: `CALL SYSTEM$SEND_EMAIL('${notifications.name}', '${props.alertEmails.join(",")}', '${props.environment}: OLAP query above ${OLAP_QUERY_SLA_MS / 1000} s', 'A query on ${SNOWFLAKE_WAREHOUSES.bi} took longer than the SLA in the last hour; see docs/runbook.md (Snowflake).')`,
      comment: "OLAP SLA row (query duration), the Snowflake counterpart of the Redshift CloudWatch alarm",
    });

    if (sf.replication !== undefined) {
      this.failoverGroup = new FailoverGroup(this, "failover", {
        name: "PAYMENTS_FAILOVER",
        objectTypes: FAILOVER_OBJECT_TYPES,
        allowedDatabases: Object.values(this.databases).map((d) => d.name),
        allowedIntegrationTypes: ["SECURITY INTEGRATIONS", "STORAGE INTEGRATIONS"],
        allowedAccounts: [sf.replication.secondaryAccount],
        replicationSchedule: { interval: sf.replication.intervalMinutes },
        lifecycle: { preventDestroy },
      });
    }

    new TerraformOutput(this, "snowflake-ddl-directory", {
      value: this.ddlDirectory,
      description: "Star-schema DDL the pipeline applies to ANALYTICS.STAR (snowsql as TRANSFORMER)",
    });
  }

  /** The schema `<DATABASE>.<SCHEMA>`. */
  schema(key: string): Schema {
    const s = this.schemas.get(key);
    if (!s) throw new Error(`SnowflakeWarehouse: no schema ${key}; known: ${[...this.schemas.keys()].join(", ")}`);
    return s;
  }
}

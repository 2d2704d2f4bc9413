import { MssqlDatabase } from "@cdktf/provider-azurerm/lib/mssql-database";
import { MssqlFailoverGroup } from "@cdktf/provider-azurerm/lib/mssql-failover-group";
import { MssqlServer } from "@cdktf/provider-azurerm/lib/mssql-server";
import { MssqlServerExtendedAuditingPolicy } from "@cdktf/provider-azurerm/lib/mssql-server-extended-auditing-policy";
import { MssqlServerMicrosoftSupportAuditingPolicy } from "@cdktf/provider-azurerm/lib/mssql-server-microsoft-support-auditing-policy";
import { MssqlServerSecurityAlertPolicy } from "@cdktf/provider-azurerm/lib/mssql-server-security-alert-policy";
import { MssqlServerTransparentDataEncryption } from "@cdktf/provider-azurerm/lib/mssql-server-transparent-data-encryption";
import { Construct } from "constructs";
import { SQL_CDC_RULE, SQL_SKU_FORMAT, SqlSkuCapabilities, SqlSkuName, sqlSkuCapabilities } from "./sql-sku";
import { AzureDataStoreProps, EntraAdminGroup } from "./common";
import { AzureLocation, secondaryLocationRule, zonalRule } from "./locations";
import { CdcEnablement, OLTP_TABLES, cdcTableRules } from "./cdc-enablement";
import { DiagnosticSettings } from "./diagnostic-settings";
import { PrivateEndpoint } from "./private-endpoint";
import { preventDestroy } from "../shared/lifecycle";
import { Rule, assertRules, intBetween, oneOf, prefixed } from "../shared/rules";

export const SQL_BACKUP_STORAGE_REDUNDANCIES = ["Local", "Zone", "Geo", "GeoZone"] as const;

/** Azure SQL Database (OLTP) sizing. */
export interface SqlDatabaseSizing {
  /**
   * The database SKU, e.g. `GP_S_Gen5_2` (serverless), `GP_Gen5_4`, `BC_Gen5_8`, `HS_Gen5_4`, or a DTU
   * SKU (`Basic`, `S0`-`S12`, `P1`-`P15`). Capabilities per SKU: `constructs/azure/sql-sku.ts`.
   */
  readonly skuName: SqlSkuName;
  /** Maximum data size in GB. */
  readonly maxSizeGb: number;
  /** Spread replicas across availability zones (Premium, Business Critical, General Purpose, Hyperscale). */
  readonly zoneRedundant: boolean;
  /** Route read-only connections to a secondary replica (Premium / Business Critical / Hyperscale). */
  readonly readScaleOut: boolean;
  /** Backup storage redundancy. */
  readonly backupStorageRedundancy: (typeof SQL_BACKUP_STORAGE_REDUNDANCIES)[number];
  /** Long-term retention, ISO 8601 durations (e.g. `P12W`, `P12M`, `P7Y`). @default - none */
  readonly longTermRetention?: {
    readonly weekly: string;
    readonly monthly: string;
    readonly yearly: string;
    /** Which week's backup is the yearly one (1-52). */
    readonly weekOfYear: number;
  };
  /** Geo-replicated secondary and failover group in the secondary location. @default false */
  readonly geoReplica?: boolean;
  /** Serverless only: minimum vCores. @default 0.5 */
  readonly minCapacity?: number;
  /** Serverless only: minutes of inactivity before auto-pause, -1 disables. @default 60 */
  readonly autoPauseDelayMinutes?: number;
}

/** Change data capture on the database: a typed setting, applied by `CdcEnablement` at deploy time. */
export interface SqlCdcSettings {
  /** Enable CDC on the database and `tables`. */
  readonly enabled: boolean;
  /** `dbo` tables to capture. */
  readonly tables: readonly string[];
  /**
   * Folder of the scripts to run (schema, watermark, CDC).
   * @default - `sql/azure-sql/` of this repository
   */
  readonly scriptsDirectory?: string;
}

export interface SqlDatabaseProps extends AzureDataStoreProps {
  /** Microsoft Entra tenant of the administrator group. */
  readonly tenantId: string;
  /** The Entra ID group that administers the server; the only way in (Entra-only authentication, no SQL login). */
  readonly administrator: EntraAdminGroup;
  /** SKU, size, zone redundancy, read scale-out, backup redundancy, LTR and geo-replica. */
  readonly sizing: SqlDatabaseSizing;
  /** Point-in-time restore window in days (1-35; Basic at most 7). */
  readonly pointInTimeRetentionDays: number;
  /**
   * Region of the geo-replicated secondary server and failover group. Required when `sizing.geoReplica` is true.
   * @default - no secondary
   */
  readonly secondaryLocation?: AzureLocation;
  /**
   * CDC setting. The construct rejects it on SKUs that do not support CDC.
   * @default - CDC disabled
   */
  readonly cdc?: SqlCdcSettings;
  /**
   * Addresses that receive Defender for SQL threat alerts (besides subscription admins).
   * @default - subscription admins only
   */
  readonly securityAlertEmails?: readonly string[];
}

/** Failover of the read-write listener after this grace period of a regional outage (minutes). */
const FAILOVER_GRACE_MINUTES = 60;

const ISO_DURATION = /^P(\d+[DWMY])$/;

/**
 * The rules of the props `sqlDatabaseRules` reads: what the SKU can do (sql-sku.ts), the serverless
 * settings, sizes, backups, the failover region and CDC. The environment validator calls it with the
 * environment's values and names (`sizing.sqlDatabase.*`, `retention.sqlPointInTimeDays`).
 */
export type SqlDatabaseRuleInput = Pick<SqlDatabaseProps, "location" | "secondaryLocation" | "sizing" | "pointInTimeRetentionDays" | "cdc">;

/** Every rule of the database's props, as rows (`ok` = passes). */
export function sqlDatabaseRules(props: SqlDatabaseRuleInput): Rule[] {
  const s = props.sizing;
  const caps = sqlSkuCapabilities(s.skuName);
  const cdc = props.cdc ?? { enabled: false, tables: [] };
  const ltr = s.longTermRetention;
  return [
    { ok: caps !== undefined, field: "sizing.skuName", value: s.skuName, allowed: SQL_SKU_FORMAT },
    ...(caps === undefined ? [] : skuRules(props, caps)),
    oneOf(s.backupStorageRedundancy, SQL_BACKUP_STORAGE_REDUNDANCIES, "sizing.backupStorageRedundancy"),
    ...(ltr === undefined
      ? []
      : [
          {
            ok: ISO_DURATION.test(ltr.weekly),
            field: "sizing.longTermRetention.weekly",
            value: ltr.weekly,
            allowed: "an ISO 8601 duration such as P12W",
          },
          {
            ok: ISO_DURATION.test(ltr.monthly),
            field: "sizing.longTermRetention.monthly",
            value: ltr.monthly,
            allowed: "an ISO 8601 duration such as P12M",
          },
          {
            ok: ISO_DURATION.test(ltr.yearly),
            field: "sizing.longTermRetention.yearly",
            value: ltr.yearly,
            allowed: "an ISO 8601 duration such as P7Y",
          },
          intBetween(ltr.weekOfYear, 1, 52, "sizing.longTermRetention.weekOfYear"),
        ]),
    {
      ok: !(s.geoReplica ?? false) || props.secondaryLocation !== undefined,
      field: "sizing.geoReplica",
      value: s.geoReplica,
      allowed: "false unless secondaryLocation is set (the failover group's partner region)",
    },
    secondaryLocationRule(props.location, props.secondaryLocation),
    zonalRule(
      s.zoneRedundant,
      { field: "location", value: props.location },
      { field: "sizing.zoneRedundant", value: s.zoneRedundant, otherwise: "false" },
    ),
    zonalRule(
      s.zoneRedundant && s.geoReplica === true,
      { field: "secondaryLocation", value: props.secondaryLocation },
      { field: "sizing.zoneRedundant", value: s.zoneRedundant, otherwise: "false" },
    ),
    zonalRule(
      s.backupStorageRedundancy === "Zone" || s.backupStorageRedundancy === "GeoZone",
      { field: "location", value: props.location },
      { field: "sizing.backupStorageRedundancy", value: s.backupStorageRedundancy, otherwise: "Local or Geo" },
    ),
    {
      ok: !cdc.enabled || cdc.tables.length > 0,
      field: "cdc.tables",
      value: cdc.tables,
      allowed: "at least one table when cdc.enabled is true",
    },
    ...prefixed("cdc.", cdcTableRules(cdc.tables, props.cdc?.scriptsDirectory === undefined ? OLTP_TABLES : undefined)),
  ];
}

/** What the SKU allows: read scale-out, zone redundancy, serverless settings, CDC, PITR window and max size. */
function skuRules(props: SqlDatabaseRuleInput, caps: SqlSkuCapabilities): Rule[] {
  const s = props.sizing;
  const sku = s.skuName;
  const pitr = props.pointInTimeRetentionDays;
  const size = s.maxSizeGb;
  return [
    {
      ok: !s.readScaleOut || caps.supportsReadScale,
      field: "sizing.readScaleOut",
      value: s.readScaleOut,
      allowed: `false unless the SKU is Business Critical (BC_Gen5_*) or Premium (P*); ${sku} has no readable HA replica`,
    },
    {
      ok: caps.serverless || (s.minCapacity === undefined && s.autoPauseDelayMinutes === undefined),
      field: "sizing.minCapacity/autoPauseDelayMinutes",
      value: { minCapacity: s.minCapacity, autoPauseDelayMinutes: s.autoPauseDelayMinutes },
      allowed: "unset unless the SKU is serverless (GP_S_Gen5_*)",
    },
    ...(caps.serverless && s.minCapacity !== undefined
      ? [
          {
            ok: s.minCapacity >= 0.5 && s.minCapacity <= (caps.vCores ?? 0),
            field: "sizing.minCapacity",
            value: s.minCapacity,
            allowed: `0.5 to ${caps.vCores} vCores (the SKU's maximum)`,
          },
        ]
      : []),
    ...(caps.serverless && s.autoPauseDelayMinutes !== undefined
      ? [
          {
            ok:
              s.autoPauseDelayMinutes === -1 ||
              (Number.isInteger(s.autoPauseDelayMinutes) && s.autoPauseDelayMinutes >= 15 && s.autoPauseDelayMinutes <= 10080),
            field: "sizing.autoPauseDelayMinutes",
            value: s.autoPauseDelayMinutes,
            allowed: "-1 (never pause) or 15 to 10080 minutes",
          },
        ]
      : []),
    {
      ok: !s.zoneRedundant || caps.supportsZoneRedundancy,
      field: "sizing.zoneRedundant",
      value: s.zoneRedundant,
      allowed: `false for ${sku} (${caps.tier}); zone redundancy needs General Purpose, Business Critical, Hyperscale or Premium`,
    },
    {
      ok: !(props.cdc?.enabled ?? false) || caps.supportsCdc,
      field: "cdc.enabled",
      value: props.cdc?.enabled,
      allowed: `false for the SKU ${sku} (${caps.tier}); CDC needs ${SQL_CDC_RULE}`,
    },
    {
      ok: Number.isInteger(pitr) && pitr >= 1 && pitr <= caps.maxPointInTimeDays,
      field: "pointInTimeRetentionDays",
      value: pitr,
      allowed: `an integer from 1 to ${caps.maxPointInTimeDays} days (the point-in-time window ${sku} keeps)`,
    },
    {
      ok: caps.maxSizeStepsGb ? caps.maxSizeStepsGb.includes(size) : Number.isInteger(size) && size >= 1 && size <= caps.maxDataSizeGb,
      field: "sizing.maxSizeGb",
      value: size,
      allowed: caps.maxSizeStepsGb
        ? `one of ${caps.maxSizeStepsGb.join(", ")} GB (the max sizes ${sku} offers)`
        : `an integer from 1 to ${caps.maxDataSizeGb} GB (the documented max data size of ${sku})`,
    },
  ];
}

/**
 * The OLTP store: an Azure SQL logical server and one database, secure by default.
 *
 * - Entra ID-only authentication with an admin group (no SQL login or password in config or state),
 *   TLS 1.2 minimum, no public network access (private endpoint + DNS), outbound network restriction,
 *   Proxy connection policy (only TCP 1433 through the private endpoint, matching the subnet's NSG).
 * - TDE with the customer-managed key through the `sql` user-assigned identity, auto-rotating.
 * - Auditing (SQL and Microsoft support operations) to Log Analytics, Defender for SQL threat
 *   protection and express vulnerability assessment, database diagnostics.
 * - Sizing from the environment: SKU, zone redundancy, read scale-out, PITR and LTR backups, backup
 *   storage redundancy; with `geoReplica` a secondary server and database in `secondaryLocation`
 *   joined by an automatic failover group.
 * - CDC (when enabled) applied by `CdcEnablement` at deploy time.
 */
export class SqlDatabase extends Construct {
  readonly server: MssqlServer;
  readonly database: MssqlDatabase;
  readonly serverId: string;
  /** `<server>.database.windows.net`; resolves privately inside the VNet. */
  readonly serverFqdn: string;
  readonly databaseId: string;
  readonly databaseName: string;
  readonly secondaryServer?: MssqlServer;
  readonly secondaryDatabase?: MssqlDatabase;
  readonly failoverGroup?: MssqlFailoverGroup;
  /** Read-write listener `<failover group>.database.windows.net` that follows a failover; the primary FQDN without a failover group. */
  readonly listenerFqdn: string;
  readonly cdc?: CdcEnablement;

  constructor(scope: Construct, id: string, props: SqlDatabaseProps) {
    super(scope, id);
    assertRules(`SqlDatabase ${this.node.path}`, sqlDatabaseRules(props));
    const { naming, sizing } = props;
    const caps = sqlSkuCapabilities(sizing.skuName) as NonNullable<ReturnType<typeof sqlSkuCapabilities>>;
    const protect = props.deletionProtection ?? true;

    const primary = this.createServer("primary", props, props.location, "sql");
    this.server = primary.server;
    this.serverId = primary.server.id;
    this.serverFqdn = primary.server.fullyQualifiedDomainName;

    this.databaseName = naming.name("sqlDatabase", { qualifier: "oltp" });
    const longTermRetention = sizing.longTermRetention
      ? {
          weeklyRetention: sizing.longTermRetention.weekly,
          monthlyRetention: sizing.longTermRetention.monthly,
          yearlyRetention: sizing.longTermRetention.yearly,
          weekOfYear: sizing.longTermRetention.weekOfYear,
        }
      : undefined;
    this.database = new MssqlDatabase(this, "database", {
      name: this.databaseName,
      serverId: primary.server.id,
      skuName: sizing.skuName,
      maxSizeGb: sizing.maxSizeGb,
      zoneRedundant: sizing.zoneRedundant,
      readScale: caps.supportsReadScale ? sizing.readScaleOut : undefined,
      storageAccountType: sizing.backupStorageRedundancy,
      minCapacity: caps.serverless ? (sizing.minCapacity ?? 0.5) : undefined,
      autoPauseDelayInMinutes: caps.serverless ? (sizing.autoPauseDelayMinutes ?? 60) : undefined,
      transparentDataEncryptionEnabled: true,
      shortTermRetentionPolicy: {
        retentionDays: props.pointInTimeRetentionDays,
        // Differential backups every 12 hours (Hyperscale takes snapshots and rejects the setting).
        backupIntervalInHours: caps.tier === "Hyperscale" ? undefined : 12,
      },
      longTermRetentionPolicy: longTermRetention,
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: [primary.tde],
    });
    preventDestroy(protect, this.database);
    this.databaseId = this.database.id;
    new DiagnosticSettings(this, "database-diagnostics", { diagnostics: props.diagnostics, targetResourceId: this.database.id });

    const cdcDependencies = [this.database, primary.tde, primary.endpoint.endpoint];

    if (sizing.geoReplica) {
      const secondaryLocation = props.secondaryLocation as AzureLocation;
      const secondary = this.createServer("secondary", props, secondaryLocation, "sql2");
      this.secondaryServer = secondary.server;
      this.secondaryDatabase = new MssqlDatabase(this, "secondary-database", {
        name: this.databaseName,
        serverId: secondary.server.id,
        createMode: "Secondary",
        creationSourceDatabaseId: this.database.id,
        skuName: sizing.skuName,
        // No max_size_gb: a geo-secondary takes the primary's size, and azurerm refuses the attribute in
        // Secondary create mode ("it is not possible to change maximum size nor advised to configure
        // maximum size in secondary create mode"), so the secondary and the failover group would never exist.
        zoneRedundant: sizing.zoneRedundant,
        readScale: caps.supportsReadScale ? sizing.readScaleOut : undefined,
        storageAccountType: sizing.backupStorageRedundancy,
        transparentDataEncryptionEnabled: true,
        // The same LTR policy on the geo-secondary: long-term backups continue after a failover.
        longTermRetentionPolicy: longTermRetention,
        tags: props.tags ? { ...props.tags } : undefined,
        dependsOn: [secondary.tde],
      });
      preventDestroy(protect, this.secondaryDatabase);
      new DiagnosticSettings(this, "secondary-database-diagnostics", {
        diagnostics: props.diagnostics,
        targetResourceId: this.secondaryDatabase.id,
      });

      const failoverGroupName = naming.name("sqlFailoverGroup");
      this.failoverGroup = new MssqlFailoverGroup(this, "failover-group", {
        name: failoverGroupName,
        serverId: primary.server.id,
        databases: [this.database.id],
        partnerServer: [{ id: secondary.server.id }],
        readWriteEndpointFailoverPolicy: { mode: "Automatic", graceMinutes: FAILOVER_GRACE_MINUTES },
        readonlyEndpointFailoverPolicyEnabled: true,
        tags: props.tags ? { ...props.tags } : undefined,
        dependsOn: [this.secondaryDatabase],
      });
      this.listenerFqdn = `${failoverGroupName}.database.windows.net`;
    } else {
      this.listenerFqdn = this.serverFqdn;
    }

    if (props.cdc?.enabled) {
      this.cdc = new CdcEnablement(this, "cdc", {
        serverFqdn: this.serverFqdn,
        databaseName: this.databaseName,
        tables: props.cdc.tables,
        scriptsDirectory: props.cdc.scriptsDirectory,
        dependsOn: cdcDependencies,
      });
    }
  }

  /** One logical server with its TDE protector, private endpoint, auditing and Defender settings. */
  private createServer(
    id: string,
    props: SqlDatabaseProps,
    location: AzureLocation,
    endpointQualifier: string,
  ): { server: MssqlServer; tde: MssqlServerTransparentDataEncryption; endpoint: PrivateEndpoint } {
    const scope = new Construct(this, id);
    const server = new MssqlServer(scope, "server", {
      name: props.naming.name("sqlServer", { location }),
      resourceGroupName: props.resourceGroupName,
      location,
      version: "12.0",
      minimumTlsVersion: "1.2",
      publicNetworkAccessEnabled: false,
      outboundNetworkRestrictionEnabled: true,
      // Proxy: clients use TCP 1433 only, which is all the private endpoint subnet's NSG allows.
      connectionPolicy: "Proxy",
      azureadAdministrator: {
        loginUsername: props.administrator.displayName,
        objectId: props.administrator.objectId,
        tenantId: props.tenantId,
        azureadAuthenticationOnly: true,
      },
      identity: { type: "UserAssigned", identityIds: [props.identity.id] },
      primaryUserAssignedIdentityId: props.identity.id,
      expressVulnerabilityAssessmentEnabled: true,
      tags: props.tags ? { ...props.tags } : undefined,
      // The server's identity wraps the TDE protector at creation: wait until its key grant is enforced.
      dependsOn: [...props.identity.keyAccessReady],
    });
    preventDestroy(props.deletionProtection ?? true, server);

    const tde = new MssqlServerTransparentDataEncryption(scope, "tde", {
      serverId: server.id,
      keyVaultKeyId: props.encryptionKey.id,
      autoRotationEnabled: true,
    });

    const endpoint = new PrivateEndpoint(scope, "private-endpoint", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "sqlServer",
      targetResourceId: server.id,
      qualifier: endpointQualifier,
    });

    // Auditing to Log Analytics: a diagnostic setting on `master` carries the server audit (SQLSecurityAuditEvents)
    // and the Microsoft support operations audit (DevOpsOperationsAudit); the policies switch them on.
    const masterAudit = new DiagnosticSettings(scope, "audit-diagnostics", {
      diagnostics: props.diagnostics,
      targetResourceId: `${server.id}/databases/master`,
      logCategoryGroups: ["audit"],
      metrics: false,
    });
    new MssqlServerExtendedAuditingPolicy(scope, "auditing", {
      serverId: server.id,
      enabled: true,
      logMonitoringEnabled: true,
      dependsOn: [masterAudit.setting],
    });
    new MssqlServerMicrosoftSupportAuditingPolicy(scope, "support-auditing", {
      serverId: server.id,
      enabled: true,
      logMonitoringEnabled: true,
      dependsOn: [masterAudit.setting],
    });
    // Defender for SQL: advanced threat protection on the server (vulnerability assessment is the express configuration above).
    new MssqlServerSecurityAlertPolicy(scope, "defender", {
      resourceGroupName: props.resourceGroupName,
      serverName: server.name,
      state: "Enabled",
      emailAccountAdmins: true,
      emailAddresses: props.securityAlertEmails ? [...props.securityAlertEmails] : undefined,
    });
    return { server, tde, endpoint };
  }
}

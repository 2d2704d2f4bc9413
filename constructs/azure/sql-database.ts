import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { MssqlDatabase } from "@cdktf/provider-azurerm/lib/mssql-database";
import { MssqlFailoverGroup } from "@cdktf/provider-azurerm/lib/mssql-failover-group";
import { MssqlServer } from "@cdktf/provider-azurerm/lib/mssql-server";
import { MssqlServerExtendedAuditingPolicy } from "@cdktf/provider-azurerm/lib/mssql-server-extended-auditing-policy";
import { MssqlServerMicrosoftSupportAuditingPolicy } from "@cdktf/provider-azurerm/lib/mssql-server-microsoft-support-auditing-policy";
import { MssqlServerSecurityAlertPolicy } from "@cdktf/provider-azurerm/lib/mssql-server-security-alert-policy";
import { MssqlServerTransparentDataEncryption } from "@cdktf/provider-azurerm/lib/mssql-server-transparent-data-encryption";
import { Construct } from "constructs";
import { SQL_CDC_RULE, SQL_SKU_FORMAT, sqlSkuCapabilities } from "./sql-sku";
import { EntraAdminGroup, SqlDatabaseSizing } from "../../environments/types";
import { AzureLocation } from "./locations";
import { CdcEnablement } from "./cdc-enablement";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { AzureNaming } from "./naming";
import { PrivateAccess, PrivateEndpoint } from "./private-endpoint";
import { WorkloadIdentity } from "./workload-identity";
import { preventDestroy } from "../shared/lifecycle";

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

export interface SqlDatabaseProps {
  readonly naming: AzureNaming;
  /** Resource group of the servers and databases. */
  readonly resourceGroupName: string;
  /** Primary region. */
  readonly location: AzureLocation;
  /** Microsoft Entra tenant of the administrator group. */
  readonly tenantId: string;
  /** The Entra ID group that administers the server; the only way in (Entra-only authentication, no SQL login). */
  readonly administrator: EntraAdminGroup;
  /** The `sql` workload identity: server identity and TDE key access (already granted on `encryptionKey`). */
  readonly identity: WorkloadIdentity;
  /** Customer-managed TDE protector (RSA key in the platform Key Vault). */
  readonly encryptionKey: KeyVaultKey;
  readonly privateAccess: PrivateAccess;
  /** Log Analytics target of auditing and database diagnostics. */
  readonly diagnostics: DiagnosticsTarget;
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
  /**
   * `lifecycle.prevent_destroy` on servers and databases.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Extra tags on the servers and databases (the stack's tags aspect adds the required ones).
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Failover of the read-write listener after this grace period of a regional outage (minutes). */
const FAILOVER_GRACE_MINUTES = 60;

/** Validates props before any resource is created; every message names the prop and says the fix. */
export function validateSqlDatabaseProps(props: SqlDatabaseProps): string[] {
  const s = props.sizing;
  const caps = sqlSkuCapabilities(s.skuName);
  const problems: string[] = [];
  const rule = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  rule(caps !== undefined, `sizing.skuName: got "${s.skuName}"; use ${SQL_SKU_FORMAT}.`);
  if (caps) {
    rule(
      !(props.cdc?.enabled ?? false) || caps.supportsCdc,
      `cdc.enabled: change data capture is not supported on ${s.skuName} (${caps.tier}); CDC needs ${SQL_CDC_RULE}. Choose S3+ or a vCore SKU, or set cdc.enabled to false.`,
    );
    rule(
      !s.zoneRedundant || caps.supportsZoneRedundancy,
      `sizing.zoneRedundant: ${s.skuName} (${caps.tier}) cannot be zone redundant; use a General Purpose, Business Critical, Hyperscale or Premium SKU, or set it to false.`,
    );
    rule(
      !s.readScaleOut || caps.supportsReadScale,
      `sizing.readScaleOut: ${s.skuName} (${caps.tier}) has no readable HA replica; use Business Critical or Premium, or set it to false.`,
    );
    rule(
      caps.serverless || (s.minCapacity === undefined && s.autoPauseDelayMinutes === undefined),
      `sizing.minCapacity/autoPauseDelayMinutes: only serverless SKUs (GP_S_Gen5_*) take them; remove them for ${s.skuName}.`,
    );
    rule(
      Number.isInteger(props.pointInTimeRetentionDays) &&
        props.pointInTimeRetentionDays >= 1 &&
        props.pointInTimeRetentionDays <= caps.maxPointInTimeDays,
      `pointInTimeRetentionDays: got ${props.pointInTimeRetentionDays}; ${s.skuName} allows 1-${caps.maxPointInTimeDays} days.`,
    );
  }
  rule(
    !(s.geoReplica ?? false) || props.secondaryLocation !== undefined,
    "secondaryLocation: required when sizing.geoReplica is true (the failover group's partner region).",
  );
  rule(
    props.secondaryLocation === undefined || props.secondaryLocation !== props.location,
    `secondaryLocation: got "${props.secondaryLocation}", the primary region; choose the paired region.`,
  );
  rule(
    !(props.cdc?.enabled ?? false) || (props.cdc?.tables.length ?? 0) > 0,
    "cdc.tables: list at least one table when cdc.enabled is true.",
  );
  return problems;
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
    const problems = validateSqlDatabaseProps(props);
    if (problems.length > 0) {
      throw new Error(`SqlDatabase ${this.node.path} has invalid props:\n  - ${problems.join("\n  - ")}`);
    }
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

import { createHash } from "node:crypto";
import { AZURE_LOCATION_SHORT, AzureLocation } from "./locations";

/**
 * Naming rule of one Azure resource type: its Cloud Adoption Framework abbreviation and the
 * length and charset limits Azure enforces (learn.microsoft.com, "Naming rules and restrictions
 * for Azure resources").
 */
interface NamingRule {
  readonly abbreviation: string;
  readonly min: number;
  readonly max: number;
  /** The whole name must match. */
  readonly pattern: RegExp;
  /** Human-readable form of `pattern` for error messages. */
  readonly charset: string;
  /** Globally unique (DNS) names get a deterministic suffix so two tenants never collide. */
  readonly globallyUnique: boolean;
  /** Storage accounts and the like forbid separators. */
  readonly separator: "-" | "" | "_";
}

const HYPHENATED = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const HYPHENATED_CHARSET = "lowercase letters, digits and hyphens, starting and ending with a letter or digit";

/** The common rule: lowercase letters, digits and hyphens between `min` and `max` characters. */
function hyphenated(abbreviation: string, min: number, max: number, options: { globallyUnique?: boolean } = {}): NamingRule {
  return {
    abbreviation,
    min,
    max,
    pattern: HYPHENATED,
    charset: HYPHENATED_CHARSET,
    globallyUnique: options.globallyUnique ?? false,
    separator: "-",
  };
}

/** The resource kinds this repository names. Add a row here, never a name built by hand. */
export const AZURE_NAMING_RULES = {
  resourceGroup: {
    abbreviation: "rg",
    min: 1,
    max: 90,
    pattern: /^[a-z0-9][a-z0-9-_.()]*[a-z0-9_()-]$/,
    charset: "lowercase letters, digits, - _ . ( ), not ending in a period",
    globallyUnique: false,
    separator: "-",
  },
  virtualNetwork: hyphenated("vnet", 2, 64),
  subnet: hyphenated("snet", 1, 80),
  networkSecurityGroup: hyphenated("nsg", 1, 80),
  privateEndpoint: hyphenated("pe", 2, 64),
  firewall: hyphenated("afw", 1, 80),
  firewallPolicy: hyphenated("afwp", 1, 80),
  routeTable: hyphenated("rt", 1, 80),
  publicIp: hyphenated("pip", 1, 80),
  ddosProtectionPlan: hyphenated("ddos", 1, 80),
  keyVault: {
    abbreviation: "kv",
    min: 3,
    max: 24,
    pattern: /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/,
    charset: "lowercase letters, digits and single hyphens, starting with a letter",
    globallyUnique: true,
    separator: "-",
  },
  keyVaultKey: hyphenated("cmk", 1, 127),
  logAnalyticsWorkspace: hyphenated("log", 4, 63),
  managedIdentity: hyphenated("id", 3, 128),
  sqlServer: hyphenated("sql", 1, 63, { globallyUnique: true }),
  sqlDatabase: hyphenated("sqldb", 1, 128),
  sqlFailoverGroup: hyphenated("sqlfg", 1, 63, { globallyUnique: true }),
  cosmosAccount: hyphenated("cosmos", 3, 44, { globallyUnique: true }),
  synapseWorkspace: {
    abbreviation: "synw",
    min: 1,
    max: 50,
    pattern: /^[a-z0-9](?!.*-ondemand)[a-z0-9-]*[a-z0-9]$/,
    charset: HYPHENATED_CHARSET + ", not containing '-ondemand'",
    globallyUnique: true,
    separator: "-",
  },
  synapseSqlPool: {
    abbreviation: "syndp",
    min: 1,
    max: 60,
    pattern: /^[a-z][a-z0-9_]*$/,
    charset: "lowercase letters, digits and underscores (no hyphens)",
    globallyUnique: false,
    separator: "_",
  },
  dataFactory: hyphenated("adf", 3, 63, { globallyUnique: true }),
  storageAccount: {
    abbreviation: "st",
    min: 3,
    max: 24,
    pattern: /^[a-z0-9]+$/,
    charset: "lowercase letters and digits only",
    globallyUnique: true,
    separator: "",
  },
  actionGroup: hyphenated("ag", 1, 260),
  metricAlert: hyphenated("alrt", 1, 260),
  scheduledQueryAlert: hyphenated("sqra", 1, 260),
  dashboard: hyphenated("dash", 3, 160),
  budget: hyphenated("budget", 1, 63),
  policyAssignment: hyphenated("pa", 1, 64),
  lock: { abbreviation: "lock", min: 1, max: 90, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  diagnosticSetting: hyphenated("diag", 1, 260),
} as const satisfies Record<string, NamingRule>;

export type AzureResourceKind = keyof typeof AZURE_NAMING_RULES;

/** Props of the naming helper: the parts every name is built from. */
export interface AzureNamingProps {
  /** Workload code, e.g. `pay`. */
  readonly workload: string;
  /** Environment name, e.g. `prod`. */
  readonly environment: string;
  /** Primary region; names carry its short code. */
  readonly location: AzureLocation;
  /**
   * Seed of the uniqueness suffix of globally unique names. Use something stable per
   * deployment target (the tenant id): the same seed always yields the same names.
   */
  readonly uniqueSeed: string;
}

/** Options of one name. */
export interface NameOptions {
  /** Distinguishes two resources of one kind, e.g. `pe` / `int` for subnets. @default - none */
  readonly qualifier?: string;
  /** Region whose short code the name carries. @default - the primary location */
  readonly location?: AzureLocation;
}

/** Thrown when a generated name breaks the service's rules: fix the environment's workload/name. */
export class InvalidResourceNameError extends Error {}

/**
 * Builds Azure resource names from CAF abbreviations:
 * `<abbr>-<workload>-<env>-<region>[-<qualifier>][-<suffix>]`, with the separator and case each
 * service allows, and checks the result against the service's limits.
 */
export class AzureNaming {
  /** Four hex characters of a SHA-256 over the seed and the name parts: stable across runs. */
  readonly suffix: string;

  constructor(private readonly props: AzureNamingProps) {
    this.suffix = createHash("sha256")
      .update(`${props.uniqueSeed}/${props.workload}/${props.environment}/${props.location}`)
      .digest("hex")
      .slice(0, 4);
  }

  /** The name of a resource of `kind`. Throws `InvalidResourceNameError` when it breaks the service's rules. */
  name(kind: AzureResourceKind, options: NameOptions = {}): string {
    const rule: NamingRule = AZURE_NAMING_RULES[kind];
    const region = AZURE_LOCATION_SHORT[options.location ?? this.props.location];
    const parts = [rule.abbreviation, this.props.workload, this.props.environment, region];
    if (options.qualifier) parts.push(options.qualifier);
    if (rule.globallyUnique) parts.push(this.suffix);
    const joined = parts.map((p) => p.toLowerCase()).join(rule.separator);
    const name = rule.separator === "" ? joined.replace(/[^a-z0-9]/g, "") : joined.replace(/[-_]/g, rule.separator);
    validateName(kind, name);
    return name;
  }
}

/** Checks a name against its kind's length and charset rules. */
export function validateName(kind: AzureResourceKind, name: string): void {
  const rule: NamingRule = AZURE_NAMING_RULES[kind];
  if (name.length < rule.min || name.length > rule.max) {
    throw new InvalidResourceNameError(
      `Name "${name}" for ${kind} has ${name.length} characters; allowed: ${rule.min}-${rule.max}. ` +
        `Shorten the environment's workload or name.`,
    );
  }
  if (!rule.pattern.test(name)) {
    throw new InvalidResourceNameError(`Name "${name}" for ${kind} is invalid; allowed: ${rule.charset}.`);
  }
}

/**
 * The naming kind of each Terraform resource type this repository names, so tests and the policy
 * pass can check every synthesized name against its service's rules.
 */
export const AZURE_RESOURCE_TYPE_KINDS: Readonly<Record<string, AzureResourceKind>> = {
  azurerm_resource_group: "resourceGroup",
  azurerm_virtual_network: "virtualNetwork",
  azurerm_subnet: "subnet",
  azurerm_network_security_group: "networkSecurityGroup",
  azurerm_private_endpoint: "privateEndpoint",
  azurerm_firewall: "firewall",
  azurerm_firewall_policy: "firewallPolicy",
  azurerm_public_ip: "publicIp",
  azurerm_route_table: "routeTable",
  azurerm_network_ddos_protection_plan: "ddosProtectionPlan",
  azurerm_key_vault: "keyVault",
  azurerm_key_vault_key: "keyVaultKey",
  azurerm_log_analytics_workspace: "logAnalyticsWorkspace",
  azurerm_user_assigned_identity: "managedIdentity",
  azurerm_mssql_server: "sqlServer",
  azurerm_mssql_database: "sqlDatabase",
  azurerm_mssql_failover_group: "sqlFailoverGroup",
  azurerm_cosmosdb_account: "cosmosAccount",
  azurerm_synapse_workspace: "synapseWorkspace",
  azurerm_synapse_sql_pool: "synapseSqlPool",
  azurerm_data_factory: "dataFactory",
  azurerm_storage_account: "storageAccount",
  azurerm_monitor_action_group: "actionGroup",
  azurerm_portal_dashboard: "dashboard",
  azurerm_monitor_metric_alert: "metricAlert",
  azurerm_monitor_scheduled_query_rules_alert_v2: "scheduledQueryAlert",
  azurerm_resource_group_policy_assignment: "policyAssignment",
  azurerm_management_lock: "lock",
};

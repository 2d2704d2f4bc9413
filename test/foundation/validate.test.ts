import { dev } from "../../environments/dev";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { EnvironmentConfigError, parseCidr } from "../../environments/checks";
import { prod } from "../../environments/prod";
import { staging } from "../../environments/staging";
import { AzureEnvironment } from "../../environments/types";
import { validateAzureEnvironment, validateEnvironmentSet } from "../../environments/validate";

/** Shallow-merges nested overrides into a copy of an environment (no mutation of the shipped files). */
function withChanges(base: AzureEnvironment, change: (e: any) => void): AzureEnvironment {
  const copy = structuredClone(base) as any;
  change(copy);
  return copy as AzureEnvironment;
}

describe("shipped environments", () => {
  test.each(AZURE_ENVIRONMENTS.map((e) => [e.name, e] as const))("%s is valid", (_name, env) => {
    expect(validateAzureEnvironment(env)).toBe(env);
  });

  test("the set is valid: unique names, non-overlapping address spaces", () => {
    expect(() => validateEnvironmentSet(AZURE_ENVIRONMENTS)).not.toThrow();
  });
});

describe("validateAzureEnvironment names the environment, field, value and what is allowed", () => {
  test("the error carries every issue, not just the first", () => {
    const bad = withChanges(dev, (e) => {
      e.location = "moon-1";
      e.tags.owner = "";
    });
    let error: unknown;
    try {
      validateAzureEnvironment(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentConfigError);
    const err = error as EnvironmentConfigError;
    expect(err.environment).toBe("dev");
    expect(err.issues.map((i) => i.field)).toEqual(expect.arrayContaining(["location", "tags.owner"]));
    expect(err.message).toMatch(/^Invalid environment "dev" \(\d+ problems\)/);
    expect(err.message).toMatch(/location: got "moon-1"; allowed: one of westeurope, northeurope/);
  });

  test.each<[string, AzureEnvironment, RegExp]>([
    // names and identifiers
    [
      "name charset",
      withChanges(dev, (e) => {
        e.name = "Dev_1";
        e.tags.environment = "Dev_1";
      }),
      /name: got "Dev_1"; allowed: 2-8 lowercase letters or digits/,
    ],
    ["workload charset", withChanges(dev, (e) => (e.workload = "pay-ments")), /workload: got "pay-ments"; allowed: 2-6 lowercase/],
    [
      "name too long for Key Vault",
      withChanges(dev, (e) => {
        e.workload = "paymnt";
        e.name = "develop1";
        e.tags.environment = "develop1";
      }),
      /workload\/name: got "paymnt\/develop1".*keyVault has 2\d characters; allowed: 3-24/,
    ],
    ["tenant id", withChanges(dev, (e) => (e.tenantId = "my-tenant")), /tenantId: got "my-tenant"; allowed: a GUID/],
    ["subscription id", withChanges(dev, (e) => (e.subscriptionId = "")), /subscriptionId: got ""; allowed: a GUID/],
    // locations
    ["unknown location", withChanges(dev, (e) => (e.location = "westeu")), /location: got "westeu"; allowed: one of westeurope/],
    [
      "secondary equals primary",
      withChanges(staging, (e) => (e.secondaryLocation = "westeurope")),
      /secondaryLocation: got "westeurope"; allowed: a region other than location/,
    ],
    [
      "prod without secondary",
      withChanges(prod, (e) => {
        delete e.secondaryLocation;
      }),
      /secondaryLocation: got undefined; allowed: a region \(required in prod/,
    ],
    // CIDRs
    [
      "CIDR syntax",
      withChanges(dev, (e) => (e.network.addressSpace = "10.10.0.0/33")),
      /network.addressSpace: got "10.10.0.0\/33"; allowed: an IPv4 network in CIDR notation/,
    ],
    [
      "CIDR host bits",
      withChanges(dev, (e) => (e.network.privateEndpointSubnet = "10.10.1.7/24")),
      /network.privateEndpointSubnet: got "10.10.1.7\/24"; allowed: an IPv4 network/,
    ],
    [
      "public address space",
      withChanges(dev, (e) => {
        e.network.addressSpace = "8.8.0.0/16";
        e.network.privateEndpointSubnet = "8.8.1.0/24";
        e.network.integrationSubnet = "8.8.2.0/24";
      }),
      /network.addressSpace: got "8.8.0.0\/16"; allowed: a private \(RFC 1918\) range/,
    ],
    [
      "subnet outside VNet",
      withChanges(dev, (e) => (e.network.integrationSubnet = "10.99.2.0/24")),
      /network.integrationSubnet: got "10.99.2.0\/24"; allowed: a range inside addressSpace \(10\.10\.0\.0\/16\)/,
    ],
    [
      "overlapping subnets",
      withChanges(dev, (e) => (e.network.integrationSubnet = "10.10.1.128/25")),
      /network.integrationSubnet: got "10.10.1.128\/25"; allowed: a range that does not overlap privateEndpointSubnet \(10\.10\.1\.0\/24\)/,
    ],
    [
      "integration subnet too small",
      withChanges(dev, (e) => (e.network.integrationSubnet = "10.10.2.0/28")),
      /network.integrationSubnet: got "10.10.2.0\/28"; allowed: a prefix length from \/16 to \/27/,
    ],
    [
      "firewall subnet too small",
      withChanges(prod, (e) => (e.network.firewallSubnet = "10.30.3.0/27")),
      /network.firewallSubnet: got "10.30.3.0\/27"; allowed: a prefix length from \/16 to \/26/,
    ],
    [
      "prod without firewall",
      withChanges(prod, (e) => {
        delete e.network.firewallSubnet;
      }),
      /network.firewallSubnet: got undefined; allowed: .*required in prod/,
    ],
    ["prod without DDoS", withChanges(prod, (e) => (e.network.ddosProtection = false)), /network.ddosProtection: got false; allowed: true/],
    // tags
    ["empty owner tag", withChanges(dev, (e) => (e.tags.owner = " ")), /tags.owner: got " "; allowed: a non-empty string/],
    ["cost center with forbidden characters", withChanges(dev, (e) => (e.tags.costCenter = "CC<1>")), /tags.costCenter: got "CC<1>"/],
    [
      "data classification",
      withChanges(dev, (e) => (e.tags.dataClassification = "secret")),
      /tags.dataClassification: got "secret"; allowed: one of public, internal, confidential, restricted/,
    ],
    ["environment tag mismatch", withChanges(dev, (e) => (e.tags.environment = "prod")), /tags.environment: got "prod"; allowed: "dev"/],
    // retention bounds
    [
      "log retention below 90 days",
      withChanges(dev, (e) => (e.retention.logAnalyticsDays = 30)),
      /retention.logAnalyticsDays: got 30; allowed: an integer from 90 to 730/,
    ],
    [
      "log retention above 730 days",
      withChanges(dev, (e) => (e.retention.logAnalyticsDays = 731)),
      /retention.logAnalyticsDays: got 731; allowed: an integer from 90 to 730/,
    ],
    [
      "prod PITR below 35 days",
      withChanges(prod, (e) => (e.retention.sqlPointInTimeDays = 14)),
      /retention.sqlPointInTimeDays: got 14; allowed: 35 in prod/,
    ],
    [
      "prod Key Vault soft delete below 90",
      withChanges(prod, (e) => (e.retention.keyVaultSoftDeleteDays = 7)),
      /retention.keyVaultSoftDeleteDays: got 7; allowed: 90 in prod/,
    ],
    // alerts and budget
    [
      "no alert contact",
      withChanges(dev, (e) => (e.alertContacts.emails = [])),
      /alertContacts.emails: got \[\]; allowed: at least one e-mail address/,
    ],
    [
      "bad e-mail",
      withChanges(dev, (e) => (e.alertContacts.emails = ["oncall"])),
      /alertContacts.emails\[0\]: got "oncall"; allowed: an e-mail address/,
    ],
    [
      "http webhook",
      withChanges(dev, (e) => (e.alertContacts.webhookUrl = "http://hook.example.com")),
      /alertContacts.webhookUrl: got "http:\/\/hook.example.com"; allowed: an https:\/\/ URL/,
    ],
    [
      "prod without budget",
      withChanges(prod, (e) => {
        delete e.budget;
      }),
      /budget: got undefined; allowed: a budget \(required in prod\)/,
    ],
    [
      "negative budget",
      withChanges(dev, (e) => (e.budget.monthlyAmountUsd = -1)),
      /budget.monthlyAmountUsd: got -1; allowed: a positive amount/,
    ],
    [
      "budget threshold out of range",
      withChanges(dev, (e) => (e.budget.actualThresholdsPercent = [0])),
      /budget.actualThresholdsPercent\[0\]: got 0; allowed: an integer from 1 to 1000/,
    ],
    [
      "more budget thresholds than an Azure budget takes",
      withChanges(dev, (e) => (e.budget.actualThresholdsPercent = [50, 60, 70, 80, 90])),
      /budget: got .*; allowed: at most 5 thresholds, actual and forecast together/,
    ],
    // state
    [
      "local state outside dev",
      withChanges(staging, (e) => (e.stateBackend = { kind: "local" })),
      /stateBackend.kind: got "local"; allowed: "azurerm" \(local state is allowed for dev only/,
    ],
    [
      "state account name",
      withChanges(prod, (e) => (e.stateBackend.storageAccountName = "St-Pay")),
      /stateBackend.storageAccountName: got "St-Pay"; allowed: 3-24 lowercase letters or digits/,
    ],
    [
      "state key suffix",
      withChanges(prod, (e) => (e.stateBackend.key = "prod.json")),
      /stateBackend.key: got "prod.json"; allowed: a blob name ending in .tfstate/,
    ],
    // identity
    [
      "SQL admin object id",
      withChanges(dev, (e) => (e.sqlAdminGroup.objectId = "admins")),
      /sqlAdminGroup.objectId: got "admins"; allowed: the Entra ID group's object id/,
    ],
    // sizing
    [
      "SQL SKU syntax",
      withChanges(staging, (e) => (e.sizing.sqlDatabase.skuName = "GP_Gen9_2")),
      /sizing.sqlDatabase.skuName: got "GP_Gen9_2"; allowed: a vCore SKU <GP_S_Gen5\|GP_Gen5\|BC_Gen5\|HS_Gen5>_<vCores> \(e.g. BC_Gen5_8\) or a DTU SKU/,
    ],
    [
      "SQL vCores",
      withChanges(staging, (e) => (e.sizing.sqlDatabase.skuName = "GP_Gen5_3")),
      /sizing.sqlDatabase.skuName: got "GP_Gen5_3"; allowed: a vCore SKU/,
    ],
    [
      "CDC on a DTU tier without CDC",
      withChanges(staging, (e) => (e.sizing.sqlDatabase.skuName = "S1")),
      /cdc.enabled: got true; allowed: false for the SKU S1 \(Standard\); CDC needs any vCore SKU/,
    ],
    [
      "read scale-out outside Business Critical",
      withChanges(staging, (e) => (e.sizing.sqlDatabase.readScaleOut = true)),
      /sizing.sqlDatabase.readScaleOut: got true; allowed: false unless the SKU is Business Critical/,
    ],
    [
      "serverless settings on a provisioned SKU",
      withChanges(staging, (e) => (e.sizing.sqlDatabase.minCapacity = 1)),
      /sizing.sqlDatabase.minCapacity\/autoPauseDelayMinutes: .*allowed: unset unless the SKU is serverless/,
    ],
    [
      "serverless in prod",
      withChanges(prod, (e) => {
        e.sizing.sqlDatabase.skuName = "GP_S_Gen5_8";
        e.sizing.sqlDatabase.readScaleOut = false;
      }),
      /sizing.sqlDatabase.skuName: got "GP_S_Gen5_8"; allowed: a provisioned SKU in prod/,
    ],
    [
      "prod without zone redundancy",
      withChanges(prod, (e) => (e.sizing.sqlDatabase.zoneRedundant = false)),
      /sizing.sqlDatabase.zoneRedundant: got false; allowed: true in prod/,
    ],
    [
      "prod with local backups",
      withChanges(prod, (e) => (e.sizing.sqlDatabase.backupStorageRedundancy = "Zone")),
      /sizing.sqlDatabase.backupStorageRedundancy: got "Zone"; allowed: Geo or GeoZone in prod/,
    ],
    [
      "prod without long-term retention",
      withChanges(prod, (e) => {
        delete e.sizing.sqlDatabase.longTermRetention;
      }),
      /sizing.sqlDatabase.longTermRetention: got undefined; allowed: weekly\/monthly\/yearly retention/,
    ],
    [
      "LTR duration syntax",
      withChanges(prod, (e) => (e.sizing.sqlDatabase.longTermRetention.weekly = "12 weeks")),
      /sizing.sqlDatabase.longTermRetention.weekly: got "12 weeks"; allowed: an ISO 8601 duration/,
    ],
    [
      "LTR week of year",
      withChanges(prod, (e) => (e.sizing.sqlDatabase.longTermRetention.weekOfYear = 53)),
      /sizing.sqlDatabase.longTermRetention.weekOfYear: got 53; allowed: an integer from 1 to 52/,
    ],
    [
      "geo replica without secondary region",
      withChanges(dev, (e) => (e.sizing.sqlDatabase.geoReplica = true)),
      /sizing.sqlDatabase.geoReplica: got true; allowed: false unless secondaryLocation is set/,
    ],
    [
      "Synapse SKU",
      withChanges(dev, (e) => (e.sizing.synapse.sqlPoolSku = "DW50c")),
      /sizing.synapse.sqlPoolSku: got "DW50c"; allowed: one of DW100c/,
    ],
    [
      "prod Synapse without geo-backup",
      withChanges(prod, (e) => (e.sizing.synapse.geoBackup = false)),
      /sizing.synapse.geoBackup: got false; allowed: true in prod/,
    ],
    [
      "Cosmos throughput step",
      withChanges(dev, (e) => (e.sizing.cosmos.autoscaleMaxThroughput = 1500)),
      /sizing.cosmos.autoscaleMaxThroughput: got 1500; allowed: a multiple of 1000/,
    ],
    [
      "single-region prod Cosmos",
      withChanges(prod, (e) => (e.sizing.cosmos.multiRegion = false)),
      /sizing.cosmos.multiRegion: got false; allowed: true in prod/,
    ],
    [
      "multi-region Cosmos without secondary",
      withChanges(dev, (e) => (e.sizing.cosmos.multiRegion = true)),
      /sizing.cosmos.multiRegion: got true; allowed: false unless secondaryLocation is set/,
    ],
    [
      "empty git setting",
      withChanges(dev, (e) => (e.sizing.dataFactory.git = { accountName: "", repositoryName: "r", branchName: "main", rootFolder: "/" })),
      /sizing.dataFactory.git.accountName: got ""; allowed: a non-empty string/,
    ],
    // CDC
    [
      "unknown CDC table",
      withChanges(dev, (e) => (e.cdc.tables = ["Payments"])),
      /cdc.tables\[0\]: got "Payments"; allowed: one of Country, Currency/,
    ],
    [
      "duplicate CDC table",
      withChanges(dev, (e) => (e.cdc.tables = ["Payment", "Payment"])),
      /cdc.tables\[1\]: got "Payment"; allowed: a table listed once/,
    ],
    ["CDC enabled without tables", withChanges(dev, (e) => (e.cdc.tables = [])), /cdc.tables: got \[\]; allowed: at least one table/],
    // policy
    [
      "unknown policy pack",
      withChanges(dev, (e) => (e.policy.packs = ["baseline", "strict"])),
      /policy.packs\[1\]: got "strict"; allowed: one of baseline, deployability, production/,
    ],
    [
      "no deployability pack",
      withChanges(dev, (e) => (e.policy.packs = ["baseline"])),
      /policy.packs: got \["baseline"\]; allowed: a list that includes "deployability"/,
    ],
    [
      "prod without production pack",
      withChanges(prod, (e) => (e.policy.packs = ["baseline"])),
      /policy.packs: got \["baseline"\]; allowed: a list that includes "production" in prod/,
    ],
    [
      "short suppression reason",
      withChanges(dev, (e) => (e.policy.suppressions = [{ ruleId: "AZ-KV-001", resource: "azurerm_key_vault.x", reason: "because" }])),
      /policy.suppressions\[0\].reason: got "because"; allowed: a reason of at least 20 characters/,
    ],
    // protection
    [
      "prod without deletion protection",
      withChanges(prod, (e) => (e.deletionProtection = false)),
      /deletionProtection: got false; allowed: true in prod/,
    ],
  ])("%s", (_rule, env, message) => {
    expect(() => validateAzureEnvironment(env)).toThrow(message);
  });
});

describe("validateEnvironmentSet", () => {
  test("refuses overlapping address spaces across environments", () => {
    const clash = withChanges(staging, (e) => (e.network.addressSpace = "10.10.0.0/15"));
    expect(() => validateEnvironmentSet([dev, clash])).toThrow(
      /network.addressSpace: got "10.10.0.0\/15"; allowed: a range that does not overlap environment "dev"/,
    );
  });

  test("refuses two environments with one name", () => {
    expect(() => validateEnvironmentSet([dev, dev])).toThrow(/name: got "dev"; allowed: a name no other environment uses/);
  });
});

describe("parseCidr", () => {
  test.each([
    ["10.0.0.0/8", { first: 167772160, last: 184549375, prefix: 8 }],
    ["192.168.1.0/24", { first: 3232235776, last: 3232236031, prefix: 24 }],
  ])("%s", (text, expected) => {
    expect(parseCidr(text)).toMatchObject(expected);
  });

  test.each(["10.0.0.0", "10.0.0.256/24", "10.0.0.1/24", "10.0.0.0/33", "a.b.c.d/8"])("rejects %s", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

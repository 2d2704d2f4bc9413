/**
 * The four classes of bad input that used to synthesize silently or crash (issue 11), one describe per
 * class. Expected values are written from the service documentation and the provider source at the
 * pinned tags, not read from the tables the validators use. scripts/bad-input-sweep.ts runs the same
 * edits end to end (validation, synth, policy pass).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { awsCronProblems } from "../../constructs/aws/cron";
import { CosmosDb, CosmosDbProps } from "../../constructs/azure/cosmos-db";
import { batchScheduleRules } from "../../constructs/azure/data-factory";
import { Monitoring } from "../../constructs/azure/monitoring";
import { AzureNaming } from "../../constructs/azure/naming";
import { SLA_TABLE, SlaRow, slaRowsRules } from "../../constructs/azure/sla";
import { failedRules, formatIssues } from "../../constructs/shared/rules";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { AwsEnvironment } from "../../environments/aws-types";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { EnvironmentConfigError, StackInputError, buildStack } from "../../environments/checks";
import { AzureEnvironment } from "../../environments/types";
import { validateAzureEnvironment } from "../../environments/validate";
import { EnvironmentConfigErrors, validateAllEnvironments } from "../../environments/validate-all";
import { storeTestbed } from "../helpers/azure";

const azure = (name: string): AzureEnvironment => structuredClone(AZURE_ENVIRONMENTS.find((e) => e.name === name)) as AzureEnvironment;
const aws = (name: string): AwsEnvironment => structuredClone(AWS_ENVIRONMENTS.find((e) => e.name === name)) as AwsEnvironment;
function edited<T>(env: T, edit: (e: any) => void): T {
  edit(env);
  return env;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe("class 1: values are checked against the service's catalogue", () => {
  // "Resource limits for single databases using the vCore purchasing model", row "Max data size (GB)".
  test.each([
    ["GP_S_Gen5_2", 1024],
    ["GP_S_Gen5_6", 1024],
    ["GP_Gen5_4", 1024],
    ["GP_Gen5_6", 1536],
    ["GP_Gen5_8", 2048],
    ["GP_Gen5_12", 3072],
    ["BC_Gen5_8", 2048],
    ["BC_Gen5_24", 4096],
  ])("SQL %s takes up to %d GB", (skuName, maxGb) => {
    const at = edited(azure("staging"), (e) => Object.assign(e.sizing.sqlDatabase, { skuName, maxSizeGb: maxGb }));
    const above = edited(azure("staging"), (e) => Object.assign(e.sizing.sqlDatabase, { skuName, maxSizeGb: maxGb + 1 }));
    expect(() => validateAzureEnvironment(at)).not.toThrow();
    expect(() => validateAzureEnvironment(above)).toThrow(
      `sizing.sqlDatabase.maxSizeGb: got ${maxGb + 1}; allowed: an integer from 1 to ${maxGb} GB (the documented max data size of ${skuName})`,
    );
  });

  // DTU max sizes are steps ("DTU resource limits single databases"; `az sql db list-editions`).
  test.each([
    ["S2", 250, 300, "one of 1, 2, 5, 10, 20, 30, 40, 50, 100, 150, 200, 250 GB"],
    ["S3", 1024, 600, "one of 1, 2, 5, 10, 20, 30, 40, 50, 100, 150, 200, 250, 300, 400, 500, 750, 1024 GB"],
    ["P6", 1024, 1280, "one of 1, 2, 5, 10, 20, 30, 40, 50, 100, 150, 200, 250, 300, 400, 500, 750, 1024 GB"],
    ["Basic", 2, 5, "one of 1, 2 GB"],
  ])("SQL %s: %d GB passes, %d GB fails", (skuName, good, bad, allowed) => {
    const base = (size: number) =>
      edited(azure("staging"), (e) => {
        Object.assign(e.sizing.sqlDatabase, { skuName, maxSizeGb: size });
        e.cdc = { enabled: false, tables: [] };
        e.retention.sqlPointInTimeDays = 7;
      });
    expect(() => validateAzureEnvironment(base(good))).not.toThrow();
    expect(() => validateAzureEnvironment(base(bad))).toThrow(`sizing.sqlDatabase.maxSizeGb: got ${bad}; allowed: ${allowed}`);
  });

  test("SQL P11 reaches 4 TB", () => {
    const env = edited(azure("staging"), (e) => Object.assign(e.sizing.sqlDatabase, { skuName: "P11", maxSizeGb: 4096 }));
    expect(() => validateAzureEnvironment(env)).not.toThrow();
  });

  // learn.microsoft.com "Azure regions list": France South and UK West have no availability zones.
  const ZONAL = "westeurope, northeurope, francecentral, germanywestcentral, swedencentral, uksouth, eastus, eastus2, westus2, centralus";
  test("dev (nothing zonal) may use a region without zones", () => {
    expect(() => validateAzureEnvironment(edited(azure("dev"), (e) => (e.location = "francesouth")))).not.toThrow();
  });
  test.each<[string, (e: any) => void, string[]]>([
    [
      "staging in ukwest",
      (e) => (e.location = "ukwest"),
      [
        `sizing.sqlDatabase.backupStorageRedundancy: got "Zone"; allowed: Local or Geo: location ukwest has no availability zones (regions with zones: ${ZONAL})`,
        `sizing.synapse.dataLakeReplication: got "ZRS"; allowed: LRS or GRS: location ukwest has no availability zones`,
      ],
    ],
    [
      "prod failing over to francesouth",
      (e) => (e.secondaryLocation = "francesouth"),
      [
        "sizing.sqlDatabase.zoneRedundant: got true; allowed: false: secondaryLocation francesouth has no availability zones",
        "sizing.cosmos.zoneRedundant: got true; allowed: false: secondaryLocation francesouth has no availability zones",
      ],
    ],
    [
      "prod in ukwest",
      (e) => Object.assign(e, { location: "ukwest", secondaryLocation: "uksouth" }),
      [
        'network.firewallSubnet: got "10.30.3.0/26"; allowed: unset (Azure Firewall is zonal): location ukwest has no availability zones',
        "sizing.sqlDatabase.zoneRedundant: got true; allowed: false: location ukwest has no availability zones",
        "sizing.cosmos.zoneRedundant: got true; allowed: false: location ukwest has no availability zones",
        'sizing.synapse.dataLakeReplication: got "GZRS"; allowed: LRS or GRS: location ukwest has no availability zones',
      ],
    ],
  ])("%s: zone-dependent settings are refused", (name, edit, messages) => {
    const env = edited(azure(name.split(" ")[0]), edit);
    for (const message of messages) expect(() => validateAzureEnvironment(env)).toThrow(message);
  });

  // Aurora User Guide, "Supported DB engines for DB instance classes".
  test.each(["db.r7g.large", "db.r7g.16xlarge", "db.r8g.48xlarge", "db.r6i.32xlarge", "db.r5.24xlarge", "db.x2g.large"])(
    "Aurora class %s is offered",
    (instanceClass) => {
      expect(() => validateAwsEnvironment(edited(aws("prod"), (e) => (e.sizing.aurora.instanceClass = instanceClass)))).not.toThrow();
    },
  );
  test.each(["db.r5.medium", "db.r7g.24xlarge", "db.r7g.64xlarge", "db.t3.2xlarge", "db.m5.large"])(
    "Aurora class %s is refused with the catalogue",
    (instanceClass) => {
      expect(() => validateAwsEnvironment(edited(aws("dev"), (e) => (e.sizing.aurora.instanceClass = instanceClass)))).toThrow(
        new RegExp(
          `sizing\\.aurora\\.instanceClass: got "${escape(instanceClass)}"; allowed: an Aurora PostgreSQL instance class: one of .*db\\.r7g\\.large`,
        ),
      );
    },
  );

  // Aurora PostgreSQL release calendar: Aurora has no 16.5 or 16.7.
  test.each(["14.15", "15.10", "16.4", "16.6", "16.8", "17.4"])("Aurora PostgreSQL %s is a release", (engineVersion) => {
    expect(() => validateAwsEnvironment(edited(aws("dev"), (e) => (e.sizing.aurora.engineVersion = engineVersion)))).not.toThrow();
  });
  test.each(["16.5", "16.7", "13.9", "16.99", "16", "21.1"])("Aurora PostgreSQL %s is refused", (engineVersion) => {
    expect(() => validateAwsEnvironment(edited(aws("dev"), (e) => (e.sizing.aurora.engineVersion = engineVersion)))).toThrow(
      new RegExp(
        `sizing\\.aurora\\.engineVersion: got "${escape(engineVersion)}"; allowed: an Aurora PostgreSQL release, 14 or later: one of .*16\\.4, 16\\.6`,
      ),
    );
  });

  // AWS Regions and Availability Zones: eu-west-1 and eu-north-1 have three zones, us-west-2 four, us-east-1 six.
  test.each<[string, string[]]>([
    ["us-west-2", ["us-west-2a", "us-west-2b", "us-west-2d"]],
    ["us-east-1", ["us-east-1a", "us-east-1d", "us-east-1f"]],
  ])("zones of %s pass", (region, zones) => {
    // Dev's Snowflake account moves with it (it must be in the environment's region).
    const env = edited(aws("dev"), (e) => Object.assign(e, { region, availabilityZones: zones, snowflake: { ...e.snowflake, region } }));
    expect(() => validateAwsEnvironment(env)).not.toThrow();
  });
  test.each<[string, string, string]>([
    ["eu-west-1", "eu-west-1d", "eu-west-1a, eu-west-1b, eu-west-1c"],
    ["eu-north-1", "eu-north-1d", "eu-north-1a, eu-north-1b, eu-north-1c"],
    ["us-west-2", "us-west-2e", "us-west-2a, us-west-2b, us-west-2c, us-west-2d"],
  ])("%s has no zone %s", (region, zone, zones) => {
    const env = edited(aws("dev"), (e) => Object.assign(e, { region, availabilityZones: [`${region}a`, `${region}b`, zone] }));
    expect(() => validateAwsEnvironment(env)).toThrow(`availabilityZones[2]: got "${zone}"; allowed: a zone of ${region}: one of ${zones}`);
  });

  // MSK "Supported Apache Kafka versions": 3.4.0 and 3.5.1 reached end of support in 2025.
  test.each(["3.6.0", "3.7.x", "3.8.x", "3.9.x", "4.0.x"])("MSK Kafka %s is offered", (kafkaVersion) => {
    expect(() => validateAwsEnvironment(edited(aws("staging"), (e) => (e.sizing.msk.kafkaVersion = kafkaVersion)))).not.toThrow();
  });
  test.each(["3.5.1", "3.4.0", "2.8.1", "3.6.1", "3.8.0", "latest"])("MSK Kafka %s is refused", (kafkaVersion) => {
    expect(() => validateAwsEnvironment(edited(aws("staging"), (e) => (e.sizing.msk.kafkaVersion = kafkaVersion)))).toThrow(
      `sizing.msk.kafkaVersion: got "${kafkaVersion}"; allowed: one of 3.6.0, 3.7.x, 3.8.x, 3.9.x, 4.0.x`,
    );
  });

  // Glue "Time-based schedules for jobs and crawlers" / EventBridge "Cron expressions": the grammar.
  test.each([
    "cron(0 2 * * ? *)",
    "cron(15 1 ? * MON-FRI *)",
    "cron(0/15 * * * ? *)",
    "cron(0 2 L * ? *)",
    "cron(0 2 15W * ? *)",
    "cron(0 2 ? * 6#3 *)",
    "cron(0 22-23 * JAN-MAR ? 2026-2030)",
    "cron(0 2 ? * SUN,SAT *)",
  ])("cron %s is accepted by Glue and EventBridge", (schedule) => {
    expect(awsCronProblems(schedule)).toEqual([]);
  });
  // The nightly job's schedule is also daily (its freshness alarm assumes one run a day).
  test.each(["cron(0 2 * * ? *)", "cron(30 23 * * ? *)"])("nightly schedule %s is accepted", (schedule) => {
    expect(() => validateAwsEnvironment(edited(aws("prod"), (e) => (e.etl.schedule = schedule)))).not.toThrow();
  });
  test.each(["cron(15 1 ? * MON-FRI *)", "cron(0/15 * * * ? *)", "cron(0 2 L * ? *)", "cron(0 22-23 * JAN-MAR ? 2026-2030)"])(
    "nightly schedule %s is a valid cron but not daily, and is refused",
    (schedule) => {
      expect(() => validateAwsEnvironment(edited(aws("prod"), (e) => (e.etl.schedule = schedule)))).toThrow(
        `etl.schedule: got "${schedule}"; allowed: a daily Glue cron, cron(<minute 0-59> <hour 0-23> * * ? *)`,
      );
    },
  );
  test.each([
    ["cron(0 2 * * * *)", 'exactly one of Day-of-month ("*") and Day-of-week ("*") must be "?"'],
    ["cron(0 2 ? * ? *)", 'exactly one of Day-of-month ("?") and Day-of-week ("?") must be "?"'],
    ["cron(0 24 * * ? *)", 'Hours "24" is not in 0-23'],
    ["cron(0 20-25 * * ? *)", 'Hours "25" is not in 0-23'],
    ["cron(60 2 * * ? *)", 'Minutes "60" is not in 0-59'],
    ["cron(0 2 0 * ? *)", 'Day-of-month "0" is not in 1-31'],
    ["cron(0 2 ? 13 MON *)", 'Month "13" is not in 1-12 or JAN-DEC'],
    ["cron(0 2 ? * 8 *)", 'Day-of-week "8" is not in 1-7 or SUN-SAT'],
    ["cron(0 2 * * ? 2200)", 'Year "2200" is not in 1970-2199'],
    ["cron(0/0 2 * * ? *)", 'Minutes "0/0": an increment is <start>/<positive integer>'],
    ["cron(0 2 * * ?)", "six fields: cron(Minutes Hours Day-of-month Month Day-of-week Year)"],
  ])("cron %s is refused: %s", (schedule, problem) => {
    expect(() => validateAwsEnvironment(edited(aws("prod"), (e) => (e.etl.schedule = schedule)))).toThrow(
      `etl.schedule: got "${schedule}"; allowed: an AWS cron expression: ${problem}`,
    );
  });
});

describe("class 2: mistakes across environments fail the set checks main.ts runs", () => {
  const all = () => ({ azure: AZURE_ENVIRONMENTS.map((e) => azure(e.name)), aws: AWS_ENVIRONMENTS.map((e) => aws(e.name)) });

  test("main.ts validates through validateAllEnvironments (which runs both set checks)", () => {
    const main = readFileSync(join(__dirname, "../../main.ts"), "utf8");
    expect(main).toMatch(/validateAllEnvironments\(AZURE_ENVIRONMENTS, AWS_ENVIRONMENTS\)/);
  });

  test("the shipped environments pass", () => {
    expect(() => validateAllEnvironments(AZURE_ENVIRONMENTS, AWS_ENVIRONMENTS)).not.toThrow();
  });

  test("every invalid file is reported in one run, each block led by its cloud", () => {
    const s = all();
    s.azure[0] = edited(s.azure[0], (e) => (e.location = "westeu"));
    s.aws[0] = edited(s.aws[0], (e) => (e.sizing.msk.kafkaVersion = "3.5.1"));
    const run = () => validateAllEnvironments(s.azure, s.aws);
    expect(run).toThrow(EnvironmentConfigErrors);
    expect(run).toThrow(
      /^\[azure\] Invalid environment "dev" \(1 problem\):\n {2}- location: got "westeu"; .*\n\[aws\] Invalid environment "dev" \(1 problem\):\n {2}- sizing\.msk\.kafkaVersion: got "3\.5\.1"/s,
    );
  });

  test.each<[string, (s: ReturnType<typeof all>) => void, string]>([
    [
      "two Azure environments in one subscription",
      (s) => (s.azure[1] = edited(s.azure[1], (e) => (e.subscriptionId = s.azure[2].subscriptionId))),
      'subscriptionId: got "8f7c6b5a-4d3e-4f21-9a0b-c1d2e3f4a5b6"; allowed: a subscription no other environment uses (environment "staging" has it',
    ],
    [
      "two Azure environments writing one state blob",
      (s) => (s.azure[1] = edited(s.azure[1], (e) => (e.stateBackend.key = "azure-prod.tfstate"))),
      'stateBackend.key: got "stpaytfstateweu/tfstate/azure-prod.tfstate"; allowed: a state blob no other environment uses (environment "staging" has it',
    ],
    [
      "two AWS environments in one account",
      (s) => (s.aws[1] = edited(s.aws[1], (e) => (e.accountId = "333333333333"))),
      'accountId: got "333333333333"; allowed: an account no other AWS environment uses',
    ],
    [
      "two AWS environments writing one state object",
      (s) =>
        (s.aws[1] = edited(s.aws[1], (e) =>
          Object.assign(e.stateBackend, { bucket: "pay-tfstate-333333333333-euw1", key: "aws-prod.tfstate" }),
        )),
      'stateBackend.key: got "s3://pay-tfstate-333333333333-euw1/aws-prod.tfstate"; allowed: a state object no other environment uses (environment "staging" has it',
    ],
    [
      "overlapping VPCs",
      (s) =>
        (s.aws[0] = edited(s.aws[0], (e) => {
          e.network.vpcCidr = "10.120.0.0/16";
          e.network.dataSubnets = ["10.120.0.0/22", "10.120.4.0/22", "10.120.8.0/22"];
          e.network.computeSubnets = ["10.120.16.0/22", "10.120.20.0/22", "10.120.24.0/22"];
          e.network.publicSubnets = ["10.120.32.0/26", "10.120.32.64/26", "10.120.32.128/26"];
        })),
      'network.vpcCidr: got "10.120.0.0/16"; allowed: a range that does not overlap environment "dev" (10.120.0.0/16)',
    ],
  ])("%s", (_case, change, message) => {
    const s = all();
    change(s);
    expect(() => validateAllEnvironments(s.azure, s.aws)).toThrow(message);
  });
});

describe("class 3: stack inputs are validated", () => {
  const row = (key: string, change: Partial<SlaRow>): SlaRow[] =>
    SLA_TABLE.map((r) => (r.key === key ? ({ ...r, ...change } as SlaRow) : r));

  test("the brief's SLA table has no problems", () => {
    expect(failedRules(slaRowsRules(SLA_TABLE))).toEqual([]);
  });

  // azurerm v4.55.0 monitor_metric_alert_resource.go and monitor_scheduled_query_rules_alert_v2_resource.go ValidateFuncs.
  test.each<[string, Partial<SlaRow>, string]>([
    ["cosmos-latency", { severity: 5 as any }, "(cosmos-latency).severity: got 5; allowed: 0 (critical) to 4 (verbose)"],
    [
      "cosmos-latency",
      { window: "PT10M" },
      '(cosmos-latency).window: got "PT10M"; allowed: one of PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D (azurerm_monitor_metric_alert)',
    ],
    [
      "etl-success",
      { frequency: "PT10M" },
      '(etl-success).frequency: got "PT10M"; allowed: one of PT1M, PT5M, PT15M, PT30M, PT1H (azurerm_monitor_metric_alert)',
    ],
    ["etl-success", { frequency: "PT5M" }, '(etl-success).window: got "PT5M"; allowed: a window longer than the frequency PT5M'],
    [
      "olap-query-time",
      { window: "PT3M" },
      '(olap-query-time).window: got "PT3M"; allowed: one of PT1M, PT5M, PT10M, PT15M, PT30M, PT45M, PT1H, PT2H, PT3H, PT4H, PT5H, PT6H, P1D, P2D (azurerm_monitor_scheduled_query_rules_alert_v2)',
    ],
    [
      "data-freshness",
      { frequency: "P2D" },
      '(data-freshness).frequency: got "P2D"; allowed: one of PT1M, PT5M, PT10M, PT15M, PT30M, PT45M, PT1H, PT2H, PT3H, PT4H, PT5H, PT6H, P1D (azurerm_monitor_scheduled_query_rules_alert_v2)',
    ],
    ["oltp-latency", { frequency: "PT15M" }, '(oltp-latency).frequency: got "PT15M"; allowed: at most the window PT5M'],
    ["cosmos-latency", { threshold: Number.NaN }, "(cosmos-latency).threshold: got NaN; allowed: a finite number >= 0"],
    ["cosmos-latency", { threshold: -1 }, "(cosmos-latency).threshold: got -1; allowed: a finite number >= 0"],
    ["api-availability", { threshold: 120 }, "(api-availability).threshold: got 120; allowed: a percentage from 0 to 100"],
    ["olap-query-time", { key: "oltp-latency" }, '(oltp-latency).key: got "oltp-latency"; allowed: a key no other row uses'],
  ])("SLA row %s %j is refused", (key, change, message) => {
    expect(formatIssues(failedRules(slaRowsRules(row(key, change))))).toContain(message);
  });

  const monitoring = (slaTable: readonly SlaRow[]) => () =>
    new Monitoring(new TerraformStack(Testing.app(), "t"), "m", {
      naming: new AzureNaming({ workload: "pay", environment: "test", location: "westeurope", uniqueSeed: "seed" }),
      resourceGroupName: "rg",
      location: "westeurope",
      shortName: "pay-test",
      alertContacts: { emails: ["a@example.com"] },
      logAnalyticsWorkspaceId: "/sub/log",
      targets: { oltp: "/sub/db", olap: "/sub/pool", nosql: "/sub/cosmos", etl: "/sub/adf", lake: "/sub/st" },
      nearRealTimeFlowEnabled: true,
      slaTable,
    });

  test("Monitoring refuses a bad SLA row before creating alerts", () => {
    expect(monitoring(row("cosmos-latency", { severity: 7 as any }))).toThrow(
      /^Monitoring t\/m has invalid props \(1 problem\):\n {2}- slaTable\[2\] \(cosmos-latency\)\.severity: got 7; allowed: 0 \(critical\) to 4 \(verbose\)/,
    );
  });

  test("main.ts names the stack in a construct's refusal; bugs keep their type and trace", () => {
    const refusal = () => buildStack("azure-dev", monitoring(row("cosmos-latency", { window: "PT2M" })));
    expect(refusal).toThrow(StackInputError);
    expect(refusal).toThrow(
      /^Invalid input to stack "azure-dev": Monitoring t\/m has invalid props \(1 problem\):\n {2}- slaTable\[2\] \(cosmos-latency\)\.window: got "PT2M"/,
    );
    expect(() =>
      buildStack("aws-dev", () => {
        throw new TypeError("x is undefined");
      }),
    ).toThrow(TypeError);
  });

  // Data Factory schedule triggers take hours 0-23 and minutes 0-59 (the provider lets 24 and 60 through).
  const HOURS = "distinct hours 0-23 (UTC), at least one";
  test.each<[{ hours: number[]; minutes: number[] }, { field: string; value: number[]; allowed: string }[]]>([
    [{ hours: [2], minutes: [0] }, []],
    [{ hours: [0, 23], minutes: [0, 59] }, []],
    [{ hours: [24], minutes: [0] }, [{ field: "hours", value: [24], allowed: HOURS }]],
    [{ hours: [2], minutes: [60] }, [{ field: "minutes", value: [60], allowed: "distinct minutes 0-59, at least one" }]],
    [{ hours: [], minutes: [0] }, [{ field: "hours", value: [], allowed: HOURS }]],
    [{ hours: [2, 2], minutes: [0] }, [{ field: "hours", value: [2, 2], allowed: HOURS }]],
    [{ hours: [1.5], minutes: [0] }, [{ field: "hours", value: [1.5], allowed: HOURS }]],
  ])("ADF batch schedule %j", (schedule, problems) => {
    expect(failedRules(batchScheduleRules(schedule))).toEqual(problems);
  });

  function cosmos(containers: CosmosDbProps["containers"]) {
    const t = storeTestbed("cosmos");
    return () =>
      new CosmosDb(t.stack, "nosql", {
        naming: t.naming,
        resourceGroupName: "rg-data",
        location: "westeurope",
        zoneRedundant: false,
        autoscaleMaxThroughput: 4000,
        identity: t.identity,
        encryptionKey: t.key,
        privateAccess: t.privateAccess,
        diagnostics: t.diagnostics,
        containers,
      });
  }
  test.each<[CosmosDbProps["containers"], string]>([
    [
      { logs: { partitionKeyPaths: ["/merchantId", "/merchantId"], defaultTtlSeconds: -1 } },
      'containers.logs.partitionKeyPaths: got ["/merchantId","/merchantId"]; allowed: each path of a hierarchical key once',
    ],
    [
      { logs: { partitionKeyPaths: ["/id"], defaultTtlSeconds: -1, excludedIndexPaths: ["/body/*", "/body/*"] } },
      'containers.logs.excludedIndexPaths: got ["/body/*","/body/*"]; allowed: distinct paths ending in /* or /? such as "/payload/*"',
    ],
    [
      { api_logs: { partitionKeyPaths: ["/id"], defaultTtlSeconds: -1 }, API_Logs: { partitionKeyPaths: ["/id"], defaultTtlSeconds: -1 } },
      'containers: got "API_Logs"; allowed: names that differ in more than case ("api_logs" is already one)',
    ],
    [
      { "a/b": { partitionKeyPaths: ["/id"], defaultTtlSeconds: -1 } },
      'containers: got "a/b"; allowed: container names of 1-255 characters without / \\ # ? or a trailing space',
    ],
  ])("Cosmos DB containers %j are refused", (containers, message) => {
    expect(cosmos(containers)).toThrow(message);
  });
});

describe("class 4: damaged environment files give a message, never a TypeError", () => {
  type Env = AzureEnvironment | AwsEnvironment;
  const FILES: [string, Env, (e: Env) => unknown][] = [
    ...AZURE_ENVIRONMENTS.map((e): [string, Env, (e: Env) => unknown] => [
      `azure ${e.name}`,
      e,
      (x) => validateAzureEnvironment(x as AzureEnvironment),
    ]),
    ...AWS_ENVIRONMENTS.map((e): [string, Env, (e: Env) => unknown] => [
      `aws ${e.name}`,
      e,
      (x) => validateAwsEnvironment(x as AwsEnvironment),
    ]),
  ];

  /** Every field path of an environment file (objects, lists and their items, scalars). */
  function paths(value: unknown, prefix = ""): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => [`${prefix}[${i}]`, ...paths(v, `${prefix}[${i}]`)]);
    if (typeof value === "object" && value !== null) {
      return Object.entries(value).flatMap(([k, v]) => {
        const p = prefix ? `${prefix}.${k}` : k;
        return [p, ...paths(v, p)];
      });
    }
    return [];
  }
  function at(root: any, path: string): { parent: any; key: string | number } {
    const keys = path.match(/[^.[\]]+/g) as string[];
    let parent = root;
    for (const k of keys.slice(0, -1)) parent = parent[/^\d+$/.test(k) ? Number(k) : k];
    const last = keys[keys.length - 1];
    return { parent, key: /^\d+$/.test(last) ? Number(last) : last };
  }
  /** A value of another JSON type than `v`. */
  const wrongType = (v: unknown): unknown =>
    typeof v === "string" ? 42 : typeof v === "number" ? "42" : typeof v === "boolean" ? "true" : Array.isArray(v) ? "x" : [];
  function outcome(run: () => unknown): string {
    try {
      run();
      return "ok";
    } catch (e) {
      return e instanceof EnvironmentConfigError ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
    }
  }

  const cases = FILES.flatMap(([file, env, validate]) =>
    paths(env)
      .filter((p) => p !== "name")
      .map((p) => [file, p, env, validate] as const),
  );

  test.each(cases)("%s: %s with the wrong type names the field", (_file, path, env, validate) => {
    const copy = structuredClone(env);
    const { parent, key } = at(copy, path);
    const bad = wrongType(parent[key]);
    parent[key] = bad;
    expect(outcome(() => validate(copy))).toContain(`${path}: got ${JSON.stringify(bad)}; allowed: `);
  });

  test.each(cases)("%s: %s deleted gives a message or passes (optional field)", (_file, path, env, validate) => {
    const copy = structuredClone(env);
    const { parent, key } = at(copy, path);
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    expect(outcome(() => validate(copy))).toMatch(/^(ok|Invalid environment "[a-z0-9]+" \(\d+ problems?\):\n)/);
  });

  // Required nested objects, from the environment contract (environments/types.ts, aws-types.ts).
  test.each([
    ["azure dev", "network"],
    ["azure staging", "sizing.sqlDatabase"],
    ["azure prod", "sizing.cosmos"],
    ["azure dev", "stateBackend"],
    ["azure staging", "alertContacts"],
    ["aws dev", "network"],
    ["aws staging", "sizing.msk"],
    ["aws prod", "cdc.debeziumPlugin"],
    ["aws dev", "etl"],
    ["aws prod", "retention"],
  ])("%s without %s names the field", (file, path) => {
    const [, env, validate] = FILES.find(([f]) => f === file)!;
    const copy = structuredClone(env);
    const { parent, key } = at(copy, path);
    delete parent[key];
    expect(outcome(() => validate(copy))).toMatch(
      new RegExp(`^Invalid environment "${env.name}".*\\n {2}- ${escape(path)}: got undefined; allowed: an object with `),
    );
  });

  test.each(FILES)("%s: a misspelt optional field is refused, not ignored", (_file, env, validate) => {
    const copy: any = structuredClone(env);
    copy.network.firewallSubnett = "10.99.3.0/26";
    expect(outcome(() => validate(copy))).toContain('network.firewallSubnett: got "10.99.3.0/26"; allowed: no such field; network has ');
  });

  test.each(FILES)("%s: emptied lists give a message or pass", (_file, env, validate) => {
    for (const path of paths(env).filter((p) => Array.isArray(at(env, p).parent[at(env, p).key]))) {
      const copy = structuredClone(env);
      const { parent, key } = at(copy, path);
      parent[key] = [];
      expect([path, outcome(() => validate(copy))]).toEqual([path, expect.stringMatching(/^(ok|Invalid environment )/)]);
    }
  });

  // Strings that are also Object.prototype members must not be taken for table entries.
  test.each<[string, () => unknown, string]>([
    [
      "AWS region",
      () => validateAwsEnvironment(edited(aws("dev"), (e) => (e.region = "constructor"))),
      'region: got "constructor"; allowed: one of eu-west-1',
    ],
    [
      "Azure state backend kind",
      () => validateAzureEnvironment(edited(azure("dev"), (e) => (e.stateBackend.kind = "toString"))),
      'stateBackend.kind: got "toString"; allowed: one of local, azurerm',
    ],
    [
      "SLA metric",
      () => {
        const rules = slaRowsRules(
          SLA_TABLE.map((r) => (r.key === "cosmos-latency" ? ({ ...r, metric: "constructor" } as unknown as SlaRow) : r)),
        );
        throw new Error(formatIssues(failedRules(rules)));
      },
      '(cosmos-latency).metric: got "constructor"; allowed: one of sqlCpu',
    ],
  ])("%s named like an Object member", (_case, run, message) => {
    expect(outcome(run)).toContain(message);
  });

  test("a file that is not an object at all", () => {
    expect(outcome(() => validateAzureEnvironment(undefined as any))).toMatch(
      /^Invalid environment "\(unnamed\)" \(1 problem\):\n {2}- \(environment\): got undefined/,
    );
  });
});

import * as path from "path";
import { SNAPSHOT_COLUMNS, WAREHOUSE_LOAD } from "../../constructs/azure/adf-pipelines/etl-oltp-to-olap";
import { ancestors, datasetsOf, linkedServicesOf, sqlObjectsOf } from "../../constructs/azure/adf-pipelines/model";
import { BATCH_SCHEDULE, batchTriggerLabel } from "../../constructs/azure/data-factory";
import { OLTP_TABLES } from "../../environments/types";
import { REPO_ROOT, hasObject, listProcedures, listTables } from "../sql/sql-catalog";
import { ENVIRONMENTS, ENV_NAMES, secretHits } from "../helpers/azure";
import { azureStack, synthAzure } from "../helpers/synth";

const SQL_DIR = { oltp: path.join(REPO_ROOT, "sql", "azure-sql"), olap: path.join(REPO_ROOT, "sql", "synapse") } as const;

describe.each(ENV_NAMES)("ETL factory in azure-%s", (envName) => {
  const env = ENVIRONMENTS[envName];
  const s = synthAzure(env);
  const etl = azureStack(env).etl;
  const batch = etl.pipelines.oltpToOlap!;
  const names = new Set(batch.activities.map((a) => a.name));
  const byName = new Map(batch.activities.map((a) => [a.name, a]));

  test("factory: managed VNet, no public access, user-assigned identity, CMK, private endpoints, diagnostics", () => {
    const [factory] = s.configs("azurerm_data_factory");
    expect(factory).toMatchObject({
      managed_virtual_network_enabled: true,
      public_network_enabled: false,
      identity: { type: "UserAssigned" },
    });
    expect(factory.customer_managed_key_id).toContain("azurerm_key_vault_key");
    expect(factory.customer_managed_key_identity_id).toContain("identity-adf");
    const subresources = s.configs("azurerm_private_endpoint").map((p) => p.private_service_connection.subresource_names[0]);
    expect(subresources).toEqual(expect.arrayContaining(["dataFactory", "portal"]));
    expect(
      s
        .configs("azurerm_monitor_diagnostic_setting")
        .some((d) => String(d.target_resource_id).includes("azurerm_data_factory.etl_factory")),
    ).toBe(true);
  });

  test("integration runtime in the managed VNet and managed private endpoints to every store", () => {
    expect(s.configs("azurerm_data_factory_integration_runtime_azure")).toEqual([
      expect.objectContaining({ virtual_network_enabled: true }),
    ]);
    const mpes = s
      .configs("azurerm_data_factory_managed_private_endpoint")
      .map((m) => m.subresource_name)
      .sort();
    // With a geo-replica, two sqlServer endpoints: the primary and the secondary behind the failover group listener.
    const sql = env.sizing.sqlDatabase.geoReplica ? ["sqlServer", "sqlServer"] : ["sqlServer"];
    expect(mpes).toEqual(["Sql", "Sql", "blob", "dfs", ...sql, "vault"]);
  });

  test("every linked service authenticates with the workload identity credential through the managed VNet IR", () => {
    const services = s.configs("azurerm_data_factory_linked_custom_service");
    expect(services.map((l) => l.type).sort()).toEqual(["AzureBlobFS", "AzureKeyVault", "AzureSqlDW", "AzureSqlDatabase", "CosmosDb"]);
    for (const l of services) {
      const props = JSON.parse(l.type_properties_json);
      expect(props.credential).toEqual({
        referenceName: expect.stringContaining("azurerm_data_factory_credential_user_managed_identity"),
        type: "CredentialReference",
      });
      expect(Object.keys(props)).not.toEqual(expect.arrayContaining(["connectionString"]));
      expect(l.integration_runtime.name).toContain("integration-runtime");
    }
  });

  test("one load path per table read by the loads, and one CDC path per CDC table of the environment", () => {
    const cdc = env.cdc.enabled ? env.cdc.tables : [];
    for (const t of cdc) {
      for (const step of [`GetWindow_${t}`, `Extract_${t}`, `Stage_${t}`, `SetWatermark_${t}`]) expect(names).toContain(step);
      expect(byName.get(`Extract_${t}`)?.dependsOn).toEqual([{ activity: `GetWindow_${t}`, conditions: ["Succeeded"] }]);
      expect(byName.get(`Stage_${t}`)?.dependsOn).toEqual([{ activity: `Extract_${t}`, conditions: ["Succeeded"] }]);
    }
    for (const t of OLTP_TABLES.filter((x) => !cdc.includes(x))) {
      expect(names.has(`GetWindow_${t}`)).toBe(false);
    }
    for (const t of OLTP_TABLES.filter((x) => !cdc.includes(x) && SNAPSHOT_COLUMNS[x])) expect(names).toContain(`Stage_${t}`);
    // the load reads every staged OLTP table but Payout; a copy of each must succeed before it runs
    for (const t of ["Currency", "Country", "Merchant", "Customer", "PaymentMethod", "Payment", "Refund", "Dispute"])
      expect(ancestors(batch, "Load_Warehouse")).toContain(`Stage_${t}`);
  });

  test("one LSN per run: every window, the load and every watermark use GetRunLsn's LSN", () => {
    const runLsn = "@activity('GetRunLsn').output.firstRow.ToLsnHex";
    expect(byName.get("GetRunLsn")).toMatchObject({ type: "Lookup", source: { call: { procedure: { name: "etl.usp_GetRunLsn" } } } });
    const cdc = env.cdc.enabled ? env.cdc.tables : [];
    expect(cdc.length).toBeGreaterThan(0);
    for (const t of cdc) {
      expect(byName.get(`GetWindow_${t}`)).toMatchObject({
        dependsOn: [{ activity: "GetRunLsn", conditions: ["Succeeded"] }],
        source: { call: { parameters: { TableName: { value: t }, ToLsnHex: { value: runLsn } } } },
      });
      expect(byName.get(`SetWatermark_${t}`)).toMatchObject({ call: { parameters: { ToLsnHex: { value: runLsn } } } });
    }
    expect(byName.get("Load_Warehouse")).toMatchObject({
      call: {
        procedure: { name: "etl.usp_Load_Warehouse" },
        parameters: { RunId: { value: "@pipeline().RunId" }, ToLsnHex: { value: runLsn } },
      },
    });
  });

  test("order: one warehouse load (its own quality gate) -> watermarks only on success; Fail on failure or skip", () => {
    const loads = batch.activities.filter((a) => a.type === "SqlServerStoredProcedure" && !a.name.startsWith("SetWatermark_"));
    expect(loads.map((a) => a.name)).toEqual(["Load_Warehouse"]);
    for (const a of batch.activities.filter((x) => x.name.startsWith("SetWatermark_"))) {
      expect(a.dependsOn).toContainEqual({ activity: "Load_Warehouse", conditions: ["Succeeded"] });
      expect(a.dependsOn?.every((d) => d.conditions.length === 1 && d.conditions[0] === "Succeeded")).toBe(true);
    }
    expect(byName.get("Fail_ETL")).toMatchObject({
      type: "Fail",
      dependsOn: [{ activity: "Load_Warehouse", conditions: ["Failed", "Skipped"] }],
    });
  });

  test("every pipeline references linked services and datasets the factory deploys", () => {
    const deployedLs = new Set(s.configs("azurerm_data_factory_linked_custom_service").map((l) => l.name));
    const deployedDs = new Set(s.configs("azurerm_data_factory_custom_dataset").map((d) => d.name));
    for (const p of Object.values(etl.pipelines).filter((x): x is NonNullable<typeof x> => x !== undefined)) {
      for (const a of p.activities) {
        for (const ls of linkedServicesOf(a, etl.catalog)) expect(deployedLs).toContain(ls);
        for (const ds of datasetsOf(a)) expect(deployedDs).toContain(ds);
      }
    }
    const pipelines = s.configs("azurerm_data_factory_pipeline");
    expect(pipelines.map((p) => p.name).sort()).toEqual(["etl_api_logs_to_olap", "etl_oltp_to_olap"]);
    expect(JSON.parse(pipelines.find((p) => p.name === "etl_oltp_to_olap")!.activities_json)).toHaveLength(batch.activities.length);
  });

  test("every SQL object a pipeline calls exists in sql/", () => {
    const missing: string[] = [];
    for (const p of Object.values(etl.pipelines).filter((x): x is NonNullable<typeof x> => x !== undefined)) {
      for (const a of p.activities) {
        for (const o of sqlObjectsOf(a))
          if (!hasObject(SQL_DIR[o.database], o.name)) missing.push(`${o.database}:${o.kind} ${o.name} (${p.name}/${a.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("batch trigger: 02:00 UTC daily, started in staging and prod, stopped in dev", () => {
    const t = s.configs("azurerm_data_factory_trigger_schedule").find((x) => x.name === "trg_oltp_to_olap_daily_0200_utc")!;
    expect(t).toMatchObject({
      frequency: "Day",
      interval: 1,
      time_zone: "UTC",
      schedule: { hours: [2], minutes: [0] },
      activated: envName !== "dev",
    });
    expect(BATCH_SCHEDULE).toMatchObject({ hours: [2], minutes: [0], timeZone: "UTC" });
    expect(t.pipeline_name).toContain("pipeline-oltpToOlap");
  });

  test("flow 3 trigger: every 2 minutes with an overlapping window on _ts, same switch as the batch", () => {
    const t = s.configs("azurerm_data_factory_trigger_schedule").find((x) => x.name.startsWith("trg_api_logs"))!;
    expect(t).toMatchObject({ frequency: "Minute", interval: 2, activated: envName !== "dev" });
    expect(t.pipeline[0].parameters).toEqual({
      windowStart: "@addMinutes(trigger().scheduledTime, -7)",
      windowEnd: "@addMinutes(trigger().scheduledTime, -1)",
    });
  });

  test("the adf identity gets data roles scoped to the staging filesystem and the api_logs container only", () => {
    const grants = s.configs("azurerm_role_assignment").filter((r) => String(r.principal_id).includes("identity-adf"));
    expect(grants.map((g) => g.role_definition_name).sort()).toEqual([
      "Key Vault Crypto Service Encryption User",
      "Storage Blob Data Contributor",
    ]);
    expect(grants.find((g) => g.role_definition_name === "Storage Blob Data Contributor")!.scope).toMatch(
      /\/blobServices\/default\/containers\/raw$/,
    );
    const [cosmos] = s.configs("azurerm_cosmosdb_sql_role_assignment");
    expect(cosmos.role_definition_id).toMatch(/sqlRoleDefinitions\/00000000-0000-0000-0000-000000000001$/);
    expect(cosmos.scope).toMatch(/\/colls\/api_logs$/);
  });

  test("no connection string, account key or password anywhere in the synthesized stack", () => {
    expect(secretHits(s.text)).toEqual([]);
  });
});

describe("the SQL catalog the pipelines rely on", () => {
  test("snapshot column lists equal the Synapse staging columns minus the lineage columns", () => {
    const stg = listTables(SQL_DIR.olap);
    for (const [t, cols] of Object.entries(SNAPSHOT_COLUMNS)) {
      const def = stg.find((x) => x.qualifiedName.toLowerCase() === `stg.${t}`.toLowerCase());
      expect(def).toBeDefined();
      const expected = def!.columns.filter((c) => !["CdcStartLsn", "CdcOperation", "CdcCommitUtc", "RunId", "ExtractedAtUtc"].includes(c));
      expect([...cols!]).toEqual(expected);
    }
  });

  test("the procedures the pipelines call take the parameters the pipelines pass", () => {
    const params = (dir: string, name: string): string[] | undefined =>
      listProcedures(dir)
        .find((x) => x.qualifiedName.toLowerCase() === name.toLowerCase())
        ?.parameters.map((x) => x.name);
    expect(params(SQL_DIR.olap, WAREHOUSE_LOAD.procedure)).toEqual(["RunId", "ToLsnHex"]);
    expect(params(SQL_DIR.olap, "etl.usp_Load_Fact_API_Performance")).toEqual(["RunId"]);
    expect(params(SQL_DIR.oltp, "etl.usp_GetRunLsn")).toEqual([]);
    expect(params(SQL_DIR.oltp, "etl.usp_GetCdcWindow")).toEqual(["TableName", "ToLsnHex"]);
    expect(params(SQL_DIR.oltp, "etl.usp_SetCdcWatermark")).toEqual(["TableName", "ToLsnHex"]);
  });
});

describe("CDC disabled", () => {
  test("flow 2 (pipeline and nightly trigger) is not deployed; flow 3 still is", () => {
    const s = synthAzure({ ...ENVIRONMENTS.dev, cdc: { enabled: false, tables: [] } });
    expect(s.configs("azurerm_data_factory_pipeline").map((p) => p.name)).toEqual(["etl_api_logs_to_olap"]);
    expect(s.configs("azurerm_data_factory_trigger_schedule").map((t) => t.name)).toEqual(["trg_api_logs_every_2_min"]);
  });
});

describe("batch trigger name and description follow the schedule", () => {
  test.each([
    [{ hours: [2], minutes: [0] }, "trg_oltp_to_olap_daily_0200_utc", "Flow 2: nightly batch at 02:00 UTC."],
    [{ hours: [13, 1], minutes: [30] }, "trg_oltp_to_olap_daily_0130_1330_utc", "Flow 2: daily batch at 01:30, 13:30 UTC."],
    [{ hours: [4], minutes: [45, 5] }, "trg_oltp_to_olap_daily_0405_0445_utc", "Flow 2: nightly batch at 04:05, 04:45 UTC."],
  ])("%j -> %s", (schedule, name, description) => {
    expect(batchTriggerLabel(schedule)).toEqual({ name, description });
  });
});

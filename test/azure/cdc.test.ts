import * as fs from "node:fs";
import * as path from "node:path";
import { AZURE_SQL_SCRIPTS_DIRECTORY, CdcEnablement, DEFAULT_CDC_SCRIPTS } from "../../constructs/azure/cdc-enablement";
import { OLTP_TABLES } from "../../environments/types";
import { ENVIRONMENTS, ENV_NAMES, storeTestbed, withChanges } from "../helpers/azure";
import { fullSynthesize, synthAzure, synthesize } from "../helpers/synth";

const SCRIPTS = path.resolve(__dirname, "..", "..", "sql", "azure-sql");

describe("CDC wiring: the repository's SQL runs from cdktf deploy", () => {
  test("the scripts the deployment runs exist in sql/azure-sql", () => {
    expect(AZURE_SQL_SCRIPTS_DIRECTORY).toBe(SCRIPTS);
    for (const script of DEFAULT_CDC_SCRIPTS) {
      expect(fs.existsSync(path.join(SCRIPTS, script))).toBe(true);
    }
  });

  test.each(ENV_NAMES)("%s: terraform_data runs go-sqlcmd with Entra auth, in order, with the environment's CdcTables", (name) => {
    const env = ENVIRONMENTS[name];
    const synth = synthAzure(env);
    const run = synth.only("terraform_data", "oltp_cdc_run").config;
    const tables = env.cdc.tables.join(",");
    const command: string = run.provisioner[0]["local-exec"].command;
    const serverFqdn = `\${${synth.only("azurerm_mssql_server", "primary").address}.fully_qualified_domain_name}`;

    const lines = command.split("\n").filter((l) => l.startsWith("sqlcmd "));
    expect(lines).toHaveLength(DEFAULT_CDC_SCRIPTS.length);
    DEFAULT_CDC_SCRIPTS.forEach((script, i) => {
      expect(lines[i]).toContain("--authentication-method ActiveDirectoryDefault");
      expect(lines[i]).toContain(`-S "tcp:${serverFqdn},1433"`);
      expect(lines[i]).toContain(`-d "${synth.only("azurerm_mssql_database", "oltp_database").config.name}"`);
      expect(lines[i]).toContain(" -b ");
      expect(lines[i]).toMatch(new RegExp(`-i "assets/oltp_cdc_scripts_[A-Z0-9]+/[A-Z0-9]+/${script}"`));
      expect(lines[i]).toContain(`-v "CdcTables=${tables}"`);
    });
    expect(command).toMatch(/^set -euo pipefail/);
    expect(command).not.toMatch(/password|-P /i);
    expect(run.provisioner[0]["local-exec"].interpreter).toEqual(["/bin/bash", "-c"]);
  });

  test.each(ENV_NAMES)("%s: re-runs when a script, the table list, the server or the database changes", (name) => {
    const env = ENVIRONMENTS[name];
    const synth = synthAzure(env);
    const run = synth.only("terraform_data", "oltp_cdc_run").config;
    expect(run.triggers_replace.cdc_tables).toBe(env.cdc.tables.join(","));
    expect(run.triggers_replace.server).toContain("fully_qualified_domain_name");
    expect(run.triggers_replace.scripts_sha256).toHaveLength(DEFAULT_CDC_SCRIPTS.length);
    expect(run.triggers_replace.scripts_sha256[2]).toMatch(
      /^\$\{filesha256\("assets\/oltp_cdc_scripts_[A-Z0-9]+\/[A-Z0-9]+\/003_cdc_enable\.sql"\)\}$/,
    );
  });

  test.each(ENV_NAMES)("%s: runs after the database, TDE and the private endpoint exist", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const run = synth.only("terraform_data", "oltp_cdc_run").config;
    expect(run.depends_on).toEqual(
      expect.arrayContaining([
        synth.only("azurerm_mssql_database", "oltp_database").address,
        synth.only("azurerm_mssql_server_transparent_data_encryption", "primary").address,
        expect.stringMatching(/^azurerm_private_endpoint\.oltp_primary_private-endpoint/),
      ]),
    );
  });

  test("no CDC resource when the environment disables CDC", () => {
    const env = withChanges(ENVIRONMENTS.staging, {
      name: "stgnocdc",
      tags: { ...ENVIRONMENTS.staging.tags, environment: "stgnocdc" },
      cdc: { enabled: false, tables: [] },
    });
    expect(Object.keys(synthAzure(env).json.resource.terraform_data ?? {}).filter((id) => id.startsWith("oltp_cdc"))).toEqual([]);
    expect(Object.keys(synthAzure(env).json.resource.azurerm_mssql_database ?? {})).toHaveLength(1);
  });
});

describe("CDC table list and the SQL scripts agree", () => {
  const schema = fs.readFileSync(path.join(SCRIPTS, "001_schema.sql"), "utf8");
  const cdcScript = fs.readFileSync(path.join(SCRIPTS, "003_cdc_enable.sql"), "utf8");
  const created = new Set([...schema.matchAll(/CREATE TABLE dbo\.(\w+)/g)].map((m) => m[1]));

  test("001_schema.sql creates exactly the typed OLTP tables", () => {
    expect([...created].sort()).toEqual([...OLTP_TABLES].sort());
  });

  test("003_cdc_enable.sql takes its table list from the sqlcmd variable $(CdcTables), not a hard-coded list", () => {
    expect(cdcScript).toContain("$(CdcTables)");
    for (const t of OLTP_TABLES) expect(cdcScript).not.toMatch(new RegExp(`sp_cdc_enable_table[^;]*@source_name\\s*=\\s*N?'${t}'`));
  });

  test.each(ENV_NAMES)("%s: every CDC table exists in the schema and has a primary key", (name) => {
    for (const table of ENVIRONMENTS[name].cdc.tables) {
      expect(created.has(table)).toBe(true);
      const body = schema.slice(schema.indexOf(`CREATE TABLE dbo.${table} (`));
      expect(body.slice(0, body.indexOf(");"))).toMatch(new RegExp(`CONSTRAINT PK_${table} PRIMARY KEY`));
    }
  });

  test.each(ENV_NAMES)("%s: the environment's list is the one the script receives", (name) => {
    const run = synthAzure(ENVIRONMENTS[name]).only("terraform_data", "oltp_cdc_run").config;
    expect(run.input.cdc_tables.split(",")).toEqual([...ENVIRONMENTS[name].cdc.tables]);
  });
});

describe("CdcEnablement construct", () => {
  test("rejects an empty table list and non-identifier names", () => {
    const t = storeTestbed();
    expect(() => new CdcEnablement(t.stack, "cdc", { serverFqdn: "s", databaseName: "d", tables: [], dependsOn: [] })).toThrow(
      /tables: got \[\]; allowed: at least one dbo table/,
    );
    expect(
      () => new CdcEnablement(t.stack, "cdc2", { serverFqdn: "s", databaseName: "d", tables: ["Payment; DROP TABLE x"], dependsOn: [] }),
    ).toThrow(/tables\[0\]: got "Payment; DROP TABLE x"; allowed: a plain SQL identifier/);
  });

  test("custom scripts and sqlcmd path are honoured", () => {
    const t = storeTestbed();
    const cdc = new CdcEnablement(t.stack, "cdc", {
      serverFqdn: "srv.database.windows.net",
      databaseName: "db",
      tables: ["Payment"],
      scripts: ["003_cdc_enable.sql"],
      sqlcmd: "/opt/sqlcmd",
      dependsOn: [],
    });
    expect(cdc.command).toContain(
      '/opt/sqlcmd --authentication-method ActiveDirectoryDefault -S "tcp:srv.database.windows.net,1433" -d "db" -b',
    );
    expect(cdc.scriptPaths).toHaveLength(1);
    const synth = synthesize(t.stack);
    expect(Object.keys(synth.json.resource.terraform_data)).toHaveLength(1);
  });

  test("full synth ships the scripts as an asset next to cdk.tf.json, at the paths the command uses", () => {
    const t = storeTestbed();
    const cdc = new CdcEnablement(t.stack, "cdc", { serverFqdn: "srv", databaseName: "db", tables: ["Payment"], dependsOn: [] });
    const { outdir } = fullSynthesize(t.stack);
    for (const script of cdc.scriptPaths) {
      expect(fs.existsSync(path.join(outdir, "stacks", "testbed", script))).toBe(true);
    }
  });
});

import * as path from "node:path";
import { AssetType, Fn, ITerraformDependable, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import { Rule, assertRules } from "../shared/rules";
import { TerraformData } from "../shared/terraform-data";

/** Where the repository keeps the Azure SQL scripts (`sql/azure-sql/`). */
export const AZURE_SQL_SCRIPTS_DIRECTORY = path.resolve(__dirname, "..", "..", "sql", "azure-sql");

/**
 * The `dbo` tables `001_schema.sql` creates (and `sql/postgres/` mirrors; test/sql/sql-static.test.ts
 * keeps the three in agreement): what CDC may capture and what the ETL reads.
 */
export const OLTP_TABLES = [
  "Country",
  "Currency",
  "Merchant",
  "Customer",
  "PaymentMethod",
  "Payment",
  "Refund",
  "Dispute",
  "Payout",
] as const;
export type OltpTable = (typeof OLTP_TABLES)[number];

/**
 * Scripts run, in order: the schema (CDC needs the tables and their sensitivity classification),
 * the ETL watermark contract, `003_cdc_enable.sql` (reads the sqlcmd variable `$(CdcTables)`), then
 * Dynamic Data Masking. Every script is idempotent, so a re-run is harmless.
 * `005_always_encrypted.sql` is not run here: it needs an Always Encrypted column master key URL and
 * client-side tooling (see docs/azure-data-stores.md).
 */
export const DEFAULT_CDC_SCRIPTS = [
  "001_schema.sql",
  "002_etl_watermark.sql",
  "003_cdc_enable.sql",
  "004_dynamic_data_masking.sql",
] as const;

/** The sqlcmd scripting variable that carries the comma-separated table list. */
export const CDC_TABLES_VARIABLE = "CdcTables";

export interface CdcEnablementProps {
  /** FQDN of the logical server (`<server>.database.windows.net`); resolves to the private endpoint inside the VNet. */
  readonly serverFqdn: string;
  /** Database the scripts run in. */
  readonly databaseName: string;
  /** Tables in `dbo` to capture; passed as `-v CdcTables=<a,b,c>`. At least one. */
  readonly tables: readonly string[];
  /**
   * Folder holding the scripts; shipped whole into the stack folder as a Terraform asset, so the
   * synthesized stack runs without the repository checkout.
   * @default AZURE_SQL_SCRIPTS_DIRECTORY
   */
  readonly scriptsDirectory?: string;
  /**
   * Script file names inside `scriptsDirectory`, run in order with `sqlcmd -b` (stop on first error).
   * @default DEFAULT_CDC_SCRIPTS
   */
  readonly scripts?: readonly string[];
  /** Resources that must exist first: the database, the server's Entra admin and TDE, the private endpoint. */
  readonly dependsOn: readonly ITerraformDependable[];
  /**
   * The go-sqlcmd executable on the deployment runner.
   * @default "sqlcmd"
   */
  readonly sqlcmd?: string;
}

const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Each table of a capture list: a plain SQL identifier (it is interpolated into the sqlcmd command),
 * listed once, and, with the repository's scripts, one of the tables they create. Fields are
 * `tables[<i>]`; the list may be empty (see `cdcEnablementRules`).
 */
export function cdcTableRules(tables: readonly string[], knownTables: readonly string[] | undefined): Rule[] {
  return tables.flatMap((t, i) => {
    const plain = SQL_IDENTIFIER.test(t);
    return [
      { ok: plain, field: `tables[${i}]`, value: t, allowed: "a plain SQL identifier such as Payment" },
      ...(plain && knownTables !== undefined
        ? [{ ok: knownTables.includes(t), field: `tables[${i}]`, value: t, allowed: `one of ${knownTables.join(", ")}` }]
        : []),
      { ok: tables.indexOf(t) === i, field: `tables[${i}]`, value: t, allowed: "a table listed once" },
    ];
  });
}

/** The rules of `CdcEnablementProps`: at least one table, each valid (`cdcTableRules`). */
export function cdcEnablementRules(props: Pick<CdcEnablementProps, "tables" | "scriptsDirectory">): Rule[] {
  return [
    {
      ok: props.tables.length > 0,
      field: "tables",
      value: props.tables,
      allowed: "at least one dbo table to capture (do not create CdcEnablement when CDC is disabled)",
    },
    ...cdcTableRules(props.tables, props.scriptsDirectory === undefined ? OLTP_TABLES : undefined),
  ];
}

/**
 * Enables change data capture from `cdktf deploy`, because no azurerm argument can: a
 * `terraform_data` resource whose `triggers_replace` holds the SHA-256 of every script, the table
 * list, the server and the database, and whose `local-exec` provisioner runs the repository's
 * scripts with go-sqlcmd and Entra ID authentication (`ActiveDirectoryDefault`: the deploying
 * principal's Azure CLI / workload identity token; no SQL password exists anywhere).
 *
 * It runs when the resource is created and again whenever a script, the table list, the server or
 * the database changes (Terraform replaces it); the scripts are idempotent, so a re-run only adds
 * what is missing, and `003_cdc_enable.sql` reconciles: a table removed from the list loses its
 * capture instance (`sys.sp_cdc_disable_table`) on the next deploy.
 *
 * Prerequisites of the runner: go-sqlcmd on PATH, membership of the SQL admin Entra group (CDC
 * needs db_owner), and a network path to the server's private endpoint (self-hosted runner in the
 * VNet or a peered hub), the same requirement Key Vault key creation already has.
 */
export class CdcEnablement extends Construct {
  readonly resource: TerraformData;
  /** The exact command the provisioner runs (also visible in the synthesized JSON). */
  readonly command: string;
  /** Stack-relative paths of the scripts as shipped in the asset, in run order. */
  readonly scriptPaths: readonly string[];

  constructor(scope: Construct, id: string, props: CdcEnablementProps) {
    super(scope, id);
    assertRules(`CdcEnablement ${this.node.path}`, cdcEnablementRules(props));

    const scripts = props.scripts ?? DEFAULT_CDC_SCRIPTS;
    const asset = new TerraformAsset(this, "scripts", {
      path: props.scriptsDirectory ?? AZURE_SQL_SCRIPTS_DIRECTORY,
      type: AssetType.DIRECTORY,
    });
    this.scriptPaths = scripts.map((s) => path.posix.join(asset.path, s));
    const tables = props.tables.join(",");
    const sqlcmd = props.sqlcmd ?? "sqlcmd";

    this.command = [
      "set -euo pipefail",
      ...this.scriptPaths.map(
        (file) =>
          `${sqlcmd} --authentication-method ActiveDirectoryDefault -S "tcp:${props.serverFqdn},1433" -d "${props.databaseName}" -b -i "${file}" -v "${CDC_TABLES_VARIABLE}=${tables}"`,
      ),
    ].join("\n");

    const state = {
      server: props.serverFqdn,
      database: props.databaseName,
      cdc_tables: tables,
      // Hashed by Terraform at plan time from the shipped copy (paths are relative to the stack folder,
      // where cdktf runs Terraform): editing a script re-runs the deployment.
      scripts_sha256: this.scriptPaths.map((file) => Fn.filesha256(file)),
    };

    this.resource = new TerraformData(this, "run", {
      input: state,
      triggersReplace: state,
      dependsOn: [...props.dependsOn],
      provisioners: [
        {
          type: "local-exec",
          interpreter: ["/bin/bash", "-c"],
          workingDir: "${path.module}",
          command: this.command,
        },
      ],
    });
  }
}

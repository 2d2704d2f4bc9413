import { CosmosdbSqlRoleAssignment } from "@cdktf/provider-azurerm/lib/cosmosdb-sql-role-assignment";
import { DataFactory } from "@cdktf/provider-azurerm/lib/data-factory";
import { DataFactoryCredentialUserManagedIdentity } from "@cdktf/provider-azurerm/lib/data-factory-credential-user-managed-identity";
import { DataFactoryCustomDataset } from "@cdktf/provider-azurerm/lib/data-factory-custom-dataset";
import { DataFactoryIntegrationRuntimeAzure } from "@cdktf/provider-azurerm/lib/data-factory-integration-runtime-azure";
import { DataFactoryLinkedCustomService } from "@cdktf/provider-azurerm/lib/data-factory-linked-custom-service";
import { DataFactoryManagedPrivateEndpoint } from "@cdktf/provider-azurerm/lib/data-factory-managed-private-endpoint";
import { DataFactoryPipeline } from "@cdktf/provider-azurerm/lib/data-factory-pipeline";
import { DataFactoryTriggerSchedule } from "@cdktf/provider-azurerm/lib/data-factory-trigger-schedule";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ADF_CREDENTIAL, ADF_INTEGRATION_RUNTIME, DATASETS, DatasetKey, LINKED_SERVICES, LinkedServiceKey } from "./adf-pipelines/catalog";
import { buildApiLogsPipeline } from "./adf-pipelines/etl-api-logs";
import { buildOltpToOlapPipeline } from "./adf-pipelines/etl-oltp-to-olap";
import { FactoryCatalog, PipelineSpec, renderActivitiesJson, validatePipeline } from "./adf-pipelines/model";
import { OltpTable } from "./cdc-enablement";
import { AzurePlacementProps } from "./common";
import { DiagnosticSettings, DiagnosticsTarget } from "./diagnostic-settings";
import { PRIVATE_LINK_SERVICES, PrivateAccess, PrivateEndpoint, PrivateLinkService } from "./private-endpoint";
import { WorkloadIdentity } from "./workload-identity";
import { Rule, assertRules, prefixed } from "../shared/rules";

/** Fixed first fire of the nightly trigger (synth stays deterministic; schedule triggers never backfill). */
export const BATCH_TRIGGER_START = "2026-01-01T02:00:00Z";
/** The nightly batch: 02:00 UTC every day (brief, flow 2). */
export const BATCH_SCHEDULE = { frequency: "Day", interval: 1, hours: [2], minutes: [0], timeZone: "UTC" } as const;
/** Built-in Cosmos DB data-plane role "Cosmos DB Built-in Data Reader". */
export const COSMOS_DATA_READER_ROLE = "00000000-0000-0000-0000-000000000001";

/** GitHub authoring integration of a factory. */
export interface DataFactoryGit {
  readonly accountName: string;
  readonly repositoryName: string;
  readonly branchName: string;
  readonly rootFolder: string;
}

/** Azure Data Factory (ETL) settings of an environment. */
export interface DataFactoryConfig {
  /**
   * Run the scheduled ETL flows: starts the nightly batch trigger (flow 2) and the near-real-time
   * trigger (flow 3), and arms the data-freshness alert that watches flow 3. Off, both triggers are
   * created stopped and flows run on demand.
   */
  readonly scheduledFlowsEnabled: boolean;
  /** Optional GitHub integration for authoring. @default - none */
  readonly git?: DataFactoryGit;
}

/** The OLTP Azure SQL database the factory reads. */
export interface EtlOltpSource {
  /** The primary server (a managed private endpoint connects to it). */
  readonly serverId: string;
  /**
   * Host name the linked service connects to: the failover group's read-write listener
   * (`<failover group>.database.windows.net`) when there is one, so flow 2 follows a failover; else
   * the server's FQDN, e.g. `sql-pay-prod-weu-1a2b.database.windows.net`.
   */
  readonly serverFqdn: string;
  /**
   * The geo-secondary server: a second managed private endpoint, so the listener is reachable from the
   * managed VNet whichever server is primary.
   * @default - no secondary (no failover group)
   */
  readonly secondaryServerId?: string;
  readonly databaseName: string;
}

/** The Synapse dedicated SQL pool the factory loads. */
export interface EtlOlapTarget {
  readonly workspaceId: string;
  /** Dedicated SQL endpoint, e.g. `synw-pay-prod-weu-1a2b.sql.azuresynapse.net`. */
  readonly sqlEndpoint: string;
  readonly sqlPoolName: string;
}

/** The Cosmos DB account whose `api_logs` container feeds flow 3. */
export interface EtlNosqlSource {
  readonly accountId: string;
  readonly accountName: string;
  readonly resourceGroupName: string;
  /** e.g. `https://cosmos-pay-prod-weu-1a2b.documents.azure.com:443/`. */
  readonly endpoint: string;
  readonly databaseName: string;
  /** @default "api_logs" */
  readonly apiLogsContainer?: string;
  /** The `apiLogsContainer` resource: the container-scope data-plane grant names it, so it must exist first. */
  readonly apiLogsContainerResource: ITerraformDependable;
}

/** The data lake the factory lands extracts in. */
export interface EtlDataLake {
  readonly storageAccountId: string;
  /** e.g. `https://stpayprodweu1a2b.dfs.core.windows.net/`. */
  readonly dfsEndpoint: string;
  /** Filesystem of the landing/staging zone. */
  readonly stagingFileSystem: string;
  /** The staging filesystem resource: the identity's container-scope grant names it, so it must exist first. */
  readonly stagingFileSystemResource: ITerraformDependable;
}

/** Key Vault the factory may reference secrets from (none today). */
export interface EtlKeyVault {
  readonly id: string;
  /** e.g. `https://kv-pay-prod-weu-1a2b.vault.azure.net/`. */
  readonly uri: string;
}

export interface EtlFactoryProps extends AzurePlacementProps {
  /** The `adf` workload identity: runs the factory, unwraps its key, authenticates every linked service. */
  readonly identity: WorkloadIdentity;
  /** Customer-managed key (versionless id); the identity must already be allowed to use it. */
  readonly encryptionKey: { readonly keyId: string };
  readonly privateAccess: PrivateAccess;
  readonly diagnostics: DiagnosticsTarget;
  /** GitHub authoring integration from the environment file. @default - none (publish from Terraform only) */
  readonly git?: DataFactoryGit;
  readonly oltp: EtlOltpSource;
  readonly olap: EtlOlapTarget;
  readonly nosql: EtlNosqlSource;
  readonly dataLake: EtlDataLake;
  readonly keyVault: EtlKeyVault;
  /**
   * OLTP tables captured by CDC (environment `cdc.tables` when `cdc.enabled`, else `[]`).
   * Empty: flow 2 needs CDC, so its pipeline and trigger are not deployed.
   */
  readonly cdcTables: readonly OltpTable[];
  /** Start the batch trigger of flow 2 (created stopped otherwise). */
  readonly batchTriggerEnabled: boolean;
  /**
   * Hours and minutes (UTC) the batch trigger of flow 2 fires at each day.
   * @default BATCH_SCHEDULE (02:00)
   */
  readonly batchSchedule?: { readonly hours: readonly number[]; readonly minutes: readonly number[] };
  /** Flow 3 schedule. */
  readonly apiLogs: {
    /** Start the near-real-time trigger. */
    readonly enabled: boolean;
    /** Minutes between runs (1-15). @default 2 */
    readonly intervalMinutes?: number;
    /** Minutes the window end stays behind the trigger time, for in-flight writes. @default 1 */
    readonly lagMinutes?: number;
    /** Window length in intervals: > 1 makes windows overlap so a failed run is retried. @default 3 */
    readonly lookbackIntervals?: number;
  };
  /**
   * Cores of the managed-VNet Azure integration runtime (data flows; copy uses DIUs).
   * @default 8
   */
  readonly integrationRuntimeCoreCount?: 8 | 16 | 32 | 48 | 80 | 144 | 272;
}

/**
 * Name and description of the batch trigger, from the times it fires (UTC, earliest first), so a
 * changed `batchSchedule` never leaves a trigger called "0200" that runs at another hour. "nightly"
 * only while every run starts before 06:00.
 */
export function batchTriggerLabel(schedule: NonNullable<EtlFactoryProps["batchSchedule"]>): { name: string; description: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const times = schedule.hours
    .flatMap((h) => schedule.minutes.map((m) => [h, m] as const))
    .sort(([h1, m1], [h2, m2]) => h1 - h2 || m1 - m2);
  const kind = times.every(([h]) => h < 6) ? "nightly" : "daily";
  return {
    name: `trg_oltp_to_olap_daily_${times.map(([h, m]) => `${pad(h)}${pad(m)}`).join("_")}_utc`,
    description: `Flow 2: ${kind} batch at ${times.map(([h, m]) => `${pad(h)}:${pad(m)}`).join(", ")} UTC.`,
  };
}

/**
 * The batch trigger's clock values: each list non-empty, distinct integers, hours 0-23, minutes 0-59.
 * The provider (azurerm v4.55.0 `data_factory_trigger_schedule`) validates hours 0-24 and minutes 0-60;
 * Data Factory itself takes hours 0-23 and minutes 0-59 ("Create a trigger that runs a pipeline on a
 * schedule", schedule values), so 24 and 60 would pass plan and fail at apply.
 */
export function batchScheduleRules(schedule: NonNullable<EtlFactoryProps["batchSchedule"]>): Rule[] {
  const ok = (values: readonly number[], max: number) =>
    values.length > 0 && new Set(values).size === values.length && values.every((x) => Number.isInteger(x) && x >= 0 && x <= max);
  return [
    { ok: ok(schedule.hours, 23), field: "hours", value: schedule.hours, allowed: "distinct hours 0-23 (UTC), at least one" },
    { ok: ok(schedule.minutes, 59), field: "minutes", value: schedule.minutes, allowed: "distinct minutes 0-59, at least one" },
  ];
}

/** Every field of the GitHub integration is set (the provider takes empty strings and Data Factory refuses them). */
export function dataFactoryGitRules(git: DataFactoryGit): Rule[] {
  return Object.entries(git).map(([k, value]) => ({
    ok: typeof value === "string" && value.trim().length > 0,
    field: k,
    value,
    allowed: "a non-empty string",
  }));
}

/** The props `etlFactoryRules` reads. */
export type EtlFactoryRuleInput = Pick<EtlFactoryProps, "apiLogs" | "batchSchedule" | "git"> & {
  readonly dataLake: Pick<EtlDataLake, "stagingFileSystem">;
};

/** Every rule of the factory's props, as rows (`ok` = passes). */
export function etlFactoryRules(p: EtlFactoryRuleInput): Rule[] {
  const interval = p.apiLogs.intervalMinutes ?? 2;
  const lag = p.apiLogs.lagMinutes ?? 1;
  const lookback = p.apiLogs.lookbackIntervals ?? 3;
  return [
    {
      ok: Number.isInteger(interval) && interval >= 1 && interval <= 15,
      field: "apiLogs.intervalMinutes",
      value: interval,
      allowed: "an integer from 1 to 15 (flow 3 must land data within 5 minutes on average)",
    },
    {
      ok: Number.isInteger(lag) && lag >= 0 && lag < interval * lookback,
      field: "apiLogs.lagMinutes",
      value: lag,
      allowed: `an integer from 0 to less than intervalMinutes x lookbackIntervals (${interval * lookback})`,
    },
    {
      ok: Number.isInteger(lookback) && lookback >= 1 && lookback <= 10,
      field: "apiLogs.lookbackIntervals",
      value: lookback,
      allowed: "an integer from 1 to 10",
    },
    {
      ok: p.dataLake.stagingFileSystem.length > 0,
      field: "dataLake.stagingFileSystem",
      value: p.dataLake.stagingFileSystem,
      allowed: "the lake's staging filesystem name",
    },
    ...prefixed("batchSchedule.", batchScheduleRules(p.batchSchedule ?? BATCH_SCHEDULE)),
    ...(p.git === undefined ? [] : prefixed("git.", dataFactoryGitRules(p.git))),
  ];
}

type CredentialReference = { readonly referenceName: string; readonly type: "CredentialReference" };
type Expr = { readonly value: string; readonly type: "Expression" };

/** Linked-service definitions: managed identity only, so no key, password or connection string exists to leak. */
type LinkedServiceDefinition =
  | {
      readonly type: "AzureSqlDatabase" | "AzureSqlDW";
      readonly typeProperties: {
        readonly server: string;
        readonly database: string;
        readonly encrypt: "mandatory";
        readonly trustServerCertificate: false;
        readonly authenticationType: "UserAssignedManagedIdentity";
        readonly credential: CredentialReference;
      };
    }
  | {
      readonly type: "CosmosDb";
      readonly typeProperties: { readonly accountEndpoint: string; readonly database: string; readonly credential: CredentialReference };
    }
  | { readonly type: "AzureBlobFS"; readonly typeProperties: { readonly url: string; readonly credential: CredentialReference } }
  | { readonly type: "AzureKeyVault"; readonly typeProperties: { readonly baseUrl: string; readonly credential: CredentialReference } };

type DatasetDefinition =
  | { readonly type: "AzureSqlTable"; readonly typeProperties: Record<string, never> }
  | {
      readonly type: "Parquet";
      readonly typeProperties: {
        readonly location: {
          readonly type: "AzureBlobFSLocation";
          readonly fileSystem: string;
          readonly folderPath: Expr;
          readonly fileName: Expr;
        };
        readonly compressionCodec: "snappy";
      };
    }
  | { readonly type: "AzureSqlDWTable"; readonly typeProperties: { readonly schema: Expr; readonly table: Expr } }
  | { readonly type: "CosmosDbSqlApiCollection"; readonly typeProperties: { readonly collectionName: string } };

/** Managed private endpoints from the factory's managed VNet, by stable name (part of the state contract). */
type ManagedEndpointSpec = { readonly service: PrivateLinkService; readonly targetResourceId: string };

/**
 * The ETL factory (Azure Data Factory): managed virtual network with an Azure integration runtime
 * inside it, public network access disabled (private endpoints for the data plane and the authoring
 * portal), user-assigned identity, customer-managed key, diagnostics, optional GitHub integration.
 * Managed private endpoints reach Azure SQL, Synapse, Cosmos DB, the lake and Key Vault; every linked
 * service authenticates with the identity through an ADF credential. Pipelines come from the typed
 * model in `adf-pipelines/` and are validated against the factory's linked services and datasets.
 */
export class EtlFactory extends Construct {
  readonly factory: DataFactory;
  readonly id: string;
  readonly name: string;
  /** The pipelines as typed objects (what tests and monitoring read). */
  readonly pipelines: { readonly oltpToOlap?: PipelineSpec; readonly apiLogsToOlap: PipelineSpec };
  /** Linked services and datasets the pipelines may use. */
  readonly catalog: FactoryCatalog;
  /** Absent when CDC is off (no flow 2). */
  readonly batchTrigger?: DataFactoryTriggerSchedule;
  readonly apiLogsTrigger: DataFactoryTriggerSchedule;
  readonly managedPrivateEndpoints: Readonly<Record<string, DataFactoryManagedPrivateEndpoint>>;

  constructor(scope: Construct, id: string, props: EtlFactoryProps) {
    super(scope, id);
    assertRules(`EtlFactory ${this.node.path}`, etlFactoryRules(props));

    this.factory = this.createFactory(props);
    this.id = this.factory.id;
    this.name = this.factory.name;
    this.createPrivateAccess(props);
    const runtime = this.createIntegrationRuntime(props);
    this.managedPrivateEndpoints = this.createManagedPrivateEndpoints(props, runtime);
    const linkedServices = this.createLinkedServices(props, runtime);
    const datasets = this.createDatasets(props, linkedServices);

    this.catalog = {
      linkedServices: new Set(Object.values(LINKED_SERVICES)),
      datasets: new Map(Object.values(DATASETS).map((d) => [d.name, { linkedService: d.linkedService, parameters: d.parameters }])),
    };
    this.pipelines = {
      oltpToOlap: props.cdcTables.length > 0 ? buildOltpToOlapPipeline({ cdcTables: props.cdcTables }) : undefined,
      apiLogsToOlap: buildApiLogsPipeline({ stagingPath: `${props.dataLake.stagingFileSystem}/staging/api_logs` }),
    };
    const deployed = this.deployPipelines([...datasets, ...Object.values(linkedServices)]);
    this.batchTrigger = deployed.oltpToOlap && this.createBatchTrigger(props, deployed.oltpToOlap);
    this.apiLogsTrigger = this.createApiLogsTrigger(props, deployed.apiLogsToOlap);
    this.grantDataPlane(props);
  }

  /** The factory: managed VNet, no public access, the workload identity and its customer-managed key. */
  private createFactory(props: EtlFactoryProps): DataFactory {
    const git = props.git;
    return new DataFactory(this, "factory", {
      name: props.naming.name("dataFactory"),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      managedVirtualNetworkEnabled: true,
      publicNetworkEnabled: false,
      identity: { type: "UserAssigned", identityIds: [props.identity.id] },
      customerManagedKeyId: props.encryptionKey.keyId,
      customerManagedKeyIdentityId: props.identity.id,
      // The factory unwraps its key at creation: wait until the identity's key grant is enforced.
      dependsOn: [...props.identity.keyAccessReady],
      githubConfiguration: git
        ? {
            accountName: git.accountName,
            repositoryName: git.repositoryName,
            branchName: git.branchName,
            rootFolder: git.rootFolder,
            gitUrl: "https://github.com",
            publishingEnabled: true,
          }
        : undefined,
    });
  }

  /** Private endpoints for the data plane and the authoring portal, and diagnostics. */
  private createPrivateAccess(props: EtlFactoryProps): void {
    new PrivateEndpoint(this, "pe-data-factory", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "dataFactory",
      targetResourceId: this.factory.id,
      qualifier: "adf",
    });
    new PrivateEndpoint(this, "pe-portal", {
      naming: props.naming,
      privateAccess: props.privateAccess,
      service: "dataFactoryPortal",
      targetResourceId: this.factory.id,
      qualifier: "adf-portal",
    });
    new DiagnosticSettings(this, "diagnostics", { diagnostics: props.diagnostics, targetResourceId: this.factory.id });
  }

  private createIntegrationRuntime(props: EtlFactoryProps): DataFactoryIntegrationRuntimeAzure {
    return new DataFactoryIntegrationRuntimeAzure(this, "integration-runtime", {
      name: ADF_INTEGRATION_RUNTIME,
      dataFactoryId: this.factory.id,
      location: props.location,
      virtualNetworkEnabled: true,
      computeType: "General",
      coreCount: props.integrationRuntimeCoreCount ?? 8,
      timeToLiveMin: 10,
      cleanupEnabled: true,
      description: "Azure IR inside the factory's managed virtual network; reaches data stores through managed private endpoints only.",
    });
  }

  private createManagedPrivateEndpoints(
    props: EtlFactoryProps,
    runtime: DataFactoryIntegrationRuntimeAzure,
  ): Record<string, DataFactoryManagedPrivateEndpoint> {
    const mpes: Record<string, ManagedEndpointSpec> = {
      "oltp-sql": { service: "sqlServer", targetResourceId: props.oltp.serverId },
      // The listener resolves to whichever server is primary: both must have a private path.
      ...(props.oltp.secondaryServerId !== undefined
        ? { "oltp-sql-secondary": { service: "sqlServer" as const, targetResourceId: props.oltp.secondaryServerId } }
        : {}),
      "olap-synapse": { service: "synapseSql", targetResourceId: props.olap.workspaceId },
      "nosql-cosmos": { service: "cosmosSql", targetResourceId: props.nosql.accountId },
      "lake-dfs": { service: "dfs", targetResourceId: props.dataLake.storageAccountId },
      "lake-blob": { service: "blob", targetResourceId: props.dataLake.storageAccountId },
      "key-vault": { service: "keyVault", targetResourceId: props.keyVault.id },
    };
    const managed: Record<string, DataFactoryManagedPrivateEndpoint> = {};
    for (const [key, spec] of Object.entries(mpes)) {
      // Connections are created pending: the owner of each target approves them (docs/etl-flows.md).
      managed[key] = new DataFactoryManagedPrivateEndpoint(this, `mpe-${key}`, {
        name: `mpe-${key}`,
        dataFactoryId: this.factory.id,
        targetResourceId: spec.targetResourceId,
        subresourceName: PRIVATE_LINK_SERVICES[spec.service].subresource,
        dependsOn: [runtime],
      });
    }
    return managed;
  }

  /** One credential (the workload identity) and every linked service authenticating with it. */
  private createLinkedServices(
    props: EtlFactoryProps,
    runtime: DataFactoryIntegrationRuntimeAzure,
  ): Record<LinkedServiceKey, DataFactoryLinkedCustomService> {
    const credential = new DataFactoryCredentialUserManagedIdentity(this, "credential", {
      name: ADF_CREDENTIAL,
      dataFactoryId: this.factory.id,
      identityId: props.identity.id,
      description: "The adf workload identity; every linked service authenticates as it.",
    });
    const cred: CredentialReference = { referenceName: credential.name, type: "CredentialReference" };

    const linkedServiceDefinitions: Record<LinkedServiceKey, LinkedServiceDefinition> = {
      oltp: {
        type: "AzureSqlDatabase",
        typeProperties: {
          server: props.oltp.serverFqdn,
          database: props.oltp.databaseName,
          encrypt: "mandatory",
          trustServerCertificate: false,
          authenticationType: "UserAssignedManagedIdentity",
          credential: cred,
        },
      },
      olap: {
        type: "AzureSqlDW",
        typeProperties: {
          server: props.olap.sqlEndpoint,
          database: props.olap.sqlPoolName,
          encrypt: "mandatory",
          trustServerCertificate: false,
          authenticationType: "UserAssignedManagedIdentity",
          credential: cred,
        },
      },
      cosmos: {
        type: "CosmosDb",
        typeProperties: { accountEndpoint: props.nosql.endpoint, database: props.nosql.databaseName, credential: cred },
      },
      lake: { type: "AzureBlobFS", typeProperties: { url: props.dataLake.dfsEndpoint, credential: cred } },
      keyVault: { type: "AzureKeyVault", typeProperties: { baseUrl: props.keyVault.uri, credential: cred } },
    };
    const linkedServices = {} as Record<LinkedServiceKey, DataFactoryLinkedCustomService>;
    for (const [key, def] of Object.entries(linkedServiceDefinitions) as [LinkedServiceKey, LinkedServiceDefinition][]) {
      linkedServices[key] = new DataFactoryLinkedCustomService(this, `ls-${key}`, {
        name: LINKED_SERVICES[key],
        dataFactoryId: this.factory.id,
        type: def.type,
        typePropertiesJson: JSON.stringify(def.typeProperties),
        integrationRuntime: { name: runtime.name },
        description: `${def.type} through the managed VNet, authenticated as the adf identity (no secret).`,
        dependsOn: [credential, ...Object.values(this.managedPrivateEndpoints)],
      });
    }
    return linkedServices;
  }

  private createDatasets(
    props: EtlFactoryProps,
    linkedServices: Record<LinkedServiceKey, DataFactoryLinkedCustomService>,
  ): DataFactoryCustomDataset[] {
    const param = (name: string): Expr => ({ value: `@dataset().${name}`, type: "Expression" });
    const datasetDefinitions: Record<DatasetKey, DatasetDefinition> = {
      oltpQuery: { type: "AzureSqlTable", typeProperties: {} },
      lakeParquet: {
        type: "Parquet",
        typeProperties: {
          location: {
            type: "AzureBlobFSLocation",
            fileSystem: props.dataLake.stagingFileSystem,
            folderPath: param("folder"),
            fileName: param("file"),
          },
          compressionCodec: "snappy",
        },
      },
      olapTable: { type: "AzureSqlDWTable", typeProperties: { schema: param("schema"), table: param("table") } },
      apiLogs: { type: "CosmosDbSqlApiCollection", typeProperties: { collectionName: props.nosql.apiLogsContainer ?? "api_logs" } },
    };
    const lsKeyByName = new Map(Object.entries(LINKED_SERVICES).map(([k, v]) => [v as string, k as LinkedServiceKey]));
    const datasets: DataFactoryCustomDataset[] = [];
    for (const [key, def] of Object.entries(datasetDefinitions) as [DatasetKey, DatasetDefinition][]) {
      const spec = DATASETS[key];
      const ls = linkedServices[lsKeyByName.get(spec.linkedService) as LinkedServiceKey];
      datasets.push(
        new DataFactoryCustomDataset(this, `ds-${key}`, {
          name: spec.name,
          dataFactoryId: this.factory.id,
          type: def.type,
          typePropertiesJson: JSON.stringify(def.typeProperties),
          linkedService: { name: ls.name },
          parameters: spec.parameters.length > 0 ? Object.fromEntries(spec.parameters.map((p) => [p, ""])) : undefined,
        }),
      );
    }
    return datasets;
  }

  /** Each pipeline is validated against the catalog before it is deployed. */
  private deployPipelines(catalogResources: ITerraformDependable[]): Record<string, DataFactoryPipeline> {
    const deployed: Record<string, DataFactoryPipeline> = {};
    for (const [key, spec] of Object.entries(this.pipelines)) {
      if (!spec) continue;
      validatePipeline(spec, this.catalog);
      deployed[key] = new DataFactoryPipeline(this, `pipeline-${key}`, {
        name: spec.name,
        dataFactoryId: this.factory.id,
        description: spec.description,
        folder: spec.folder,
        concurrency: spec.concurrency,
        parameters: spec.parameters ? { ...spec.parameters } : undefined,
        moniterMetricsAfterDuration: spec.elapsedTimeMetricAfter,
        activitiesJson: renderActivitiesJson(spec),
        // activities_json names datasets and linked services as strings: order the creation explicitly.
        dependsOn: catalogResources,
      });
    }
    return deployed;
  }

  private createBatchTrigger(props: EtlFactoryProps, pipeline: DataFactoryPipeline): DataFactoryTriggerSchedule {
    return new DataFactoryTriggerSchedule(this, "trigger-batch", {
      ...batchTriggerLabel(props.batchSchedule ?? BATCH_SCHEDULE),
      dataFactoryId: this.factory.id,
      frequency: BATCH_SCHEDULE.frequency,
      interval: BATCH_SCHEDULE.interval,
      schedule: {
        hours: [...(props.batchSchedule ?? BATCH_SCHEDULE).hours],
        minutes: [...(props.batchSchedule ?? BATCH_SCHEDULE).minutes],
      },
      timeZone: BATCH_SCHEDULE.timeZone,
      startTime: BATCH_TRIGGER_START,
      activated: props.batchTriggerEnabled,
      pipelineName: pipeline.name,
    });
  }

  private createApiLogsTrigger(props: EtlFactoryProps, pipeline: DataFactoryPipeline): DataFactoryTriggerSchedule {
    const interval = props.apiLogs.intervalMinutes ?? 2;
    const lag = props.apiLogs.lagMinutes ?? 1;
    const windowMinutes = interval * (props.apiLogs.lookbackIntervals ?? 3);
    return new DataFactoryTriggerSchedule(this, "trigger-api-logs", {
      name: `trg_api_logs_every_${interval}_min`,
      dataFactoryId: this.factory.id,
      description: `Flow 3: every ${interval} min, window [t-${windowMinutes + lag}m, t-${lag}m) on _ts (overlapping; loads are idempotent).`,
      frequency: "Minute",
      interval,
      startTime: "2026-01-01T00:00:00Z",
      timeZone: "UTC",
      activated: props.apiLogs.enabled,
      pipeline: [
        {
          name: pipeline.name,
          parameters: {
            windowStart: `@addMinutes(trigger().scheduledTime, -${windowMinutes + lag})`,
            windowEnd: `@addMinutes(trigger().scheduledTime, -${lag})`,
          },
        },
      ],
    });
  }

  private grantDataPlane(props: EtlFactoryProps): void {
    // Least privilege on the data plane. SQL and Synapse: database users created in SQL (docs/etl-flows.md).
    props.identity.grant({
      target: "staging-filesystem",
      scope: `${props.dataLake.storageAccountId}/blobServices/default/containers/${props.dataLake.stagingFileSystem}`,
      role: "Storage Blob Data Contributor",
      dependsOn: [props.dataLake.stagingFileSystemResource],
    });
    new CosmosdbSqlRoleAssignment(this, "cosmos-api-logs-reader", {
      resourceGroupName: props.nosql.resourceGroupName,
      accountName: props.nosql.accountName,
      roleDefinitionId: `${props.nosql.accountId}/sqlRoleDefinitions/${COSMOS_DATA_READER_ROLE}`,
      principalId: props.identity.principalId,
      scope: `${props.nosql.accountId}/dbs/${props.nosql.databaseName}/colls/${props.nosql.apiLogsContainer ?? "api_logs"}`,
      dependsOn: [props.nosql.apiLogsContainerResource],
    });
  }
}

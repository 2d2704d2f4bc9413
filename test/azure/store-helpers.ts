import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { AzureEnvironment } from "../../environments/types";
import { AzurePlatformStack } from "../../stacks/azure-platform-stack";
import { AzureNaming } from "../../constructs/azure/naming";
import { PRIVATE_DNS_ZONE_NAMES, PrivateAccess, PrivateDnsZoneName } from "../../constructs/azure/private-endpoint";
import { WorkloadIdentity } from "../../constructs/azure/workload-identity";

/** Synthesized Terraform JSON of one stack. */
export interface SynthJson {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
}

/** Every Azure environment of the registry (environments/index.ts), by name: a new one is covered without a test edit. */
export const ENVIRONMENTS: Readonly<Record<string, AzureEnvironment>> = Object.fromEntries(AZURE_ENVIRONMENTS.map((e) => [e.name, e]));
export type EnvName = string;
export const ENV_NAMES: readonly EnvName[] = AZURE_ENVIRONMENTS.map((e) => e.name);

/**
 * A test's expected row for an environment. A registered environment without a row fails the test
 * by name (add its row, from the environment's intent), rather than being skipped or snapshotted.
 */
export function rowFor<T>(table: Readonly<Record<string, T>>, name: string): T {
  const row = table[name];
  if (row === undefined) throw new Error(`no expected values for environment "${name}": add its row to this test's table`);
  return row;
}

const cache = new Map<AzureEnvironment, SynthJson>();

/** Synthesizes the real Azure stack of an environment once per test file. */
export function synthAzure(environment: AzureEnvironment): SynthJson {
  let json = cache.get(environment);
  if (!json) {
    const stack = new AzurePlatformStack(Testing.app(), `azure-${environment.name}`, { environment });
    json = JSON.parse(Testing.synth(stack)) as SynthJson;
    cache.set(environment, json);
  }
  return json;
}

/** Every resource of a type, as [logical id, config]. */
export function resourcesOf(json: SynthJson, type: string): [string, Record<string, any>][] {
  return Object.entries(json.resource[type] ?? {}) as [string, Record<string, any>][];
}

/** The only resource of a type whose logical id contains `idPart`; fails when there is not exactly one. */
export function one(json: SynthJson, type: string, idPart = ""): Record<string, any> {
  const found = resourcesOf(json, type).filter(([id]) => id.includes(idPart));
  if (found.length !== 1)
    throw new Error(`expected one ${type} matching "${idPart}", found ${found.map(([id]) => id).join(", ") || "none"}`);
  return found[0][1];
}

/** `${type}.${id}` Terraform reference of the only resource of a type matching `idPart`. */
export function ref(json: SynthJson, type: string, idPart = ""): string {
  const found = resourcesOf(json, type).filter(([id]) => id.includes(idPart));
  if (found.length !== 1) throw new Error(`expected one ${type} matching "${idPart}"`);
  return `${type}.${found[0][0]}`;
}

/** Private endpoints whose connection targets a resource reference (e.g. `azurerm_cosmosdb_account.x`). */
export function endpointsFor(json: SynthJson, targetRef: string): Record<string, any>[] {
  return resourcesOf(json, "azurerm_private_endpoint")
    .map(([, c]) => c)
    .filter((c) => String(c.private_service_connection.private_connection_resource_id).includes(`${targetRef}.id`));
}

/** Diagnostic settings whose target contains `targetExpression`. */
export function diagnosticsFor(json: SynthJson, targetExpression: string): Record<string, any>[] {
  return resourcesOf(json, "azurerm_monitor_diagnostic_setting")
    .map(([, c]) => c)
    .filter((c) => String(c.target_resource_id).includes(targetExpression));
}

/** A copy of an environment with some fields replaced (deep enough for sizing and cdc). */
export function withChanges(
  env: AzureEnvironment,
  changes: Partial<AzureEnvironment> & { sizing?: Partial<AzureEnvironment["sizing"]> },
): AzureEnvironment {
  return { ...env, ...changes, sizing: { ...env.sizing, ...(changes.sizing ?? {}) } };
}

/** A bare stack with what a store construct needs, for construct-level edge cases. */
export function storeTestbed(workload = "sql") {
  const stack = new TerraformStack(Testing.app(), "testbed");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new TimeProvider(stack, "time");
  const naming = new AzureNaming({ workload: "pay", environment: "test", location: "westeurope", uniqueSeed: "seed" });
  const key = new KeyVaultKey(stack, "key", {
    name: "cmk",
    keyVaultId: "/kv",
    keyType: "RSA-HSM",
    keySize: 3072,
    keyOpts: ["wrapKey", "unwrapKey"],
  });
  const identity = new WorkloadIdentity(stack, "identity", { naming, resourceGroupName: "rg", location: "westeurope", workload });
  identity.grantKeyEncryption(key);
  const privateAccess: PrivateAccess = {
    subnetId: "/subnet",
    resourceGroupName: "rg-network",
    location: "westeurope",
    dnsZoneIds: Object.fromEntries(PRIVATE_DNS_ZONE_NAMES.map((z) => [z, `/zones/${z}`])) as Record<PrivateDnsZoneName, string>,
    dnsZoneLinks: Object.fromEntries(
      PRIVATE_DNS_ZONE_NAMES.map((z, i) => [
        z,
        new PrivateDnsZoneVirtualNetworkLink(stack, `link-${i}`, {
          name: "link",
          resourceGroupName: "rg",
          privateDnsZoneName: z,
          virtualNetworkId: "/vnet",
        }),
      ]),
    ) as Record<PrivateDnsZoneName, PrivateDnsZoneVirtualNetworkLink>,
  };
  return { stack, naming, key, identity, privateAccess, diagnostics: { logAnalyticsWorkspaceId: "/law" } };
}

/** The DNS zone name behind a `${azurerm_private_dns_zone.<id>.id}` reference. */
export function zoneNameOf(json: SynthJson, zoneIdExpression: string): string {
  const m = /\$\{azurerm_private_dns_zone\.([^.]+)\.id\}/.exec(zoneIdExpression);
  if (!m) throw new Error(`not a DNS zone reference: ${zoneIdExpression}`);
  return String(json.resource.azurerm_private_dns_zone[m[1]].name);
}

/** Azure conveniences over the one synth helper (test/helpers/synth.ts): environments, testbeds, store lookups. */
import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AzureNaming } from "../../constructs/azure/naming";
import { PRIVATE_DNS_ZONE_NAMES, PrivateAccess, PrivateDnsZoneName } from "../../constructs/azure/private-endpoint";
import { WorkloadIdentity } from "../../constructs/azure/workload-identity";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { AzureEnvironment } from "../../environments/types";
import { SynthesizedStack } from "./synth";

/** Every Azure environment of the registry (environments/index.ts), by name: a new one is covered without a test edit. */
export const ENVIRONMENTS: Readonly<Record<string, AzureEnvironment>> = Object.fromEntries(AZURE_ENVIRONMENTS.map((e) => [e.name, e]));
export const ENV_NAMES: readonly string[] = AZURE_ENVIRONMENTS.map((e) => e.name);

/**
 * A test's expected row for an environment. A registered environment without a row fails the test
 * by name (add its row, from the environment's intent), rather than being skipped or snapshotted.
 */
export function rowFor<T>(table: Readonly<Record<string, T>>, name: string): T {
  const row = table[name];
  if (row === undefined) throw new Error(`no expected values for environment "${name}": add its row to this test's table`);
  return row;
}

/** A copy of an environment with some fields replaced (deep enough for sizing and cdc). */
export function withChanges(
  env: AzureEnvironment,
  changes: Partial<AzureEnvironment> & { sizing?: Partial<AzureEnvironment["sizing"]> },
): AzureEnvironment {
  return { ...env, ...changes, sizing: { ...env.sizing, ...(changes.sizing ?? {}) } };
}

/** Private endpoints whose connection targets a resource address (e.g. `azurerm_cosmosdb_account.x`). */
export function endpointsFor(s: SynthesizedStack, targetAddress: string): Record<string, any>[] {
  return s
    .configs("azurerm_private_endpoint")
    .filter((c) => String(c.private_service_connection.private_connection_resource_id).includes(`${targetAddress}.id`));
}

/** Diagnostic settings whose target contains `targetExpression` (a sub-resource path such as `/databases/master` included). */
export function diagnosticsFor(s: SynthesizedStack, targetExpression: string): Record<string, any>[] {
  return s.configs("azurerm_monitor_diagnostic_setting").filter((c) => String(c.target_resource_id).includes(targetExpression));
}

/** The DNS zone name behind a `${azurerm_private_dns_zone.<id>.id}` reference. */
export function zoneNameOf(s: SynthesizedStack, zoneIdExpression: string): string {
  const zone = s.model.target(zoneIdExpression);
  if (zone?.resource.type !== "azurerm_private_dns_zone" || zone.attribute !== "id")
    throw new Error(`not a DNS zone reference: ${zoneIdExpression}`);
  return String(zone.resource.config["name"]);
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

/** Secret-looking literals in synthesized JSON text (the issue's scan). */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /AccountKey=/i,
  /Password=/i,
  /SharedAccessSignature/i,
  /"password"\s*:\s*"(?!\$\{)[^"]+"/i,
  /"account_key"\s*:\s*"(?!\$\{)[^"]+"/i,
  /"connection_string"\s*:\s*"(?!\$\{)[^"]+"/i,
  /\\"connectionString\\"\s*:/i,
  /\\"accountKey\\"\s*:/i,
  /\\"servicePrincipalKey\\"\s*:/i,
];

export function secretHits(text: string): string[] {
  return SECRET_PATTERNS.filter((p) => p.test(text)).map((p) => p.source);
}

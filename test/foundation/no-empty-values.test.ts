/**
 * Invariants of every shipped stack (both clouds, every registered environment):
 * - no resource argument is an empty string or an empty list, except the few Terraform means literally
 *   (listed with the reason). An empty name, address prefix, zone list or rule field is a bug that
 *   `terraform plan` or the cloud API rejects late, or, worse, accepts as "any";
 * - no two resources of one type share a `name` within a resource group / account scope (a dropped
 *   naming qualifier makes two private endpoints or NSGs collide, which Azure refuses on apply).
 * Mutation testing found both classes surviving every other assertion (docs/testing.md).
 */
import { AZURE_ENVIRONMENTS } from "../../environments";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { SynthesizedStack, synthAws, synthAzure } from "../helpers/synth";

/** Empty values that mean what they say, by resource type and argument path (`*` = any list index). */
const MEANINGFUL_EMPTY: readonly { type: string; path: RegExp; address?: RegExp; why: string }[] = [
  {
    type: "aws_s3_bucket_lifecycle_configuration",
    path: /^rule\.\d+\.filter\.\d+\.prefix$/,
    why: 'prefix "" is the documented whole-bucket filter',
  },
  {
    type: "aws_s3_bucket_lifecycle_configuration",
    path: /^rule\.\d+\.transition$/,
    why: "buckets whose objects never change storage class (DAGs, models)",
  },
  {
    type: "azurerm_data_factory_custom_dataset",
    path: /^parameters\.\w+$/,
    why: "a dataset parameter declared with an empty default; the pipeline sets it per run",
  },
  {
    type: "azurerm_monitor_diagnostic_setting",
    path: /^enabled_log$/,
    // Only the account-level setting: every other diagnostic setting must send logs (Key Vault audit, NSG events...).
    address: /^azurerm_monitor_diagnostic_setting\.data-lake_diagnostics_setting_/,
    why: "the storage account resource has metrics and no log categories (its logs are on the blob service)",
  },
];

function emptyArguments(stack: SynthesizedStack): string[] {
  const found: string[] = [];
  const walk = (value: unknown, type: string, address: string, path: string[]): void => {
    const here = path.join(".");
    const allowed = (): boolean => MEANINGFUL_EMPTY.some((m) => m.type === type && m.path.test(here) && (m.address?.test(address) ?? true));
    if (value === "" || (Array.isArray(value) && value.length === 0)) {
      if (!allowed()) found.push(`${address}: ${here} = ${JSON.stringify(value)}`);
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, type, address, [...path, String(i)]));
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) if (k !== "//" && k !== "lifecycle") walk(v, type, address, [...path, k]);
    }
  };
  for (const r of stack.resources()) walk(r.config, r.type, r.address, []);
  return found;
}

/** The arguments that name a resource's parent, within which its name must be unique. */
const PARENT_KEYS = [
  "resource_group_name",
  "server_id",
  "account_name",
  "key_vault_id",
  "data_factory_id",
  "virtual_network_name",
  "synapse_workspace_id",
  "target_resource_id",
  "private_dns_zone_name",
  "role",
];

/** Resources of one type and scope (resource group, or the whole AWS account) that share a name. */
function duplicateNames(stack: SynthesizedStack): string[] {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const r of stack.resources()) {
    const name = r.config["name"];
    if (typeof name !== "string" || name.includes("${")) continue;
    // A name is unique within its parent: resource group, server, vault, zone, target resource, IAM role...
    const parent = PARENT_KEYS.map((k) => r.config[k])
      .filter((v) => typeof v === "string")
      .join("|");
    const key = `${r.type}|${parent}|${name}`;
    const other = seen.get(key);
    if (other !== undefined) duplicates.push(`${r.type} "${name}": ${other} and ${r.address}`);
    else seen.set(key, r.address);
  }
  return duplicates;
}

const STACKS: readonly [string, () => SynthesizedStack][] = [
  ...AZURE_ENVIRONMENTS.map((env) => [`azure-${env.name}`, () => synthAzure(env)] as [string, () => SynthesizedStack]),
  ...AWS_ENVIRONMENTS.map((env) => [`aws-${env.name}`, () => synthAws(env)] as [string, () => SynthesizedStack]),
];

describe.each(STACKS)("%s", (_id, synth) => {
  it("has no empty string or empty list argument beyond the meaningful ones", () => {
    expect(emptyArguments(synth())).toEqual([]);
  });

  it("has no two resources of one type with one name in one scope", () => {
    const stack = synth();
    expect(duplicateNames(stack)).toEqual([]);
    // The check saw the stack's names (a lookup that found none would pass vacuously).
    expect(stack.resources().filter((r) => typeof r.config["name"] === "string").length).toBeGreaterThan(30);
  });
});

describe("the checks can fail", () => {
  it("an empty name and an empty address list are reported; the listed exceptions are not", () => {
    const stack = new SynthesizedStack(
      JSON.stringify({
        resource: {
          azurerm_subnet: { a: { name: "", address_prefixes: [] } },
          aws_s3_bucket_lifecycle_configuration: { b: { rule: [{ filter: [{ prefix: "" }], transition: [] }] } },
        },
      }),
    );
    expect(emptyArguments(stack)).toEqual(['azurerm_subnet.a: name = ""', "azurerm_subnet.a: address_prefixes = []"]);
  });

  it("two private endpoints with one name in one resource group are reported", () => {
    const pe = { name: "pe-pay-prod", resource_group_name: "rg-net" };
    const stack = new SynthesizedStack(JSON.stringify({ resource: { azurerm_private_endpoint: { a: pe, b: pe } } }));
    expect(duplicateNames(stack)).toEqual([
      'azurerm_private_endpoint "pe-pay-prod": azurerm_private_endpoint.a and azurerm_private_endpoint.b',
    ]);
  });
});

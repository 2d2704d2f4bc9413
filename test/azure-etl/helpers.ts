import { Testing } from "cdktf";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { AzureEnvironment } from "../../environments/types";
import { AzurePlatformStack } from "../../stacks/azure-platform-stack";

/** Every Azure environment of the registry (environments/index.ts), by name: a new one is covered without a test edit. */
export const ENVS: Readonly<Record<string, AzureEnvironment>> = Object.fromEntries(AZURE_ENVIRONMENTS.map((e) => [e.name, e]));
export type EnvName = string;
export const ENV_NAMES: readonly EnvName[] = AZURE_ENVIRONMENTS.map((e) => e.name);

export interface Synth {
  json: { resource: Record<string, Record<string, Record<string, any>>> };
  text: string;
  stack: AzurePlatformStack;
}

const cache = new Map<AzureEnvironment, Synth>();

/** The real Azure stack of an environment, synthesized once per test file. */
export function synthStack(environment: AzureEnvironment): Synth {
  let s = cache.get(environment);
  if (!s) {
    const stack = new AzurePlatformStack(Testing.app(), `azure-${environment.name}`, { environment });
    const text = Testing.synth(stack);
    s = { json: JSON.parse(text), text, stack };
    cache.set(environment, s);
  }
  return s;
}

/** Resources of one Terraform type as configs. */
export function configsOf(s: Synth, type: string): Record<string, any>[] {
  return Object.values(s.json.resource[type] ?? {});
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

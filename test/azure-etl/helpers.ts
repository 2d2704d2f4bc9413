import { Testing } from "cdktf";
import { dev } from "../../environments/dev";
import { prod } from "../../environments/prod";
import { staging } from "../../environments/staging";
import { AzureEnvironment } from "../../environments/types";
import { AzurePlatformStack } from "../../stacks/azure-platform-stack";

export const ENVS = { dev, staging, prod } as const;
export type EnvName = keyof typeof ENVS;
export const ENV_NAMES = Object.keys(ENVS) as EnvName[];

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

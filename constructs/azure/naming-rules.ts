/**
 * The rules of `AzureNamingProps`, beside the naming module and apart from it: the environment
 * validator composes these rows and never builds a name itself (test/delivery/layers.test.ts keeps
 * `environments/` away from `naming.ts`).
 */
import { AZURE_LOCATIONS } from "./locations";
import { AzureNaming, AzureNamingProps } from "./naming";
import { Rule } from "../shared/rules";

const ENVIRONMENT_NAME = /^[a-z][a-z0-9]{1,7}$/;
const WORKLOAD = /^[a-z][a-z0-9]{1,5}$/;

/**
 * The names with the tightest limits that carry workload and environment: Key Vault and the data
 * lake's storage account (24 characters each, with region code and uniqueness suffix).
 */
const TIGHTEST_NAMES = [
  { kind: "keyVault", qualifier: undefined },
  { kind: "storageAccount", qualifier: "dl" },
] as const;

/**
 * Workload and environment codes, and whether every name built from them fits its service's limits
 * (checked only when the codes and the region are valid, so one mistake reads as one problem).
 */
export function azureNamingRules(props: AzureNamingProps): Rule[] {
  const environmentOk = ENVIRONMENT_NAME.test(props.environment);
  const workloadOk = WORKLOAD.test(props.workload);
  const rules: Rule[] = [
    {
      ok: environmentOk,
      field: "environment",
      value: props.environment,
      allowed: "2-8 lowercase letters or digits, starting with a letter",
    },
    { ok: workloadOk, field: "workload", value: props.workload, allowed: "2-6 lowercase letters or digits, starting with a letter" },
  ];
  if (!environmentOk || !workloadOk || !AZURE_LOCATIONS.includes(props.location)) return rules;
  const naming = new AzureNaming(props);
  for (const { kind, qualifier } of TIGHTEST_NAMES) {
    let problem: string | undefined;
    try {
      naming.name(kind, { qualifier });
    } catch (e) {
      problem = (e as Error).message;
    }
    rules.push({
      ok: problem === undefined,
      field: "workload/environment",
      value: `${props.workload}/${props.environment}`,
      allowed: `a combination short enough for every service${problem === undefined ? "" : `: ${problem}`}`,
    });
  }
  return rules;
}

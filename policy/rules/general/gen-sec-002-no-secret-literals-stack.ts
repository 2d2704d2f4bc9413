import { fail, pass } from "../_shared";
import { defineStackRule } from "../../engine/rule";
import { findSecrets } from "../../engine/secrets";
import type { RuleResult } from "../../engine/types";
import { isObject } from "../../engine/values";

/** Top-level sections of cdk.tf.json other than `resource`, scanned as `<section>.<name>`. */
const SECTIONS = ["provider", "locals", "variable", "output", "data", "terraform"] as const;

export default defineStackRule({
  id: "GEN-SEC-002",
  title: "No secret-looking literals in providers, locals, variables, outputs, data sources or the backend",
  severity: "error",
  clouds: ["any"],
  resourceTypes: ["provider", "locals", "variable", "output", "data", "terraform"],
  pci: ["8.3.2", "8.6.2"],
  references: { checkov: ["CKV_SECRET_6"] },
  description:
    "A client secret in a provider block, a password default in a variable or an access key in the backend config is as exposed as one in a resource.",
  fix: "Remove the literal: authenticate providers and the backend with OIDC / managed identity / environment variables, and mark outputs sensitive without embedding values.",
  checkStack: (ctx) => {
    const results: { address: string; result: RuleResult }[] = [];
    for (const section of SECTIONS) {
      const value = ctx.graph.doc[section];
      if (!isObject(value)) continue;
      const entries: [string, unknown][] =
        section === "locals" ? [["locals", value]] : section === "terraform" ? [["terraform", value]] : Object.entries(value);
      for (const [name, content] of entries) {
        if (section === "data" && isObject(content)) {
          for (const [dataName, dataConfig] of Object.entries(content)) {
            results.push({ address: `data.${name}.${dataName}`, result: verdict(dataConfig) });
          }
          continue;
        }
        const address = section === "locals" || section === "terraform" ? section : `${section}.${name}`;
        results.push({ address, result: verdict(content) });
      }
    }
    return results;
  },
});

function verdict(content: unknown): RuleResult {
  const hits = findSecrets(content);
  if (hits.length === 0) return pass("no secret-looking literal");
  return fail(`${hits.map((h) => `${h.path} (${h.kind})`).join(", ")} looks like a secret literal; remove it`);
}

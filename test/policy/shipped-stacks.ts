import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { evaluateStack, StackEvaluation } from "../../policy/engine/evaluate";
import { PolicyConfig } from "../../environments/types";

/**
 * What synth's policy pass would stop on: unsuppressed error findings (rule id and address) and
 * configuration errors. A full synth to disk, as `npm run synth` does: `Testing.synth` strips the "//"
 * metadata that carries the `suppress()` markers.
 */
export function blockingFindings(stack: TerraformStack, policy: PolicyConfig): { errors: string[]; evaluation: StackEvaluation } {
  const stackId = stack.node.id;
  const outdir = Testing.fullSynth(stack);
  const doc = JSON.parse(readFileSync(join(outdir, "stacks", stackId, "cdk.tf.json"), "utf8"));
  const evaluation = evaluateStack(stackId, doc, policy);
  const errors = [
    ...evaluation.findings.filter((f) => f.status === "fail" && f.severity === "error").map((f) => `${f.ruleId} ${f.address}`),
    ...evaluation.configErrors.map((e) => `config: ${e.message}`),
  ];
  return { errors, evaluation };
}

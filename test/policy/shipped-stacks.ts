import { TerraformStack } from "cdktf";
import { PolicyConfig } from "../../environments/types";
import { evaluateStack, StackEvaluation } from "../../policy/engine/evaluate";
import { fullSynthesize } from "../helpers/synth";

/**
 * What synth's policy pass would stop on: unsuppressed error findings (rule id and address) and
 * configuration errors. A full synth to disk, as `npm run synth` does: the in-memory synth strips the "//"
 * metadata that carries the `suppress()` markers.
 */
export function blockingFindings(stack: TerraformStack, policy: PolicyConfig): { errors: string[]; evaluation: StackEvaluation } {
  const { synthesized } = fullSynthesize(stack);
  const evaluation = evaluateStack(stack.node.id, synthesized.json, policy);
  const errors = [
    ...evaluation.findings.filter((f) => f.status === "fail" && f.severity === "error").map((f) => `${f.ruleId} ${f.address}`),
    ...evaluation.configErrors.map((e) => `config: ${e.message}`),
  ];
  return { errors, evaluation };
}

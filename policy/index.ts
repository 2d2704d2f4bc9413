/**
 * Policy-as-code guardrail for the synthesized stacks (a cdk-nag for cdktf).
 *
 * main.ts, after app.synth():
 *   const report = evaluateOutdir(app.outdir, policyByStack); // from the environments, built in main.ts
 *   writeReport(report);
 *   console.log(formatReport(report));
 *   assertNoViolations(report); // throws PolicyViolationError naming stack, address, rule id and fix
 */
export { evaluateOutdir, evaluateStack, describeRules, listStacks, DEFAULT_POLICY_CONFIG } from "./engine/evaluate";
export type { EvaluateOptions, StackEvaluation } from "./engine/evaluate";
export {
  assertNoViolations,
  blockingFindings,
  formatReport,
  PolicyViolationError,
  REPORT_FILE_NAME,
  violationMessage,
  writeReport,
} from "./engine/report";
export type * from "./engine/types";
export { ALL_RULES } from "./rules";
export { PACKS } from "./packs";

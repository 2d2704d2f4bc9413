/**
 * Suppress one policy rule on one resource, next to the code that creates it:
 *
 *   suppress(bucket, "AWS-S3-005", "Access-log target bucket; logging it into itself would loop");
 *
 * The marker lands in cdk.tf.json under the resource's `//` key (which Terraform ignores):
 *   "//": { "metadata": {...}, "policy_suppressions": { "AWS-S3-005": "Access-log target ..." } }
 * and the policy engine reads it from there, so it survives synth and applies to exactly that address.
 * It lives beside the constructs that call it: constructs do not import policy/.
 */
import type { TerraformResource } from "cdktf";
import { MIN_REASON_LENGTH, RULE_ID_PATTERN, SUPPRESSION_MARKER_KEY } from "../../tfjson/suppression-marker";

export function suppress(resource: TerraformResource, ruleId: string, reason: string): void {
  if (!RULE_ID_PATTERN.test(ruleId)) throw new Error(`suppress(): "${ruleId}" is not a rule id (e.g. AZ-SQL-001)`);
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(`suppress(${ruleId}) on ${resource.node.path}: the reason must be at least ${MIN_REASON_LENGTH} characters`);
  }
  resource.addOverride(`//.${SUPPRESSION_MARKER_KEY}.${ruleId}`, reason.trim());
}

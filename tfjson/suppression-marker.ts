/**
 * The `suppress()` marker as it appears in cdk.tf.json: constructs/shared/suppress.ts writes it, the policy
 * engine reads it. Both sides import the format from here so neither imports the other.
 *   "//": { "metadata": {...}, "policy_suppressions": { "AWS-S3-005": "Access-log target ..." } }
 */

/** Key under a resource's `//` object where `suppress()` writes its markers. */
export const SUPPRESSION_MARKER_KEY = "policy_suppressions";

/** A suppression's reason must say why, not just "false positive". */
export const MIN_REASON_LENGTH = 20;

/** Shape of a policy rule id, e.g. AZ-SQL-001 or AWS-S3-005. */
export const RULE_ID_PATTERN = /^[A-Z]{2,4}(-[A-Z0-9]+)+$/;

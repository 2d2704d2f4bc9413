import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { get, hasValue, show, toNumber } from "../../engine/values";

export default defineRule({
  id: "AWS-SM-002",
  title: "Secrets Manager secrets rotate automatically",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_secretsmanager_secret"],
  pci: ["8.3.9", "8.6.3"],
  references: { checkov: ["CKV2_AWS_57"] },
  description: "Passwords of system accounts (e.g. the Debezium replication user) are changed periodically without a person reading them.",
  fix: "Add aws_secretsmanager_secret_rotation { secret_id = the secret, rotation_lambda_arn, rotation_rules { automatically_after_days <= 90 } }.",
  check: (r, ctx) => {
    const rotation = ctx.graph.referrers(r, { type: "aws_secretsmanager_secret_rotation", attribute: "secret_id" })[0];
    if (!rotation) return fail("no aws_secretsmanager_secret_rotation has secret_id = this secret; add one with a rotation function");
    if (!hasValue(rotation.config["rotation_lambda_arn"]))
      return fail(`${rotation.address} has no rotation_lambda_arn; set the rotation function's ARN`);
    const days = toNumber(get(rotation.config, "rotation_rules.automatically_after_days"));
    const schedule = get(rotation.config, "rotation_rules.schedule_expression");
    if (days === undefined && !hasValue(schedule)) return fail(`${rotation.address} has no rotation_rules; set automatically_after_days`);
    if (days !== undefined && days > 90) return fail(`rotation_rules.automatically_after_days is ${show(days)}; set it to 90 or less`);
    return pass(`rotated by ${rotation.address}`);
  },
});

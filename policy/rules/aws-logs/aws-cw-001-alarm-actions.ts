import { defineRule } from "../../engine/rule";
import { expectSet, fail } from "../_shared";
import { isFalse } from "../../engine/values";

export default defineRule({
  id: "AWS-CW-001",
  title: "CloudWatch alarms notify someone",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudwatch_metric_alarm"],
  pci: ["10.7.2", "12.10.5"],
  description: "An alarm without actions (or with actions disabled) is never seen.",
  fix: "Set alarm_actions = [the SNS topic arn] and leave actions_enabled unset or true.",
  check: (r, ctx) => {
    if (isFalse(r.config["actions_enabled"])) return fail("actions_enabled is false; set actions_enabled = true");
    return expectSet(r, ctx, "alarm_actions", "[the alerting SNS topic arn]");
  },
});

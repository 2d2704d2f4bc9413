import { defineRule } from "../../engine/rule";
import { all, expectSet } from "../_shared";

export default defineRule({
  id: "AWS-CT-004",
  title: "CloudTrail delivers to CloudWatch Logs",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.4.1", "10.7.2"],
  references: { checkov: ["CKV2_AWS_10"], trivy: ["aws-cloudtrail-ensure-cloudwatch-integration"] },
  description: "Near-real-time delivery lets metric filters and alarms react to security events.",
  fix: 'Set cloud_watch_logs_group_arn ("<log group arn>:*") and cloud_watch_logs_role_arn.',
  check: (r, ctx) =>
    all(
      expectSet(r, ctx, "cloud_watch_logs_group_arn", "the trail log group arn"),
      expectSet(r, ctx, "cloud_watch_logs_role_arn", "a role CloudTrail assumes to write the log group"),
    ),
});

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { get, hasValue } from "../../engine/values";

/** CIS AWS Foundations section 4 event classes and one CloudTrail token each filter must contain. */
const CIS_EVENTS: readonly (readonly [string, string])[] = [
  ["4.1 unauthorized API calls", "UnauthorizedOperation"],
  ["4.2 console sign-in without MFA", "MFAUsed"],
  ["4.3 root use", "Root"],
  ["4.4 IAM policy changes", "PutRolePolicy"],
  ["4.5 CloudTrail changes", "StopLogging"],
  ["4.7 KMS key disable or deletion", "ScheduleKeyDeletion"],
  ["4.10 security group changes", "AuthorizeSecurityGroupIngress"],
  ["4.11 NACL changes", "CreateNetworkAclEntry"],
  ["4.13 route table changes", "CreateRoute"],
];

export default defineRule({
  id: "AWS-CT-008",
  title: "CloudTrail's log group alarms on the CIS security events",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.4.1", "10.7.2"],
  description:
    "Unauthorized calls, root use, IAM/KMS/CloudTrail/network changes and console sign-in without MFA must reach a person: a metric filter per event class on the trail's log group and an alarm with actions on its metric.",
  fix: "Add aws_cloudwatch_log_metric_filter on the trail's log group for each CIS 4.x event class and an aws_cloudwatch_metric_alarm on its metric with alarm_actions = [the alert topic].",
  check: (r, ctx) => {
    const group = ctx.graph.resolve(r.config["cloud_watch_logs_group_arn"], "aws_cloudwatch_log_group");
    if (!group) return notApplicable("the trail delivers to no log group in this stack (AWS-CT-004 covers it)");
    const filters = ctx.graph.referrers(group, { type: "aws_cloudwatch_log_metric_filter", attribute: "log_group_name" });
    const alarms = ctx.graph.ofType("aws_cloudwatch_metric_alarm");
    const missing = CIS_EVENTS.filter(
      ([, token]) =>
        !filters.some(
          (f) =>
            String(f.config["pattern"] ?? "").includes(token) &&
            alarms.some(
              (a) =>
                a.config["metric_name"] === get(f.config, "metric_transformation.name") &&
                a.config["namespace"] === get(f.config, "metric_transformation.namespace") &&
                hasValue(a.config["alarm_actions"]),
            ),
        ),
    ).map(([name]) => name);
    if (missing.length > 0)
      return fail(
        `no metric filter with an alarm for CIS ${missing.join(", ")}; add a filter on ${group.address} and an alarm to the alert topic`,
      );
    return pass(`${CIS_EVENTS.length} CIS event classes alarmed`);
  },
});

import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { AwsNaming } from "./naming";

/** Namespace of the security-event counters the CloudTrail metric filters publish. */
export const SECURITY_METRIC_NAMESPACE = "Payments/Security";

/** One CloudTrail event class the CIS AWS Foundations Benchmark (section 4, v1.4-v3.0) alarms on. */
export interface SecurityEvent {
  /** Short id used in names, e.g. `root-usage`. */
  readonly id: string;
  /** CIS AWS Foundations control, e.g. `4.3`. */
  readonly cis: string;
  readonly description: string;
  /** CloudWatch Logs filter pattern over the CloudTrail JSON. */
  readonly pattern: string;
}

const anyEvent = (source: string | undefined, names: readonly string[]) => {
  const events = names.map((n) => `($.eventName = ${n})`).join(" || ");
  return source ? `{ ($.eventSource = ${source}) && (${events}) }` : `{ ${events} }`;
};

/**
 * The CIS section 4 metric filters (the ones that apply to a single account without AWS Config or
 * Organizations): each counts matching CloudTrail events; any count alarms.
 */
export const SECURITY_EVENTS: readonly SecurityEvent[] = [
  {
    id: "unauthorized-api-calls",
    cis: "4.1",
    description: "API calls denied for lack of authorization",
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  {
    id: "console-signin-without-mfa",
    cis: "4.2",
    description: "Console sign-in of an IAM user without MFA",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: "root-usage",
    cis: "4.3",
    description: "The root user signed in or called an API",
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: "iam-policy-changes",
    cis: "4.4",
    description: "An IAM policy was created, changed, attached or detached",
    pattern: anyEvent(undefined, [
      "DeleteGroupPolicy",
      "DeleteRolePolicy",
      "DeleteUserPolicy",
      "PutGroupPolicy",
      "PutRolePolicy",
      "PutUserPolicy",
      "CreatePolicy",
      "DeletePolicy",
      "CreatePolicyVersion",
      "DeletePolicyVersion",
      "AttachRolePolicy",
      "DetachRolePolicy",
      "AttachUserPolicy",
      "DetachUserPolicy",
      "AttachGroupPolicy",
      "DetachGroupPolicy",
    ]),
  },
  {
    id: "cloudtrail-changes",
    cis: "4.5",
    description: "A trail was created, changed, deleted, started or stopped",
    pattern: anyEvent(undefined, ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"]),
  },
  {
    id: "console-auth-failures",
    cis: "4.6",
    description: "Failed console sign-in",
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    id: "kms-key-disable-or-deletion",
    cis: "4.7",
    description: "A customer managed key was disabled or scheduled for deletion",
    pattern: anyEvent("kms.amazonaws.com", ["DisableKey", "ScheduleKeyDeletion"]),
  },
  {
    id: "s3-bucket-policy-changes",
    cis: "4.8",
    description: "A bucket policy, ACL, CORS, lifecycle or replication setting changed",
    pattern: anyEvent("s3.amazonaws.com", [
      "PutBucketAcl",
      "PutBucketPolicy",
      "PutBucketCors",
      "PutBucketLifecycle",
      "PutBucketReplication",
      "DeleteBucketPolicy",
      "DeleteBucketCors",
      "DeleteBucketLifecycle",
      "DeleteBucketReplication",
    ]),
  },
  {
    id: "security-group-changes",
    cis: "4.10",
    description: "A security group or one of its rules changed",
    pattern: anyEvent(undefined, [
      "AuthorizeSecurityGroupIngress",
      "AuthorizeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RevokeSecurityGroupEgress",
      "CreateSecurityGroup",
      "DeleteSecurityGroup",
    ]),
  },
  {
    id: "nacl-changes",
    cis: "4.11",
    description: "A network ACL or one of its entries changed",
    pattern: anyEvent(undefined, [
      "CreateNetworkAcl",
      "CreateNetworkAclEntry",
      "DeleteNetworkAcl",
      "DeleteNetworkAclEntry",
      "ReplaceNetworkAclEntry",
      "ReplaceNetworkAclAssociation",
    ]),
  },
  {
    id: "network-gateway-changes",
    cis: "4.12",
    description: "An internet or customer gateway changed",
    pattern: anyEvent(undefined, [
      "CreateCustomerGateway",
      "DeleteCustomerGateway",
      "AttachInternetGateway",
      "CreateInternetGateway",
      "DeleteInternetGateway",
      "DetachInternetGateway",
    ]),
  },
  {
    id: "route-table-changes",
    cis: "4.13",
    description: "A route table or route changed",
    pattern: anyEvent("ec2.amazonaws.com", [
      "CreateRoute",
      "CreateRouteTable",
      "ReplaceRoute",
      "ReplaceRouteTableAssociation",
      "DeleteRouteTable",
      "DeleteRoute",
      "DisassociateRouteTable",
    ]),
  },
  {
    id: "vpc-changes",
    cis: "4.14",
    description: "A VPC or a peering connection changed",
    pattern: anyEvent(undefined, [
      "CreateVpc",
      "DeleteVpc",
      "ModifyVpcAttribute",
      "AcceptVpcPeeringConnection",
      "CreateVpcPeeringConnection",
      "DeleteVpcPeeringConnection",
      "RejectVpcPeeringConnection",
    ]),
  },
];

export interface SecurityEventAlarmsProps {
  readonly naming: AwsNaming;
  /** The CloudWatch Logs group CloudTrail delivers to. */
  readonly trailLogGroupName: string;
  /** The environment's alert topic. */
  readonly topicArn: string;
}

/**
 * CloudTrail metric filters and alarms for the CIS AWS Foundations security events (PCI DSS 10.4.1,
 * 10.7.2): one filter per event class on the trail's log group, one alarm per filter to the alert
 * topic on the first occurrence. The counters exist only when an event matches, so missing data is
 * "nothing happened" (notBreaching).
 */
export class SecurityEventAlarms extends Construct {
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: SecurityEventAlarmsProps) {
    super(scope, id);
    for (const event of SECURITY_EVENTS) {
      const metricName = `cis-${event.id}`;
      const filter = new CloudwatchLogMetricFilter(this, `${event.id}-filter`, {
        name: metricName,
        logGroupName: props.trailLogGroupName,
        pattern: event.pattern,
        metricTransformation: { name: metricName, namespace: SECURITY_METRIC_NAMESPACE, value: "1", unit: "Count" },
      });
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `${event.id}-alarm`, {
          alarmName: props.naming.name("alarm", metricName),
          alarmDescription: `CIS ${event.cis}: ${event.description} (CloudTrail metric filter ${metricName})`,
          namespace: SECURITY_METRIC_NAMESPACE,
          metricName,
          statistic: "Sum",
          period: 300,
          evaluationPeriods: 1,
          threshold: 1,
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          treatMissingData: "notBreaching",
          alarmActions: [props.topicArn],
          actionsEnabled: true,
          dependsOn: [filter],
        }),
      );
    }
  }
}

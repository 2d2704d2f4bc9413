import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { AlertContacts } from "../shared/alerting";
import { suppress } from "../shared/suppress";
import { AwsNaming } from "./naming";
import { denyInsecureTransport } from "./private/iam";

/** What the alarms watch (names and ids of the monitored resources). */
export interface MonitoredResources {
  readonly auroraClusterId: string;
  /** Redshift workgroup; unset when the warehouse is Snowflake (its SLA alert is a Snowflake alert). @default - no alarm */
  readonly redshiftWorkgroupName?: string;
  /** DocumentDB cluster; unset when the store is Atlas (its SLA alert is an Atlas alert). @default - no alarm */
  readonly docdbClusterId?: string;
  readonly mskClusterName: string;
  readonly glueJobName: string;
  /** Custom metric the nightly job publishes once per successful run. */
  readonly freshnessMetric: FreshnessMetric;
}

/** A metric published once per batch run, not continuously. */
export interface FreshnessMetric {
  readonly namespace: string;
  readonly name: string;
  /** Seconds between two scheduled runs (86400 for a nightly job). */
  readonly publicationIntervalSeconds: number;
  /** Latest a run may publish after its scheduled start (the job timeout), in seconds. */
  readonly maxDelaySeconds: number;
  /** Age of the newest loaded change above which a load is stale, in seconds. @default 3600 */
  readonly maxAgeSeconds?: number;
  /**
   * Whether the job that publishes it is scheduled. A paused schedule publishes nothing, so the alarm
   * would sit in ALARM: it keeps its definition but notifies nobody until the schedule is on.
   * @default true
   */
  readonly scheduled?: boolean;
}

/**
 * Tag of an alarm on a metric that is not published every period: the metric's publication interval
 * in seconds. Policy rule AWS-DEP-003 checks the alarm's window covers it.
 */
export const PUBLICATION_INTERVAL_TAG = "metric-publication-seconds";

/** The data-freshness alarm's evaluation: hourly periods over one publication interval plus the latest a run may finish, plus an hour. */
export function freshnessEvaluation(m: FreshnessMetric): { period: number; evaluationPeriods: number } {
  const period = 3600;
  return { period, evaluationPeriods: Math.ceil((m.publicationIntervalSeconds + m.maxDelaySeconds) / period) + 1 };
}

export interface PlatformAlarmsProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly environment: string;
  /** CMK of the topic (the `alerts` domain key; its policy admits CloudWatch, EventBridge and AWS Budgets). */
  readonly encryptionKey: KmsKey;
  readonly contacts: AlertContacts;
  readonly resources: MonitoredResources;
}

/** The SLA rows, identical to the Azure monitoring; one alarm each (availability has two stores). */
export const SLA_ALARMS = [
  "oltp-latency-p99",
  "olap-query-duration",
  "nosql-latency",
  "etl-job-failure",
  "oltp-availability",
  "streaming-availability",
  "data-freshness",
] as const;

/**
 * CloudWatch alarms for the platform SLAs to a KMS-encrypted SNS topic with the environment's
 * e-mails (and optional HTTPS webhook):
 * OLTP P99 latency > 200 ms for 5 min, OLAP query time > 10 s, NoSQL latency > 50 ms for 5 min,
 * ETL job failure (metric alarm plus an EventBridge rule on FAILED/TIMEOUT runs), availability
 * (Aurora metrics missing, MSK offline partitions), data freshness: no load of data younger than
 * 1 h within one schedule interval plus the job timeout (the metric is published once a night, so
 * every period of that window must be missing or stale before it alarms).
 */
export class PlatformAlarms extends Construct {
  readonly topic: SnsTopic;
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    const { naming, resources: r } = props;

    this.topic = new SnsTopic(this, "topic", {
      name: naming.name("snsTopic", "alerts"),
      displayName: `Payments data platform ${props.environment} alerts`,
      kmsMasterKeyId: props.encryptionKey.arn,
    });
    new SnsTopicPolicy(this, "topic-policy", {
      arn: this.topic.arn,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          denyInsecureTransport([this.topic.arn]),
          {
            Sid: "AlarmsEventsAndBudgetsPublish",
            Effect: "Allow",
            Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] },
            Action: "sns:Publish",
            Resource: this.topic.arn,
            Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
          },
        ],
      }),
    });
    props.contacts.emails.forEach((email, i) => {
      new SnsTopicSubscription(this, `email-${i}`, { topicArn: this.topic.arn, protocol: "email", endpoint: email });
    });
    if (props.contacts.webhookUrl !== undefined) {
      new SnsTopicSubscription(this, "webhook", {
        topicArn: this.topic.arn,
        protocol: "https",
        endpoint: props.contacts.webhookUrl,
        endpointAutoConfirms: true,
      });
    }

    const alarm = (
      name: (typeof SLA_ALARMS)[number],
      config: Omit<CloudwatchMetricAlarmConfig, "alarmName" | "alarmActions" | "okActions">,
    ) => {
      this.alarms.push(
        new CloudwatchMetricAlarm(this, name, {
          alarmName: naming.name("alarm", name),
          alarmActions: [this.topic.arn],
          okActions: [this.topic.arn],
          actionsEnabled: true,
          ...config,
        }),
      );
    };

    alarm("oltp-latency-p99", {
      alarmDescription: "OLTP: P99 commit latency above 200 ms for 5 minutes",
      namespace: "AWS/RDS",
      metricName: "CommitLatency",
      dimensions: { DBClusterIdentifier: r.auroraClusterId },
      extendedStatistic: "p99",
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      threshold: 200,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "notBreaching",
    });
    if (r.redshiftWorkgroupName !== undefined)
      alarm("olap-query-duration", {
        alarmDescription: "OLAP: query duration above 10 s",
        namespace: "AWS/Redshift-Serverless",
        metricName: "QueryDuration",
        dimensions: { Workgroup: r.redshiftWorkgroupName },
        statistic: "Maximum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 10_000_000,
        unit: "Microseconds",
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching",
      });
    if (r.docdbClusterId !== undefined)
      alarm("nosql-latency", {
        alarmDescription: "NoSQL: read or write latency above 50 ms for 5 minutes",
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        threshold: 50,
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching",
        metricQuery: [
          { id: "latency", expression: "MAX([rd, wr])", label: "DocumentDB max(read, write) latency ms", returnData: true },
          {
            id: "rd",
            metric: {
              namespace: "AWS/DocDB",
              metricName: "ReadLatency",
              dimensions: { DBClusterIdentifier: r.docdbClusterId },
              period: 60,
              stat: "Average",
            },
          },
          {
            id: "wr",
            metric: {
              namespace: "AWS/DocDB",
              metricName: "WriteLatency",
              dimensions: { DBClusterIdentifier: r.docdbClusterId },
              period: 60,
              stat: "Average",
            },
          },
        ],
      });
    alarm("etl-job-failure", {
      alarmDescription: "ETL: the nightly Spark job had failed tasks",
      namespace: "Glue",
      metricName: "glue.driver.aggregate.numFailedTasks",
      dimensions: { JobName: r.glueJobName, JobRunId: "ALL", Type: "count" },
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "notBreaching",
    });
    alarm("oltp-availability", {
      alarmDescription: "Availability: Aurora cluster stopped reporting (no EngineUptime datapoints for 5 minutes)",
      namespace: "AWS/RDS",
      metricName: "EngineUptime",
      dimensions: { DBClusterIdentifier: r.auroraClusterId },
      statistic: "SampleCount",
      period: 60,
      evaluationPeriods: 5,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
    });
    alarm("streaming-availability", {
      alarmDescription: "Availability: Kafka has offline partitions",
      namespace: "AWS/Kafka",
      metricName: "OfflinePartitionsCount",
      dimensions: { "Cluster Name": r.mskClusterName },
      statistic: "Maximum",
      period: 60,
      evaluationPeriods: 3,
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "breaching",
    });
    // Published once per run: a window shorter than the schedule would be in ALARM most of the day.
    // Every hourly period of (interval + timeout + 1 h) must be missing or stale: one fresh load
    // keeps it OK; a skipped, failed or stale night alarms once the previous load leaves the window.
    const freshness = freshnessEvaluation(r.freshnessMetric);
    alarm("data-freshness", {
      alarmDescription: `Freshness: no nightly load of data younger than 1 hour in the last ${freshness.evaluationPeriods} hours`,
      namespace: r.freshnessMetric.namespace,
      metricName: r.freshnessMetric.name,
      dimensions: { Environment: props.environment },
      statistic: "Minimum",
      period: freshness.period,
      evaluationPeriods: freshness.evaluationPeriods,
      datapointsToAlarm: freshness.evaluationPeriods,
      threshold: r.freshnessMetric.maxAgeSeconds ?? 3600,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "breaching",
      tags: { [PUBLICATION_INTERVAL_TAG]: String(r.freshnessMetric.publicationIntervalSeconds) },
      actionsEnabled: r.freshnessMetric.scheduled ?? true,
    });
    if (r.freshnessMetric.scheduled === false) {
      suppress(
        this.alarms[this.alarms.length - 1],
        "AWS-CW-001",
        "Data freshness alarm notifies nobody while the nightly schedule it watches is paused in this environment.",
      );
    }

    const rule = new CloudwatchEventRule(this, "etl-failed-rule", {
      name: naming.name("eventRule", "etl-failed"),
      description: "Nightly Glue job run failed, timed out or errored",
      eventPattern: JSON.stringify({
        source: ["aws.glue"],
        "detail-type": ["Glue Job State Change"],
        detail: { jobName: [r.glueJobName], state: ["FAILED", "TIMEOUT", "ERROR"] },
      }),
    });
    new CloudwatchEventTarget(this, "etl-failed-target", { rule: rule.name, arn: this.topic.arn, targetId: "alerts-topic" });
  }
}

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { blocks, get, isObject, show, toNumber } from "../../engine/values";

/** Namespaces whose metrics AWS publishes every minute while the resource exists. */
const CONTINUOUS_NAMESPACES = ["AWS/RDS", "AWS/DocDB", "AWS/Kafka", "AWS/Redshift-Serverless", "AWS/Logs", "AWS/SNS", "AWS/NATGateway"];
/** The alarm tag stating how often a non-continuous metric is published, in seconds. */
const INTERVAL_TAG = "metric-publication-seconds";

export default defineRule({
  id: "AWS-DEP-003",
  title: "Alarms that treat missing data as breaching look at a window the metric is published in",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudwatch_metric_alarm"],
  pci: ["10.7.2"],
  description:
    "A metric published once per batch run is missing from almost every period; with treat_missing_data = breaching and a short window the alarm is in ALARM most of the day and says nothing about freshness.",
  fix: `For a metric not published every period, tag the alarm ${INTERVAL_TAG} = its publication interval and set period x evaluation_periods above it with datapoints_to_alarm = evaluation_periods, or set treat_missing_data = "notBreaching".`,
  check: (r) => {
    if (r.config["treat_missing_data"] !== "breaching") return notApplicable("missing data is not breaching");
    const namespaces = [r.config["namespace"], ...blocks(r.config, "metric_query").map((q) => get(q, "metric.namespace"))].filter(
      (n): n is string => typeof n === "string",
    );
    if (namespaces.length > 0 && namespaces.every((n) => CONTINUOUS_NAMESPACES.includes(n)))
      return pass(`continuous metric ${namespaces.join(", ")}`);
    const tags = r.config["tags"];
    const interval = toNumber(isObject(tags) ? tags[INTERVAL_TAG] : undefined);
    if (interval === undefined)
      return fail(
        `namespace ${namespaces.join(", ") || "(none)"} is not published every period; add tag ${INTERVAL_TAG} = its publication interval in seconds, or set treat_missing_data = "notBreaching"`,
      );
    const period = toNumber(r.config["period"]) ?? 0;
    const evaluations = toNumber(r.config["evaluation_periods"]) ?? 1;
    const required = toNumber(r.config["datapoints_to_alarm"]) ?? evaluations;
    if (period * evaluations <= interval)
      return fail(
        `period x evaluation_periods = ${period * evaluations} s is not above the ${interval} s publication interval; set evaluation_periods so the window covers one interval plus the run time`,
      );
    if (required !== evaluations)
      return fail(
        `datapoints_to_alarm is ${show(required)} of ${evaluations}: missing periods alone would alarm; set datapoints_to_alarm = evaluation_periods`,
      );
    return pass(`window ${period * evaluations} s over a ${interval} s publication interval, every period required`);
  },
});

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { isObject, toNumber } from "../../engine/values";
import { grantedTopics, roleStatements } from "./_aws";

export default defineRule({
  id: "AWS-DEP-006",
  title: "A Debezium connector's role may create and write every topic it produces",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mskconnect_connector"],
  pci: ["7.2.2", "6.5.1"],
  description:
    "With topic auto-creation off and IAM access control, a topic outside the role's kafka-cluster:CreateTopic/WriteData grants stops the task on authorization (e.g. Debezium's heartbeat topic __debezium-heartbeat.<topic.prefix>, outside the <prefix>.* grant).",
  fix: "Grant kafka-cluster:CreateTopic and WriteData on every topic the connector writes: <topic.prefix>.<schema>.<table> and <topic.heartbeat.prefix>.<topic.prefix>.",
  check: (r, ctx) => {
    const cfg = isObject(r.config["connector_configuration"]) ? r.config["connector_configuration"] : {};
    if (!String(cfg["connector.class"] ?? "").startsWith("io.debezium.")) return notApplicable("not a Debezium source connector");
    const prefix = String(cfg["topic.prefix"] ?? "");
    const topics = String(cfg["table.include.list"] ?? "")
      .split(",")
      .filter(Boolean)
      .map((t) => `${prefix}.${t.trim()}`);
    if ((toNumber(cfg["heartbeat.interval.ms"]) ?? 0) > 0)
      topics.push(`${String(cfg["topic.heartbeat.prefix"] ?? "__debezium-heartbeat")}.${prefix}`);
    const statements = roleStatements(r.config["service_execution_role_arn"], ctx);
    if (statements.length === 0) return notApplicable("the execution role's policy is not in this stack");
    const uncovered = ["kafka-cluster:CreateTopic", "kafka-cluster:WriteData"].flatMap((action) => {
      const patterns = grantedTopics(statements, action);
      return topics.filter((t) => !patterns.some((p) => p.test(t))).map((t) => `${action} on ${t}`);
    });
    if (uncovered.length > 0) return fail(`the execution role lacks ${uncovered.join("; ")}; add the topic to the role's grants`);
    return pass(`${topics.length} topics granted`);
  },
});

import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-RDS-004",
  title: "Aurora clusters export database logs to CloudWatch",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["10.2.1"],
  references: { checkov: ["CKV_AWS_324"] },
  description: "Database logs (connections, errors, audit) must reach the central log store.",
  fix: 'Set enabled_cloudwatch_logs_exports (postgresql: ["postgresql"]; mysql: ["audit", "error"]).',
  check: (r, ctx) => expectSet(r, ctx, "enabled_cloudwatch_logs_exports", 'the engine\'s log types, e.g. ["postgresql"]'),
});

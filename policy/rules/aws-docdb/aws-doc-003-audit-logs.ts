import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { asArray, blocks, show } from "../../engine/values";

export default defineRule({
  id: "AWS-DOC-003",
  title: "DocumentDB clusters export audit logs",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_docdb_cluster"],
  pci: ["10.2.1", "10.2.2"],
  references: { checkov: ["CKV_AWS_85", "CKV_AWS_104"], trivy: ["aws-documentdb-enable-log-export"] },
  description: "Authentication and DDL events must reach CloudWatch Logs.",
  fix: 'Set enabled_cloudwatch_logs_exports = ["audit", "profiler"] and audit_logs = enabled in the cluster parameter group.',
  check: (r, ctx) => {
    const exports = asArray(attr(r, ctx, "enabled_cloudwatch_logs_exports")).map(String);
    if (!exports.includes("audit")) return fail(`enabled_cloudwatch_logs_exports is ${show(exports)}; include "audit"`);
    const group = ctx.graph.resolve(r.config["db_cluster_parameter_group_name"], "aws_docdb_cluster_parameter_group");
    const audit = group ? blocks(group.config, "parameter").find((p) => p["name"] === "audit_logs") : undefined;
    if (!audit || String(audit["value"]) === "disabled")
      return fail(`audit_logs is not enabled in the cluster parameter group; set parameter { name = "audit_logs", value = "enabled" }`);
    return pass("audit logs exported");
  },
});

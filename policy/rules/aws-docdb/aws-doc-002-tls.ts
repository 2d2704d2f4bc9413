import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks } from "../../engine/values";

export default defineRule({
  id: "AWS-DOC-002",
  title: "DocumentDB cluster parameter groups keep TLS on",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_docdb_cluster"],
  pci: ["4.2.1"],
  references: { checkov: ["CKV_AWS_90"] },
  description: "Clients must connect with TLS.",
  fix: 'Use an aws_docdb_cluster_parameter_group without tls = disabled (set tls = "enabled") as db_cluster_parameter_group_name.',
  check: (r, ctx) => {
    const group = ctx.graph.resolve(r.config["db_cluster_parameter_group_name"], "aws_docdb_cluster_parameter_group");
    if (!group) return pass("default parameter group (tls = enabled)");
    const tls = blocks(group.config, "parameter").find((p) => p["name"] === "tls");
    if (tls && String(tls["value"]) === "disabled") return fail(`${group.address} sets tls = disabled; set tls = "enabled"`);
    return pass(`tls ${tls ? String(tls["value"]) : "enabled (default)"} in ${group.address}`);
  },
});

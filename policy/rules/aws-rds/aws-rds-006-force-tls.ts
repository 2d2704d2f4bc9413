import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, show } from "../../engine/values";

export default defineRule({
  id: "AWS-RDS-006",
  title: "Aurora cluster parameter groups force TLS",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["4.2.1"],
  description: "Unencrypted client connections must be refused by the database.",
  fix: "Use an aws_rds_cluster_parameter_group with rds.force_ssl = 1 (PostgreSQL) or require_secure_transport = ON (MySQL) as db_cluster_parameter_group_name.",
  check: (r, ctx) => {
    const group = ctx.graph.resolve(r.config["db_cluster_parameter_group_name"], "aws_rds_cluster_parameter_group");
    if (!group)
      return fail(
        `db_cluster_parameter_group_name is ${show(r.config["db_cluster_parameter_group_name"])} (not a parameter group of this stack); reference an aws_rds_cluster_parameter_group with rds.force_ssl = 1`,
      );
    const forced = blocks(group.config, "parameter").some(
      (p) =>
        (p["name"] === "rds.force_ssl" && String(p["value"]) === "1") ||
        (p["name"] === "require_secure_transport" && /^(on|1)$/i.test(String(p["value"]))),
    );
    return forced
      ? pass(`TLS forced by ${group.address}`)
      : fail(`${group.address} does not set rds.force_ssl = 1 / require_secure_transport = ON; add the parameter`);
  },
});

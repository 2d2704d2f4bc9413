import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";

export default defineRule({
  id: "AWS-RDS-008",
  title: "Production Aurora clusters have instances in 2+ availability zones",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["12.10.1"],
  description: "A reader in another AZ is promoted within a minute when the writer's AZ fails.",
  fix: "Add at least two aws_rds_cluster_instance resources with cluster_identifier = the cluster (different availability_zone).",
  check: (r, ctx) => {
    const instances = ctx.graph.referrers(r, { type: "aws_rds_cluster_instance", attribute: "cluster_identifier" });
    if (instances.length >= 2) return pass(`${instances.length} instances`);
    return fail(`${instances.length} aws_rds_cluster_instance reference the cluster; add a reader instance in another availability zone`);
  },
});

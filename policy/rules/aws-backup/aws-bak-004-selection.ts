import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { asArray, blocks } from "../../engine/values";

export default defineRule({
  id: "AWS-BAK-004",
  title: "Databases are selected by an AWS Backup plan",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster", "aws_docdb_cluster", "aws_redshift_cluster"],
  pci: ["12.10.1"],
  description: "Snapshots beyond the engine's PITR window come from AWS Backup (and can be copied cross-region).",
  fix: "Add the cluster arn to an aws_backup_selection resources list (or select it by tag with selection_tag / condition).",
  check: (r, ctx) => {
    const direct = ctx.graph.referrers(r, { type: "aws_backup_selection", attribute: "resources" });
    if (direct.length > 0) return pass(`selected by ${direct[0]!.address}`);
    const byTag = ctx.graph
      .ofType("aws_backup_selection")
      .filter(
        (s) =>
          blocks(s.config, "selection_tag").length > 0 ||
          blocks(s.config, "condition").length > 0 ||
          asArray(s.config["resources"]).includes("*"),
      );
    if (byTag.length > 0) return pass(`tag/wildcard selection ${byTag[0]!.address}`);
    return fail("no aws_backup_selection lists the cluster arn in resources; add it to a selection");
  },
});

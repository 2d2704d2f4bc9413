import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-RDS-005",
  title: "Production Aurora clusters have deletion protection",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster"],
  pci: ["6.5.1", "12.10.1"],
  references: { checkov: ["CKV_AWS_139"] },
  description: "The API refuses to delete a protected cluster.",
  fix: "Set deletion_protection = true.",
  check: (r, ctx) => expectBool(r, ctx, "deletion_protection", true, false),
});

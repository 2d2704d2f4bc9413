import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-RS-002",
  title: "Redshift workgroups and clusters are not publicly accessible",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_redshiftserverless_workgroup", "aws_redshift_cluster"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AWS_87"] },
  description: "The warehouse must only be reachable inside the VPC.",
  fix: "Set publicly_accessible = false.",
  check: (r, ctx) => expectBool(r, ctx, "publicly_accessible", false, r.type === "aws_redshiftserverless_workgroup" ? false : undefined),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-RDS-007",
  title: "Aurora instances are not publicly accessible",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_rds_cluster_instance"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AWS_17"], trivy: ["aws-rds-no-public-db-access"] },
  description: "Database instances must have no public IP.",
  fix: "Set publicly_accessible = false (the default).",
  check: (r, ctx) => expectBool(r, ctx, "publicly_accessible", false, false),
});

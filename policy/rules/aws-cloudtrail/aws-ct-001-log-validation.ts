import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-CT-001",
  title: "CloudTrail validates log file integrity",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.3.2", "10.3.4"],
  references: { checkov: ["CKV_AWS_36"], trivy: ["aws-cloudtrail-enable-log-validation"] },
  description: "Digest files prove that audit logs were not modified or deleted.",
  fix: "Set enable_log_file_validation = true.",
  check: (r, ctx) => expectBool(r, ctx, "enable_log_file_validation", true, false),
});

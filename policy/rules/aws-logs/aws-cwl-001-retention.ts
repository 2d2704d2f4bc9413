import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "AWS-CWL-001",
  title: "CloudWatch log groups keep logs 90+ days",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudwatch_log_group"],
  pci: ["10.5.1"],
  references: { checkov: ["CKV_AWS_66"] },
  description: "PCI DSS 10.5.1 requires at least three months of audit history immediately available.",
  fix: "Set retention_in_days >= 90 (365 recommended; 0 = never expire).",
  check: (r, ctx) => expectMin(r, ctx, "retention_in_days", 90, { providerDefault: 0, zeroMeansForever: true, unit: "days" }),
});

import { defineRule } from "../../engine/rule";
import { all, expectBool } from "../_shared";

export default defineRule({
  id: "AWS-CT-003",
  title: "CloudTrail is multi-region and includes global service events",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.2.1", "10.2.1.5"],
  references: { checkov: ["CKV_AWS_67"], trivy: ["aws-cloudtrail-enable-all-regions"] },
  description: "API calls in any region (and IAM, a global service) must be recorded.",
  fix: "Set is_multi_region_trail = true and include_global_service_events = true.",
  check: (r, ctx) =>
    all(expectBool(r, ctx, "is_multi_region_trail", true, false), expectBool(r, ctx, "include_global_service_events", true, true)),
});

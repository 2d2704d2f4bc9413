import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-CT-005",
  title: "CloudTrail logging is on",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.2.1"],
  description: "A trail with logging stopped records nothing.",
  fix: "Leave enable_logging unset or true.",
  check: (r, ctx) => expectBool(r, ctx, "enable_logging", true, true),
});

import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "AWS-KMS-002",
  title: "Production KMS keys have a 30-day deletion window",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_kms_key"],
  pci: ["3.6.1"],
  description:
    "A scheduled key deletion can be cancelled within the window; in production 30 days gives time to notice (dev may use 7 for fast teardown).",
  fix: "Set deletion_window_in_days = 30 (the default).",
  check: (r, ctx) => expectMin(r, ctx, "deletion_window_in_days", 30, { providerDefault: 30, unit: "days" }),
});

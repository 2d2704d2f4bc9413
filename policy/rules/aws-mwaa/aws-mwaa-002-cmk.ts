import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-MWAA-002",
  title: "Airflow (MWAA) environments are encrypted with a customer managed key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mwaa_environment"],
  pci: ["3.5.1", "3.6.1"],
  description:
    "The metadata database, task queue and logs hold connection details and task output; encrypt them with a CMK the platform rotates and audits.",
  fix: "Set kms_key to the environment's orchestration CMK ARN (it cannot be changed after creation).",
  check: (r, ctx) => expectSet(r, ctx, "kms_key", "a customer managed KMS key ARN"),
});

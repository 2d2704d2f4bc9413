import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-GLUE-001",
  title: "Glue jobs run with a security configuration",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_glue_job"],
  pci: ["3.5.1", "10.3.2"],
  references: { checkov: ["CKV_AWS_195"] },
  description: "A security configuration encrypts job bookmarks, CloudWatch logs and S3 output with KMS.",
  fix: "Set security_configuration = the name of an aws_glue_security_configuration with SSE-KMS for S3, CloudWatch and bookmarks.",
  check: (r, ctx) => expectSet(r, ctx, "security_configuration", "an aws_glue_security_configuration name"),
});

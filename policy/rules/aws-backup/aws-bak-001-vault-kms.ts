import { defineRule } from "../../engine/rule";
import { expectSet } from "../_shared";

export default defineRule({
  id: "AWS-BAK-001",
  title: "Backup vaults are encrypted with a customer-managed KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_backup_vault"],
  pci: ["3.5.1", "3.6.1"],
  references: { checkov: ["CKV_AWS_166"] },
  description: "Recovery points contain card data and must be readable only via the CMK policy.",
  fix: "Set kms_key_arn = the CMK arn.",
  check: (r, ctx) => expectSet(r, ctx, "kms_key_arn", "a customer-managed KMS key arn"),
});

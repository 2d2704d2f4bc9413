import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "AWS-DOC-004",
  title: "DocumentDB clusters keep 7+ days of backups",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_docdb_cluster"],
  pci: ["12.10.1"],
  references: { checkov: ["CKV_AWS_360"] },
  description: "Point-in-time restore is the recovery path from corruption or a bad deployment.",
  fix: "Set backup_retention_period >= 7 (prod: 35).",
  check: (r, ctx) => expectMin(r, ctx, "backup_retention_period", 7, { providerDefault: 1, unit: "days" }),
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, get, show, toNumber } from "../../engine/values";

export default defineRule({
  id: "AWS-BAK-002",
  title: "Backup plan rules keep recovery points 35+ days",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_backup_plan"],
  pci: ["12.10.1"],
  description: "Backups must outlive the detection window of a corruption or ransomware event.",
  fix: "Set rule { lifecycle { delete_after >= 35 } } on every rule (or leave delete_after unset to keep forever).",
  check: (r) => {
    const short = blocks(r.config, "rule").filter((x) => {
      const days = toNumber(get(x, "lifecycle.delete_after"));
      return days !== undefined && days < 35;
    });
    if (short.length === 0) return pass("every rule keeps recovery points >= 35 days");
    return fail(`rule(s) ${short.map((x) => show(x["rule_name"])).join(", ")} set lifecycle.delete_after < 35; set delete_after >= 35`);
  },
});

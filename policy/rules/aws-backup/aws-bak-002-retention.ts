import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, get, show, toNumber } from "../../engine/values";

export default defineRule({
  id: "AWS-BAK-002",
  title: "Backup plan rules keep recovery points 7+ days",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_backup_plan"],
  pci: ["12.10.1"],
  description: "Backups must outlive the detection window of a corruption or ransomware event (prod uses 35 days and more).",
  fix: "Set rule { lifecycle { delete_after >= 7 } } on every rule (prod: 35+) (or leave delete_after unset to keep forever).",
  check: (r) => {
    const short = blocks(r.config, "rule").filter((x) => {
      const days = toNumber(get(x, "lifecycle.delete_after"));
      return days !== undefined && days < 7;
    });
    if (short.length === 0) return pass("every rule keeps recovery points >= 7 days");
    return fail(`rule(s) ${short.map((x) => show(x["rule_name"])).join(", ")} set lifecycle.delete_after < 7; set delete_after >= 7`);
  },
});

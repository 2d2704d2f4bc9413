import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { blocks, hasValue } from "../../engine/values";

export default defineRule({
  id: "AWS-BAK-003",
  title: "Production backup plans copy recovery points to another region",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_backup_plan"],
  pci: ["12.10.1"],
  description: "Recovery points must survive the loss of the primary region.",
  fix: "Add rule { copy_action { destination_vault_arn = a vault in the secondary region } }.",
  check: (r) => {
    const copies = blocks(r.config, "rule")
      .flatMap((x) => blocks(x, "copy_action"))
      .filter((c) => hasValue(c["destination_vault_arn"]));
    if (copies.length > 0) return pass(`${copies.length} copy_action(s)`);
    return fail("no rule has copy_action.destination_vault_arn; add a copy_action to a vault in the secondary region");
  },
});

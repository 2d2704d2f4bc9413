import { defineRule } from "../../engine/rule";
import { all, expectBool } from "../_shared";

export default defineRule({
  id: "ATL-003",
  title: "Atlas clusters have cloud backup with point-in-time restore",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_advanced_cluster"],
  pci: ["12.10.1"],
  description: "Continuous cloud backup is the recovery path from corruption or a bad deployment.",
  fix: "Set backup_enabled = true and pit_enabled = true, with a mongodbatlas_cloud_backup_schedule.",
  check: (r, ctx) => all(expectBool(r, ctx, "backup_enabled", true, false), expectBool(r, ctx, "pit_enabled", true, false)),
});

import { defineRule } from "../../engine/rule";
import { expectMin } from "../_shared";

export default defineRule({
  id: "SF-003",
  title: "Snowflake databases keep at least 1 day of Time Travel",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["snowflake_database"],
  pci: ["12.10.1"],
  description: "Time Travel (then Fail-safe) is the recovery path from a bad load or a dropped table; 0 days disables it.",
  fix: "Set data_retention_time_in_days >= 1 (prod: 7 or more, up to 90 on Enterprise).",
  check: (r, ctx) => expectMin(r, ctx, "data_retention_time_in_days", 1, { providerDefault: 1, unit: "days" }),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "ATL-006",
  title: "Atlas projects audit database events",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_auditing"],
  pci: ["10.2.1", "10.2.2"],
  description: "Authentication, user and schema changes must be recorded.",
  fix: "Set enabled = true on mongodbatlas_auditing with an audit_filter covering authentication and user/role/DDL events.",
  check: (r, ctx) => expectBool(r, ctx, "enabled", true, false),
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "ATL-007",
  title: "Production Atlas clusters have termination protection",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_advanced_cluster"],
  pci: ["6.5.1", "12.10.1"],
  description: "The Atlas API refuses to delete a protected cluster.",
  fix: "Set termination_protection_enabled = true.",
  check: (r, ctx) => expectBool(r, ctx, "termination_protection_enabled", true, false),
});

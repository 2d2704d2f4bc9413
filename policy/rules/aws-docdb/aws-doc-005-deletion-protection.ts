import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-DOC-005",
  title: "Production DocumentDB clusters have deletion protection",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_docdb_cluster"],
  pci: ["6.5.1", "12.10.1"],
  description: "The API refuses to delete a protected cluster.",
  fix: "Set deletion_protection = true.",
  check: (r, ctx) => expectBool(r, ctx, "deletion_protection", true, false),
});

import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "ATL-002",
  title: "Atlas clusters encrypt storage with the environment's KMS key",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_advanced_cluster"],
  pci: ["3.5.1", "3.6.1"],
  description: "Customer key management: Atlas wraps the cluster's keys with a KMS key the platform controls and can revoke.",
  fix: 'Set encryption_at_rest_provider = "AWS" with a mongodbatlas_encryption_at_rest using the environment\'s CMK.',
  check: (r, ctx) => expectOneOf(r, ctx, "encryption_at_rest_provider", ["AWS"], "NONE"),
});

import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "ATL-004",
  title: "Atlas clusters accept TLS 1.2 or later only",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["mongodbatlas_advanced_cluster"],
  pci: ["4.2.1"],
  description: "Older TLS versions are not strong cryptography.",
  fix: 'Set advanced_configuration.minimum_enabled_tls_protocol = "TLS1_2" (the highest value provider 1.41 accepts).',
  check: (r, ctx) => expectOneOf(r, ctx, "advanced_configuration.minimum_enabled_tls_protocol", ["TLS1_2", "TLS1_3"]),
});

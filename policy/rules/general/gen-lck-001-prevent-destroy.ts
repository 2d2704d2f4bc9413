import { defineRule } from "../../engine/rule";
import { fail, pass, preventsDestroy } from "../_shared";
import { STATEFUL_TYPES } from "./stateful";

export default defineRule({
  id: "GEN-LCK-001",
  title: "Production stateful resources set lifecycle prevent_destroy",
  severity: "error",
  clouds: ["azure", "aws"],
  resourceTypes: STATEFUL_TYPES,
  pci: ["6.5.1", "10.3.2", "12.10.1"],
  description: "terraform destroy (or a replacement) must never silently delete card data, audit logs or encryption keys in production.",
  fix: "Set lifecycle { prevent_destroy = true } on the resource (environment deletionProtection = true).",
  check: (r) =>
    preventsDestroy(r)
      ? pass("lifecycle.prevent_destroy = true")
      : fail("lifecycle.prevent_destroy is not true; set lifecycle { prevent_destroy = true }"),
});

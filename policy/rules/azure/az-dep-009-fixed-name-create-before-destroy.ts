import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { get, isExpression, isTrue } from "../../engine/values";

export default defineRule({
  id: "AZ-DEP-009",
  title: "No create_before_destroy on an Azure resource with a fixed name",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["*"],
  // 6.5.1: changes follow procedures that include testing them; this check is part of that test.
  pci: ["6.5.1"],
  description:
    "Azure names are unique in their scope: when a ForceNew change replaces a resource with create_before_destroy, the new one is created under the same fixed name while the old one still exists, and the apply fails with 'already exists'.",
  fix: "Drop lifecycle.create_before_destroy, or derive the name from what forces the replacement (a suffix that changes with it).",
  check: (r) => {
    if (!r.type.startsWith("azurerm_")) return notApplicable("not an azurerm resource");
    if (!isTrue(get(r.config, "lifecycle.create_before_destroy"))) return notApplicable("no create_before_destroy");
    const name = r.config["name"];
    if (name === undefined || isExpression(name)) return pass("the name is computed");
    return fail(
      `lifecycle.create_before_destroy = true with the fixed name ${JSON.stringify(name)}; the replacement would collide with it`,
    );
  },
});

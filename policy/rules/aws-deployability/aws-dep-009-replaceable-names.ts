import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { get, hasValue, isTrue, show } from "../../engine/values";

export default defineRule({
  id: "AWS-DEP-009",
  title: "create_before_destroy resources get a new name when they are replaced",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["*"],
  pci: ["6.5.1"],
  description:
    'create_before_destroy creates the replacement while the old resource still exists; with a fixed name (ForceNew on parameter groups, MSK configurations, MSK Connect worker configurations) the create fails with "already exists".',
  fix: "Use name_prefix, or a name ending in a digest of the arguments that force replacement (AwsNaming.replaceableName: -<8 hex>).",
  check: (r) => {
    if (!isTrue(get(r.config, "lifecycle.create_before_destroy"))) return notApplicable("no create_before_destroy");
    if (hasValue(r.config["name_prefix"])) return pass("name_prefix");
    const name = r.config["name"];
    if (name === undefined) return notApplicable("no name argument");
    if (typeof name === "string" && /-[0-9a-f]{8}$/.test(name)) return pass(`name ${name} carries a content digest`);
    return fail(
      `name is ${show(name)} with create_before_destroy; use name_prefix or a name that ends in a digest of the replacement-forcing arguments`,
    );
  },
});

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { get, show } from "../../engine/values";

export default defineRule({
  id: "AWS-DEP-001",
  title: "Incremental Glue crawlers only log schema changes and deletions",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_glue_crawler"],
  pci: ["6.5.1"],
  description:
    'Glue rejects a crawler with recrawl_behavior CRAWL_NEW_FOLDERS_ONLY unless update_behavior and delete_behavior are both LOG ("can have only LOG DeleteBehavior value and LOG UpdateBehavior value"); the provider defaults are UPDATE_IN_DATABASE and DEPRECATE_IN_DATABASE.',
  fix: 'With recrawl_policy { recrawl_behavior = "CRAWL_NEW_FOLDERS_ONLY" } set schema_change_policy { update_behavior = "LOG", delete_behavior = "LOG" }, or crawl everything.',
  check: (r) => {
    if (get(r.config, "recrawl_policy.recrawl_behavior") !== "CRAWL_NEW_FOLDERS_ONLY") return notApplicable("not an incremental crawler");
    const update = get(r.config, "schema_change_policy.update_behavior") ?? "UPDATE_IN_DATABASE";
    const del = get(r.config, "schema_change_policy.delete_behavior") ?? "DEPRECATE_IN_DATABASE";
    if (update === "LOG" && del === "LOG") return pass("LOG/LOG with CRAWL_NEW_FOLDERS_ONLY");
    return fail(
      `schema_change_policy is update_behavior=${show(update)}, delete_behavior=${show(del)} with CRAWL_NEW_FOLDERS_ONLY; set both to "LOG"`,
    );
  },
});

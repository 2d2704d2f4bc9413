import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { get, hasValue, isObject } from "../../engine/values";
import { TAGGABLE_TYPES } from "./taggable";

/**
 * The inventory tags PCI DSS 12.5.1 relies on, stated here and not imported from the TagsAspect this
 * rule checks: a key dropped from the aspect must fail this rule, not shrink it.
 */
const REQUIRED_TAGS = ["owner", "cost-center", "data-classification", "environment", "managed-by"] as const;

export default defineRule({
  id: "GEN-TAG-001",
  title: "Taggable resources carry the required tags",
  severity: "error",
  clouds: ["azure", "aws"],
  resourceTypes: TAGGABLE_TYPES,
  pci: ["12.5.1"],
  description: "The inventory of in-scope system components (owner, cost center, data classification, environment) is built from tags.",
  fix: "Apply TagsAspect to the stack (or set tags / the AWS provider's default_tags) with owner, cost-center, data-classification, environment and managed-by.",
  check: (r, ctx) => {
    const own = isObject(r.config["tags"]) ? r.config["tags"] : {};
    const defaults = r.type.startsWith("aws_") ? get(ctx.graph.providerConfig(r, "aws"), "default_tags.tags") : undefined;
    const tags: Record<string, unknown> = { ...(isObject(defaults) ? defaults : {}), ...own };
    if (typeof r.config["tags"] === "string") return pass("tags is an expression");
    const missing = REQUIRED_TAGS.filter((k) => !hasValue(tags[k]));
    if (missing.length === 0) return pass("all required tags present");
    return fail(
      `tags is missing ${missing.join(", ")}; apply TagsAspect or set tags (AWS: provider default_tags) with ${REQUIRED_TAGS.join(", ")}`,
    );
  },
});

import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { asArray } from "../../engine/values";

export default defineRule({
  id: "AWS-RS-003",
  title: "Redshift records connection, user and user-activity logs",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_redshiftserverless_namespace", "aws_redshift_cluster"],
  pci: ["10.2.1", "10.2.2"],
  references: { checkov: ["CKV_AWS_71"] },
  description: "Who connected and which queries ran against card data must be logged.",
  fix: 'Namespaces: log_exports = ["connectionlog", "userlog", "useractivitylog"]; clusters: an aws_redshift_logging resource.',
  check: (r, ctx) => {
    if (r.type === "aws_redshift_cluster") {
      const logging = ctx.graph.referrers(r, { type: "aws_redshift_logging" });
      return logging.length > 0
        ? pass(`logging via ${logging[0]!.address}`)
        : fail('no aws_redshift_logging references the cluster; add one (log_destination_type = "cloudwatch")');
    }
    const exports = asArray(attr(r, ctx, "log_exports")).map(String);
    const missing = ["connectionlog", "userlog", "useractivitylog"].filter((l) => !exports.includes(l));
    return missing.length === 0 ? pass("log_exports complete") : fail(`log_exports is missing ${missing.join(", ")}; add them`);
  },
});

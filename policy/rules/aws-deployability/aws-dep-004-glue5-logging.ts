import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { isObject, toNumber } from "../../engine/values";

/** Job arguments of continuous logging in Glue <= 4.0; Glue 5.0 ignores them. */
const GLUE4_LOGGING_ARGUMENTS = [
  "--enable-continuous-cloudwatch-log",
  "--continuous-log-logGroup",
  "--continuous-log-logStreamPrefix",
  "--continuous-log-conversionPattern",
  "--enable-continuous-log-filter",
];

export default defineRule({
  id: "AWS-DEP-004",
  title: "Glue 5.0 jobs log through --custom-logGroup-prefix into pre-created groups",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_glue_job"],
  pci: ["10.2.1", "10.5.1"],
  description:
    "Glue 5.0 logs every job in real time to <prefix>/output and <prefix>/error and ignores the Glue 4.0 continuous-logging arguments: a log group named there stays empty, and groups Glue creates itself have no KMS key and never expire.",
  fix: 'On glue_version "5.0" remove the --continuous-log-* / --enable-continuous-cloudwatch-log arguments, set "--custom-logGroup-prefix" and create aws_cloudwatch_log_group <prefix>/output and <prefix>/error (KMS, retention).',
  check: (r, ctx) => {
    const version = toNumber(r.config["glue_version"]);
    if (version === undefined || version < 5) return notApplicable(`glue_version ${String(r.config["glue_version"] ?? "unset")}`);
    const args = isObject(r.config["default_arguments"]) ? r.config["default_arguments"] : {};
    const stale = GLUE4_LOGGING_ARGUMENTS.filter((a) => a in args);
    if (stale.length > 0)
      return fail(
        `default_arguments ${stale.join(", ")} are Glue <= 4.0 settings Glue 5.0 ignores; remove them and set --custom-logGroup-prefix`,
      );
    const prefix = args["--custom-logGroup-prefix"];
    if (typeof prefix !== "string")
      return fail('default_arguments["--custom-logGroup-prefix"] is unset; set it and create <prefix>/output and <prefix>/error');
    const names = ctx.graph.ofType("aws_cloudwatch_log_group").map((g) => g.config["name"]);
    const missing = ["output", "error"].map((s) => `${prefix}/${s}`).filter((n) => !names.includes(n));
    if (missing.length > 0)
      return fail(`no aws_cloudwatch_log_group named ${missing.join(", ")}; add them with kms_key_id and retention_in_days`);
    return pass(`logs in ${prefix}/output and ${prefix}/error`);
  },
});

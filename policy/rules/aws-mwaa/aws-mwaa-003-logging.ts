import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { isObject, isTrue } from "../../engine/values";

/** The five Airflow components whose logs MWAA can send to CloudWatch. */
const LOG_TYPES = ["dag_processing_logs", "scheduler_logs", "task_logs", "webserver_logs", "worker_logs"] as const;
/** Levels that still record failures and user actions (DEBUG is allowed; CRITICAL-only is not). */
const LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR"];

export default defineRule({
  id: "AWS-MWAA-003",
  title: "Airflow (MWAA) sends every log type to CloudWatch",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mwaa_environment"],
  pci: ["10.2.1", "10.2.2"],
  description:
    "Web server logs record who triggered or changed what; scheduler, worker, task and DAG processing logs record what ran over card data.",
  fix: 'Set logging_configuration { <type> { enabled = true, log_level = "INFO" } } for dag_processing, scheduler, task, webserver and worker logs.',
  check: (r) => {
    const config = r.config["logging_configuration"];
    const block = Array.isArray(config) ? config[0] : config;
    const missing = LOG_TYPES.filter((t) => {
      const raw = isObject(block) ? block[t] : undefined;
      const type = Array.isArray(raw) ? raw[0] : raw;
      return !(isObject(type) && isTrue(type["enabled"]) && LEVELS.includes(String(type["log_level"])));
    });
    return missing.length === 0
      ? pass("all five log types enabled")
      : fail(
          `logging_configuration does not enable ${missing.join(", ")} at ${LEVELS.join("/")}; set enabled = true and log_level = "INFO" for each`,
        );
  },
});

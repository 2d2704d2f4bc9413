import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import { get, isObject } from "../../engine/values";

export default defineRule({
  id: "AWS-DEP-008",
  title: "Autoscaled MSK Connect connectors do not set tasks.max",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mskconnect_connector"],
  pci: ["6.5.1"],
  description:
    "Under autoscaled capacity MSK Connect overrides tasks.max with workers x MCUs x 2: a value in the configuration is ignored, and a connector that must run one task (Debezium PostgreSQL) gets several.",
  fix: "Remove tasks.max from an autoscaled connector, or use capacity { provisioned_capacity { worker_count, mcu_count } } where the task count matters.",
  check: (r) => {
    if (get(r.config, "capacity.autoscaling") === undefined) return notApplicable("provisioned capacity honours tasks.max");
    const cfg = isObject(r.config["connector_configuration"]) ? r.config["connector_configuration"] : {};
    if ("tasks.max" in cfg)
      return fail(`tasks.max = ${String(cfg["tasks.max"])} is overridden under autoscaling; remove it or use provisioned_capacity`);
    return pass("autoscaled, tasks.max left to MSK Connect");
  },
});

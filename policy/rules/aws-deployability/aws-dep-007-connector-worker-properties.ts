import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { isObject } from "../../engine/values";

/** Kafka Connect worker properties a connector configuration silently ignores. */
const WORKER_ONLY = ["topic.creation.enable", "config.providers", "offset.flush.interval.ms", "group.id", "bootstrap.servers"];

export default defineRule({
  id: "AWS-DEP-007",
  title: "MSK Connect connector configurations hold no worker-only properties",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mskconnect_connector"],
  pci: ["6.5.1"],
  description:
    "Worker properties such as topic.creation.enable in a connector's configuration are ignored without an error: the setting looks applied and is not.",
  fix: "Move worker properties to an aws_mskconnect_worker_configuration (properties_file_content) referenced by the connector.",
  check: (r) => {
    const cfg = isObject(r.config["connector_configuration"]) ? r.config["connector_configuration"] : {};
    const found = WORKER_ONLY.filter((k) => k in cfg);
    if (found.length > 0)
      return fail(
        `connector_configuration sets worker properties ${found.join(", ")}; remove them here and set them in the worker configuration`,
      );
    return pass("no worker-only property");
  },
});

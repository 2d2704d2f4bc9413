import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { isObject, isTrue } from "../../engine/values";

export default defineRule({
  id: "AWS-GLUE-002",
  title: "Glue jobs write continuous logs to CloudWatch",
  severity: "warning",
  clouds: ["aws"],
  resourceTypes: ["aws_glue_job"],
  pci: ["10.2.1"],
  description: "Job driver and executor logs of ETL over card data should reach the central log store.",
  fix: 'Set default_arguments { "--enable-continuous-cloudwatch-log" = "true" }.',
  check: (r) => {
    const args = r.config["default_arguments"];
    const value = isObject(args) ? args["--enable-continuous-cloudwatch-log"] : undefined;
    return isTrue(value)
      ? pass("continuous logging on")
      : fail('default_arguments["--enable-continuous-cloudwatch-log"] is unset; set it to "true"');
  },
});

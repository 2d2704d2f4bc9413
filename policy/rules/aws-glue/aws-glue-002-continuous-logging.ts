import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { isObject, isTrue, toNumber } from "../../engine/values";

export default defineRule({
  id: "AWS-GLUE-002",
  title: "Glue jobs write their logs to CloudWatch in real time",
  severity: "warning",
  clouds: ["aws"],
  resourceTypes: ["aws_glue_job"],
  pci: ["10.2.1"],
  description:
    "Job driver and executor logs of ETL over card data should reach the central log store: continuous logging up to Glue 4.0; from Glue 5.0 always on, into the groups named by --custom-logGroup-prefix (AWS-DEP-004 checks they exist).",
  fix: 'Glue <= 4.0: set default_arguments { "--enable-continuous-cloudwatch-log" = "true" }. Glue 5.0: set "--custom-logGroup-prefix".',
  check: (r) => {
    const args = isObject(r.config["default_arguments"]) ? r.config["default_arguments"] : {};
    if ((toNumber(r.config["glue_version"]) ?? 0) >= 5) {
      return typeof args["--custom-logGroup-prefix"] === "string"
        ? pass("Glue 5.0 real-time logs under --custom-logGroup-prefix")
        : fail('default_arguments["--custom-logGroup-prefix"] is unset; set it so logs land in the encrypted, retained groups');
    }
    return isTrue(args["--enable-continuous-cloudwatch-log"])
      ? pass("continuous logging on")
      : fail('default_arguments["--enable-continuous-cloudwatch-log"] is unset; set it to "true"');
  },
});

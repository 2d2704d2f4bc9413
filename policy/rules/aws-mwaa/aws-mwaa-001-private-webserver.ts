import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AWS-MWAA-001",
  title: "Airflow (MWAA) web servers are private",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_mwaa_environment"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AWS_244"] },
  description: "The Airflow UI triggers jobs over card data and shows their logs: it must be reachable only from inside the network.",
  fix: 'Set webserver_access_mode = "PRIVATE_ONLY".',
  check: (r, ctx) => expectOneOf(r, ctx, "webserver_access_mode", ["PRIVATE_ONLY"]),
});

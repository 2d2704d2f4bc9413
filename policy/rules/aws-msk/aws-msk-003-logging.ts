import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { get, isTrue } from "../../engine/values";

export default defineRule({
  id: "AWS-MSK-003",
  title: "MSK clusters deliver broker logs",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_msk_cluster"],
  pci: ["10.2.1"],
  references: { checkov: ["CKV_AWS_80"], trivy: ["aws-msk-enable-logging"] },
  description: "Broker logs (authentication, authorization failures) must reach the central log store.",
  fix: "Set logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group } } } (or firehose / s3).",
  check: (r) => {
    const logs = get(r.config, "logging_info.broker_logs");
    const on = ["cloudwatch_logs", "firehose", "s3"].filter((k) => isTrue(get(logs, `${k}.enabled`)));
    if (on.length > 0) return pass(`broker logs to ${on.join(", ")}`);
    return fail(
      "logging_info.broker_logs has no enabled destination; set logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group } } }",
    );
  },
});

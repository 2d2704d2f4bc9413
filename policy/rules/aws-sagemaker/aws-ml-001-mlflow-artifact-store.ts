import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";

export default defineRule({
  id: "AWS-ML-001",
  title: "MLflow artifact stores are buckets of this stack",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_sagemaker_mlflow_tracking_server"],
  pci: ["3.5.1", "7.2.1"],
  description:
    "Models are trained on payment features; their artifacts must land in a bucket the stack hardens (AWS-S3-001 to 005: private, versioned, SSE-KMS, TLS-only, access-logged), not in a bucket no rule sees.",
  fix: 'Set artifact_store_uri = "s3://${aws_s3_bucket.<models bucket>.bucket}/<prefix>".',
  check: (r) => {
    const uri = r.config["artifact_store_uri"];
    return typeof uri === "string" && /^s3:\/\/\$\{aws_s3_bucket\.[^.}]+\.(bucket|id)\}\//.test(uri)
      ? pass("artifact store is a stack bucket")
      : fail(`artifact_store_uri is ${JSON.stringify(uri)}; set it to s3:// a bucket this stack creates`);
  },
});

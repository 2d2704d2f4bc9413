import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";

export default defineRule({
  id: "AWS-CT-007",
  title: "The CloudTrail bucket has a copy outside itself",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_cloudtrail"],
  pci: ["10.3.3", "12.10.1"],
  references: { checkov: ["CKV_AWS_144"] },
  description:
    "Audit logs are promptly backed up to a separate store: an AWS Backup selection or a replication configuration covers the trail bucket.",
  fix: "Add the trail bucket's ARN to an aws_backup_selection (with a cross-region copy in prod), or add aws_s3_bucket_replication_configuration to a locked bucket elsewhere.",
  check: (r, ctx) => {
    const bucket = ctx.graph.resolve(r.config["s3_bucket_name"], "aws_s3_bucket");
    if (!bucket) return notApplicable("the trail bucket is not in this stack");
    const copies = [
      ...ctx.graph.referrers(bucket, { type: "aws_backup_selection", attribute: "resources" }),
      ...ctx.graph.referrers(bucket, { type: "aws_s3_bucket_replication_configuration", attribute: "bucket" }),
    ];
    if (copies.length > 0) return pass(`copied by ${copies.map((c) => c.address).join(", ")}`);
    return fail(
      `no aws_backup_selection or aws_s3_bucket_replication_configuration covers ${bucket.address}; add its ARN to the backup selection`,
    );
  },
});

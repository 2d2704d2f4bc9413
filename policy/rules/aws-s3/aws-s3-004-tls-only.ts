import { defineRule } from "../../engine/rule";
import { fail, pass, policyText } from "../_shared";

export default defineRule({
  id: "AWS-S3-004",
  title: "S3 bucket policies deny requests without TLS",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_s3_bucket"],
  pci: ["4.2.1"],
  description: "Requests over plain HTTP must be refused by the bucket itself.",
  fix: "Add an aws_s3_bucket_policy with a Deny statement on s3:* for the bucket and bucket/* when aws:SecureTransport is false.",
  check: (r, ctx) => {
    const policies = ctx.graph.referrers(r, { type: "aws_s3_bucket_policy", attribute: "bucket" });
    if (policies.length === 0)
      return fail("no aws_s3_bucket_policy has bucket = this bucket; add one denying requests with aws:SecureTransport = false");
    const text = policies.map((p) => policyText(p.config["policy"], ctx)).join("\n");
    if (/aws:SecureTransport/i.test(text) && /deny/i.test(text)) return pass(`TLS enforced by ${policies[0]!.address}`);
    return fail(`${policies[0]!.address} has no Deny on aws:SecureTransport = false; add that statement to policy`);
  },
});

import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";

export default defineRule({
  id: "AWS-NET-004",
  title: "VPCs reach S3 through a VPC endpoint",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_vpc"],
  pci: ["1.3.1", "1.3.2", "1.4.4"],
  description: "Data-lake traffic must stay on the AWS network instead of the NAT/internet path.",
  fix: 'Add aws_vpc_endpoint { vpc_id, service_name = "com.amazonaws.<region>.s3", vpc_endpoint_type = "Gateway", route_table_ids }.',
  check: (r, ctx) => {
    const endpoints = ctx.graph.referrers(r, { type: "aws_vpc_endpoint", attribute: "vpc_id" });
    if (endpoints.some((e) => /\.s3("|$|\})/.test(`${String(e.config["service_name"])}"`))) return pass("S3 endpoint present");
    return fail(
      `no aws_vpc_endpoint with service_name com.amazonaws.<region>.s3 has vpc_id = this VPC (found ${endpoints.length} endpoint(s)); add one`,
    );
  },
});

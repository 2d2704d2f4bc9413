import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { show } from "../../engine/values";

export default defineRule({
  id: "AWS-NET-002",
  title: "VPCs have flow logs",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_vpc"],
  pci: ["10.2.1", "1.2.7"],
  references: { checkov: ["CKV2_AWS_11"], trivy: ["aws-ec2-require-vpc-flow-logs-for-all-vpcs"] },
  description: "Network flows into and out of the CDE must be recorded.",
  fix: 'Add aws_flow_log { vpc_id = the VPC id, traffic_type = "ALL", log_destination }.',
  check: (r, ctx) => {
    const logs = ctx.graph.referrers(r, { type: "aws_flow_log", attribute: "vpc_id" });
    if (logs.length === 0) return fail('no aws_flow_log has vpc_id = this VPC; add one with traffic_type = "ALL"');
    if (logs.some((l) => (l.config["traffic_type"] ?? "ALL") === "ALL")) return pass(`flow log ${logs[0]!.address}`);
    return fail(`${logs[0]!.address} traffic_type is ${show(logs[0]!.config["traffic_type"])}; set traffic_type = "ALL"`);
  },
});

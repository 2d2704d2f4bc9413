import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-NET-003",
  title: "Subnets do not assign public IPs on launch",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_subnet"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AWS_130"], trivy: ["aws-ec2-no-public-ip-subnet"] },
  description: "Workloads get no public IP by accident; internet egress goes through the NAT gateway.",
  fix: "Leave map_public_ip_on_launch unset or false.",
  check: (r, ctx) => expectBool(r, ctx, "map_public_ip_on_launch", false, false),
});

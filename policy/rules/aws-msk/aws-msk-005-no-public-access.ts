import { defineRule } from "../../engine/rule";
import { expectOneOf } from "../_shared";

export default defineRule({
  id: "AWS-MSK-005",
  title: "MSK brokers are not publicly accessible",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_msk_cluster"],
  pci: ["1.3.1", "1.4.4"],
  references: { checkov: ["CKV_AWS_291"] },
  description: "Brokers must only be reachable inside the VPC.",
  fix: 'Leave broker_node_group_info.connectivity_info.public_access.type unset or "DISABLED".',
  check: (r, ctx) => expectOneOf(r, ctx, "broker_node_group_info.connectivity_info.public_access.type", ["DISABLED"], "DISABLED"),
});

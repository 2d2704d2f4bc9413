import { defineRule } from "../../engine/rule";
import { all, expectBool, expectOneOf } from "../_shared";

export default defineRule({
  id: "AWS-MSK-001",
  title: "MSK clusters encrypt all traffic with TLS",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_msk_cluster"],
  pci: ["4.2.1"],
  references: { checkov: ["CKV_AWS_81"], trivy: ["aws-msk-enable-in-transit-encryption"] },
  description: "Payment events between clients and brokers, and between brokers, must be encrypted.",
  fix: 'Set encryption_info { encryption_in_transit { client_broker = "TLS", in_cluster = true } }.',
  check: (r, ctx) =>
    all(
      expectOneOf(r, ctx, "encryption_info.encryption_in_transit.client_broker", ["TLS"], "TLS"),
      expectBool(r, ctx, "encryption_info.encryption_in_transit.in_cluster", true, true),
    ),
});

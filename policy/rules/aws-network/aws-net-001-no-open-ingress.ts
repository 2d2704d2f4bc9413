import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { asArray, blocks, show } from "../../engine/values";

export default defineRule({
  id: "AWS-NET-001",
  title: "Security groups allow no ingress from 0.0.0.0/0 or ::/0",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  pci: ["1.3.1", "1.4.2", "1.2.5"],
  references: { checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"], trivy: ["aws-ec2-no-public-ingress-sgr"] },
  description: "Nothing in the platform accepts connections from the whole internet.",
  fix: "Restrict cidr_blocks / cidr_ipv4 to VPC ranges or reference a source security group.",
  check: (r) => {
    let rules: Array<Record<string, unknown>>;
    if (r.type === "aws_security_group") rules = blocks(r.config, "ingress");
    else if (r.type === "aws_security_group_rule") rules = r.config["type"] === "ingress" ? [r.config] : [];
    else rules = [r.config];
    const open = rules.filter((x) =>
      [...asArray(x["cidr_blocks"]), ...asArray(x["ipv6_cidr_blocks"]), x["cidr_ipv4"], x["cidr_ipv6"]].some(
        (c) => c === "0.0.0.0/0" || c === "::/0",
      ),
    );
    if (open.length === 0) return pass(`${rules.length} ingress rule(s), none from 0.0.0.0/0`);
    return fail(
      `ingress from 0.0.0.0/0 or ::/0 (ports ${open.map((x) => `${show(x["from_port"])}-${show(x["to_port"])}`).join(", ")}); restrict cidr_blocks/cidr_ipv4 to private ranges`,
    );
  },
});

import { defineRule } from "../../engine/rule";
import { expectBool } from "../_shared";

export default defineRule({
  id: "AWS-RS-004",
  title: "Redshift uses enhanced VPC routing",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_redshiftserverless_workgroup", "aws_redshift_cluster"],
  pci: ["1.3.2"],
  description: "COPY/UNLOAD traffic must stay in the VPC (endpoints, flow logs) instead of the public network.",
  fix: "Set enhanced_vpc_routing = true.",
  check: (r, ctx) => expectBool(r, ctx, "enhanced_vpc_routing", true, false),
});

import { defineRule } from "../../engine/rule";
import { fail, notApplicable, pass } from "../_shared";
import type { RuleContext, TfResource } from "../../engine/types";
import { asArray, blocks, get } from "../../engine/values";
import { listOf, referenced, roleStatements } from "./_aws";

/** IAM action prefix -> the VPC endpoint service a call from inside the VPC goes through. */
const ENDPOINT_OF_PREFIX: Readonly<Record<string, string>> = {
  "redshift-data": "redshift-data",
  "redshift-serverless": "redshift-serverless",
  glue: "glue",
  cloudwatch: "monitoring",
  logs: "logs",
  kms: "kms",
  secretsmanager: "secretsmanager",
  sts: "sts",
  s3: "s3",
};

function hasInternetRoute(subnet: TfResource, ctx: RuleContext): boolean {
  const tables = ctx.graph
    .referrers(subnet, { type: "aws_route_table_association", attribute: "subnet_id" })
    .flatMap((a) => referenced(a.config["route_table_id"], "aws_route_table", ctx));
  return tables.some(
    (rt) =>
      blocks(rt.config, "route").some((r) => r["cidr_block"] === "0.0.0.0/0") ||
      ctx.graph
        .referrers(rt, { type: "aws_route", attribute: "route_table_id" })
        .some(
          (r) => r.config["destination_cidr_block"] === "0.0.0.0/0" && (r.config["nat_gateway_id"] ?? r.config["gateway_id"]) !== undefined,
        ),
  );
}

export default defineRule({
  id: "AWS-DEP-005",
  title: "A Glue job in a subnet without NAT has a VPC endpoint for every AWS API it calls",
  severity: "error",
  clouds: ["aws"],
  resourceTypes: ["aws_glue_job"],
  pci: ["1.4.2", "6.5.1"],
  description:
    "With a NETWORK connection the job's code runs in the subnet; with no NAT route the only way to an AWS API (Redshift Data API, Glue, CloudWatch, KMS...) is its interface endpoint. A missing one deploys cleanly and fails at run time with a connect timeout.",
  fix: "Add an aws_vpc_endpoint (Interface, private DNS) in the job's VPC for each service its role calls (e.g. com.amazonaws.<region>.redshift-data), or remove the grant the job does not use.",
  check: (r, ctx) => {
    const connections = asArray(r.config["connections"]).flatMap((c) => referenced(c, "aws_glue_connection", ctx));
    if (connections.length === 0) return notApplicable("no VPC connection: the job runs on Glue's network");
    const subnets = connections.flatMap((c) => referenced(get(c.config, "physical_connection_requirements.subnet_id"), "aws_subnet", ctx));
    if (subnets.length === 0) return notApplicable("the connection's subnet is not in this stack");
    if (subnets.every((s) => hasInternetRoute(s, ctx))) return pass("the subnet routes to the internet through NAT");
    const prefixes = new Set(
      roleStatements(r.config["role_arn"], ctx)
        .flatMap((s) => listOf(s.Action))
        .map((a) => a.split(":")[0]!),
    );
    // The Data API fetches Redshift credentials itself; the job calls redshift-serverless only without it.
    if (prefixes.has("redshift-data")) prefixes.delete("redshift-serverless");
    const needed = [...prefixes].map((p) => ENDPOINT_OF_PREFIX[p]).filter((s): s is string => s !== undefined);
    const vpc = subnets[0]!.config["vpc_id"];
    const present = ctx.graph
      .ofType("aws_vpc_endpoint")
      .filter((e) => e.config["vpc_id"] === vpc)
      .map((e) => String(e.config["service_name"]).split(".").slice(3).join("."));
    const missing = needed.filter((s) => !present.includes(s)).sort();
    if (missing.length > 0)
      return fail(
        `the job's subnet has no NAT route and no VPC endpoint for ${missing.join(", ")}, which its role calls; add aws_vpc_endpoint for each`,
      );
    return pass(`endpoints for ${needed.sort().join(", ")}`);
  },
});

/**
 * AWS network and key settings that mutation testing found guarded only by the snapshot (docs/testing.md):
 * DNS inside the VPC (interface endpoints resolve privately only with both flags on), the endpoints' security
 * group, the S3 gateway route tables, flow logs, and each CMK's kind.
 */
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { SynthesizedStack, synthAws } from "../helpers/synth";

/** The VPC ranges of the environment files, written out. */
const VPC_CIDR: Readonly<Record<string, string>> = { dev: "10.110.0.0/16", staging: "10.120.0.0/16", prod: "10.130.0.0/16" };

const refTo = (s: SynthesizedStack, type: string, idPart: string): string => `\${${s.only(type, idPart).address}.id}`;

describe.each(AWS_ENVIRONMENTS.map((env) => [env.name, env] as const))("aws-%s", (name, env) => {
  const s = synthAws(env);

  it("the VPC resolves DNS (private endpoint names need both flags) on shared tenancy, in its planned range", () => {
    expect(s.only("aws_vpc").config).toMatchObject({
      cidr_block: VPC_CIDR[name],
      enable_dns_support: true,
      enable_dns_hostnames: true,
      instance_tenancy: "default",
    });
  });

  it("interface endpoints: private DNS, only the endpoints' security group, which admits HTTPS from the VPC alone", () => {
    const sg = refTo(s, "aws_security_group", "endpoints-sg");
    // AWS services (a MongoDB Atlas PrivateLink endpoint has its own group and no private DNS: test/aws/engines.test.ts).
    const interfaces = s
      .configs("aws_vpc_endpoint")
      .filter((e) => e.vpc_endpoint_type === "Interface" && String(e.service_name).startsWith("com.amazonaws."));
    expect(interfaces.length).toBeGreaterThanOrEqual(5);
    for (const e of interfaces)
      expect({ service: e.service_name, dns: e.private_dns_enabled, sgs: e.security_group_ids }).toEqual({
        service: e.service_name,
        dns: true,
        sgs: [sg],
      });
    expect(s.only("aws_security_group", "endpoints-sg").config.revoke_rules_on_delete).toBe(true);
    const ingress = s.configs("aws_vpc_security_group_ingress_rule").filter((r) => r.security_group_id === sg);
    expect(ingress.map((r) => ({ cidr: r.cidr_ipv4, proto: r.ip_protocol, from: r.from_port, to: r.to_port }))).toEqual([
      { cidr: VPC_CIDR[name], proto: "tcp", from: 443, to: 443 },
    ]);
  });

  it("the S3 gateway endpoint serves the data route table and every compute route table", () => {
    const gateway = s.configs("aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Gateway");
    expect(gateway).toHaveLength(1);
    const tables = s.resources("aws_route_table").map((t) => `\${${t.address}.id}`);
    expect([...gateway[0]!.route_table_ids].sort()).toEqual(tables.filter((t) => !t.includes("public-rt")).sort());
    expect(gateway[0]!.route_table_ids).toHaveLength(4);
  });

  it("VPC flow logs record all traffic, delivered by a role only the flow-logs service may assume", () => {
    const flowLog = s.only("aws_flow_log").config;
    expect(flowLog.traffic_type).toBe("ALL");
    const role = s.only("aws_iam_role", "flow-log-role");
    expect(flowLog.iam_role_arn).toBe(`\${${role.address}.arn}`);
    expect(JSON.parse(role.config.assume_role_policy).Statement.map((st: any) => st.Principal)).toEqual([
      { Service: "vpc-flow-logs.amazonaws.com" },
    ]);
  });

  it("every CMK: symmetric, encrypt/decrypt, enabled, single-region; each key policy statement carries its Sid", () => {
    const keys = s.configs("aws_kms_key").filter((k) => String(k.description).includes("data domain"));
    expect(keys).toHaveLength(11);
    for (const k of keys) {
      expect(k).toMatchObject({
        key_usage: "ENCRYPT_DECRYPT",
        customer_master_key_spec: "SYMMETRIC_DEFAULT",
        is_enabled: true,
        multi_region: false,
      });
      const sids = JSON.parse(k.policy).Statement.map((st: any) => st.Sid);
      expect(sids[0]).toBe("AccountAdministersKeyThroughIam");
      for (const sid of sids) expect(sid).toMatch(/^[A-Za-z]{10,}$/);
      expect(JSON.parse(k.policy).Statement.every((st: any) => st.Resource === "*")).toBe(true);
    }
  });
});

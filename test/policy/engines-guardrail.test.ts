/**
 * End to end on aws-dev (Snowflake + Atlas) with deletion protection on, as prod would run the engines: the
 * stack passes, and each engine loosened the way a hurried change would (an escape-hatch override) fails
 * the policy pass with the expected rule id.
 */
import { Testing, TerraformResource } from "cdktf";
import { awsDev } from "../../environments/aws-dev";
import { evaluateStack } from "../../policy/engine/evaluate";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";
import { synthesize } from "../helpers/synth";

type Loosen = (resources: TerraformResource[]) => void;

function first(resources: TerraformResource[], type: string): TerraformResource {
  const found = resources.find((r) => r.terraformResourceType === type);
  if (!found) throw new Error(`no ${type} in the stack`);
  return found;
}

function failures(loosen?: Loosen): string[] {
  // Dev itself is destroyable (no Atlas termination protection): ATL-007 is a production-pack rule.
  const stack = new AwsPlatformStack(Testing.app(), "aws-dev", { environment: { ...awsDev, deletionProtection: true } });
  loosen?.(stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource));
  // Both packs, as prod would run them if it were promoted to these engines.
  const { findings } = evaluateStack("aws-dev", synthesize(stack).json, { packs: ["baseline", "production"] });
  return findings.filter((f) => f.status === "fail" && f.severity === "error").map((f) => f.ruleId);
}

describe("aws-dev on Snowflake and Atlas, deletion-protected", () => {
  test("passes every Snowflake and Atlas rule of the baseline and production packs", () => {
    // (dev has no DR region by design, so AWS-BAK-003 of the production pack is not this test's business)
    expect(failures().filter((id) => /^(SF|ATL)-/.test(id))).toEqual([]);
  });

  test.each<[string, Loosen, string]>([
    [
      "network policy opened to 0.0.0.0/0",
      (r) => first(r, "snowflake_network_policy").addOverride("allowed_ip_list", ["0.0.0.0/0"]),
      "SF-001",
    ],
    [
      "a privilege granted to PUBLIC",
      (r) => first(r, "snowflake_grant_privileges_to_account_role").addOverride("account_role_name", "PUBLIC"),
      "SF-002",
    ],
    ["Time Travel off", (r) => first(r, "snowflake_database").addOverride("data_retention_time_in_days", 0), "SF-003"],
    [
      "Atlas CMK encryption dropped",
      (r) => first(r, "mongodbatlas_advanced_cluster").addOverride("encryption_at_rest_provider", "NONE"),
      "ATL-002",
    ],
    ["Atlas PITR off", (r) => first(r, "mongodbatlas_advanced_cluster").addOverride("pit_enabled", false), "ATL-003"],
    [
      "Atlas TLS 1.0 allowed",
      (r) => first(r, "mongodbatlas_advanced_cluster").addOverride("advanced_configuration.minimum_enabled_tls_protocol", "TLS1_0"),
      "ATL-004",
    ],
    ["an Atlas user with a password", (r) => first(r, "mongodbatlas_database_user").addOverride("password", "${var.pw}"), "ATL-005"],
    ["Atlas auditing off", (r) => first(r, "mongodbatlas_auditing").addOverride("enabled", false), "ATL-006"],
    [
      "Atlas termination protection off",
      (r) => first(r, "mongodbatlas_advanced_cluster").addOverride("termination_protection_enabled", false),
      "ATL-007",
    ],
  ])("%s fails the policy pass", (_what, loosen, ruleId) => {
    expect(failures(loosen)).toContain(ruleId);
  });
});

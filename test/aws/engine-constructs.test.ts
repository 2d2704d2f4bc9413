import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { MongoAtlasCluster, atlasRegion } from "../../constructs/aws/mongodb-atlas-cluster";
import { AwsNaming } from "../../constructs/aws/naming";
import { SnowflakeWarehouse } from "../../constructs/aws/snowflake-warehouse";
import { WorkloadRole } from "../../constructs/aws/workload-role";
import { awsDev } from "../../environments/aws-dev";
import { synthesize } from "../helpers/synth";

function scope() {
  const stack = new TerraformStack(Testing.app(), "t");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const key = new KmsKey(stack, "key", { enableKeyRotation: true });
  const naming = new AwsNaming({ workload: "pay", environment: "staging", region: "eu-west-1", uniqueSeed: "222222222222" });
  return { stack, key, naming };
}

describe("engine constructs", () => {
  test("a WorkloadRole assumed by a SaaS principal trusts exactly that principal with the external id", () => {
    const { stack } = scope();
    const role = new WorkloadRole(stack, "r", {
      roleName: "x",
      description: "d",
      assumedBy: [],
      assumedByExternal: { principalArn: "arn:aws:iam::123456789012:user/vendor", externalId: "ext-1" },
      accountId: "222222222222",
    });
    role.addToPolicy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" });
    const trust = JSON.parse(synthesize(stack).only("aws_iam_role").config.assume_role_policy);
    expect(trust.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:user/vendor" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "ext-1" } },
      },
    ]);
  });

  test("SnowflakeWarehouse names the known schemas when asked for another", () => {
    const { stack, key, naming } = scope();
    const sf = new SnowflakeWarehouse(stack, "sf", {
      naming,
      environment: "staging",
      config: awsDev.snowflake!,
      platformEgressIps: [],
      alertEmails: ["a@example.com"],
      secretsKey: key,
    });
    expect(() => sf.schema("RAW.NOPE")).toThrow(/no schema RAW\.NOPE; known: RAW\.CDC, RAW\.LANDING, CURATED\.PAYMENTS, ANALYTICS\.STAR/);
  });

  test("MongoAtlasCluster refuses a grant on an unknown collection; Atlas region names", () => {
    const { stack, key, naming } = scope();
    const atlas = new MongoAtlasCluster(stack, "atlas", {
      naming,
      projectName: "pay-staging",
      // The Atlas block's secret-reader role lives in this account.
      accountId: awsDev.accountId,
      region: "eu-west-1",
      config: awsDev.mongodbAtlas!,
      encryptionKey: key,
      privateAccess: { vpcId: "vpc-1", subnetIds: ["s-1", "s-2", "s-3"] },
      restoreWindowDays: 7,
      snapshotRetentionDays: 14,
      alertEmails: ["a@example.com"],
      tags: { environment: "staging" },
    });
    const role = new WorkloadRole(stack, "r", {
      roleName: "x",
      description: "d",
      assumedBy: ["glue.amazonaws.com"],
      accountId: "222222222222",
    });
    expect(() => atlas.grantIamRole("x", role, { read: ["payments"] })).toThrow(
      /no collection payments; known: transactions, error_logs, ml_features/,
    );
    expect(atlasRegion("eu-central-1")).toBe("EU_CENTRAL_1");
  });
});

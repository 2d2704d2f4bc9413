import { AwsNaming, InvalidAwsResourceNameError, validateAwsName } from "../../constructs/aws/naming";

describe("AwsNaming", () => {
  const naming = new AwsNaming({ workload: "pay", environment: "prod", region: "eu-west-1", uniqueSeed: "333333333333" });

  test("builds <workload>-<env>-<region>-<purpose>", () => {
    expect(naming.name("rdsCluster", "oltp")).toBe("pay-prod-euw1-oltp");
    expect(naming.name("kmsAlias", "oltp")).toBe("alias/pay-prod-euw1-oltp");
    expect(naming.name("glueDatabase", "raw")).toBe("pay_prod_euw1_raw");
  });

  test("globally unique S3 names get a stable suffix from the account", () => {
    const a = naming.name("s3Bucket", "raw");
    expect(a).toMatch(/^pay-prod-euw1-raw-[0-9a-f]{6}$/);
    expect(
      new AwsNaming({ workload: "pay", environment: "prod", region: "eu-west-1", uniqueSeed: "333333333333" }).name("s3Bucket", "raw"),
    ).toBe(a);
    expect(
      new AwsNaming({ workload: "pay", environment: "prod", region: "eu-west-1", uniqueSeed: "444444444444" }).name("s3Bucket", "raw"),
    ).not.toBe(a);
  });

  test.each<[Parameters<typeof validateAwsName>[0], string, RegExp]>([
    ["rdsCluster", "a".repeat(64), /has 64 characters; allowed: 1-63/],
    ["rdsCluster", "1oltp", /allowed: lowercase letters, digits and single hyphens, starting with a letter/],
    ["rdsCluster", "pay--oltp", /is invalid/],
    ["s3Bucket", "Pay-Raw", /allowed: lowercase letters, digits, dots and hyphens/],
    ["backupVault", "x".repeat(51), /allowed: 2-50/],
    ["iamRole", "r".repeat(65), /allowed: 1-64/],
    ["glueDatabase", "pay-raw", /Athena and Spark SQL reject hyphens/],
    ["kmsAlias", "alias/aws/oltp", /not alias\/aws\//],
  ])("%s rejects %s", (kind, name, message) => {
    expect(() => validateAwsName(kind, name)).toThrow(InvalidAwsResourceNameError);
    expect(() => validateAwsName(kind, name)).toThrow(message);
  });

  test("a purpose too long for the service fails at synth with the fix", () => {
    expect(() => naming.name("backupVault", "x".repeat(40))).toThrow(/Shorten the environment's workload or name/);
  });
});

import { Testing } from "cdktf";
import { awsDev } from "../../environments/aws-dev";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { awsStaging } from "../../environments/aws-staging";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";
import { fullSynthesize, synthAws } from "../helpers/synth";

describe("Terraform state backend", () => {
  test("dev keeps local state", () => {
    const { json } = synthAws(awsDev);
    expect(Object.keys(json.terraform.backend)).toEqual(["local"]);
    expect(json.terraform.backend.local).toEqual({ path: "../../../terraform.aws-dev.tfstate" });
  });

  // Every registered environment, so a new one is covered without editing this file.
  test.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s requires Terraform >= 1.10 (S3-native locking)", (_name, env) => {
    expect(synthAws(env).json.terraform.required_version).toBe(">= 1.10.0");
  });

  // Shared state outside dev (the validator refuses local state there); the registry decides which exist.
  test.each(AWS_ENVIRONMENTS.filter((e) => e.tier !== "dev").map((e) => [e.name, e] as const))(
    "%s uses S3 with encryption and S3-native locking (use_lockfile), no DynamoDB table",
    (_name, env) => {
      // GIVEN an environment with an S3 backend WHEN synthesized
      const { json } = synthAws(env);
      const s3 = json.terraform.backend.s3;
      const state = env.stateBackend as Extract<typeof env.stateBackend, { kind: "s3" }>;
      // THEN the override added use_lockfile next to the typed settings
      expect(Object.keys(json.terraform.backend)).toEqual(["s3"]);
      expect(s3).toMatchObject({
        bucket: state.bucket,
        key: state.key,
        region: state.region,
        encrypt: true,
        use_lockfile: true,
        kms_key_id: state.kmsKeyId,
      });
      expect(s3).not.toHaveProperty("dynamodb_table");
      expect(s3).not.toHaveProperty("access_key");
    },
  );

  test("use_lockfile survives a full synth to disk", () => {
    const app = Testing.app();
    const stack = new AwsPlatformStack(app, "aws-staging", { environment: awsStaging });
    const { json } = fullSynthesize(stack).synthesized;
    expect(json.terraform.backend.s3).toMatchObject({ use_lockfile: true, encrypt: true });
    expect(json.terraform.backend.s3).not.toHaveProperty("dynamodb_table");
  });
});

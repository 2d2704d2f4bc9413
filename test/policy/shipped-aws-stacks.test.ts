/**
 * Every shipped AWS environment passes synth's policy pass with its own packs and suppressions, the way
 * `npm run synth` judges it. Iterates the registry: a new environment is covered without editing this file.
 */
import { Testing } from "cdktf";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { AwsPlatformStack } from "../../stacks/aws-platform-stack";
import { blockingFindings } from "./shipped-stacks";

describe.each(AWS_ENVIRONMENTS.map((env) => [`aws-${env.name}`, env] as const))("%s", (stackId, env) => {
  const { errors, evaluation } = blockingFindings(new AwsPlatformStack(Testing.app(), stackId, { environment: env }), env.policy);

  it("has no unsuppressed error finding and no policy configuration error", () => {
    expect(errors).toEqual([]);
  });

  it("was judged by the rules (hundreds of passing checks, so an empty result is not a silent skip)", () => {
    expect(evaluation.findings.filter((f) => f.status === "pass").length).toBeGreaterThan(200);
  });
});

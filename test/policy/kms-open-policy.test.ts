import { evaluateStack } from "../../policy/engine/evaluate";
import { doc } from "./fixtures/cases";

/** AWS-KMS-003 on the two ways IAM writes "anyone": Principal "*" and Principal { AWS: "*" }. */
function outcome(statement: Record<string, unknown>): string | undefined {
  const policy = JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
  const { findings } = evaluateStack("kms", doc({ "aws_kms_key.k": { policy, enable_key_rotation: true } }), { packs: ["baseline"] });
  return findings.find((f) => f.ruleId === "AWS-KMS-003")?.status;
}

describe('AWS-KMS-003 (found by mutation testing: the bare "*" principal form was never exercised)', () => {
  const open = { Sid: "Anyone", Effect: "Allow", Action: "kms:Decrypt", Resource: "*" };
  const conditioned = { Condition: { StringEquals: { "kms:CallerAccount": "111111111111" } } };

  test.each([
    ['Principal "*" without a condition', "fail", { ...open, Principal: "*" }],
    ['Principal { AWS: "*" } without a condition', "fail", { ...open, Principal: { AWS: "*" } }],
    ['Principal "*" with a condition', "pass", { ...open, Principal: "*", ...conditioned }],
    ['Principal "" (not a wildcard)', "pass", { ...open, Principal: "" }],
    ["the account root, no condition", "pass", { ...open, Principal: { AWS: "arn:aws:iam::111111111111:root" } }],
  ])("%s -> %s", (_title, expected, statement) => {
    expect(outcome(statement)).toBe(expected);
  });
});

/**
 * Which identity may use which key and which bucket path, in aws-prod: the whole access table, written out.
 * Mutation testing found the grant methods (KmsKeys.grantEncryptDecrypt/grantDecrypt, SecureBucket.grantRead/
 * grantWrite) could be emptied or narrowed with every other test passing (docs/testing.md). A change to who
 * can read or write what must change this table, on purpose, in review.
 */
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { SynthesizedStack, synthAws } from "../helpers/synth";

const HASH = /_[0-9A-F]{8}$/;

/** role -> sorted "<domain>:<encrypt|decrypt>" and "<bucket><path>:<read|write|delete>" from its inline policies. */
function accessTable(s: SynthesizedStack): Record<string, string[]> {
  const table: Record<string, Set<string>> = {};
  for (const p of s.configs("aws_iam_role_policy")) {
    const role = /aws_iam_role\.([\w-]+)\./.exec(String(p.role))![1]!.replace(HASH, "");
    for (const st of JSON.parse(p.policy).Statement) {
      const actions: string[] = [st.Action].flat();
      for (const resource of [st.Resource].flat().map(String)) {
        const key = /aws_kms_key\.keys_(\w+?)_[0-9A-F]{8}\.arn/.exec(resource);
        if (key) {
          if (actions.some((a) => a === "kms:Encrypt" || a === "kms:GenerateDataKey")) (table[role] ??= new Set()).add(`${key[1]}:encrypt`);
          if (actions.includes("kms:Decrypt")) (table[role] ??= new Set()).add(`${key[1]}:decrypt`);
        }
        const object = /aws_s3_bucket\.([\w-]+?)(?:_bucket)?_[0-9A-F]{8}\.arn\}(\/.*)$/.exec(resource);
        if (object) {
          const path = `${object[1]}${object[2]}`;
          if (actions.includes("s3:GetObject")) (table[role] ??= new Set()).add(`${path}:read`);
          if (actions.includes("s3:PutObject")) (table[role] ??= new Set()).add(`${path}:write`);
          if (actions.includes("s3:DeleteObject")) (table[role] ??= new Set()).add(`${path}:delete`);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(table).map(([role, set]) => [role, [...set].sort()]));
}

/** aws-prod's intended access: each workload touches its own domain's key and its own prefixes. */
const PROD_ACCESS: Record<string, string[]> = {
  airflow_role: [
    "airflow_dags/*:read",
    "mlflow_models/mlflow/*:delete",
    "mlflow_models/mlflow/*:read",
    "mlflow_models/mlflow/*:write",
    "models:decrypt",
    "models:encrypt",
    "orchestration:decrypt",
    "orchestration:encrypt",
  ],
  backup_role: ["backup:decrypt", "backup:encrypt"],
  "cdc-sink_role": ["raw-zone/cdc/*:write", "rawzone:decrypt", "rawzone:encrypt"],
  "cdc-source_role": ["oltp:decrypt"],
  drift_role: [
    "artifacts/glue/tmp/drift/*:delete",
    "artifacts/glue/tmp/drift/*:read",
    "artifacts/glue/tmp/drift/*:write",
    "artifacts/ml/drift/*:read",
    "curated-zone/features/*:read",
    "logs:decrypt",
    "logs:encrypt",
    "mlflow_models/drift-reports/*:write",
    "mlflow_models/reference/*:read",
    "models:decrypt",
    "models:encrypt",
    "rawzone:decrypt",
    "rawzone:encrypt",
  ],
  etl_role: [
    "artifacts/glue/*:read",
    "artifacts/glue/tmp/*:delete",
    "artifacts/glue/tmp/*:read",
    "artifacts/glue/tmp/*:write",
    "curated-zone/*:delete",
    "curated-zone/*:read",
    "curated-zone/*:write",
    "logs:decrypt",
    "logs:encrypt",
    "mlflow_models/mlflow/*:delete",
    "mlflow_models/mlflow/*:read",
    "mlflow_models/mlflow/*:write",
    "models:decrypt",
    "models:encrypt",
    "raw-zone/cdc/*:read",
    "rawzone:decrypt",
    "rawzone:encrypt",
  ],
  mlflow_role: [
    "mlflow_models/mlflow/*:delete",
    "mlflow_models/mlflow/*:read",
    "mlflow_models/mlflow/*:write",
    "models:decrypt",
    "models:encrypt",
  ],
  "warehouse-role": ["curated-zone/*:read", "rawzone:decrypt"],
};

describe("aws-prod: who may use which key and which bucket path", () => {
  const table = accessTable(synthAws(AWS_ENVIRONMENTS.find((e) => e.name === "prod")!));

  it("matches the access table, role by role", () => {
    expect(table).toEqual(PROD_ACCESS);
  });

  it("no role may decrypt the audit trail's key or write the CloudTrail bucket", () => {
    for (const [role, grants] of Object.entries(table)) {
      expect({ role, audit: grants.filter((g) => g.startsWith("audit")) }).toEqual({ role, audit: [] });
    }
  });
});

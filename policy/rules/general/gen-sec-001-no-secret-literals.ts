import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { findSecrets } from "../../engine/secrets";

export default defineRule({
  id: "GEN-SEC-001",
  title: "No secret-looking literals in resource arguments",
  severity: "error",
  clouds: ["any"],
  resourceTypes: ["*"],
  pci: ["8.3.2", "8.6.2", "3.6.1"],
  references: { checkov: ["CKV_SECRET_6"], trivy: ["general-secrets-no-plaintext-exposure"] },
  description:
    "Passwords, keys and connection strings in the Terraform JSON end up in git, CI logs and state; secrets come from Key Vault / Secrets Manager or managed identities.",
  fix: "Remove the literal: use managed identity / Entra-only or IAM auth, manage_master_user_password, or a reference to a secret store resolved at apply time.",
  check: (r) => {
    const hits = findSecrets(r.config);
    if (hits.length === 0) return pass("no secret-looking literal");
    return fail(
      `${hits.map((h) => `${h.path} (${h.kind})`).join(", ")} looks like a secret literal; remove it and use a managed identity or a secret-store reference`,
    );
  },
});

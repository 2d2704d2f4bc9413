/**
 * Detects secret-looking literals in Terraform JSON values: by key name (a literal under a key such as
 * `administrator_login_password`) and by value shape (connection strings with a password or account
 * key, private keys, AWS access keys, SAS signatures, credentials in URLs).
 */
import { strings } from "./values";

export interface SecretHit {
  /** Dotted attribute path, e.g. `administrator_login_password`. */
  readonly path: string;
  /** Why it looks like a secret (never the value itself). */
  readonly kind: string;
}

/** Keys whose literal string value is a secret. */
const SECRET_KEY =
  /(^|[_.-])(password|passwd|pwd|secret|client_secret|secret_key|secret_access_key|access_key|account_key|primary_key|secondary_key|shared_key|private_key|api_key|apikey|auth_token|token|sas_token|sas|master_key|admin_password|password_wo)$/i;

/** Keys that hold names, ids or switches of secrets, not secrets. */
const NOT_SECRET_KEY =
  /(_name|_id|_ids|_arn|_version|_type|_uri|_url|_enabled|_length|_days|_policy|_kind|_source|_mode|_at|_hint|_count|_secret_name)$/i;

const VALUE_PATTERNS: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: "connection string with a password", pattern: /(^|;)\s*(password|pwd)\s*=\s*(?!\$\{|\s*;|\s*$)[^;]{3,}/i },
  { kind: "connection string with an account key", pattern: /(^|;)\s*(accountkey|sharedaccesskey)\s*=\s*[A-Za-z0-9+/=]{16,}/i },
  { kind: "SAS signature", pattern: /[?&]sig=[A-Za-z0-9%+/=]{16,}/ },
  { kind: "private key", pattern: /-----BEGIN ([A-Z ]+ )?PRIVATE KEY-----/ },
  { kind: "AWS access key id", pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: "credentials in a URL", pattern: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@${}]+:[^/\s@${}]{3,}@/i },
  { kind: "SQL password literal", pattern: /\bPASSWORD\s*=\s*(N)?'[^'$]{4,}'/i },
  { kind: "GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/ },
  { kind: "Slack token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
];

/** True for a value that is (only) a Terraform expression or empty, i.e. not a literal. */
function isLiteral(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === "") return false;
  return !/^\$\{[^}]*\}$/.test(trimmed);
}

/** Secret-looking literals anywhere in a JSON value (skipping cdktf's `//` metadata). */
export function findSecrets(value: unknown, basePath = ""): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const s of strings(value, basePath)) {
    if (SECRET_KEY.test(s.key) && !NOT_SECRET_KEY.test(s.key) && isLiteral(s.value) && !s.value.includes("${")) {
      hits.push({ path: s.path, kind: `literal value under key "${s.key}"` });
      continue;
    }
    for (const { kind, pattern } of VALUE_PATTERNS) {
      if (pattern.test(s.value)) {
        hits.push({ path: s.path, kind });
        break;
      }
    }
  }
  return hits;
}

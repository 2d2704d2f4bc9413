/**
 * The one parser of references inside Terraform JSON strings: `${aws_s3_bucket.raw.arn}`,
 * `${data.aws_iam_policy_document.x.json}`, `${local.tags}`, `${var.region}`, `${module.net.id}`.
 * Only what sits inside `${...}` is an expression; text around it is a literal.
 */

export type ReferenceKind = "resource" | "data" | "local" | "var" | "module";

/** One reference named in an expression. */
export interface ParsedReference {
  readonly kind: ReferenceKind;
  /** The address Terraform names: `aws_s3_bucket.raw`, `data.aws_x.y`, `local.tags`, `var.region`, `module.net`. */
  readonly address: string;
  /** What follows the address, without the leading dot: `arn`, `[0].arn`, `tags.env`; "" when nothing does. */
  readonly attribute: string;
}

const INTERPOLATION = /\$\{([^}]*)\}/g;
const NAME = "[A-Za-z_][A-Za-z0-9_-]*";
/** `type.name` (a resource type always has a provider prefix: `aws_`, `azurerm_`, `time_`...) then its traversal. */
const TRAVERSAL = `(?<![\\w.])(?:(data)\\.)?([a-z][a-z0-9]*_[a-z0-9_]*|local|var|module)\\.(${NAME})((?:\\.${NAME}|\\.\\*|\\[[^\\]]*\\])*)`;
const ANYWHERE = new RegExp(TRAVERSAL, "g");
const WHOLE = new RegExp(`^\\s*${TRAVERSAL}\\s*$`);

function toReference(m: RegExpExecArray | RegExpMatchArray): ParsedReference | undefined {
  const [, data, head, name, rest] = m;
  const attribute = (rest ?? "").replace(/^\./, "");
  if (data)
    return head === "local" || head === "var" || head === "module"
      ? undefined
      : { kind: "data", address: `data.${head}.${name}`, attribute };
  const kind: ReferenceKind = head === "local" || head === "var" || head === "module" ? head : "resource";
  return { kind, address: `${head}.${name}`, attribute };
}

/** Every reference inside the `${...}` expressions of a string, in order of appearance, each address once. */
export function parseReferences(value: unknown): ParsedReference[] {
  if (typeof value !== "string" || !value.includes("${")) return [];
  const found: ParsedReference[] = [];
  for (const expr of value.matchAll(INTERPOLATION)) {
    for (const m of (expr[1] ?? "").matchAll(ANYWHERE)) {
      const ref = toReference(m);
      if (ref && !found.some((f) => f.address === ref.address)) found.push(ref);
    }
  }
  return found;
}

/** The reference a string is made of and nothing else (`"${azurerm_mssql_server.x.id}"`), else undefined. */
export function wholeReference(value: unknown): ParsedReference | undefined {
  if (typeof value !== "string") return undefined;
  const expr = /^\$\{([^}]*)\}$/.exec(value);
  const m = expr ? WHOLE.exec(expr[1] ?? "") : null;
  return m ? toReference(m) : undefined;
}

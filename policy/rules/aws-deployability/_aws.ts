/**
 * Shared readers for the AWS deployability rules: the inline policy of the role a resource runs as,
 * and IAM resource patterns as regular expressions. Not a rule itself.
 */
import type { RuleContext, TfResource } from "../../engine/types";
import { isObject } from "../../engine/values";

export interface IamStatement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly Resource?: string | string[];
}

/** Allow statements of every aws_iam_role_policy attached to the aws_iam_role a `roleArn` value refers to. */
export function roleStatements(roleArn: unknown, ctx: RuleContext): IamStatement[] {
  const role = ctx.graph.resolve(roleArn, "aws_iam_role");
  if (!role) return [];
  return ctx.graph
    .referrers(role, { type: "aws_iam_role_policy", attribute: "role" })
    .flatMap((p) => {
      const text = p.config["policy"];
      if (typeof text !== "string") return [];
      try {
        const doc: unknown = JSON.parse(text);
        const statements = isObject(doc) ? doc["Statement"] : undefined;
        return Array.isArray(statements) ? (statements.filter(isObject) as IamStatement[]) : [];
      } catch {
        return [];
      }
    })
    .filter((s) => s.Effect === "Allow");
}

export const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

/** An IAM resource pattern (`*` any run of characters, `?` one character) as an anchored regex. */
export function iamGlob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

/** Topic-name patterns of MSK topic ARNs granted `action` (`arn:aws:kafka:...:topic/<cluster>/<uuid>/<name>`). */
export function grantedTopics(statements: readonly IamStatement[], action: string): RegExp[] {
  return statements
    .filter((s) => listOf(s.Action).some((a) => a === action || a === "kafka-cluster:*"))
    .flatMap((s) => listOf(s.Resource))
    .map((arn) => /:topic\/[^/]+\/[^/]+\/(.+)$/.exec(arn)?.[1])
    .filter((p): p is string => p !== undefined)
    .map(iamGlob);
}

/** The resources of `type` a value refers to through `${type.name.attr}`. */
export function referenced(value: unknown, type: string, ctx: RuleContext): TfResource[] {
  return ctx.graph.referencedIn(value).filter((r) => r.type === type);
}

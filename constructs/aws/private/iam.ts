import { Lazy } from "cdktf";

/** One IAM policy statement, in the JSON shape IAM reads. Values may carry cdktf tokens (ARNs). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: "*" | { readonly [type: string]: string | readonly string[] };
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: string | boolean | readonly string[] } };
}

/**
 * A policy document whose statements may be added after the resource that renders it was created
 * (grants are made while the stack composes). Renders as a JSON string at synth time.
 */
export class PolicyDocument {
  private readonly statements: PolicyStatement[] = [];

  constructor(initial: readonly PolicyStatement[] = []) {
    this.statements.push(...initial);
  }

  add(...statements: PolicyStatement[]): void {
    this.statements.push(...statements);
  }

  get isEmpty(): boolean {
    return this.statements.length === 0;
  }

  /** The document as a lazily rendered JSON string. */
  render(): string {
    return Lazy.stringValue({ produce: () => JSON.stringify({ Version: "2012-10-17", Statement: this.statements }) });
  }
}

/** Trust policy for an AWS service principal, pinned to one account (confused-deputy protection). */
export function serviceTrustPolicy(services: readonly string[], accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: services.length === 1 ? services[0] : services },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
    ],
  });
}

/**
 * Trust policy for a third-party AWS principal (a SaaS vendor's IAM user or role, e.g. Snowflake's storage
 * integration or MongoDB Atlas), bound to the external id the vendor issued for this account.
 */
export function externalTrustPolicy(principalArn: string, externalId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: principalArn },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": externalId } },
      },
    ],
  });
}

/** Denies every request that does not use TLS (PCI DSS 4.2.1); attach to every bucket and topic policy. */
export function denyInsecureTransport(resources: readonly string[]): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "*",
    Resource: resources,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

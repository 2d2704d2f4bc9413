import { createHash } from "node:crypto";
import { AWS_REGION_SHORT, AwsRegion } from "./regions";

/**
 * Naming rule of one AWS resource type: the length and charset limits the service enforces
 * (each service's API reference, "Constraints").
 */
interface AwsNamingRule {
  readonly min: number;
  readonly max: number;
  /** The whole name must match. */
  readonly pattern: RegExp;
  /** Human-readable form of `pattern` for error messages. */
  readonly charset: string;
  /** Globally unique names (S3) get a deterministic suffix so two accounts never collide. */
  readonly globallyUnique: boolean;
  readonly separator: "-" | "_";
  /** Fixed prefix the service requires (KMS aliases). */
  readonly prefix?: string;
}

/** Lowercase, hyphens, starts with a letter, no double or trailing hyphen (RDS, DocumentDB identifiers). */
const DB_IDENTIFIER = /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/;
const DB_IDENTIFIER_CHARSET = "lowercase letters, digits and single hyphens, starting with a letter, not ending with a hyphen";
const HYPHENATED = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const HYPHENATED_CHARSET = "lowercase letters, digits and hyphens, starting and ending with a letter or digit";
const IAM = /^[\w+=,.@-]+$/;
const IAM_CHARSET = "letters, digits and + = , . @ _ -";

/** The resource kinds this repository names. Add a row here, never a name built by hand. */
export const AWS_NAMING_RULES = {
  s3Bucket: {
    min: 3,
    max: 63,
    pattern: /^[a-z0-9](?!.*\.\.)[a-z0-9.-]*[a-z0-9]$/,
    charset: "lowercase letters, digits, dots and hyphens",
    globallyUnique: true,
    separator: "-",
  },
  kmsAlias: {
    min: 7,
    max: 256,
    pattern: /^alias\/(?!aws\/)[a-zA-Z0-9/_-]+$/,
    charset: "alias/ followed by letters, digits, / _ - (not alias/aws/)",
    globallyUnique: false,
    separator: "-",
    prefix: "alias/",
  },
  iamRole: { min: 1, max: 64, pattern: IAM, charset: IAM_CHARSET, globallyUnique: false, separator: "-" },
  iamPolicy: { min: 1, max: 128, pattern: IAM, charset: IAM_CHARSET, globallyUnique: false, separator: "-" },
  logGroup: {
    min: 1,
    max: 512,
    pattern: /^[.\-_/#A-Za-z0-9]+$/,
    charset: "letters, digits and . - _ / #",
    globallyUnique: false,
    separator: "-",
  },
  securityGroup: { min: 1, max: 255, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  vpcResource: { min: 1, max: 255, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  rdsCluster: { min: 1, max: 63, pattern: DB_IDENTIFIER, charset: DB_IDENTIFIER_CHARSET, globallyUnique: false, separator: "-" },
  rdsInstance: { min: 1, max: 63, pattern: DB_IDENTIFIER, charset: DB_IDENTIFIER_CHARSET, globallyUnique: false, separator: "-" },
  dbSubnetGroup: {
    min: 1,
    max: 255,
    pattern: /^[a-z0-9][a-z0-9 ._-]*$/,
    charset: "lowercase letters, digits, spaces, periods, underscores and hyphens",
    globallyUnique: false,
    separator: "-",
  },
  dbParameterGroup: { min: 1, max: 255, pattern: DB_IDENTIFIER, charset: DB_IDENTIFIER_CHARSET, globallyUnique: false, separator: "-" },
  dbSnapshot: { min: 1, max: 255, pattern: DB_IDENTIFIER, charset: DB_IDENTIFIER_CHARSET, globallyUnique: false, separator: "-" },
  docdbCluster: { min: 1, max: 63, pattern: DB_IDENTIFIER, charset: DB_IDENTIFIER_CHARSET, globallyUnique: false, separator: "-" },
  redshiftNamespace: { min: 3, max: 64, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  redshiftWorkgroup: { min: 3, max: 64, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  mskCluster: {
    min: 1,
    max: 64,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]*$/,
    charset: "letters, digits and hyphens, starting with a letter or digit",
    globallyUnique: false,
    separator: "-",
  },
  mskConfiguration: {
    min: 1,
    max: 64,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]*$/,
    charset: "letters, digits and hyphens",
    globallyUnique: false,
    separator: "-",
  },
  mskConnectResource: {
    min: 1,
    max: 128,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]*$/,
    charset: "letters, digits and hyphens",
    globallyUnique: false,
    separator: "-",
  },
  secret: {
    min: 1,
    max: 512,
    pattern: /^[A-Za-z0-9/_+=.@-]+$/,
    charset: "letters, digits and / _ + = . @ -",
    globallyUnique: false,
    separator: "-",
  },
  cloudTrail: {
    min: 3,
    max: 128,
    pattern: /^[a-zA-Z0-9](?!.*[._-]{2})[a-zA-Z0-9._-]*[a-zA-Z0-9]$/,
    charset: "letters, digits, . _ -, starting and ending with a letter or digit",
    globallyUnique: false,
    separator: "-",
  },
  backupVault: { min: 2, max: 50, pattern: /^[a-zA-Z0-9_-]+$/, charset: "letters, digits, _ and -", globallyUnique: false, separator: "-" },
  backupPlan: { min: 1, max: 50, pattern: /^[a-zA-Z0-9_.-]+$/, charset: "letters, digits, _ . -", globallyUnique: false, separator: "-" },
  glueDatabase: {
    min: 1,
    max: 255,
    pattern: /^[a-z0-9_]+$/,
    charset: "lowercase letters, digits and underscores (Athena and Spark SQL reject hyphens)",
    globallyUnique: false,
    separator: "_",
  },
  glueResource: { min: 1, max: 255, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  snsTopic: { min: 1, max: 256, pattern: /^[A-Za-z0-9_-]+$/, charset: "letters, digits, _ and -", globallyUnique: false, separator: "-" },
  alarm: { min: 1, max: 255, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  eventRule: {
    min: 1,
    max: 64,
    pattern: /^[.\-_A-Za-z0-9]+$/,
    charset: "letters, digits and . - _",
    globallyUnique: false,
    separator: "-",
  },
  mwaaEnvironment: {
    min: 1,
    max: 80,
    pattern: /^[a-zA-Z][0-9a-zA-Z_-]*$/,
    charset: "letters, digits, _ and -, starting with a letter",
    globallyUnique: false,
    separator: "-",
  },
  mlflowTrackingServer: {
    min: 1,
    max: 256,
    pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/,
    charset: "letters, digits and hyphens, starting and ending with a letter or digit",
    globallyUnique: false,
    separator: "-",
  },
  budget: { min: 1, max: 100, pattern: HYPHENATED, charset: HYPHENATED_CHARSET, globallyUnique: false, separator: "-" },
  lambdaFunction: {
    min: 1,
    max: 64,
    pattern: /^[a-zA-Z0-9_-]+$/,
    charset: "letters, digits, _ and -",
    globallyUnique: false,
    separator: "-",
  },
  cloudFormationStack: {
    min: 1,
    max: 128,
    pattern: /^[a-zA-Z][a-zA-Z0-9-]*$/,
    charset: "letters, digits and hyphens, starting with a letter",
    globallyUnique: false,
    separator: "-",
  },
} as const satisfies Record<string, AwsNamingRule>;

export type AwsResourceKind = keyof typeof AWS_NAMING_RULES;

/** Props of the naming helper: the parts every name is built from. */
export interface AwsNamingProps {
  /** Workload code, e.g. `pay`. */
  readonly workload: string;
  /** Environment name, e.g. `prod`. */
  readonly environment: string;
  readonly region: AwsRegion;
  /**
   * Seed of the uniqueness suffix of globally unique names (the account id): the same seed always
   * yields the same names.
   */
  readonly uniqueSeed: string;
}

/** Hex characters of the digest `replaceableName` appends (policy rule AWS-DEP-009 looks for it). */
export const REPLACEABLE_DIGEST_LENGTH = 8;

/** Thrown when a generated name breaks the service's rules: fix the environment's workload/name or the purpose. */
export class InvalidAwsResourceNameError extends Error {}

/**
 * Builds AWS resource names: `<workload>-<env>-<region>-<purpose>[-<suffix>]`, with the separator
 * each service allows, and checks the result against the service's limits at synth time (not at
 * apply time, twenty minutes into a deployment).
 */
export class AwsNaming {
  /** Six hex characters of a SHA-256 over the seed and the name parts: stable across runs. */
  readonly suffix: string;
  readonly regionShort: string;

  constructor(private readonly props: AwsNamingProps) {
    this.regionShort = AWS_REGION_SHORT[props.region];
    this.suffix = createHash("sha256")
      .update(`${props.uniqueSeed}/${props.workload}/${props.environment}/${props.region}`)
      .digest("hex")
      .slice(0, 6);
  }

  /** The environment the names belong to (for error messages). */
  get environment(): string {
    return this.props.environment;
  }

  /** The name of a resource of `kind` serving `purpose` (e.g. `oltp`, `raw`). */
  name(kind: AwsResourceKind, purpose: string): string {
    const rule: AwsNamingRule = AWS_NAMING_RULES[kind];
    const parts = [this.props.workload, this.props.environment, this.regionShort, purpose];
    if (rule.globallyUnique) parts.push(this.suffix);
    const joined = parts
      .map((p) => p.toLowerCase())
      .join(rule.separator)
      .replace(/[-_]/g, rule.separator);
    const name = `${rule.prefix ?? ""}${rule.prefix === "alias/" ? joined.replace(/_/g, "-") : joined}`;
    validateAwsName(kind, name);
    return name;
  }

  /**
   * The name of a resource kept with `create_before_destroy` whose name cannot be changed in place:
   * `name(kind, purpose)` plus 8 hex characters of a SHA-256 over every argument that forces a
   * replacement. A change that replaces the resource also renames it, so the new one can exist next
   * to the old one until Terraform deletes it (a fixed name fails with "already exists").
   */
  replaceableName(kind: AwsResourceKind, purpose: string, forceNewArguments: Readonly<Record<string, unknown>>): string {
    const digest = createHash("sha256").update(JSON.stringify(forceNewArguments)).digest("hex").slice(0, REPLACEABLE_DIGEST_LENGTH);
    return this.name(kind, `${purpose}-${digest}`);
  }

  /** A CloudWatch log group path, e.g. `/pay/prod/vpc-flow-logs`. Services with fixed paths build their own. */
  logGroupPath(purpose: string): string {
    const name = `/${this.props.workload}/${this.props.environment}/${purpose}`;
    validateAwsName("logGroup", name);
    return name;
  }
}

/** Checks a name against its kind's length and charset rules. */
export function validateAwsName(kind: AwsResourceKind, name: string): void {
  const rule: AwsNamingRule = AWS_NAMING_RULES[kind];
  if (name.length < rule.min || name.length > rule.max) {
    throw new InvalidAwsResourceNameError(
      `Name "${name}" for ${kind} has ${name.length} characters; allowed: ${rule.min}-${rule.max}. ` +
        `Shorten the environment's workload or name.`,
    );
  }
  if (!rule.pattern.test(name)) {
    throw new InvalidAwsResourceNameError(`Name "${name}" for ${kind} is invalid; allowed: ${rule.charset}.`);
  }
}

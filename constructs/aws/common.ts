/**
 * Cross-cutting props shared by the AWS data constructs. The names match the Azure constructs
 * (`tags`, `encryptionKey`, `diagnostics`, `privateAccess`, `grants`, `deletionProtection`) so an
 * engineer who knows one cloud reads the other.
 */
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Rule, intBetween, oneOf } from "../shared/rules";
import { AwsNaming } from "./naming";

/** Where an MSK Connect connector runs: its account and region, and the VPC subnets it reaches Kafka from. */
export interface ConnectorPlacementProps {
  readonly naming: AwsNaming;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  /** Compute subnets: MSK and the data stores in the data subnets, AWS APIs through endpoints, SaaS engines through NAT. */
  readonly subnetIds: readonly string[];
  /** The VPC's range: the connector's security group allows egress inside it only. */
  readonly vpcCidr: string;
  /** S3 gateway endpoint prefix list: the connector's security group allows HTTPS to S3 through it. */
  readonly s3PrefixListId: string;
}

/** Where a construct writes its service logs: CloudWatch Logs groups it creates, encrypted and retained. */
export interface DiagnosticsProps {
  /** CMK of the log groups (the `logs` domain key; its policy admits the CloudWatch Logs service). */
  readonly logKey: KmsKey;
  /** Retention in days (a CloudWatch Logs value, at least 90). */
  readonly retentionDays: number;
}

/** A security group that may open connections to a data store. */
export interface NetworkPeer {
  /** Security group id of the client. */
  readonly securityGroupId: string;
}

/** Private network placement of a data store: no public endpoint, ingress only from named clients. */
export interface PrivateAccessProps {
  readonly vpcId: string;
  /** Private subnets, one per AZ (the data tier: no route to the internet). */
  readonly subnetIds: readonly string[];
  /**
   * Clients allowed to connect, keyed by a stable name that becomes the ingress rule's construct id.
   * More can be added with `allowConnectionsFrom`.
   * @default - none (nothing can connect until a client is allowed)
   */
  readonly clients?: Readonly<Record<string, NetworkPeer>>;
}

/** Props every AWS data construct takes. */
export interface CommonDataProps {
  readonly naming: AwsNaming;
  /** Customer managed key of the store's data domain. */
  readonly encryptionKey: KmsKey;
  readonly diagnostics: DiagnosticsProps;
  /**
   * Service deletion protection plus lifecycle `prevent_destroy`.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Extra tags on this construct's resources (e.g. `data-domain`); the stack's tags aspect adds the
   * required ones.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** MSK Connect capacity of each connector. */
export interface MskConnectSizing {
  /** MSK Connect units per worker: 1, 2, 4 or 8. */
  readonly mcuCount: 1 | 2 | 4 | 8;
  /** Autoscaling bounds, 1-10 workers. */
  readonly minWorkers: number;
  readonly maxWorkers: number;
}

/** An object in S3, e.g. a connector plugin ZIP built and uploaded by CI. */
export interface S3ObjectLocation {
  /** Bucket name (the artifacts bucket of the account, not created by this stack). */
  readonly bucket: string;
  /** Object key, ending in `.zip` or `.jar`. */
  readonly key: string;
  /** Pin a version of a versioned bucket. @default - the latest version */
  readonly objectVersion?: string;
}

/** The rules of an MSK Connect sizing (fields relative to it). */
export function mskConnectSizingRules(s: MskConnectSizing): Rule[] {
  return [
    oneOf(s.mcuCount, [1, 2, 4, 8], "mcuCount"),
    intBetween(s.minWorkers, 1, 10, "minWorkers"),
    intBetween(s.maxWorkers, s.minWorkers, 10, "maxWorkers"),
  ];
}

/** An S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, no `..`, starting and ending alphanumeric. */
export const S3_BUCKET_NAME = /^[a-z0-9](?!.*\.\.)[a-z0-9.-]{1,61}[a-z0-9]$/;

/** A row that passes for a valid S3 bucket name (the state bucket, a plugin bucket). */
export function s3BucketNameRule(value: string, field: string): Rule {
  return { ok: S3_BUCKET_NAME.test(value), field, value, allowed: "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens" };
}

/** The rules of a connector plugin's location (fields relative to it): MSK Connect reads a ZIP or JAR. */
export function pluginLocationRules(loc: S3ObjectLocation): Rule[] {
  return [
    s3BucketNameRule(loc.bucket, "bucket"),
    {
      ok: /^[A-Za-z0-9!_.*'()/-]+\.(zip|jar)$/.test(loc.key),
      field: "key",
      value: loc.key,
      allowed: "an object key ending in .zip or .jar",
    },
  ];
}

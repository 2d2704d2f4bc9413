/**
 * What the AWS services actually offer, as data. The validator checks environment values against
 * these tables instead of a pattern that accepts names the service refuses at apply time.
 * Update a table when the service's page changes; each one cites its source.
 */
import { AwsRegion } from "../constructs/aws/regions";

/**
 * Availability zones per region, by zone name (the names an account sees; their mapping to physical
 * zones differs per account, the set of letters does not).
 * Source: AWS Global Infrastructure, "Regions and Availability Zones"
 * (https://aws.amazon.com/about-aws/global-infrastructure/regions_az/) and
 * `aws ec2 describe-availability-zones --region <region>`: eu-west-1, eu-west-2, eu-west-3,
 * eu-central-1, eu-north-1 and us-east-2 have 3 zones, us-west-2 has 4, us-east-1 has 6.
 */
export const AWS_REGION_AZS: Readonly<Record<AwsRegion, readonly string[]>> = {
  "eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  "eu-west-2": ["eu-west-2a", "eu-west-2b", "eu-west-2c"],
  "eu-west-3": ["eu-west-3a", "eu-west-3b", "eu-west-3c"],
  "eu-central-1": ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
  "eu-north-1": ["eu-north-1a", "eu-north-1b", "eu-north-1c"],
  "us-east-1": ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"],
  "us-east-2": ["us-east-2a", "us-east-2b", "us-east-2c"],
  "us-west-2": ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"],
};

/**
 * Aurora PostgreSQL engine versions a new cluster can be created with, major 14 and later (Debezium's
 * pgoutput needs logical replication; 13 and older reach end of standard support).
 * Source: "Aurora PostgreSQL release calendars" in the Aurora PostgreSQL Release Notes
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurora-postgresql-release-calendar.html)
 * and the release announcements (16.6/15.10/14.15 in January 2025, 17.6/16.10/15.14/14.19 in 2025).
 * Aurora skips some community minors (there is no Aurora 16.5, 16.7, 15.9, 15.11, 14.14 or 14.16).
 */
export const AURORA_POSTGRES_VERSIONS = [
  "14.6",
  "14.7",
  "14.8",
  "14.9",
  "14.10",
  "14.11",
  "14.12",
  "14.13",
  "14.15",
  "14.17",
  "14.18",
  "14.19",
  "15.6",
  "15.7",
  "15.8",
  "15.10",
  "15.12",
  "15.13",
  "15.14",
  "16.1",
  "16.2",
  "16.3",
  "16.4",
  "16.6",
  "16.8",
  "16.9",
  "16.10",
  "17.4",
  "17.5",
  "17.6",
  "17.7",
] as const;

/**
 * Provisioned instance classes Aurora PostgreSQL offers, by family.
 * Source: Amazon Aurora User Guide, "Supported DB engines for DB instance classes"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html).
 * The `d` families (local NVMe for Optimized Reads) start at xlarge. The same page lists a minimum engine
 * version per class (e.g. db.x2g: 14.3, 15.2, 16.1, 17.4 and higher); that pairing is not checked here, an old
 * minor with a new class is refused at apply (InvalidParameterCombination).
 */
const AURORA_FAMILY_SIZES: Readonly<Record<string, readonly string[]>> = {
  r8g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
  r8gd: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
  r7i: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
  r7g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r6i: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"],
  r6id: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"],
  r6g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r6gd: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  r5: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
  x2g: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
  t4g: ["medium", "large"],
  t3: ["medium", "large"],
};
export const AURORA_POSTGRES_INSTANCE_CLASSES: readonly string[] = Object.entries(AURORA_FAMILY_SIZES).flatMap(([family, sizes]) =>
  sizes.map((size) => `db.${family}.${size}`),
);

/**
 * Apache Kafka versions MSK creates new provisioned clusters with: the supported versions without a
 * passed end-of-support date (older ones are refused for new clusters and auto-upgraded).
 * Source: Amazon MSK Developer Guide, "Supported Apache Kafka versions"
 * (https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html):
 * 3.4.0 ended 2025-08-04, 3.5.1 ended 2025-10-23; 3.6.0, 3.7.x, 3.8.x (recommended), 3.9.x and 4.0.x supported.
 * The provider checks only the length (`aws_msk_cluster.kafka_version`: `validation.StringLenBetween(1, 64)`
 * in internal/service/kafka/cluster.go), so neither synth nor `terraform validate` would notice a wrong one.
 */
export const MSK_KAFKA_VERSIONS = ["3.6.0", "3.7.x", "3.8.x", "3.9.x", "4.0.x"] as const;

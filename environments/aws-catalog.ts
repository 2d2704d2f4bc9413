/**
 * What the AWS services actually offer, as data. The validator checks environment values against
 * these tables instead of a pattern that accepts names the service refuses at apply time.
 * Update a table when the service's page changes; each one cites its source. A table of what one
 * construct accepts lives beside that construct (Aurora classes and versions, MSK Kafka versions).
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

/** AWS regions this platform may deploy to (data residency: EU first, then the US). */
export const AWS_REGIONS = [
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "us-east-1",
  "us-east-2",
  "us-west-2",
] as const;
export type AwsRegion = (typeof AWS_REGIONS)[number];

/** Short codes used in resource names. */
export const AWS_REGION_SHORT: Record<AwsRegion, string> = {
  "eu-west-1": "euw1",
  "eu-west-2": "euw2",
  "eu-west-3": "euw3",
  "eu-central-1": "euc1",
  "eu-north-1": "eun1",
  "us-east-1": "use1",
  "us-east-2": "use2",
  "us-west-2": "usw2",
};

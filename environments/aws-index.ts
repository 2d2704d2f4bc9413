import { awsDev } from "./aws-dev";
import { awsProd } from "./aws-prod";
import { awsStaging } from "./aws-staging";
import { AwsEnvironment } from "./aws-types";

/** Every AWS environment, in promotion order. Add a file and list it here to add an environment. */
export const AWS_ENVIRONMENTS: readonly AwsEnvironment[] = [awsDev, awsStaging, awsProd];

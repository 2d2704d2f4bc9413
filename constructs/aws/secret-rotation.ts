import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { ServerlessapplicationrepositoryCloudformationStack } from "@cdktf/provider-aws/lib/serverlessapplicationrepository-cloudformation-stack";
import { Construct } from "constructs";
import { assertRules } from "../shared/rules";
import { AwsNaming } from "./naming";
import { PrivateSecurityGroup } from "./private/security-group";

/**
 * AWS's single-user PostgreSQL rotation function, published in the Serverless Application
 * Repository by the Secrets Manager team. Pinned: a new version is a reviewed change.
 */
export const POSTGRES_ROTATION_APPLICATION = {
  applicationId: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
  semanticVersion: "1.1.305",
} as const;

/** A database the rotation function signs in to (to run `ALTER USER ... PASSWORD`). */
export interface RotatedDatabase {
  /** Opens the database's port to the rotation function's security group. */
  allowConnectionsFrom(name: string, client: PrivateSecurityGroup): void;
}

export interface PostgresSecretRotationProps {
  readonly naming: AwsNaming;
  readonly region: string;
  /** Short purpose used in names, e.g. `cdc`. */
  readonly purpose: string;
  /**
   * The secret to rotate. Its value must be the JSON the rotation function reads:
   * `engine` ("postgres"), `host`, `port`, `dbname`, `username`, `password`.
   */
  readonly secret: SecretsmanagerSecret;
  /** CMK of the secret (the function decrypts and re-encrypts with it). */
  readonly secretKeyArn: string;
  readonly database: RotatedDatabase;
  readonly vpcId: string;
  /** Compute subnets: reach the database and the Secrets Manager interface endpoint (no internet needed). */
  readonly subnetIds: readonly string[];
  readonly vpcCidr: string;
  /** Days between rotations (Secrets Manager allows 1-1000). @default 30 */
  readonly rotationDays?: number;
}

/**
 * Rotates a PostgreSQL user's password held in Secrets Manager (PCI DSS 8.3.9, 8.6.3): deploys AWS's
 * single-user rotation function from the Serverless Application Repository into the compute
 * subnets (a CloudFormation stack Terraform manages), lets it reach the database and the Secrets
 * Manager endpoint only, and attaches a rotation schedule to the secret.
 *
 * The first rotation is not immediate: the secret's value is set out of band after the first
 * deploy (docs/aws.md), and rotating an empty secret would fail.
 */
export class PostgresSecretRotation extends Construct {
  readonly securityGroup: PrivateSecurityGroup;
  readonly application: ServerlessapplicationrepositoryCloudformationStack;
  readonly rotation: SecretsmanagerSecretRotation;

  constructor(scope: Construct, id: string, props: PostgresSecretRotationProps) {
    super(scope, id);
    const rotationDays = props.rotationDays ?? 30;
    assertRules(`PostgresSecretRotation ${this.node.path}`, [
      {
        ok: Number.isInteger(rotationDays) && rotationDays >= 1 && rotationDays <= 1000,
        field: "rotationDays",
        value: rotationDays,
        allowed: "an integer from 1 to 1000 (a Secrets Manager rotation interval)",
      },
    ]);
    const { naming } = props;

    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", `${props.purpose}-rotation`),
      description: "Secret rotation function: egress to the database and AWS endpoints only",
      vpcId: props.vpcId,
    });
    this.securityGroup.allowHttpsEgress("vpc-endpoints", { cidr: props.vpcCidr }, "Secrets Manager through its interface endpoint");
    props.database.allowConnectionsFrom(`${props.purpose}-rotation`, this.securityGroup);

    const functionName = naming.name("lambdaFunction", `${props.purpose}-rotation`);
    this.application = new ServerlessapplicationrepositoryCloudformationStack(this, "function", {
      name: naming.name("cloudFormationStack", `${props.purpose}-rotation`),
      applicationId: POSTGRES_ROTATION_APPLICATION.applicationId,
      semanticVersion: POSTGRES_ROTATION_APPLICATION.semanticVersion,
      capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
      parameters: {
        endpoint: `https://secretsmanager.${props.region}.amazonaws.com`,
        functionName,
        kmsKeyArn: props.secretKeyArn,
        vpcSubnetIds: props.subnetIds.join(","),
        vpcSecurityGroupIds: this.securityGroup.securityGroupId,
      },
    });

    this.rotation = new SecretsmanagerSecretRotation(this, "schedule", {
      secretId: props.secret.id,
      rotationLambdaArn: this.application.outputs.lookup("RotationLambdaARN"),
      rotationRules: { automaticallyAfterDays: rotationDays },
      rotateImmediately: false,
    });
  }
}

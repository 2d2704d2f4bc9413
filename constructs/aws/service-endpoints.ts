import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import { AwsNaming } from "./naming";

/**
 * Interface endpoints MWAA needs beyond the network's baseline (kms, logs, monitoring, sts, S3 gateway)
 * when the VPC has no internet path: its Celery queue (SQS), its container images (ECR), the Airflow
 * API and environment endpoints (MWAA "Creating the required VPC service endpoints in an Amazon VPC with
 * private routing"), plus SNS for the DAGs' alerts. The Redshift Data API the DAGs also call is in the
 * network's baseline (the Glue job needs it too): a second endpoint with private DNS for the same service
 * in one VPC is refused at apply.
 */
export const AIRFLOW_ENDPOINT_SERVICES = ["sqs", "ecr.api", "ecr.dkr", "airflow.api", "airflow.env", "sns"] as const;
/** SageMaker API (presigned MLflow URLs, model registry) and the MLflow tracking servers' PrivateLink service. */
export const MLFLOW_ENDPOINT_SERVICES = ["sagemaker.api", "experiments"] as const;

/** The VPC endpoint service name of a short service id (`experiments` is published under `aws.sagemaker`). */
export function endpointServiceName(region: string, service: string): string {
  return service === "experiments" ? `aws.sagemaker.${region}.experiments` : `com.amazonaws.${region}.${service}`;
}

export interface ServiceEndpointsProps {
  readonly naming: AwsNaming;
  readonly region: string;
  readonly vpcId: string;
  /** The data subnets (one ENI per AZ), like the network's baseline endpoints. */
  readonly subnetIds: readonly string[];
  /** The network's endpoint security group (HTTPS from the VPC only). */
  readonly securityGroupId: string;
  /** Short service ids, e.g. `sqs`, `airflow.api`, `experiments`. */
  readonly services: readonly string[];
}

/** Interface endpoints with private DNS for services a workload reaches without NAT. */
export class ServiceEndpoints extends Construct {
  readonly endpoints: VpcEndpoint[] = [];

  constructor(scope: Construct, id: string, props: ServiceEndpointsProps) {
    super(scope, id);
    for (const service of props.services) {
      this.endpoints.push(
        new VpcEndpoint(this, service, {
          vpcId: props.vpcId,
          serviceName: endpointServiceName(props.region, service),
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: [...props.subnetIds],
          securityGroupIds: [props.securityGroupId],
          tags: { Name: props.naming.name("vpcResource", `vpce-${service.replace(/\./g, "-")}`) },
        }),
      );
    }
  }
}

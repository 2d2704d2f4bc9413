import { PolicyStatement } from "./iam";
import { Grantable } from "../workload-role";

/**
 * Grants on resources whose constructs do not own a grant method (Glue jobs, the Redshift Data API,
 * SNS topics, custom CloudWatch namespaces), written once for the orchestration and ML workloads.
 */

/** Start and watch runs of the named Glue jobs (Airflow's GlueJobOperator reads the job, starts it and polls it). */
export function grantRunGlueJobs(grantee: Grantable, region: string, accountId: string, jobNames: readonly string[]): void {
  grantee.addToPolicy({
    Effect: "Allow",
    Action: ["glue:GetJob", "glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"],
    Resource: jobNames.map((name) => `arn:aws:glue:${region}:${accountId}:job/${name}`),
  });
}

/**
 * Run SQL on a Redshift Serverless workgroup through the Data API with the caller's IAM identity
 * (pair with `RedshiftWarehouse.grantGetCredentials`).
 * Statement reads and cancels have no resource scope; they are limited to the caller's own statements.
 */
export function grantRedshiftDataApi(grantee: Grantable, workgroupArn: string): void {
  grantee.addToPolicy(
    { Effect: "Allow", Action: ["redshift-data:ExecuteStatement", "redshift-data:BatchExecuteStatement"], Resource: workgroupArn },
    {
      Effect: "Allow",
      Action: ["redshift-data:DescribeStatement", "redshift-data:GetStatementResult", "redshift-data:CancelStatement"],
      Resource: "*",
      Condition: { StringEquals: { "redshift-data:statement-owner-iam-userid": "${aws:userid}" } },
    },
  );
}

/** Publish to one SNS topic (alert callbacks). */
export function grantPublish(grantee: Grantable, topicArn: string): void {
  grantee.addToPolicy({ Effect: "Allow", Action: ["sns:Publish"], Resource: topicArn });
}

/** Put custom metrics, only into the named namespaces. */
export function grantPutMetrics(grantee: Grantable, namespaces: readonly string[]): void {
  grantee.addToPolicy({
    Effect: "Allow",
    Action: ["cloudwatch:PutMetricData"],
    Resource: "*",
    Condition: { StringEquals: { "cloudwatch:namespace": [...namespaces] } },
  });
}

/**
 * What every Glue job running inside the VPC needs: ENIs in its connection's subnet (these EC2 actions
 * have no resource scope), tags on those ENIs only, and Glue's own log groups under /aws-glue/.
 */
export function glueVpcJobStatements(region: string, accountId: string): PolicyStatement[] {
  return [
    {
      Effect: "Allow",
      Action: [
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeVpcEndpoints",
        "ec2:DescribeRouteTables",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeVpcAttribute",
      ],
      Resource: "*",
    },
    {
      Effect: "Allow",
      Action: ["ec2:CreateTags", "ec2:DeleteTags"],
      Resource: `arn:aws:ec2:${region}:${accountId}:network-interface/*`,
      Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["aws-glue-service-resource"] } },
    },
    {
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
      Resource: `arn:aws:logs:${region}:${accountId}:log-group:/aws-glue/*`,
    },
  ];
}

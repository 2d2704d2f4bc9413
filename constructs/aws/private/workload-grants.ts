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

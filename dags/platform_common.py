"""Shared helpers of the platform DAGs: the stack-generated config, alert callbacks, Redshift Data API.

Every resource name a DAG uses comes from ``platform_config.json``, which the stack writes next to
the DAGs from the constructs' outputs (constructs/aws/managed-airflow.ts). Nothing is retyped here.
"""

import json
import os
import time

import boto3

CONFIG_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "platform_config.json")


def load_config():
    """The stack-generated configuration of this environment."""
    with open(CONFIG_FILE, encoding="utf-8") as handle:
        return json.load(handle)


CONFIG = load_config()


def _publish(subject, lines):
    boto3.client("sns", region_name=CONFIG["region"]).publish(
        TopicArn=CONFIG["alert_topic_arn"],
        Subject=subject[:100],
        Message="\n".join(lines),
    )


def alert_on_failure(context):
    """on_failure_callback: one message per failed task to the environment's alert topic."""
    ti = context["task_instance"]
    _publish(
        f"[{CONFIG['environment']}] Airflow task failed: {ti.dag_id}.{ti.task_id}",
        [
            f"DAG: {ti.dag_id}",
            f"Task: {ti.task_id} (try {ti.try_number})",
            f"Run: {context['run_id']}",
            f"Log: {ti.log_url}",
            f"Error: {context.get('exception')}",
        ],
    )


def alert_on_sla_miss(dag, task_list, blocking_task_list, slas, blocking_tis):
    """sla_miss_callback: the nightly run did not finish within the brief's freshness window."""
    _publish(
        f"[{CONFIG['environment']}] Airflow SLA missed: {dag.dag_id}",
        [f"DAG: {dag.dag_id}", f"Tasks past their SLA: {task_list}", f"Blocking tasks: {blocking_task_list}"],
    )


def run_sql(statements, fetch=False, timeout_seconds=3600):
    """Runs SQL on the warehouse through the Redshift Data API (IAM credentials, no stored password).

    A list of statements runs as one transaction (``BatchExecuteStatement``): a failure rolls all of
    them back. Returns the rows of a single statement (lists of field dicts) when ``fetch`` is true.
    """
    warehouse = CONFIG["warehouse"]
    client = boto3.client("redshift-data", region_name=CONFIG["region"])
    target = {"WorkgroupName": warehouse["workgroup_name"], "Database": warehouse["database"]}
    if isinstance(statements, str):
        statement_id = client.execute_statement(Sql=statements, **target)["Id"]
    else:
        statement_id = client.batch_execute_statement(Sqls=list(statements), **target)["Id"]
    deadline = time.monotonic() + timeout_seconds
    while True:
        status = client.describe_statement(Id=statement_id)
        if status["Status"] == "FINISHED":
            break
        if status["Status"] in ("FAILED", "ABORTED"):
            raise RuntimeError(f"Redshift statement {statement_id} {status['Status']}: {status.get('Error')}")
        if time.monotonic() > deadline:
            client.cancel_statement(Id=statement_id)
            raise TimeoutError(f"Redshift statement {statement_id} exceeded {timeout_seconds} s")
        time.sleep(5)
    if not fetch:
        return []
    return client.get_statement_result(Id=statement_id)["Records"]


def put_metric(namespace, name, value, dimensions, unit="None"):
    """Publishes one CloudWatch datapoint (the alarms in constructs/aws/ read these)."""
    boto3.client("cloudwatch", region_name=CONFIG["region"]).put_metric_data(
        Namespace=namespace,
        MetricData=[
            {
                "MetricName": name,
                "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions.items()],
                "Value": float(value),
                "Unit": unit,
            }
        ],
    )

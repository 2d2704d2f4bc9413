"""Daily drift check of each production model: one Evidently job run per model (ml/drift/drift_job.py).

The job compares the model's training reference (models bucket) with the latest production
features (curated zone), writes HTML/JSON reports to S3 and publishes drift metrics to CloudWatch;
the per-model alarms in constructs/aws/drift-monitor.ts page the alert topic. Airflow is the only
scheduler of the job: it has no Glue trigger.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator

from platform_common import CONFIG, alert_on_failure

DRIFT = CONFIG.get("drift")

if DRIFT is not None:
    with DAG(
        dag_id="model_drift",
        description="Evidently data drift per model -> S3 reports + CloudWatch metrics",
        schedule=DRIFT["schedule"],
        start_date=datetime(2026, 1, 1),
        catchup=False,
        max_active_runs=1,
        default_args={
            "owner": "ml-platform",
            "retries": 1,
            "retry_delay": timedelta(minutes=10),
            "on_failure_callback": alert_on_failure,
        },
        tags=["ml", CONFIG["environment"]],
    ) as dag:
        for model in DRIFT["models"]:
            GlueJobOperator(
                task_id=f"drift_{model.replace('-', '_')}",
                job_name=DRIFT["glue_job_name"],
                region_name=CONFIG["region"],
                script_args={"--model_name": model, "--run_date": "{{ ds }}"},
                wait_for_completion=True,
                verbose=False,
                execution_timeout=timedelta(minutes=DRIFT["timeout_minutes"]),
            )

"""Nightly pipeline: Glue Spark curation -> warehouse load -> data-quality checks -> freshness metric.

Schedule, job and warehouse names come from platform_config.json (written by the stack). Brief rows:
- ETL success rate > 99.9 %, "alert + rollback on failure": every task retries, every failure alerts
  the environment's SNS topic, and the warehouse load is one transaction (rolled back on failure).
- Data freshness: "alert if OLAP data > 1 h old": the run carries an SLA of ``sla_minutes`` after its
  scheduled start, and its last task publishes the freshness metric the CloudWatch alarm watches.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator

from platform_common import CONFIG, alert_on_failure, alert_on_sla_miss, put_metric, run_sql

NIGHTLY = CONFIG["nightly"]
WAREHOUSE = CONFIG["warehouse"]

# Star-schema tables the Glue job writes under <curated>/star/<table>/load_date=<ds>/ and their keys
# (sql/redshift/004_dimensions.sql, 005_facts.sql). Loaded as delete-then-insert on the key, in one
# transaction. Not yet the model's SCD2 load (etl.usp_load_warehouse in 007_load_procedures.sql): docs/aws.md.
STAR_TABLES = {
    "dim_date": "date_key",
    "dim_currency": "currency_key",
    "dim_geography": "geography_key",
    "dim_merchant": "merchant_key",
    "dim_customer": "customer_key",
    "dim_payment_method": "payment_method_key",
    "fact_payment": "payment_id",
}

# Each query counts violations; any non-zero count fails the run (Redshift does not enforce keys).
QUALITY_CHECKS = {
    "fact_payment primary key is unique": "SELECT COUNT(*) - COUNT(DISTINCT payment_id) FROM dw.fact_payment",
    "every payment has a merchant": (
        "SELECT COUNT(*) FROM dw.fact_payment f LEFT JOIN dw.dim_merchant m ON f.merchant_key = m.merchant_key "
        "WHERE m.merchant_key IS NULL"
    ),
    "every payment has a customer": (
        "SELECT COUNT(*) FROM dw.fact_payment f LEFT JOIN dw.dim_customer c ON f.customer_key = c.customer_key "
        "WHERE c.customer_key IS NULL"
    ),
    "every payment has a date": (
        "SELECT COUNT(*) FROM dw.fact_payment f LEFT JOIN dw.dim_date d ON f.date_key = d.date_key WHERE d.date_key IS NULL"
    ),
    "no negative amounts": "SELECT COUNT(*) FROM dw.fact_payment WHERE amount_minor < 0 OR amount_refunded_minor < 0",
    "refunds never exceed the payment": "SELECT COUNT(*) FROM dw.fact_payment WHERE amount_refunded_minor > amount_minor",
}


def load_warehouse(ds, **_):
    statements = []
    for table, key in STAR_TABLES.items():
        source = f"{WAREHOUSE['curated_star_uri']}{table}/load_date={ds}/"
        statements += [
            f"CREATE TEMP TABLE stage_{table} (LIKE dw.{table})",
            f"COPY stage_{table} FROM '{source}' IAM_ROLE default FORMAT AS PARQUET",
            f"DELETE FROM dw.{table} USING stage_{table} WHERE dw.{table}.{key} = stage_{table}.{key}",
            f"INSERT INTO dw.{table} SELECT * FROM stage_{table}",
        ]
    run_sql(statements)


def check_quality(**_):
    failures = []
    for name, sql in QUALITY_CHECKS.items():
        violations = int(run_sql(sql, fetch=True)[0][0]["longValue"])
        if violations:
            failures.append(f"{name}: {violations} violating rows")
    if failures:
        raise ValueError("Data-quality checks failed: " + "; ".join(failures))


def publish_freshness(**_):
    rows = run_sql("SELECT DATEDIFF(second, MAX(source_updated_at_utc), GETDATE()) FROM dw.fact_payment", fetch=True)
    seconds = rows[0][0].get("longValue")
    if seconds is None:
        raise ValueError("dw.fact_payment is empty: no freshness to publish")
    metric = CONFIG["metrics"]
    put_metric(metric["namespace"], metric["freshness_metric"], seconds, {"Environment": CONFIG["environment"]}, "Seconds")


with DAG(
    dag_id="nightly_pipeline",
    description="Glue Spark curation -> Redshift load -> data quality -> freshness metric",
    schedule=NIGHTLY["schedule"],
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    is_paused_upon_creation=NIGHTLY["paused"],
    sla_miss_callback=alert_on_sla_miss,
    default_args={
        "owner": "data-platform",
        "retries": NIGHTLY["retries"],
        "retry_delay": timedelta(minutes=NIGHTLY["retry_delay_minutes"]),
        "on_failure_callback": alert_on_failure,
    },
    tags=["etl", CONFIG["environment"]],
) as dag:
    curate = GlueJobOperator(
        task_id="glue_curate",
        job_name=NIGHTLY["glue_job_name"],
        region_name=CONFIG["region"],
        wait_for_completion=True,
        verbose=False,
        execution_timeout=timedelta(minutes=NIGHTLY["glue_timeout_minutes"]),
    )
    load = PythonOperator(task_id="warehouse_load", python_callable=load_warehouse, execution_timeout=timedelta(hours=1))
    quality = PythonOperator(task_id="data_quality", python_callable=check_quality, execution_timeout=timedelta(minutes=30))
    freshness = PythonOperator(
        task_id="publish_freshness",
        python_callable=publish_freshness,
        sla=timedelta(minutes=NIGHTLY["sla_minutes"]),
        execution_timeout=timedelta(minutes=10),
    )

    curate >> load >> quality >> freshness

"""Nightly curation of the CDC raw zone (AWS Glue 5.0, PySpark).

For every captured table: read the Debezium change events the S3 sink landed since the last run
(job bookmarks), keep the newest row image per primary key, write it to the curated zone as Parquet
and, when the warehouse is Redshift (`--redshift_workgroup` passed), COPY it into the table's staging
table through the Redshift Data API (the VPC reaches it through the `redshift-data` interface endpoint;
no NAT in prod); with Snowflake, Snowpipe ingests the curated Parquet. At the end, publish the age of
the newest change loaded (`--freshness_metric`); the data-freshness alarm reads it.

Arguments are set by constructs/aws/spark-etl.ts; test/aws/glue-script.test.ts keeps the two lists equal.
"""

import sys
import time
from functools import reduce
from datetime import datetime, timezone

import boto3
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F
from pyspark.sql.types import StructType

JOB_ARGUMENTS = [
    "JOB_NAME",
    "raw_path",
    "topic_prefix",
    "schema",
    "tables",
    "curated_path",
    "environment",
    "metric_namespace",
    "freshness_metric",
]
# Passed only when the warehouse is Redshift (getResolvedOptions fails on a listed argument that is absent).
REDSHIFT_ARGUMENTS = ["redshift_workgroup", "redshift_database"]

# Spark type name -> Redshift column type of the staging table.
REDSHIFT_TYPES = {
    "string": "VARCHAR(65535)",
    "bigint": "BIGINT",
    "int": "INTEGER",
    "smallint": "SMALLINT",
    "double": "DOUBLE PRECISION",
    "boolean": "BOOLEAN",
    "timestamp": "TIMESTAMP",
    "date": "DATE",
}


def struct_fields(frame: DataFrame, column: str) -> list:
    """Field names of a struct column, or [] when the column is absent or not a struct."""
    field = next((f for f in frame.schema.fields if f.name == column), None)
    return field.dataType.fieldNames() if field is not None and isinstance(field.dataType, StructType) else []


def latest_images(events: DataFrame, key: str) -> DataFrame:
    """One row per primary key: the newest change (highest LSN); a delete keeps the key and a flag.

    Upserts take the `after` image; deletes take only the key from `before` (with REPLICA IDENTITY
    DEFAULT the other columns of `before` are null, and JSON inference may type them differently).
    """
    position = [F.col("source.lsn").alias("lsn"), F.col("source.ts_ms").alias("source_ts_ms")]
    parts = []
    # JSON inference gives `after` / `before` a struct type only if some event carried one.
    if key in struct_fields(events, "after"):
        parts.append(events.where(F.col("op") != "d").select("after.*", *position, F.lit(False).alias("is_deleted")))
    if key in struct_fields(events, "before"):
        parts.append(
            events.where(F.col("op") == "d").select(F.col(f"before.{key}").alias(key), *position, F.lit(True).alias("is_deleted"))
        )
    changes = reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), parts)
    newest = Window.partitionBy(F.col(key)).orderBy(F.col("lsn").desc(), F.col("source_ts_ms").desc())
    return changes.withColumn("rank", F.row_number().over(newest)).where(F.col("rank") == 1).drop("rank", "lsn")


def run_statements(client, workgroup: str, database: str, sqls: list) -> None:
    """Runs statements in one Data API transaction and waits for the result."""
    statement = client.batch_execute_statement(WorkgroupName=workgroup, Database=database, Sqls=sqls)
    while True:
        status = client.describe_statement(Id=statement["Id"])
        if status["Status"] == "FINISHED":
            return
        if status["Status"] in ("FAILED", "ABORTED"):
            raise RuntimeError(f"Redshift load failed: {status.get('Error', status['Status'])}")
        time.sleep(5)


def stage_sqls(table: str, curated: DataFrame, path: str) -> list:
    """Replaces the staging table's rows with this run's Parquet (the namespace's default role reads the curated zone)."""
    columns = ", ".join(f'"{f.name}" {REDSHIFT_TYPES.get(f.dataType.simpleString(), "VARCHAR(65535)")}' for f in curated.schema.fields)
    return [
        "CREATE SCHEMA IF NOT EXISTS stage",
        f"CREATE TABLE IF NOT EXISTS stage.{table} ({columns})",
        f"TRUNCATE stage.{table}",
        f"COPY stage.{table} FROM '{path}' IAM_ROLE default FORMAT AS PARQUET",
    ]


def main() -> None:
    redshift_target = f"--{REDSHIFT_ARGUMENTS[0]}" in sys.argv
    args = getResolvedOptions(sys.argv, JOB_ARGUMENTS + (REDSHIFT_ARGUMENTS if redshift_target else []))
    glue = GlueContext(SparkContext.getOrCreate())
    job = Job(glue)
    job.init(args["JOB_NAME"], args)
    run_date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    redshift = boto3.client("redshift-data") if redshift_target else None
    newest_change_ms = None

    for table in args["tables"].split(","):
        topic = f"{args['topic_prefix']}.{args['schema']}.{table}"
        source = glue.create_dynamic_frame.from_options(
            connection_type="s3",
            connection_options={"paths": [f"{args['raw_path']}{topic}/"], "recurse": True},
            format="json",
            transformation_ctx=f"raw_{table}",
        )
        events = source.toDF()
        if events.rdd.isEmpty():
            continue
        curated = latest_images(events, f"{table}_id")
        table_newest = curated.agg(F.max("source_ts_ms")).first()[0]
        newest_change_ms = table_newest if newest_change_ms is None else max(newest_change_ms, table_newest)
        path = f"{args['curated_path']}{table}/load_date={run_date}/"
        curated.drop("source_ts_ms").write.mode("overwrite").parquet(path)
        if redshift is not None:
            run_statements(
                redshift,
                args["redshift_workgroup"],
                args["redshift_database"],
                stage_sqls(table, curated.drop("source_ts_ms"), path),
            )

    job.commit()
    # A run that found no new change publishes nothing: the alarm then sees no fresh load, which is the truth.
    if newest_change_ms is not None:
        age_seconds = max(0.0, time.time() - newest_change_ms / 1000.0)
        boto3.client("cloudwatch").put_metric_data(
            Namespace=args["metric_namespace"],
            MetricData=[
                {
                    "MetricName": args["freshness_metric"],
                    "Dimensions": [{"Name": "Environment", "Value": args["environment"]}],
                    "Value": age_seconds,
                    "Unit": "Seconds",
                }
            ],
        )


if __name__ == "__main__":
    main()

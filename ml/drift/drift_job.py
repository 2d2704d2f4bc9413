"""Evidently data-drift job for one model (AWS Glue 5.0, Python 3.11; runs on the driver with pandas).

Compares the model's training reference with the latest production features and
- writes ``report.html`` and ``report.json`` under <report_uri><model>/<run_date>/,
- publishes ``DriftShare`` (share of drifted features) and ``DatasetDrift`` (0/1) to CloudWatch with
  dimensions Environment and Model; the per-model alarm fires above the environment's threshold.

Data contract (docs/ml.md): the training run stores its feature frame as Parquet under
<reference_uri><model>/; the nightly pipeline exports the day's features from ``ml_features`` under
<current_uri><model>/load_date=<run_date>/. Started only by Airflow (dags/model_drift.py).
"""

import io
import json
import sys

import boto3
import pandas as pd
from awsglue.utils import getResolvedOptions
from evidently.metric_preset import DataDriftPreset
from evidently.report import Report

ARGS = [
    "model_name",
    "run_date",
    "environment",
    "region",
    "reference_uri",
    "current_uri",
    "report_uri",
    "metric_namespace",
]


def split_uri(uri):
    """s3://bucket/prefix -> (bucket, prefix)."""
    bucket, _, prefix = uri[len("s3://") :].partition("/")
    return bucket, prefix


def read_parquet_prefix(s3, uri):
    """Every Parquet object under an S3 prefix, as one DataFrame."""
    bucket, prefix = split_uri(uri)
    frames = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            if obj["Key"].endswith(".parquet"):
                body = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
                frames.append(pd.read_parquet(io.BytesIO(body)))
    if not frames:
        raise FileNotFoundError(f"no Parquet objects under {uri}")
    return pd.concat(frames, ignore_index=True)


def main(argv):
    args = getResolvedOptions(argv, ARGS)
    model, run_date = args["model_name"], args["run_date"]
    s3 = boto3.client("s3", region_name=args["region"])

    reference = read_parquet_prefix(s3, f"{args['reference_uri']}{model}/")
    current = read_parquet_prefix(s3, f"{args['current_uri']}{model}/load_date={run_date}/")
    columns = [c for c in reference.columns if c in current.columns]

    report = Report(metrics=[DataDriftPreset()])
    report.run(reference_data=reference[columns], current_data=current[columns])
    result = report.as_dict()["metrics"][0]["result"]

    bucket, prefix = split_uri(f"{args['report_uri']}{model}/{run_date}/")
    s3.put_object(Bucket=bucket, Key=f"{prefix}report.html", Body=report.get_html().encode("utf-8"), ContentType="text/html")
    s3.put_object(Bucket=bucket, Key=f"{prefix}report.json", Body=report.json().encode("utf-8"), ContentType="application/json")

    dimensions = [{"Name": "Environment", "Value": args["environment"]}, {"Name": "Model", "Value": model}]
    boto3.client("cloudwatch", region_name=args["region"]).put_metric_data(
        Namespace=args["metric_namespace"],
        MetricData=[
            {"MetricName": "DriftShare", "Dimensions": dimensions, "Value": float(result["share_of_drifted_columns"]), "Unit": "None"},
            {"MetricName": "DatasetDrift", "Dimensions": dimensions, "Value": 1.0 if result["dataset_drift"] else 0.0, "Unit": "None"},
        ],
    )
    print(json.dumps({"model": model, "run_date": run_date, "drift_share": result["share_of_drifted_columns"]}))


if __name__ == "__main__":
    main(sys.argv)

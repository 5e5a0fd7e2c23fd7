"""Burhan past one machine: its own pipeline run by Apache Spark (``pip install -e ".[spark]"``)."""

from burhan.spark.check import spark_check
from burhan.spark.ingest import SparkIngestReport, spark_ingest
from burhan.store.corpus import MANIFEST, read_manifest

__all__ = ["MANIFEST", "SparkIngestReport", "read_manifest", "spark_check", "spark_ingest"]

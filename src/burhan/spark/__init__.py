"""Burhan past one machine: its own pipeline run by Apache Spark (``pip install -e ".[spark]"``)."""

from burhan.spark.ingest import MANIFEST, SparkIngestReport, read_manifest, spark_ingest

__all__ = ["MANIFEST", "SparkIngestReport", "read_manifest", "spark_ingest"]

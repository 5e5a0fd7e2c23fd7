"""Spark ingest throughput (issue 13): one process vs Spark local[1] vs local[2].

    python bench/spark.py [../shared/datasets/unifiedfc] [--copies 9] [--shards 4]

The Unified-FC claim files are written ``--copies`` times into a temporary folder (each copy's
article texts prefixed by a line naming the copy, so every copy is a new article, linked as a
near-duplicate of the original's story): 2,429 × 9 ≈ 21,900 articles. Then, on the same files:
``burhan.ingest.ingest`` in one process (workers=1, no BM25 index, as the baseline), and
``spark_ingest`` (analysis, linking across the input, shard stores and their BM25 indexes)
with ``local[1]`` and ``local[2]``. Prints articles/s and the ratios to the one-process run and
of local[2] to local[1] (issue 13's target: ≥ 1.7×).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from replicas import replicate  # bench/replicas.py

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("unifiedfc", nargs="?", type=Path, default=ROOT.parent / "shared" / "datasets" / "unifiedfc")
    parser.add_argument("--copies", type=int, default=9)
    parser.add_argument("--shards", type=int, default=4)
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    from burhan.ingest import ingest
    from burhan.spark import spark_ingest
    from burhan.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs"
        inputs.mkdir()
        n = replicate(args.unifiedfc, inputs, args.copies)
        print(f"{n} article texts in {len(list(inputs.iterdir()))} files")
        rows = []
        start = time.perf_counter()
        with Store(Path(tmp) / "one.db") as store:
            report = ingest([inputs], store, workers=1)
        rows.append(("burhan ingest, 1 process", report.added + report.duplicates + report.unchanged,
                     time.perf_counter() - start))
        for master in ("local[1]", "local[2]"):
            spark = (SparkSession.builder.master(master).appName("burhan-bench")
                     .config("spark.ui.showConsoleProgress", "false")
                     .config("spark.driver.memory", "4g").getOrCreate())  # as `burhan spark ingest`
            spark.sparkContext.setLogLevel("ERROR")
            start = time.perf_counter()
            report = spark_ingest(spark, [str(inputs)], Path(tmp) / f"corpus-{master[6]}", args.shards)
            rows.append((f"spark ingest, {master}, {args.shards} shards",
                         report.added + report.duplicates + report.unchanged, time.perf_counter() - start))
            spark.stop()
    base = rows[0][2]
    print(f"{'run':36} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'× 1 process':>11}")
    for name, count, seconds in rows:
        print(f"{name:36} {count:8d} {seconds:8.1f} {count / seconds:10.1f} {base / seconds:11.2f}")
    print(f"local[2] / local[1]: ×{rows[1][2] / rows[2][2]:.2f}")


if __name__ == "__main__":
    main()

"""Ingest throughput over the Unified-FC article texts (a benchmark, not a test).

Prints articles/s and MB/s for: the analyser alone (decode, clean, split, MinHash; no
store), with 1 and 2 worker processes, and the whole ingest into a fresh store.
Run: python bench/ingest.py ../shared/datasets/unifiedfc
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from burhan.ingest import ReadOptions, expand_paths, ingest
from burhan.ingest.pipeline import analyze_files
from burhan.store import Store


def main() -> None:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/unifiedfc")
    files = expand_paths([directory / "dataset"])
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {megabytes:.1f} MB")
    rows = []
    for workers in (1, 2):
        start = time.perf_counter()
        articles = sum(len(r.articles) for r in analyze_files(files, ReadOptions(), workers=workers))
        rows.append((f"analyser, {workers} worker(s)", articles, time.perf_counter() - start))
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            report = ingest(files, store, workers=workers)
            rows.append((f"whole ingest, {workers} worker(s)", report.added + report.duplicates + report.unchanged,
                         time.perf_counter() - start))
    base = rows[0][2]
    print(f"{'stage':30} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} {'vs analyser×1':>13}")
    for name, n, seconds in rows:
        print(f"{name:30} {n:8d} {seconds:8.1f} {n / seconds:10.1f} {megabytes / seconds:6.2f} {base / seconds:13.2f}")


if __name__ == "__main__":
    main()

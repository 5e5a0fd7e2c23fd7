"""Dense search: exact numpy MaxP against the faiss HNSW index, side by side.

    python bench/dense.py STORE.db [--sizes 100000 300000] [--encoder use-m3]

Takes the passage vectors of a store (e.g. the Unified-FC corpus built by
``burhan eval verdict --corpus-db`` or ``bench/check.py --db``), replicates them with small
noise to N passages (8 per synthetic article), and reports for each N: build time, query
p50/p95 over 200 queries (real passage vectors as queries), and the ANN's article-level
recall@10 against exact search.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from burhan.search.dense import DenseIndex
from burhan.store import Store
from timing import p50_p95  # bench/timing.py


def timed_queries(index: DenseIndex, queries: np.ndarray) -> tuple[list[list[int]], list[float]]:
    results, times = [], []
    for q in queries:
        t = time.perf_counter()
        results.append([a for a, _ in index.search(q, 10)])
        times.append(time.perf_counter() - t)
    return results, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--encoder", default="use-m3")
    args = parser.parse_args()
    with Store(args.db, create=False) as store:
        _, base = store.passage_vectors(args.encoder)
    rng = np.random.default_rng(0)
    queries = base[rng.choice(len(base), 200, replace=False)]
    print(f"{len(base)} real {args.encoder} vectors of {base.shape[1]} dims, replicated with noise")
    print(f"{'passages':>9} {'search':>6} {'build s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p50 ×exact':>10} {'recall@10':>9}")
    for n in args.sizes:
        rows = base[rng.integers(0, len(base), n)] + rng.normal(scale=0.02, size=(n, base.shape[1])).astype(np.float32)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        ids = np.arange(n) // 8
        t = time.perf_counter()
        exact = DenseIndex(ids, rows, ann_threshold=10**12)
        exact_build = time.perf_counter() - t
        t = time.perf_counter()
        ann = DenseIndex(ids, rows, ann_threshold=0)
        ann_build = time.perf_counter() - t
        truth, exact_times = timed_queries(exact, queries)
        found, ann_times = timed_queries(ann, queries)
        recall = statistics.mean(len(set(a) & set(b)) / 10 for a, b in zip(truth, found))
        e50 = statistics.median(exact_times)
        for name, build, times, r in (("exact", exact_build, exact_times, 1.0), ("hnsw", ann_build, ann_times, recall)):
            p50, p95 = p50_p95(times)
            print(f"{n:>9} {name:>6} {build:8.1f} {p50 * 1000:7.2f} {p95 * 1000:7.2f} {p50 / e50:10.2f} {r:9.3f}")


if __name__ == "__main__":
    main()

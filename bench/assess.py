"""Claim-check latency on fixed candidates: ``Engine.check_articles`` over the 20 BM25 candidates
of each Unified-FC claim, the first time (the candidates' sentences not yet analysed in this
process) and again (every analysis and article count warm). No retrieval, no encoders' query
vectors: what the stored analysis of issue 14's item 1 was to speed up. The very first call also
loads the models (one timing of the first pass: its p95 more than its p50).

    python bench/assess.py ../shared/datasets/unifiedfc --db UFC.db [--claims 40]

To compare two trees, run it in each (``PYTHONPATH=<worktree>/src``) on copies of one store that
keep its BM25 index (``STORE.index``), one after the other, and read the ratios of their p50s.
"""

from __future__ import annotations

import argparse
import time

from burhan.domain import Claim
from burhan.engine import Engine
from burhan.ingest.benchmarks import load_unifiedfc
from burhan.search import Searcher
from burhan.store import Store
from timing import p50_p95  # bench/timing.py


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("unifiedfc")
    parser.add_argument("--db", required=True, help="a store of the Unified-FC articles (bench/check.py --db builds one)")
    parser.add_argument("--claims", type=int, default=40)
    parser.add_argument("--k", type=int, default=20)
    args = parser.parse_args()
    with Store(args.db, create=False) as store:
        searcher = Searcher(store)
        searcher.sync(embed=False)
        engine = Engine(store, searcher, k=args.k, mode="bm25")
        claims = [c.claim for c in load_unifiedfc(args.unifiedfc)[: args.claims]]
        candidates = [[a for a, _ in searcher.rank_articles(claim, args.k, "bm25")] for claim in claims]
        timings: dict[str, list[float]] = {"first": [], "warm": []}
        for label in timings:
            for claim, ids in zip(claims, candidates):
                start = time.perf_counter()
                engine.check_articles(Claim(claim), ids)
                timings[label].append(time.perf_counter() - start)
    print(f"{len(claims)} claims, {args.k} BM25 candidates each")
    for label, values in timings.items():
        p50, p95 = p50_p95(values)
        print(f"check_articles, {label:5}  p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms")


if __name__ == "__main__":
    main()

"""Claim-check latency on the Unified-FC corpus, with vectors precomputed.

    python bench/check.py ../shared/datasets/unifiedfc [--db /tmp/ufc.db] [--claims 100] [--copies 42] [--cold-analyses]

Builds (or reuses, with --db) a store of every Unified-FC article, embeds it, then times
``Engine.check`` for the corpus' claims: the whole check (hybrid retrieval, k = 20), and in
the same run its parts — retrieval alone (hybrid and BM25), stance scoring of the 20
candidates, and a whole check with BM25 retrieval — printing p50/p95 and the ratio of each
to the full check. Target (issue 5): check p50 ≤ 1 s. ``--copies N`` adds N replicas of every
article (``bench/replicas.py``: each a new article, a near-duplicate of the original): 42 copies
make a corpus of about 100k articles (issue 14's second corpus). The replicas share the
originals' sentences and passages, so their vectors come from the cache: the store grows
(BM25 over every article, dense search over every passage, approximate past
``ANN_THRESHOLD``), embedding does not; ``--cold-analyses`` forgets every text analysis before each
hybrid check, so that a claim's candidates are analysed afresh even where other claims' checks
met the same sentences in other copies. The hybrid checks are also split by
whether they had to embed sentences the vector cache did not hold yet (the evidence model's e5
vectors are computed on demand, ~25 sentences/s here): a first check on a fresh store pays that.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from burhan.domain import Claim
from burhan.engine import Engine
from burhan.evaluation.retrieval import build_corpus
from burhan.ingest.benchmarks import load_unifiedfc
from burhan.search import Searcher
from burhan.search.dense import shared_encoder
from burhan.store import Store
from burhan.text import analysis
from replicas import replicate  # bench/replicas.py
from timing import p50_p95  # bench/timing.py


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("unifiedfc")
    parser.add_argument("--db", help="keep the corpus store here (vectors are computed once)")
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--copies", type=int, default=0, help="replicas of every article added to the corpus")
    parser.add_argument("--cold-analyses", action="store_true",
                        help="forget every text analysis before each hybrid check (replicas share sentences: "
                             "without it their analyses are cached from other claims' checks)")
    args = parser.parse_args()

    all_claims = load_unifiedfc(args.unifiedfc)
    claims = all_claims[: args.claims]
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    with Store(db, create=True) as store:
        t = time.perf_counter()
        if not store.stats()["articles"]:
            build_corpus(all_claims, store)
            if args.copies:
                with tempfile.TemporaryDirectory() as folder:
                    replicate(Path(args.unifiedfc), Path(folder), args.copies)
                    build_corpus(load_unifiedfc(folder), store)
        searcher = Searcher(store)
        searcher.sync(embed=True)
        print(f"corpus: {store.stats()['articles']} articles ready in {time.perf_counter() - t:.1f} s")
        engine = Engine(store, searcher, k=args.k)
        engine.check(claims[0].claim)  # load models and encoder once
        timings: dict[str, list[float]] = {"check (hybrid)": [], "check (bm25)": [], "retrieve hybrid": [],
                                           "retrieve bm25": [], "stance+verdict on k": []}
        e5 = shared_encoder("e5-small")
        fresh_sentences: list[int] = []
        for claim in claims:
            before = e5.encoded["passage"]
            if args.cold_analyses:
                analysis.forget()
            for label, call in (
                ("check (hybrid)", lambda: engine.check(claim.claim)),
                ("retrieve hybrid", lambda: searcher.rank_articles(claim.claim, args.k, "hybrid")),
                ("retrieve bm25", lambda: searcher.rank_articles(claim.claim, args.k, "bm25")),
            ):
                t = time.perf_counter()
                call()
                timings[label].append(time.perf_counter() - t)
                if label == "check (hybrid)":
                    fresh_sentences.append(e5.encoded["passage"] - before)
            ids = [a for a, _ in searcher.rank_articles(claim.claim, args.k, "bm25")]
            t = time.perf_counter()
            engine.check_articles(Claim(claim.claim), ids)
            timings["stance+verdict on k"].append(time.perf_counter() - t)
            engine.mode = "bm25"
            t = time.perf_counter()
            engine.check(claim.claim)
            timings["check (bm25)"].append(time.perf_counter() - t)
            engine.mode = "hybrid"
    base = statistics.median(timings["check (hybrid)"])
    print(f"{len(claims)} claims, k = {args.k}")
    print(f"{'':24} {'p50 ms':>8} {'p95 ms':>8} {'p50 / check':>12}")
    for label, values in timings.items():
        p50, p95 = p50_p95(values)
        print(f"{label:24} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {p50 / base:12.2f}")
    for label, keep in (("hybrid, vectors cached", lambda n: n == 0), ("hybrid, new sentences", lambda n: n > 0)):
        values = [v for v, n in zip(timings["check (hybrid)"], fresh_sentences) if keep(n)]
        embedded = [n for n in fresh_sentences if keep(n)]
        if values:
            p50, p95 = p50_p95(values)
            print(f"{label:24} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {p50 / base:12.2f}   "
                  f"({len(values)} checks, {statistics.median(embedded):.0f} sentences embedded p50)")


if __name__ == "__main__":
    main()

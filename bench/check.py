"""Claim-check latency on the Unified-FC corpus, with vectors precomputed.

    python bench/check.py ../shared/datasets/unifiedfc [--db /tmp/ufc.db] [--claims 100] [--copies 42]
        [--distinct] [--bm25-only] [--cold-analyses]

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
met the same sentences in other copies; ``--distinct`` marks every word of a copy with a haraka of its
own (``bench/replicas.py``: dropped by normalisation, so the copy searches as its original) so that no
two copies share a sentence: each candidate's sentences are analysed, scored and embedded afresh, as
a corpus of distinct articles would be. ``--bm25-only`` skips the passage vectors (new passages embed at
~180/s here: hours for 100k distinct articles) and times BM25 checks only. The first checks are also split by
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


REPLICA_BATCH = 400  # claims (~2,800 articles) cleaned and stored at a time: 100k cleaned articles fill ~20 GB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("unifiedfc")
    parser.add_argument("--db", help="keep the corpus store here (vectors are computed once)")
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--copies", type=int, default=0, help="replicas of every article added to the corpus")
    parser.add_argument("--distinct", action="store_true",
                        help="replicas whose every word carries a copy's mark (bench/replicas.py): no sentence shared")
    parser.add_argument("--bm25-only", action="store_true",
                        help="no passage vectors: BM25 retrieval only (embedding a large corpus of new passages "
                             "takes ~180 passages/s here); the hybrid rows are not timed")
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
                    replicate(Path(args.unifiedfc), Path(folder), args.copies, distinct=args.distinct)
                    replicas = load_unifiedfc(folder)
                    for start in range(0, len(replicas), REPLICA_BATCH):  # cleaned articles held a batch at a time
                        build_corpus(replicas[start : start + REPLICA_BATCH], store)
        searcher = Searcher(store)
        searcher.sync(embed=not args.bm25_only)
        print(f"corpus: {store.stats()['articles']} articles ready in {time.perf_counter() - t:.1f} s")
        engine = Engine(store, searcher, k=args.k, mode="bm25" if args.bm25_only else "hybrid")
        engine.check(claims[0].claim)  # load models and encoder once
        main_mode = engine.mode
        first = f"check ({main_mode})"  # each claim's first check: its candidates' sentences analysed cold
        modes = ("bm25",) if args.bm25_only else ("hybrid", "bm25")
        timings: dict[str, list[float]] = {first: [], **{f"retrieve {m}": [] for m in modes},
                                           "stance+verdict on k": []}
        if not args.bm25_only:
            timings["check (bm25)"] = []  # right after: the analyses warm
        e5 = shared_encoder("e5-small")
        fresh_sentences: list[int] = []
        candidate_sentences: list[int] = []  # in the k BM25 candidates: what a check reads and scores
        for claim in claims:
            before = e5.encoded["passage"]
            if args.cold_analyses:
                analysis.forget()
            t = time.perf_counter()
            engine.check(claim.claim)
            timings[first].append(time.perf_counter() - t)
            fresh_sentences.append(e5.encoded["passage"] - before)
            for m in modes:
                t = time.perf_counter()
                searcher.rank_articles(claim.claim, args.k, m)
                timings[f"retrieve {m}"].append(time.perf_counter() - t)
            ids = [a for a, _ in searcher.rank_articles(claim.claim, args.k, "bm25")]
            candidate_sentences.append(sum(len(a.sentences) for a in store.articles(ids)))  # not timed
            t = time.perf_counter()
            engine.check_articles(Claim(claim.claim), ids)
            timings["stance+verdict on k"].append(time.perf_counter() - t)
            if not args.bm25_only:
                engine.mode = "bm25"
                t = time.perf_counter()
                engine.check(claim.claim)
                timings["check (bm25)"].append(time.perf_counter() - t)
                engine.mode = main_mode
    base = statistics.median(timings[first])
    print(f"{len(claims)} claims, k = {args.k}, sentences in the BM25 candidates p50 "
          f"{statistics.median(candidate_sentences):.0f}")
    print(f"{'':24} {'p50 ms':>8} {'p95 ms':>8} {'p50 / check':>12}")
    for label, values in timings.items():
        p50, p95 = p50_p95(values)
        print(f"{label:24} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {p50 / base:12.2f}")
    for label, keep in (("vectors cached", lambda n: n == 0), ("new sentences", lambda n: n > 0)):
        values = [v for v, n in zip(timings[first], fresh_sentences) if keep(n)]
        embedded = [n for n in fresh_sentences if keep(n)]
        if values:
            p50, p95 = p50_p95(values)
            print(f"{main_mode}, {label:16} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {p50 / base:12.2f}   "
                  f"({len(values)} checks, {statistics.median(embedded):.0f} sentences embedded p50)")

if __name__ == "__main__":
    main()

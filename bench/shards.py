"""A sharded corpus against one store of the same articles (issue 13): search agreement and check time.

    python bench/shards.py [../shared/datasets/unifiedfc] [--shards 4] [--one ONE.db] [--corpus DIR] [--claims 100]

Builds (or reuses) one store of the Unified-FC articles (``burhan ingest`` + embed) and a corpus
of ``--shards`` shards (``spark_ingest`` with local[2], embedded). For every claim as a query:
how often the corpus' BM25 top-1 is one store's, and the mean overlap of the top-10 (BM25 with the
corpus's document frequencies, and with each shard's own as before them; dense: exact by
construction); then
``burhan check`` p50 / p95 (hybrid, k = 20) on both, timed in the same run after a first pass
over the claims on each (so that neither profits from caches the other warmed), and their ratio
(issue 13's target: within 1.5×).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import p50_p95  # noqa: E402  (bench/timing.py)

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("unifiedfc", nargs="?", type=Path, default=ROOT.parent / "shared" / "datasets" / "unifiedfc")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--one", type=Path, help="one store to reuse or build")
    parser.add_argument("--corpus", type=Path, help="corpus folder to reuse or build")
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--no-check", action="store_true", help="search agreement only")
    args = parser.parse_args()

    from burhan.engine import Engine
    from burhan.ingest import ingest
    from burhan.ingest.benchmarks import load_unifiedfc
    from burhan.search import Searcher
    from burhan.search.sharded import ShardedSearcher
    from burhan.store import Store
    from burhan.store.corpus import ShardedStore, is_corpus

    tmp = Path(tempfile.mkdtemp())
    one = args.one or tmp / "one.db"
    corpus = args.corpus or tmp / "corpus"
    if not one.exists():
        with Store(one) as store:
            ingest([args.unifiedfc], store)
            Searcher(store).sync(embed=True)
    if not is_corpus(corpus):
        from pyspark.sql import SparkSession

        from burhan.spark import spark_ingest

        spark = SparkSession.builder.master("local[2]").config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "4g").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        spark_ingest(spark, [str(args.unifiedfc)], corpus, args.shards, embed=True)
        spark.stop()

    claims = [c.claim for c in load_unifiedfc(args.unifiedfc)][: args.claims]
    with Store(one) as store, ShardedStore(corpus) as sharded:
        single = Searcher(store)
        variants = [("bm25", "corpus document frequencies", ShardedSearcher(sharded)),
                    ("bm25", "each shard's own frequencies", ShardedSearcher(sharded, global_statistics=False)),
                    ("dense", "", ShardedSearcher(sharded))]
        for mode, label, merged in variants:
            top1 = overlap = 0
            for claim in claims:
                a = [h.origin for h in single.search(claim, 10, mode)]
                b = [h.origin for h in merged.search(claim, 10, mode)]
                top1 += a[:1] == b[:1]
                overlap += len(set(a) & set(b)) / max(1, len(a))
            print(f"{mode:6} {label:30} top-1 agreement {top1 / len(claims):.3f}, "
                  f"mean overlap@10 {overlap / len(claims):.3f} ({len(claims)} claims)")
    if args.no_check:
        return
    times = {}
    engines = {"one store": Engine.open(one), f"{args.shards} shards": Engine.open(corpus)}
    for engine in engines.values():  # a first pass each: the process-wide caches (vectors, analyses) warm for both
        for claim in claims:
            engine.check(claim)
    for name, engine in engines.items():
        spent = []
        for claim in claims:
            start = time.perf_counter()
            engine.check(claim)
            spent.append(time.perf_counter() - start)
        times[name] = p50_p95(spent)
        engine.close()
    base = times["one store"][0]
    for name, (p50, p95) in times.items():
        print(f"check, {name:10} p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  ×{p50 / base:.2f}")


if __name__ == "__main__":
    main()

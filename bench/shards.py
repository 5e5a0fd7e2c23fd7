"""A sharded corpus against one store of the same articles (issue 13): search agreement and check time.

    python bench/shards.py [../shared/datasets/unifiedfc] [--shards 4] [--one ONE.db] [--corpus DIR] [--claims 100] [--bm25-only]

Builds (or reuses) one store of the Unified-FC articles (``burhan ingest`` + embed) and a corpus
of ``--shards`` shards (``spark_ingest`` with local[2], embedded). For every claim as a query:
how often the corpus' BM25 top-1 is one store's, the mean overlap of the top-10 and how often
the whole top-10 is one store's up to the order of tied scores (BM25 of articles and of
sentences with the corpus's statistics, and with each shard's own as before them; dense: exact
by construction); then
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


def tied(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-5 * max(abs(x), abs(y))


def same_up_to_ties(a: list[tuple], b: list[tuple]) -> bool:
    """Two rankings of ``(origin, sentence, score)`` with the same scores, and the same hits but for
    the order among tied scores (and, among those tied at the last place, which are kept)."""
    if len(a) != len(b) or not all(tied(x[2], y[2]) for x, y in zip(a, b)):
        return False
    cut = a[-1][2] if a else 0.0
    return sorted(x[:2] for x in a if not tied(x[2], cut)) == sorted(y[:2] for y in b if not tied(y[2], cut))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("unifiedfc", nargs="?", type=Path, default=ROOT.parent / "shared" / "datasets" / "unifiedfc")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--one", type=Path, help="one store to reuse or build")
    parser.add_argument("--corpus", type=Path, help="corpus folder to reuse or build")
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--no-check", action="store_true", help="search agreement only")
    parser.add_argument("--bm25-only", action="store_true", help="build without vectors; BM25 agreement only")
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
            Searcher(store).sync(embed=not args.bm25_only)
    if not is_corpus(corpus):
        from pyspark.sql import SparkSession

        from burhan.spark import spark_ingest

        spark = SparkSession.builder.master("local[2]").config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "4g").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        spark_ingest(spark, [str(args.unifiedfc)], corpus, args.shards, embed=not args.bm25_only)
        spark.stop()

    claims = [c.claim for c in load_unifiedfc(args.unifiedfc)][: args.claims]
    with Store(one) as store, ShardedStore(corpus) as sharded:
        single = Searcher(store)
        variants = [("bm25", False, "corpus statistics", ShardedSearcher(sharded)),
                    ("bm25", False, "each shard's own statistics", ShardedSearcher(sharded, global_statistics=False)),
                    ("bm25", True, "corpus statistics", ShardedSearcher(sharded)),
                    ("bm25", True, "each shard's own statistics", ShardedSearcher(sharded, global_statistics=False))]
        if not args.bm25_only:
            variants.append(("dense", False, "", ShardedSearcher(sharded)))
        for mode, sentences, label, merged in variants:
            top1 = overlap = exact = 0
            spent: dict[str, list[float]] = {"one": [], "corpus": []}
            for claim in claims:
                start = time.perf_counter()
                a = [(h.origin, h.sentence_index, h.score) for h in single.search(claim, 10, mode, sentences)]
                middle = time.perf_counter()
                b = [(h.origin, h.sentence_index, h.score) for h in merged.search(claim, 10, mode, sentences)]
                spent["one"].append(middle - start)
                spent["corpus"].append(time.perf_counter() - middle)
                top1 += [h[:2] for h in a[:1]] == [h[:2] for h in b[:1]]
                overlap += len({h[:2] for h in a} & {h[:2] for h in b}) / max(1, len(a))
                exact += same_up_to_ties(a, b)
            kind = "sentences" if sentences else "articles"
            print(f"{mode:6} {kind:9} {label:28} top-1 agreement {top1 / len(claims):.3f}, "
                  f"mean overlap@10 {overlap / len(claims):.3f}, top-10 identical up to ties "
                  f"{exact / len(claims):.3f} ({len(claims)} claims); search p50 one store "
                  f"{p50_p95(spent['one'])[0] * 1000:.1f} ms, corpus {p50_p95(spent['corpus'])[0] * 1000:.1f} ms")
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

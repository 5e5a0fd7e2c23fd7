"""Fact-check import throughput and match latency on a 10k collection.

    python bench/factchecks.py ../shared/datasets/checkthat2021_ar [--unifiedfc ../shared/datasets/unifiedfc]
                               [--size 10000] [--queries 85]

The collection is CheckThat!'s 7,508 verified claims, topped up to ``--size`` with lead
sentences of Unified-FC articles written out as ClaimReview JSON Lines (real Arabic text
of claim length; ratings cycle through false / misleading / true). In the same run:

- import: reading alone (``read_factchecks``) and reading + storing (``import_factchecks``,
  no embedding), records/s, and the ratio of the two. Target (issue 12): ≥ 2,000 records/s.
- match: p50 / p95 of ``FactCheckMatcher.match`` (the shipped re-ranker, e5-small) for the
  dev tweets, each seen once (its query vector is computed inside the timed call), and in the
  same run its parts: encoding one query, and the BM25 index alone, as ratios of the match.
  Target: p50 ≤ 50 ms. The collection's vectors are computed once before timing (cached).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from burhan.ingest.benchmarks import load_checkthat_queries, load_unifiedfc
from burhan.ingest.claimreview import import_factchecks, read_factchecks
from burhan.search.dense import clip, shared_encoder
from burhan.search.factchecks import EMBED_WORDS, FactCheckMatcher
from burhan.store import Store
from burhan.text.sentences import split_sentences
from burhan.text.social import clean_social
from burhan.text.tokens import analyze
from timing import p50_p95  # bench/timing.py

RATINGS = ("زائف", "مضلل", "صحيح")


def top_up(unifiedfc: str, n: int, path: Path) -> None:
    """``n`` ClaimReview records from lead sentences of Unified-FC articles."""
    lines = []
    for claim in load_unifiedfc(unifiedfc):
        for article in claim.articles:
            for sentence in split_sentences(article.text)[:3]:
                if 8 <= len(sentence.split()) <= 40 and len(lines) < n:
                    k = len(lines)
                    lines.append(json.dumps({
                        "@type": "ClaimReview", "claimReviewed": sentence, "url": f"https://bench.example/{k}",
                        "author": {"name": "bench"}, "datePublished": "2020-01-01",
                        "reviewRating": {"alternateName": RATINGS[k % 3]}}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("checkthat")
    parser.add_argument("--unifiedfc", default=str(Path(__file__).resolve().parents[2] / "shared/datasets/unifiedfc"))
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=85)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="burhan-bench-fc-"))
    vclaims = Path(args.checkthat) / "vclaims.tsv"
    extra = folder / "extra.jsonl"
    top_up(args.unifiedfc, max(0, args.size - 7508), extra)
    files = [vclaims, extra]

    t = time.perf_counter()
    records = sum(len(read_factchecks(f).factchecks) for f in files)
    read_s = time.perf_counter() - t
    with Store(folder / "fc.db") as store:
        t = time.perf_counter()
        report = import_factchecks(files, store)
        import_s = time.perf_counter() - t
        print(f"collection: {records} fact-checks ({report.added} added, {len(report.errors)} errors)")
        print(f"read only        {records / read_s:8.0f} records/s")
        print(f"read + store     {records / import_s:8.0f} records/s  (×{import_s / read_s:.2f} the time of reading)")

        matcher = FactCheckMatcher(store, encoder_objects={"e5-small": shared_encoder("e5-small")})
        t = time.perf_counter()
        matcher.refresh()
        print(f"index + vectors ready in {time.perf_counter() - t:.1f} s (first run embeds; later runs read the cache)")
        queries = [text for _, text in load_checkthat_queries(Path(args.checkthat) / "dev_queries.tsv")][: args.queries]
        for _, q in load_checkthat_queries(Path(args.checkthat) / "train_queries.tsv")[:5]:
            matcher.match(q, 10)  # load the encoder and the index, as a running server has them
        timings: dict[str, list[float]] = {"match (final)": [], "encode query": [], "bm25 only": []}
        encoder = shared_encoder("e5-small").encoder
        nonce = str(time.time_ns())  # a number new to every run: each query is encoded inside the timed match
        for q in queries:
            t = time.perf_counter()
            matcher.match(f"{nonce} {q}", 10)  # first: a clip to 64 words keeps it
            timings["match (final)"].append(time.perf_counter() - t)
        for q in queries:  # the parts, each in a pass of its own
            t = time.perf_counter()
            encoder.encode([clip(f"{nonce}0 {clean_social(q)}", EMBED_WORDS)], "query")  # not cached
            timings["encode query"].append(time.perf_counter() - t)
        for q in queries:
            t = time.perf_counter()
            matcher.index.bm25(analyze(clean_social(q)), matcher.ranker.candidates)
            timings["bm25 only"].append(time.perf_counter() - t)
        base = p50_p95(timings["match (final)"])[0]
        for label, values in timings.items():
            p50, p95 = p50_p95(values)
            print(f"{label:16} p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  (×{p50 / base:.2f} the match p50)")

if __name__ == "__main__":
    main()

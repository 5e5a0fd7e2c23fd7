"""BM25 index build time and query latency: Burhan's tantivy index vs bm25s vs rank_bm25.

Corpus: Unified-FC article texts (first 200 words each: news-length articles), replicated
to N articles with a distinct serial sentence per copy; queries: the Unified-FC claims.
All three engines get the same analysed tokens (Burhan's analyser), so the comparison is
of the search libraries; analysis time is printed once, separately. rank_bm25 scores every
document per query in Python: it gets fewer queries at 100k (the count is printed).

Run: python bench/search.py ../shared/datasets/unifiedfc [N ...]   (default N: 10000 100000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import bm25s
import numpy as np
from rank_bm25 import BM25Okapi

from burhan.ingest.benchmarks import load_unifiedfc
from burhan.search.lexical import AnalysedArticle, LexicalIndex
from burhan.text.tokens import analyze


def percentiles(samples: list[float]) -> tuple[float, float]:
    return float(np.percentile(samples, 50) * 1000), float(np.percentile(samples, 95) * 1000)


def timed_queries(run, queries) -> tuple[float, float]:
    samples = []
    for q in queries:
        start = time.perf_counter()
        run(q)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def main() -> None:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/unifiedfc")
    sizes = [int(n) for n in sys.argv[2:]] or [10_000, 100_000]
    claims = load_unifiedfc(directory)
    texts = list(dict.fromkeys(" ".join(a.text.split()[:200]) for c in claims for a in c.articles if a.text.strip()))
    start = time.perf_counter()
    base = [analyze(t) for t in texts]
    print(f"{len(texts)} distinct texts analysed in {time.perf_counter() - start:.1f} s")
    queries = [analyze(c.claim) for c in claims][:200]
    for n in sizes:
        docs = [base[i % len(base)] + [f"serial{i}"] for i in range(n)]
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            index = LexicalIndex(Path(tmp) / "idx")
            start = time.perf_counter()
            index.add_analysed([AnalysedArticle(i + 1, d, []) for i, d in enumerate(docs)], sentences=False)
            build = time.perf_counter() - start
            p50, p95 = timed_queries(lambda q: index.search(" ".join(q), k=10), [" ".join(q) for q in queries])
            rows.append(("burhan (tantivy)", build, p50, p95, len(queries)))
        start = time.perf_counter()
        retriever = bm25s.BM25()
        retriever.index(docs, show_progress=False)
        build = time.perf_counter() - start
        p50, p95 = timed_queries(lambda q: retriever.retrieve([q], k=10, show_progress=False), queries)
        rows.append(("bm25s", build, p50, p95, len(queries)))
        start = time.perf_counter()
        okapi = BM25Okapi(docs)
        build = time.perf_counter() - start
        few = queries[: 200 if n <= 10_000 else 20]
        p50, p95 = timed_queries(lambda q: np.argsort(-okapi.get_scores(q))[:10], few)
        rows.append(("rank_bm25", build, p50, p95, len(few)))
        ours = rows[0]
        print(f"\n{n} articles")
        print(f"{'engine':18} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} {'build ×ours':>11} {'p50 ×ours':>10}")
        for name, build, p50, p95, nq in rows:
            print(f"{name:18} {build:8.2f} {p50:8.2f} {p95:8.2f} {nq:7d} {build / ours[1]:11.2f} {p50 / ours[2]:10.2f}")


if __name__ == "__main__":
    main()

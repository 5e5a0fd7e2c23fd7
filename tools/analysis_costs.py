"""What making each part of a sentence's analysis costs, per article (issue 14, item 1).

    python tools/analysis_costs.py STORE [--articles 600]

Reads the sentences of the store's first ``--articles`` articles, gives each ``TextAnalysis`` its
normal form as ingest makes it (``normalize_many``), then times each remaining part over all of
them, in ms per article: what storing that part at ingest would add to ingest's per-article cost.
A timing on this machine, to read beside ``bench/ingest.py``'s articles/s, not a benchmark with a
baseline.
"""

from __future__ import annotations

import argparse
import sqlite3
import time

from burhan.text.analysis import TextAnalysis
from burhan.text.normalize import normalize_many

PARTS = ("numbers", "quantities", "places", "years", "months", "actors", "words", "predicate_sides",
         "predicate_cores")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--articles", type=int, default=600)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    texts = [row[0] for row in db.execute(
        "SELECT text FROM sentences WHERE article_id IN (SELECT id FROM articles ORDER BY id LIMIT ?) "
        "ORDER BY article_id, idx", (args.articles,))]
    analyses = []
    for text, normal in zip(texts, normalize_many(texts)):
        analysis = TextAnalysis(text)
        analysis.__dict__["normal"] = normal  # made at ingest already
        analyses.append(analysis)
    print(f"{len(texts)} sentences of {args.articles} articles ({len(texts) / args.articles:.1f} per article)")
    total = 0.0
    for part in PARTS:
        start = time.perf_counter()
        for analysis in analyses:
            getattr(analysis, part)
        per_article = (time.perf_counter() - start) * 1000 / args.articles
        total += per_article
        print(f"{part:16} {per_article:6.2f} ms/article")
    print(f"{'all':16} {total:6.2f} ms/article")


if __name__ == "__main__":
    main()

"""Retrieval evaluation on Unified-FC: can search find each claim's evidence?

All article texts of the folder go into one fresh store (through the normal cleaning
and duplicate linking); each claim is a query; relevant = the claim's agree, disagree
and discuss articles. Claims with no relevant article are not scored (their count is
reported). Metrics: recall@{1,5,10,20}, MRR (within the top 20) and nDCG@10.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from burhan.domain import Document
from burhan.ingest.benchmarks import load_unifiedfc
from burhan.ingest.clean import clean
from burhan.search import MODES, Searcher
from burhan.store import Store

RELEVANT = ("agree", "disagree", "discuss")
CUTOFFS = (1, 5, 10, 20)


def build_corpus(claims, store: Store, workers: int = 2) -> list[list[int | None]]:
    """Store every article of ``claims``; return, per claim, the stored id of each of its
    articles (None for an empty text)."""
    documents, owners = [], []
    for c, claim in enumerate(claims):
        for k, labelled in enumerate(claim.articles):
            if labelled.text.strip():
                documents.append(Document(origin=labelled.url or f"{claim.id}#{k}", raw_text=labelled.text,
                                          url=labelled.url))
                owners.append((c, k))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        articles = list(pool.map(clean, documents, chunksize=32))
    for start in range(0, len(articles), 256):
        store.add_articles(articles[start : start + 256])
    ids: list[list[int | None]] = [[None] * len(claim.articles) for claim in claims]
    for article, (c, k) in zip(articles, owners):
        ids[c][k] = article.id
    return ids


def relevant_articles(claims, ids: list[list[int | None]]) -> list[set[int]]:
    """Per claim, the ids of its agree, disagree and discuss articles."""
    return [{i for i, a in zip(claim_ids, claim.articles) if i is not None and a.stance in RELEVANT}
            for claim, claim_ids in zip(claims, ids)]


def score_ranking(ranked: list[int], relevant: set[int]) -> dict[str, float]:
    scores = {f"recall@{n}": len(relevant & set(ranked[:n])) / len(relevant) for n in CUTOFFS}
    first = next((r for r, a in enumerate(ranked) if a in relevant), None)
    scores["mrr"] = 0.0 if first is None else 1.0 / (first + 1)
    dcg = sum(1.0 / math.log2(r + 2) for r, a in enumerate(ranked[:10]) if a in relevant)
    ideal = sum(1.0 / math.log2(r + 2) for r in range(min(10, len(relevant))))
    scores["ndcg@10"] = dcg / ideal
    return scores


def evaluate_retrieval(directory: str | Path, encoder: str = "use-m3", workers: int = 2,
                       on_progress: Callable[[str, int, int], None] | None = None) -> dict:
    claims = load_unifiedfc(directory)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "eval.db") as store:
        relevant = relevant_articles(claims, build_corpus(claims, store, workers))
        searcher = Searcher(store, encoder=encoder)
        searcher.sync(embed=True, on_embed=(lambda d, t: on_progress("embed", d, t)) if on_progress else None)
        scored = [(c, rel) for c, rel in zip(claims, relevant) if rel]
        results: dict = {}
        for mode in MODES:
            rows = []
            for n, (claim, rel) in enumerate(scored, start=1):
                ranked = [a for a, _ in searcher.rank_articles(claim.claim, max(CUTOFFS), mode)]
                rows.append(score_ranking(ranked, rel))
                if on_progress:
                    on_progress(mode, n, len(scored))
            results[mode] = {metric: round(float(np.mean([r[metric] for r in rows])), 4) for metric in rows[0]}
        results["claims"] = len(scored)
        results["claims_without_relevant"] = len(claims) - len(scored)
        results["articles"] = store.stats()["articles"]
        results["encoder"] = encoder
    return results

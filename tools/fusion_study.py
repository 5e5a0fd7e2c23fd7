"""Can the dense side add anything to BM25 at recall@10 on Unified-FC? Every fusion we tried.

    python tools/fusion_study.py ../shared/datasets/unifiedfc --db fusion.db [--sentences]

Builds (once; kept in ``--db``) the corpus that ``burhan eval retrieval`` builds, with use-m3
passage vectors, then scores each claim's ranking (relevant = agree/disagree/discuss articles)
under several dense representations and fusion rules. For each, the fusion weight is chosen
two ways: by claim-level 4-fold CV (weight picked on three folds, scored on the fourth), and
the best weight on all claims (optimistic: chosen on the test claims). ``--sentences`` also
embeds every sentence of six or more words (≈3 min with use-m3 on 2 cores) for a
sentence-level MaxSim dense side.

Dense sides: ``passages`` (shipped: MaxP over title + ≤8 chunks), ``sentences`` (MaxSim over
all sentences), ``passages+prf`` (query vector moved towards the mean passage vector of
BM25's top 3 articles: q' = ½q + ½mean, a vector-space pseudo-relevance feedback).
Fusions: ``zscore`` (shipped: per-query z-scores of both top-30 lists, floor for a missing
item), ``zscore-exact`` (both scores exact for every candidate of the union of the top-100
lists), ``minmax-exact``, ``rrf`` (weighted reciprocal rank, k = 60), ``rerank`` (dense
only reorders BM25's top 30).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from burhan.evaluation.retrieval import build_corpus, relevant_articles, score_ranking
from burhan.ingest.benchmarks import load_splits, load_unifiedfc
from burhan.search import Searcher
from burhan.search.dense import clip
from burhan.search.searcher import zscore_fusion
from burhan.store import Store

WEIGHTS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
DEPTH = 30


def _z(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / (values.std() + 1e-9)


def fuse(rule: str, bm25: dict[int, float], dense: dict[int, float], w: float) -> list[int]:
    """Article ids ranked by ``rule`` from full BM25 and dense score tables."""
    b_top = sorted(bm25, key=lambda a: -bm25[a])
    d_top = sorted(dense, key=lambda a: -dense[a])
    if rule == "zscore":
        fused = zscore_fusion([(a, bm25[a]) for a in b_top[:DEPTH]], [(a, dense[a]) for a in d_top[:DEPTH]], w)
        return [a for a, _ in fused]
    if rule == "rrf":
        score: dict[int, float] = {}
        for weight, ranking in ((1 - w, b_top[:100]), (w, d_top[:100])):
            for r, a in enumerate(ranking):
                score[a] = score.get(a, 0.0) + weight / (60 + r + 1)
        return sorted(score, key=lambda a: -score[a])
    candidates = b_top[:DEPTH] if rule == "rerank" else list(dict.fromkeys(b_top[:100] + d_top[:100]))
    b = np.array([bm25.get(a, 0.0) for a in candidates])
    d = np.array([dense[a] for a in candidates])
    if rule == "minmax-exact":
        b, d = (b - b.min()) / (np.ptp(b) + 1e-9), (d - d.min()) / (np.ptp(d) + 1e-9)
    else:  # zscore-exact, rerank
        b, d = _z(b), _z(d)
    return [candidates[i] for i in np.argsort(-((1 - w) * b + w * d))]


def mean_scores(rankings: list[list[int]], relevant: list[set[int]]) -> dict[str, float]:
    rows = [score_ranking(r[:20], rel) for r, rel in zip(rankings, relevant)]
    return {m: float(np.mean([row[m] for row in rows])) for m in ("recall@10", "mrr")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--db", required=True, help="store for the corpus and its vectors (built if missing)")
    parser.add_argument("--splits", help="claim-level folds (default: DIR/train_test_splits.txt)")
    parser.add_argument("--sentences", action="store_true", help="also a sentence-level MaxSim dense side")
    args = parser.parse_args()

    claims = load_unifiedfc(args.directory)
    folds = load_splits(args.splits or Path(args.directory) / "train_test_splits.txt")
    fold_of = {cid: k for k, ids in enumerate(folds) for cid in ids}
    with Store(args.db) as store:
        ids = build_corpus(claims, store)  # articles already stored come back with their ids
        searcher = Searcher(store, encoder="use-m3")
        searcher.sync(embed=True)
        index = searcher.dense_index()
        scored = [(c, rel) for c, rel in zip(claims, relevant_articles(claims, ids)) if rel]
        relevant = [rel for _, rel in scored]
        claim_fold = np.array([fold_of[c.id] for c, _ in scored])
        n_articles = len(index.ids)
        bm25 = [{h.article_id: h.score for h in searcher.lexical.search(c.claim, n_articles)} for c, _ in scored]
        queries = [searcher.query_vector(c.claim) for c, _ in scored]

        passage_rows = index.matrix
        means = np.add.reduceat(passage_rows, index.starts) / np.diff(np.r_[index.starts, len(passage_rows)])[:, None]
        means /= np.linalg.norm(means, axis=1, keepdims=True)
        position = {int(a): i for i, a in enumerate(index.ids)}

        def maxp(q: np.ndarray) -> dict[int, float]:
            return dict(zip(index.ids.tolist(), np.maximum.reduceat(passage_rows @ q, index.starts).tolist()))

        def with_prf(q: np.ndarray, lexical: dict[int, float]) -> np.ndarray:
            top = sorted(lexical, key=lambda a: -lexical[a])[:3]
            if not top:
                return q
            moved = 0.5 * q + 0.5 * means[[position[a] for a in top]].mean(axis=0)
            return moved / np.linalg.norm(moved)

        dense_sides = {
            "passages": [maxp(q) for q in queries],
            "passages+prf": [maxp(with_prf(q, lex)) for q, lex in zip(queries, bm25)],
        }
        if args.sentences:
            owners, texts = [], []
            for article in store.articles(index.ids.tolist()):
                for s in article.sentences:
                    if len(s.text.split()) >= 6:
                        owners.append(article.id)
                        texts.append(clip(s.text, 64))
            vectors = searcher.passage_encoder.encode(texts, "passage")
            owners = np.array(owners)
            starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
            dense_sides["sentences"] = [
                dict(zip(owners[starts].tolist(), np.maximum.reduceat(vectors @ q, starts).tolist())) for q in queries]

    bm25_alone = mean_scores([sorted(b, key=lambda a: -b[a]) for b in bm25], relevant)
    print(f"{len(scored)} claims, {n_articles} articles. BM25 alone: recall@10 {bm25_alone['recall@10']:.4f}, "
          f"MRR {bm25_alone['mrr']:.4f}")
    print(f"{'dense side':14} {'fusion':13} {'dense R@10':>10} {'CV R@10':>8} {'CV MRR':>7} {'CV weights':>22} "
          f"{'best w':>6} {'best R@10':>9}")
    for side, dense in dense_sides.items():
        alone = mean_scores([sorted(d, key=lambda a: -d[a]) for d in dense], relevant)["recall@10"]
        for rule in ("zscore", "zscore-exact", "minmax-exact", "rrf", "rerank"):
            by_weight = {w: [fuse(rule, b, d, w) for b, d in zip(bm25, dense)] for w in WEIGHTS}
            per_claim = {w: [score_ranking(r[:20], rel)["recall@10"] for r, rel in zip(rankings, relevant)]
                         for w, rankings in by_weight.items()}
            cv_rankings: list = [None] * len(scored)
            chosen = []
            for k in sorted(set(claim_fold)):
                train = claim_fold != k
                w = max(WEIGHTS, key=lambda w: np.mean(np.array(per_claim[w])[train]))
                chosen.append(w)
                for i in np.flatnonzero(~train):
                    cv_rankings[i] = by_weight[w][i]
            cv = mean_scores(cv_rankings, relevant)
            best = max(WEIGHTS, key=lambda w: np.mean(per_claim[w]))
            print(f"{side:14} {rule:13} {alone:10.4f} {cv['recall@10']:8.4f} {cv['mrr']:7.4f} "
                  f"{','.join(map(str, chosen)):>22} {best:6} {np.mean(per_claim[best]):9.4f}")


if __name__ == "__main__":
    main()

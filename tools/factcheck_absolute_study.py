"""Whether the fact-check ranker's P(same claim) can tell a claim never checked from one checked
before when it reads the candidate alone: list-relative features (the shipped ranker) against
absolute ones, by inner cross-validation on CheckThat! 2021 train.

    python tools/factcheck_absolute_study.py [--data ../shared/datasets/checkthat2021_ar] [--folds 5] [--seed 13]

The shipped ranker reads, beside each candidate's BM25 score, e5 cosine and stem coverages, three
features relative to the query's candidate list: BM25 / best BM25, e5 cosine − best cosine, and
reciprocal ranks. The top candidate has the maximum of each whatever it is, and every CheckThat!
query has a fact-check in the collection: the ranker learns that the top of a list is a match. Here
each variant is fitted on four fifths of the train queries (split by query, ``--seed``; the shipped
setting: query vectors, 50 candidates, C 0.1) and scored on the rest, pooled:

- ``relative``: the shipped features; ``absolute``: BM25, e5 cosine, query and fact-check coverage only;
  ``rank relative, P absolute``: the order of the first, the probability of the second;
- ``w``: the weight of the same train queries ranked without their own fact-checks (every label
  false), as in ``tools/factcheck_prior_curve.py``.

Printed per variant: MAP@5 of the order; the share of queries whose top candidate is shown
(P ≥ 0.5) or decisive (P ≥ 0.8) and its precision; and, for the same queries ranked without their
own fact-checks, the share whose top candidate is still shown or decisive (a fact-check of another
claim: a false alarm; decisive, it would decide the verdict). Only train is read: nothing here is
chosen on dev, and nothing is chosen or shipped by this study.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from burhan.evaluation.claim_matching import ClaimMatchingBenchmark, score_rankings
from burhan.ingest.benchmarks import load_checkthat_queries, load_qrels
from burhan.linear import StandardisedLogistic
from burhan.search.factchecks import FactCheckRanker, feature_names

ROOT = Path(__file__).resolve().parents[1]
SETTING = {"document_kind": "query", "candidates": 50, "C": 0.1}  # the shipped ranker's
ABSOLUTE = ("bm25", "e5-small_cosine", "query_coverage", "doc_coverage")
# name: (features that order the candidates, features that give P(same claim), weight of the unmatched rows)
VARIANTS = {
    "relative (shipped), w 0": ("relative", "relative", 0.0),
    "absolute, w 0": ("absolute", "absolute", 0.0),
    "rank relative, P absolute": ("relative", "absolute", 0.0),
    "relative, w 0.25": ("relative", "relative", 0.25),
    "relative, w 0.5": ("relative", "relative", 0.5),
    "absolute, w 0.25": ("absolute", "absolute", 0.25),
}


def candidate_rows(bench: ClaimMatchingBenchmark, queries, qrels) -> dict[str, tuple]:
    """Per query: its candidates' features, labels and external ids, and the features of the
    candidates it gets without its own fact-checks (empty for a query with none)."""
    first = bench.matcher(FactCheckRanker(document_kind=SETTING["document_kind"]))
    width = len(feature_names(first.index.encoders))
    rows = {}
    for qid, text in queries:
        relevant = qrels.get(qid, set())
        found = first.candidates(text, SETTING["candidates"])
        ids = [bench.external[c.factcheck_id] for c in found]
        orphaned = first.candidates(text, SETTING["candidates"], exclude=bench.relevant_ids(relevant)) if relevant else []
        rows[qid] = (first.features(found), np.array([i in relevant for i in ids]), ids,
                     first.features(orphaned) if orphaned else np.zeros((0, width)))
    return rows


def fit(rows: dict, qids: list[str], columns: list[int], w: float) -> StandardisedLogistic:
    X = [rows[q][0][:, columns] for q in qids]
    y = [rows[q][1] for q in qids]
    weights = [np.ones(len(rows[q][0])) for q in qids]
    if w > 0:
        X += [rows[q][3][:, columns] for q in qids]
        y += [np.zeros(len(rows[q][3]), dtype=bool) for q in qids]
        weights += [np.full(len(rows[q][3]), w) for q in qids]
    labels = ["match" if v else "other" for v in np.concatenate(y)]
    return StandardisedLogistic(C=SETTING["C"], class_weight=None).fit(np.vstack(X), labels, sample_weight=np.concatenate(weights))


def p_match(model: StandardisedLogistic, X: np.ndarray) -> np.ndarray:
    return model.predict_proba(X)[:, model.classes.index("match")] if len(X) else np.zeros(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets" / "checkthat2021_ar")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    bench = ClaimMatchingBenchmark(args.data / "vclaims.tsv")
    try:
        queries, qrels = load_checkthat_queries(args.data / "train_queries.tsv"), load_qrels(args.data / "train_qrels.txt")
        rows = candidate_rows(bench, queries, qrels)
        names = feature_names(bench.encoders)
        columns = {"relative": list(range(len(names))), "absolute": [names.index(n) for n in ABSOLUTE]}
        qids = [q for q, _ in queries]
        order = np.random.default_rng(args.seed).permutation(len(qids))
        folds = [{qids[i] for i in order[k :: args.folds]} for k in range(args.folds)]
        print(f"{len(qids)} train queries, {args.folds} folds by query; shown P ≥ 0.5, decisive P ≥ 0.8")
        print(f"{'variant':27} {'MAP@5':>6} {'shown':>6} {'prec':>6} {'decisive':>8} {'prec':>6} "
              f"{'false shown':>11} {'false decisive':>14}")
        for name, (rank_by, p_by, w) in VARIANTS.items():
            rankings, tops, orphans = {}, [], []
            for test in folds:
                train = [q for q in qids if q not in test]
                ranker = fit(rows, train, columns[rank_by], w)
                prober = ranker if p_by == rank_by else fit(rows, train, columns[p_by], w)
                for q in (q for q in qids if q in test):
                    X, labels, ids, unmatched = rows[q]
                    order_scores, p = p_match(ranker, X[:, columns[rank_by]]), p_match(prober, X[:, columns[p_by]])
                    ranked = sorted(range(len(ids)), key=lambda i: -order_scores[i])
                    rankings[q] = [ids[i] for i in ranked]
                    if qrels.get(q) and ranked:
                        tops.append((p[ranked[0]], bool(labels[ranked[0]])))
                    if len(unmatched):
                        top = int(np.argmax(p_match(ranker, unmatched[:, columns[rank_by]])))
                        orphans.append(p_match(prober, unmatched[top : top + 1, columns[p_by]])[0])
            tops_a, orphans_a = np.array(tops), np.array(orphans)
            cells = []
            for threshold in (0.5, 0.8):
                kept = tops_a[:, 0] >= threshold
                cells += [kept.mean(), tops_a[kept, 1].mean()]
            cells += [(orphans_a >= 0.5).mean(), (orphans_a >= 0.8).mean()]
            print(f"{name:27} {score_rankings(rankings, qrels)['map@5']:6.3f} {cells[0]:6.3f} {cells[1]:6.3f} "
                  f"{cells[2]:8.3f} {cells[3]:6.3f} {cells[4]:11.3f} {cells[5]:14.3f}")
    finally:
        bench.close()


if __name__ == "__main__":
    main()

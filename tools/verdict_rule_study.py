"""Study: the verdict's abstention settings, chosen by inner CV on kept out-of-fold features.

    python tools/verdict_rule_study.py [--features docs/studies/verdict_cv_features.json]
                                       [--out docs/studies/verdict_rule.json]

Reads the features `tools/verdict_prior_study.py` kept (per outer fold of Unified-FC's claim-level
4-fold CV: the training claims' out-of-fold rows and the test claims' rows, bases and labels) and
needs no stance or evidence model. Protocol, written before the run:

- grid: abstain_margin ∈ {0.0, 0.02, 0.05} × unconfirmed_margin ∈ {0.1, 0.2} × disagree_weight ∈
  {0, −1.5}. unconfirmed_margin 0.0 is left out on purpose: an *unconfirmed* claim may read false
  only when the model is fairly sure (P(true) ≤ 0.4 at least), as issue 11 asks.
- nested selection: for each outer fold, every setting is scored by leave-one-fold-out over the
  three training folds (fit the verdict model on two, score the third; accuracy with
  not_enough_evidence counted wrong, ties to the grid's order); the chosen setting is fitted on all
  three and scored once on the outer fold. The outer scores estimate the *procedure*.
- decision: the setting chosen by the same leave-one-fold-out over all four folds is shipped if the
  nested outer accuracy beats the shipped setting's outer accuracy (0.399) by ≥ 0.02; else nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from burhan.evaluation.verdict import basis_report, decide_kept_fold, verdict_report
from burhan.verdict.model import VerdictModel

ROOT = Path(__file__).resolve().parents[1]
GRID = [{"abstain_margin": a, "unconfirmed_margin": u, "disagree_weight": w}
        for a, u, w in itertools.product((0.0, 0.02, 0.05), (0.1, 0.2), (0.0, -1.5))]
SHIPPED = {"abstain_margin": 0.02, "unconfirmed_margin": 0.2, "disagree_weight": 0.0}


def accuracy(params: dict, X_train, y_train, X_test, bases, gold) -> float:
    model = VerdictModel(**params).fit(X_train, [g == "true" for g in y_train])
    decisions = [model.decide(x, b) for x, b in zip(X_test, bases)]
    return float(np.mean([d[0] == g for d, g in zip(decisions, gold)]))


def choose(rows: list[dict]) -> dict:
    """The grid setting with the best leave-one-fold-out accuracy over ``rows`` (test parts only)."""
    best, best_score = None, -1.0
    for params in GRID:
        scores = []
        for k, held in enumerate(rows):
            rest = [r for j, r in enumerate(rows) if j != k]
            X = np.vstack([r["X_test"] for r in rest])
            y = [g for r in rest for g in r["test_gold"]]
            scores.append(accuracy(params, X, y, np.array(held["X_test"]), held["test_bases"], held["test_gold"]))
        if np.mean(scores) > best_score:
            best, best_score = params, float(np.mean(scores))
    return {**best, "inner_accuracy": round(best_score, 4)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", default=str(ROOT / "docs" / "studies" / "verdict_cv_features.json"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "studies" / "verdict_rule.json"))
    args = parser.parse_args()
    folds = json.loads(Path(args.features).read_text(encoding="utf-8"))["folds"]
    outer, predicted, p_true, gold_all, bases_all, chosen = [], [], [], [], [], []
    shipped_predicted = []
    for k, fold in enumerate(folds):
        # the inner folds: the other outer folds' *test* rows, described by models without them
        # and without fold k (rows of X_train of fold k, split by the claims' folds)
        inner = []
        by_id = dict(zip(fold["train"], zip(fold["X_train"], fold["train_gold"])))
        for j, other in enumerate(folds):
            if j == k:
                continue
            inner.append({"X_test": [by_id[c][0] for c in other["test"]], "test_gold": [by_id[c][1] for c in other["test"]],
                          "test_bases": other["test_bases"]})
        pick = choose(inner)
        params = {key: pick[key] for key in SHIPPED}
        chosen.append({"outer_fold": fold["fold"], **pick})
        for setting, sink in ((params, predicted), (SHIPPED, shipped_predicted)):
            decisions = decide_kept_fold(setting, fold)
            sink += [d[0] for d in decisions]
            if setting is params:
                p_true += [d[2] for d in decisions]
        gold_all += fold["test_gold"]
        bases_all += fold["test_bases"]
    nested = verdict_report(gold_all, predicted, p_true)
    nested.update(basis_report(gold_all, predicted, bases_all))
    shipped = verdict_report(gold_all, shipped_predicted)
    # the setting the same procedure picks over all four folds (outer test rows)
    final = choose([{"X_test": f["X_test"], "test_gold": f["test_gold"], "test_bases": f["test_bases"]} for f in folds])
    ship = nested["accuracy"] >= shipped["accuracy"] + 0.02
    result = {"grid": GRID, "shipped_setting": SHIPPED, "per_outer_fold_choice": chosen, "nested": nested,
              "shipped_outer_accuracy": shipped["accuracy"], "final_choice": final, "ship": ship}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({"per_outer_fold_choice": chosen, "nested_accuracy": nested["accuracy"],
                      "nested_not_enough_evidence": nested["not_enough_evidence"],
                      "nested_decided_accuracy": nested.get("decided_accuracy"), "nested_ece": nested.get("ece"),
                      "shipped_outer_accuracy": shipped["accuracy"], "final_choice": final, "ship": ship}, indent=1))


if __name__ == "__main__":
    main()

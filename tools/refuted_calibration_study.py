"""Study (eighth verdict run): a confidence of its own for the *refuted* basis (issue 11).

    python tools/refuted_calibration_study.py [--out docs/studies/refuted_calibration.json]

Why: a claim whose basis is *refuted* (a disagreeing story, or a conflicting count of the same
thing, at least as strong as the support) is decided *false* only when P(true) < 0.5. P(true) comes
from a model fitted on all Unified-FC claims, whose false claims mostly come with agreeing
articles, so a refuted claim keeps P(true) 0.6–0.95 and reads not_enough_evidence: 9 of the 24
probe misses of the shipped models (measure-06, actor-02/05, date-01/06, partly_true-03..06), and
61 not_enough_evidence on Unified-FC, counted wrong. What P(true) means *given* a refutation is a
different question from what it means over all claims; Unified-FC's 99 refuted claims answer it
(67 false: a one-off count over the shipped run's kept rows, README verdict section). **Designed after reading those misses and the
earlier studies' failures**, so its Unified-FC figures are not clean held-out numbers; Unified-FC
fold 5 (kept aside by the team) is.

Design: ``VerdictModel(refuted_calibration=True)`` fits, after the classifier and the priors, a
one-feature logistic regression (Platt scaling; sklearn, C = 1e4, no class weights) of the
training claims *whose basis is refuted* on their final log-odds; for a refuted claim P(true) =
σ(a · logit + b), used for the decision and the confidence alike (false when ≤ 0.5 − abstain
margin). Other bases keep the uncalibrated P(true). A slope a ≤ 0 keeps the intercept-only fit (the
training rate of true claims among the refuted ones). Read on the kept out-of-fold features of the
fifth (shipped) run (``evaluation.verdict.score_kept_folds``); the kept files hold no bases for an
outer fold's training rows, so each training row takes the basis its claim got as a test row of
its own outer fold (same claim and evidence, stance models trained without one more fold): an
approximation, said here and in the result.

Protocol, written before the run (run once):
- Ship it (refit ``verdict_model.json`` from the same features with ``refuted_calibration=True``,
  make it the default) if its outer accuracy ≥ the shipped 0.636 + 0.02 and its ECE ≤ the shipped
  0.072 + 0.005, and no outer fold's accuracy falls by more than 0.02.
- Else nothing. The probes are run after, with what is shipped, and not used to choose.

Result (2026-12-04, docs/studies/refuted_calibration.json): **nothing shipped** (accuracy rule
failed). Shipped 0.636 / ECE 0.072 / 61 NEE → refuted calibration 0.636 / **ECE 0.059** / 60 NEE,
per fold accuracy unchanged (0.659 / 0.600 / 0.643 / 0.643). Read after the run (the
``refuted_training_claims`` rows, added to the tool after the run; the scores above unchanged by
it): Unified-FC's refuted training claims already sit at mean P(true) 0.16–0.22 per fold, and the few with P(true) ≥ 0.5
(3–7 per fold) are mostly *true* (1.00 / 0.86 / 0.33 / 0.67), so the fitted slopes are 0.18–0.63
with intercepts −0.40…+0.23: the scaling pulls P(true) toward the refuted claims' base rate and
does not turn a refuted claim at P(true) 0.9 into *false* — the probes' misses stay. On Unified-FC
a refutation the model doubts is as often a true claim as a false one; that is the data's answer,
not a missing weight. ``VerdictModel(refuted_calibration=False)`` stays the default.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from burhan.evaluation.verdict import score_variants
from burhan.verdict.model import VerdictModel

ROOT = Path(__file__).resolve().parents[1]
STUDIES = ROOT / "docs" / "studies"
FEATURES = STUDIES / "verdict_cv_features_claim_relative.json"


def with_train_bases(folds: list[dict]) -> list[dict]:
    """Each fold with ``train_bases``: kept ones where the features file has them (written since
    2026-12-04), else a training claim's basis as a test row of its own fold."""
    basis = {i: b for fold in folds for i, b in zip(fold["test"], fold["test_bases"])}
    return [fold if "train_bases" in fold else {**fold, "train_bases": [basis[i] for i in fold["train"]]}
            for fold in folds]


def refuted_training_claims(folds: list[dict]) -> list[dict]:
    """Per outer fold, what the scaling is fitted on: the refuted training claims, their mean
    P(true) before it, how many have P(true) ≥ 0.5 and the share of true ones among those, and
    the fitted (slope, intercept)."""
    rows = []
    for fold in folds:
        X, truth = np.array(fold["X_train"]), np.array([g == "true" for g in fold["train_gold"]])
        model = VerdictModel(refuted_calibration=True).fit(X, list(truth), fold["train_bases"])
        refuted = np.array([b == "refuted" for b in fold["train_bases"]])
        p, t = model.predict_proba(X[refuted]), truth[refuted]
        rows.append({"fold": fold["fold"], "refuted": int(refuted.sum()), "true": int(t.sum()),
                     "mean_p_true": round(float(p.mean()), 3), "p_true_at_least_half": int((p >= 0.5).sum()),
                     "true_share_among_them": round(float(t[p >= 0.5].mean()), 3) if (p >= 0.5).any() else None,
                     "scaling": [round(v, 3) for v in model.refuted_scaling]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=STUDIES / "refuted_calibration.json")
    args = parser.parse_args()
    folds = with_train_bases(json.loads(FEATURES.read_text(encoding="utf-8"))["folds"])
    result = score_variants({"shipped": {}, "refuted_calibration": {"refuted_calibration": True}}, folds, print)
    result["refuted_training_claims"] = refuted_training_claims(folds)
    for row in result["refuted_training_claims"]:
        print(row)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

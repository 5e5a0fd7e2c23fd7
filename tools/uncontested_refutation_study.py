"""Study (thirteenth verdict run): a refutation nothing contests decides *false* (issue 11).

    python tools/uncontested_refutation_study.py [--out docs/studies/uncontested_refutation.json]

Why: with the twelfth run's models, 5 of the 12 probe misses (actor-02/05, place-05, date-01/06)
have basis *refuted* and every related story leaning to disagreement, yet P(true) 0.65–0.82, so
they read not_enough_evidence: the fit on Unified-FC weighs the strongest agreeing probability
(+1.02 standardised) far above a disagreement (disagree_max 0, left out by its sign constraint).
On the twelfth run's kept out-of-fold rows (counted before this tool was written; it prints the
same count as ``refuted_test_claims``), 90 of the 100 refuted claims have disagree_max > agree_max,
68% of them false, and in the outer folds none of them ends not_enough_evidence — so what P(true) means for such a claim is better read
from the training claims like it than from the fit over all claims. **Designed after reading those
probe misses**, so the probe figures after it are not clean.

Design: ``VerdictModel(uncontested_refutation=True)``: ``fit`` learns the share of false claims
among the training claims whose basis is refuted and whose strongest disagreeing story outweighs
the strongest agreeing one (``disagree_max > agree_max``); for such a claim P(true) is at most
1 − that share (``decide``), so it reads *false* whenever that share is over one half, with that
share as its confidence at the least. Other claims are untouched.

Protocol, written before the run (run once, on ``docs/studies/verdict_cv_features_counts_decide_stated.json``,
the twelfth (shipped) run's kept rows, which hold every training row's basis):
- Ship it (refit ``verdict_model.json`` from those rows with the flag on, make it the default) if
  its outer accuracy ≥ the shipped 0.612, its ECE ≤ 0.056 + 0.005, and no outer fold's accuracy
  falls by more than 0.02.
- Else nothing. The probes are run after, with what is shipped, and not used to choose.

Result (2026-12-04, docs/studies/uncontested_refutation.json): **nothing shipped** (ECE rule
failed). Shipped 0.612 / ECE 0.0556 / 69 NEE → 0.612 / **ECE 0.0615** (> 0.0606) / 69 NEE, every
fold's accuracy unchanged: on Unified-FC the rule decides no claim differently (none of these
claims was not_enough_evidence) and only lowers the confidence of refuted claims the model was
surer of than the group's rate, which costs calibration. ``uncontested_refutation=False`` stays the
default.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from burhan.evaluation.verdict import decide_kept_fold, score_variants
from burhan.verdict.model import FEATURES as VERDICT_FEATURES

ROOT = Path(__file__).resolve().parents[1]
STUDIES = ROOT / "docs" / "studies"
FEATURES = STUDIES / "verdict_cv_features_counts_decide_stated.json"


def refuted_test_claims(folds: list[dict]) -> dict:
    """Over the outer folds' test rows, decided by the shipped settings: the refuted claims, those
    whose strongest disagreeing story outweighs the strongest agreeing one, the share of false
    claims among these, and how many of these end not_enough_evidence."""
    refuted = uncontested = false = undecided = 0
    for fold, decisions in zip(folds, (decide_kept_fold({}, fold) for fold in folds)):
        for x, basis, gold, (verdict, _, _) in zip(fold["X_test"], fold["test_bases"], fold["test_gold"], decisions):
            if basis != "refuted":
                continue
            refuted += 1
            if x[VERDICT_FEATURES.index("disagree_max")] > x[VERDICT_FEATURES.index("agree_max")]:
                uncontested += 1
                false += gold == "false"
                undecided += verdict == "not_enough_evidence"
    return {"refuted": refuted, "uncontested": uncontested,
            "false_share": round(false / uncontested, 3) if uncontested else None, "not_enough_evidence": undecided}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=STUDIES / "uncontested_refutation.json")
    args = parser.parse_args()
    folds = json.loads(FEATURES.read_text(encoding="utf-8"))["folds"]
    result = score_variants({"shipped": {}, "uncontested_refutation": {"uncontested_refutation": True}}, folds, print)
    result["refuted_test_claims"] = refuted_test_claims(folds)
    print(result["refuted_test_claims"])
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

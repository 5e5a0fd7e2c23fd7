"""Study: the prior weight of a conflicting count (issue 11), on kept out-of-fold features.

    python tools/count_prior_study.py [--features docs/studies/verdict_cv_features_claim_relative.json]
                                      [--out docs/studies/count_prior.json]

``VerdictModel.count_conflict_weight`` (−3 shipped) adds w × (stories with a conflicting count of
the same thing: 0, ½, 1) to the log-odds of P(true). The probes' *partly true* claims (one count
right, one wrong) end *not_enough_evidence*: basis refuted, P(true) 0.77–0.93, because one
conflicting story moves the log-odds by only −1.5 against strong agreement. Unified-FC cannot
teach this weight (its true claims carry more numbers, so more count conflicts: the fit learns the
sign backwards, the reason it is a stated prior). Needs no stance or evidence model: the fifth
run's kept rows are scored fold by fold (fit on each outer fold's training rows, score its test rows).

Protocol, written before the run: w ∈ {−3 (shipped), −6, −9}. Ship the strongest weight whose
accuracy is ≥ the shipped weight's − 0.01 and whose ECE is ≤ the shipped weight's + 0.01 on these
rows; else keep −3. The probes are run after, for the shipped choice only, not used to choose.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from burhan.evaluation.verdict import score_kept_folds

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = (-3.0, -6.0, -9.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", default=str(ROOT / "docs" / "studies" / "verdict_cv_features_claim_relative.json"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "studies" / "count_prior.json"))
    args = parser.parse_args()
    folds = json.loads(Path(args.features).read_text(encoding="utf-8"))["folds"]
    results = {str(w): score_kept_folds({"count_conflict_weight": w}, folds) for w in WEIGHTS}
    base = results[str(WEIGHTS[0])]
    ship = WEIGHTS[0]
    for w in WEIGHTS[1:]:
        r = results[str(w)]
        if r["accuracy"] >= base["accuracy"] - 0.01 and r["ece"] <= base["ece"] + 0.01:
            ship = w
    Path(args.out).write_text(json.dumps({"weights": results, "ship": ship}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({**{w: {k: r[k] for k in ("accuracy", "ece", "not_enough_evidence", "decided_accuracy")}
                         for w, r in results.items()}, "ship": ship}, indent=1))


if __name__ == "__main__":
    main()

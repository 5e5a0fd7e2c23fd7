"""Study (seventh verdict run): Platt calibration of P(true) after the prior weights (issue 11).

    python tools/verdict_calibration_study.py [--out docs/studies/verdict_calibration.json]

Why: the verdict model's logistic regression is calibrated on its own, but the prior weights
(counts, disagreement) are added to its log-odds afterwards, so the final P(true) is not. The
sixth run (tools/verdict_prior_study.py) — an agreeing article whose count conflicts read as
disagreeing — kept accuracy (0.624 ≥ 0.616) but failed its calibration bound (ECE 0.108 > 0.092)
and was reverted. **This study was designed after reading that failure**, so its Unified-FC
figures are not clean held-out numbers; Unified-FC fold 5 (kept aside by the team) is.

Design: ``VerdictModel(calibrate=True)`` fits, after the classifier, a one-feature logistic
regression (Platt scaling; sklearn, C = 1e4, no class weights) of the training rows' labels on
their final log-odds (fitted + priors); P(true) = σ(a · logit + b), used for the decision and
the confidence alike. A slope a ≤ 0 (the log-odds ordering itself wrong) leaves P(true)
uncalibrated. It needs no stance or evidence model: it reads the out-of-fold features kept by
the fifth (shipped) and sixth runs, and fits/decides each outer fold on them
(``evaluation.verdict.score_kept_folds``), as the earlier verdict studies did.

Protocol, written before the run (run once):
- A = sixth-run features (counts that contradict) + calibration. B = fifth-run features (the
  shipped code) + calibration. Both reported, with the uncalibrated rows beside them.
- Ship A (restore commit 13826fd's change, refit ``verdict_model.json`` from the sixth run's
  features with calibration) if A's outer accuracy ≥ 0.616 and ECE ≤ 0.092 (the sixth run's
  bounds).
- Else ship B (calibration only) if B's accuracy ≥ 0.626 (shipped 0.636 − 0.01) and its ECE is
  lower than the shipped 0.072.
- Else nothing. The probes are run after, with what is shipped, and not used to choose.

Result (2026-12-03, docs/studies/verdict_calibration.json): **nothing shipped**. Platt scaling
fitted on the training rows moves P(true) toward 0.5 and so abstains far more often: A 0.624 →
0.515 accuracy (NEE 64 → 111), ECE 0.108 → 0.096 (still > 0.092); B 0.636 → 0.553 (NEE 61 →
102), ECE 0.072 → 0.090 (worse). ``VerdictModel(calibrate=False)`` stays the default.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from burhan.evaluation.verdict import score_kept_folds

ROOT = Path(__file__).resolve().parents[1]
STUDIES = ROOT / "docs" / "studies"
RUNS = {"A_count_contradicts": STUDIES / "verdict_cv_features_count_contradicts.json",
        "B_shipped": STUDIES / "verdict_cv_features_claim_relative.json"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=STUDIES / "verdict_calibration.json")
    args = parser.parse_args()
    result = {}
    for name, path in RUNS.items():
        folds = json.loads(path.read_text(encoding="utf-8"))["folds"]
        for calibrate in (False, True):
            report = score_kept_folds({"calibrate": calibrate}, folds, per_fold=True)
            result[f"{name}{'_calibrated' if calibrate else ''}"] = report
            print(f"{name:22} calibrate={calibrate!s:5}  accuracy {report['accuracy']:.4f}  ECE {report['ece']:.4f}  "
                  f"NEE {report['not_enough_evidence']}  decided accuracy {report['decided_accuracy']}")
    a, b = result["A_count_contradicts_calibrated"], result["B_shipped_calibrated"]
    if a["accuracy"] >= 0.616 and a["ece"] <= 0.092:
        result["decision"] = "ship A"
    elif b["accuracy"] >= 0.626 and b["ece"] < 0.072:
        result["decision"] = "ship B"
    else:
        result["decision"] = "nothing"
    print("decision:", result["decision"])
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Fit the shipped verdict model from kept out-of-fold features (no 35-minute recomputation).

    python tools/verdict_from_features.py docs/studies/verdict_cv_features_explicit_polarity.json \
        [--out src/burhan/verdict/verdict_model.json]

``burhan train verdict`` computes, for every Unified-FC claim, its evidence features with stance
and evidence models trained without that claim's fold, then fits ``VerdictModel`` on them. The
nested CV (``cross_validate_verdict(features_out=…)``) computes exactly those rows as each outer
fold's test rows, and keeps them; this fits the same model on them, in claim order, with the
reliability table learned from all claims, as the command does. Use it only with a features file
made by the same code and stance settings as the shipped models.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from burhan.evaluation.verdict import learn_reliability
from burhan.ingest.benchmarks import load_unifiedfc
from burhan.verdict.model import FEATURES, VerdictModel

ROOT = Path(__file__).resolve().parents[1]
UNIFIEDFC = ROOT.parent / "shared" / "datasets" / "unifiedfc"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("features", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "burhan" / "verdict" / "verdict_model.json")
    args = parser.parse_args()
    kept = json.loads(args.features.read_text(encoding="utf-8"))
    if kept["features"] != list(FEATURES):
        raise SystemExit(f"{args.features}: other verdict features than this code's")
    claims = load_unifiedfc(UNIFIEDFC)
    order = {c.id: k for k, c in enumerate(claims)}
    rows = sorted(((order[i], x, g) for fold in kept["folds"] for i, x, g in
                   zip(fold["test"], fold["X_test"], fold["test_gold"])), key=lambda r: r[0])
    X = np.asarray([x for _, x, _ in rows])
    model = VerdictModel().fit(X, [g == "true" for _, _, g in rows])
    model.save(args.out, reliability=learn_reliability(claims).to_dict(), card={
        "command": f"python tools/verdict_from_features.py {args.features}",
        "equivalent": "burhan train verdict --data ../shared/datasets/unifiedfc --splits "
                      "../shared/datasets/unifiedfc/train_test_splits.txt --evidence retrieved --k 20",
        "data": f"Unified-FC: {len(rows)} claims in {len(kept['folds'])} folds (out-of-fold features)",
        "evidence": "retrieved", "k": 20, "encoder": "use-m3",
    })
    print(f"{len(rows)} claims → {args.out}")


if __name__ == "__main__":
    main()

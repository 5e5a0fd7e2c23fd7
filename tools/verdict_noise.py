"""How much the verdict CV's accuracy and ECE move by chance: a paired bootstrap over claims.

    python tools/verdict_noise.py BASE_FEATURES.json [OTHER_FEATURES.json ...] [--rounds 2000]

Each features file is one kept verdict CV (``cross_validate_verdict(features_out=…)``); the verdict
model is refitted per outer fold on its kept rows, as every verdict study does
(``decide_kept_fold``). The claims are resampled with replacement (the same draw for every file:
paired) and accuracy and ECE recomputed: their standard errors for the base, and for each other
file the difference from the base with a 95% interval, and how many claims' verdicts changed.
Written 2026-12-07, after the sixteenth to twentieth runs' no-loss rules failed by 0.0003–0.006
of ECE, to size the next rule — not to judge those runs again.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from burhan.evaluation.verdict import decide_kept_fold, expected_calibration_error


def outcomes(path: Path) -> dict[str, tuple[bool, float, bool, str]]:
    """Per claim id: (verdict right, P(true), truth, verdict) of the refitted default verdict model."""
    out = {}
    for fold in json.loads(path.read_text(encoding="utf-8"))["folds"]:
        for claim, gold, (verdict, _, p_true) in zip(fold["test"], fold["test_gold"], decide_kept_fold({}, fold)):
            out[claim] = (verdict == gold, p_true, gold == "true", verdict)
    return out


def scores(rows: list[tuple[bool, float, bool, str]]) -> tuple[float, float]:
    right, p_true, truth = (np.array(column) for column in list(zip(*rows))[:3])
    return float(right.mean()), expected_calibration_error(p_true, truth)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("features", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    runs = [outcomes(path) for path in args.features]
    claims = sorted(set.intersection(*(set(run) for run in runs)))
    rng = np.random.default_rng(args.seed)
    draws = [rng.integers(0, len(claims), len(claims)) for _ in range(args.rounds)]
    base = [[runs[0][claims[i]] for i in draw] for draw in draws]
    base_scores = np.array([scores(rows) for rows in base])
    accuracy, ece = scores([runs[0][c] for c in claims])
    print(f"{args.features[0].name}: {len(claims)} claims, accuracy {accuracy:.4f} ± {base_scores[:, 0].std():.4f}, "
          f"ECE {ece:.4f} ± {base_scores[:, 1].std():.4f} (bootstrap SE, {args.rounds} rounds)")
    for path, run in zip(args.features[1:], runs[1:]):
        other = np.array([scores([run[claims[i]] for i in draw]) for draw in draws])
        delta = other - base_scores
        point = np.subtract(scores([run[c] for c in claims]), (accuracy, ece))
        low, high = np.percentile(delta, [2.5, 97.5], axis=0)
        changed = [c for c in claims if run[c][3] != runs[0][c][3]]
        print(f"{path.name}: accuracy {point[0]:+.4f} [{low[0]:+.4f}, {high[0]:+.4f}], "
              f"ECE {point[1]:+.4f} [{low[1]:+.4f}, {high[1]:+.4f}] (paired, 95%); verdicts changed: "
              f"{len(changed)} ({sum(run[c][0] and not runs[0][c][0] for c in changed)} now right, "
              f"{sum(runs[0][c][0] and not run[c][0] for c in changed)} now wrong)")


if __name__ == "__main__":
    main()

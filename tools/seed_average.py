"""Exploration, not a protocol (after the seed study): would averaging the pipelines of several
training seeds help the verdict? Averages each claim's out-of-fold verdict features over the
seeds' kept rows (``docs/studies/seeds``; seed 13 the shipped run's) — the stance probabilities
of an ensemble of the seeds' models, roughly — takes each claim's basis by majority over the
seeds (seed 13's on a three-way split), and scores the shipped ``VerdictModel`` settings fold by
fold on those rows, beside each seed alone.

    python tools/seed_average.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from burhan.evaluation.verdict import score_kept_folds

ROOT = Path(__file__).resolve().parents[1]
STUDIES = ROOT / "docs" / "studies"
RUNS = {13: STUDIES / "verdict_cv_features_count_places.json",
        14: STUDIES / "seeds" / "verdict_cv_features_seed14.json",
        15: STUDIES / "seeds" / "verdict_cv_features_seed15.json"}


def majority(bases: list[str]) -> str:
    (basis, votes), = Counter(bases).most_common(1)
    return basis if votes > 1 else bases[0]


def averaged(runs: dict[int, list[dict]]) -> list[dict]:
    folds = []
    for parts in zip(*runs.values()):
        for part in parts[1:]:
            assert part["train"] == parts[0]["train"] and part["test"] == parts[0]["test"], "claims differ"
        fold = dict(parts[0])
        for rows in ("X_train", "X_test"):
            fold[rows] = np.mean([np.array(p[rows]) for p in parts], axis=0).tolist()
        for bases in ("train_bases", "test_bases"):
            fold[bases] = [majority(list(b)) for b in zip(*(p[bases] for p in parts))]
        folds.append(fold)
    return folds


def main() -> None:
    runs = {seed: json.loads(path.read_text(encoding="utf-8"))["folds"] for seed, path in RUNS.items()}
    for name, folds in [*((f"seed {s}", f) for s, f in runs.items()), ("mean of the three seeds", averaged(runs))]:
        r = score_kept_folds({}, folds, per_fold=True)
        print(f"{name:24} accuracy {r['accuracy']:.4f}  ECE {r['ece']:.4f}  NEE {r['not_enough_evidence']}  "
              f"decided accuracy {r.get('decided_accuracy')}")


if __name__ == "__main__":
    main()

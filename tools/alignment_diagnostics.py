"""The counts behind the ninth and tenth judgement runs (issue 11), reproducible.

    python tools/alignment_diagnostics.py [--data ../shared/datasets]

1. On the synthetic fold-4 pairs (the evidence selection's development set: ``synthetic_from``
   over the fold-4 claims, ``per_kind=60``, seed 14, as ``tools/evidence_selection.py`` makes them),
   per edit kind and label: the share of pairs where any alignment clash fires, and each clash's
   share (those over 5%). Run with an older commit's ``src`` on ``PYTHONPATH`` for the figures
   before a change (the synthetic edits are that commit's too).
2. On the Unified-FC rationale lines (folds 1–4) of agree and of disagree pairs, the claim against
   each line: each clash's share. A clash on an *agree* line is a false alarm (added 2026-12-07
   for the twenty-second run, not shipped: place and actor clashes fire on 12.0% and 4.4% of agree
   lines, 21.2% and 5.1% of disagree lines; with that run's same-slot rule 7.5% / 3.1% and 14.1% /
   2.0%).
3. On all Unified-FC pairs: the article coverage of the claim (the stance model's relevance-gate
   feature, with the shipped model's IDF table) per gold stance — minimum, how many under 0.2 and
   under 0.34, and the 1% quantile of the pairs that take a side (agree or disagree).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import numpy as np

from burhan.evaluation.stance import unifiedfc_pairs
from burhan.ingest.benchmarks import load_splits, load_unifiedfc
from burhan.stance.alignment import CLASHES, FEATURE_NAMES, alignment_matrix
from burhan.stance.corpora import synthetic_from
from burhan.stance.features import FEATURE_NAMES as STANCE_FEATURES
from burhan.stance.features import PairFeaturizer
from burhan.stance.model import StanceModel
from burhan.stance.training import SHIPPED_MODEL

ROOT = Path(__file__).resolve().parents[1]


def clash_rates(data: Path) -> None:
    fold4 = set(load_splits(data / "unifiedfc" / "train_test_splits.txt")[3])
    claims = [c for c in load_unifiedfc(data / "unifiedfc") if c.id in fold4]
    pairs = synthetic_from(claims, [], per_kind=60, seed=14)
    fired = alignment_matrix(pairs.claims, pairs.sentences)[:, [FEATURE_NAMES.index(c) for c in CLASHES]] > 0
    groups = defaultdict(list)
    for origin, label, row in zip(pairs.origins, pairs.labels, fired):
        groups[(origin, label)].append(row)
    for (origin, label), rows in sorted(groups.items()):
        rows = np.array(rows)
        shares = {c: round(float(v), 2) for c, v in zip(CLASHES, rows.mean(0)) if v > 0.05}
        print(f"{origin:26} {label:9} {len(rows):4} pairs  any clash {rows.any(1).mean():.2f}  {shares}")


def rationale_clash_rates(data: Path) -> None:
    lines: dict[str, tuple[list[str], list[str]]] = {"agree": ([], []), "disagree": ([], [])}
    for claim in load_unifiedfc(data / "unifiedfc"):
        for article in claim.articles:
            if article.stance in lines:
                text = article.text.split("\n")
                for i in article.rationale:
                    if 0 <= i < len(text) and text[i].strip():
                        lines[article.stance][0].append(claim.claim)
                        lines[article.stance][1].append(text[i])
    for stance, (claims, sentences) in lines.items():
        fired = alignment_matrix(claims, sentences)[:, [FEATURE_NAMES.index(c) for c in CLASHES]] > 0
        shares = {c: round(float(v), 3) for c, v in zip(CLASHES, fired.mean(0))}
        print(f"unifiedfc {stance:9} {len(claims):4} rationale lines  any clash {fired.any(1).mean():.3f}  {shares}")


def side_coverage(data: Path) -> None:
    model = StanceModel.load(SHIPPED_MODEL)
    pairs, labels, _, _ = unifiedfc_pairs(load_unifiedfc(data / "unifiedfc"))
    featurizer = PairFeaturizer(model.idf, top=model.top_sentences)
    column = STANCE_FEATURES.index("article_coverage")
    coverage = np.array([featurizer.features(p.claim, p.sentences, p.title, None)[0][column] for p in pairs])
    labels = np.array(labels)
    for label in ("agree", "disagree", "discuss", "unrelated"):
        c = coverage[labels == label]
        print(f"{label:9} {len(c):5} pairs  min {c.min():.3f}  under 0.2: {(c < 0.2).sum()}  under 0.34: {(c < 0.34).sum()}")
    sided = coverage[np.isin(labels, ["agree", "disagree"])]
    print(f"pairs that take a side: {len(sided)}, 1% quantile {np.quantile(sided, 0.01):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    args = parser.parse_args()
    clash_rates(args.data)
    rationale_clash_rates(args.data)
    side_coverage(args.data)


if __name__ == "__main__":
    main()

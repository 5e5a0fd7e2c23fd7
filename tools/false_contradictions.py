"""Where the stance model's out-of-fold *disagree* readings come from (the counts behind the
thirty-fourth judgement run and the analysis after it, issue 11).

    python tools/false_contradictions.py [--data ../shared/datasets] [--seed 13]

One stance model per Unified-FC fold (folds 1–4, as ``burhan eval stance --cv``: its evidence
model trained without the fold's claims), then, over the four folds' test articles:

1. the articles read *disagree*, by gold label, split by whether a rationale sentence shows an
   explicit clash or a refute phrase (``burhan.stance.alignment``) — the precision of a
   contradiction with and without visible grounds;
2. the clashes of the first rationale sentence of those articles, by gold label;
3. the articles whose side the explicit-clash rule took (``Sides.has``) on a place clash alone,
   for Unified-FC (by gold label) and for the edited claims of ``contradicted_pairs``: how much of
   the claim's non-place stems the deciding sentence holds ("rest coverage").
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from burhan.evaluation.stance import contradicted_pairs, out_of_fold_models
from burhan.stance import StanceModel
from burhan.stance.alignment import CLASHES, FEATURE_NAMES, alignment_features
from burhan.stance.model import decisive_sentences
from burhan.text.analysis import analyse
from burhan.text.tokens import analyze

ROOT = Path(__file__).resolve().parents[1]
GROUNDS = [FEATURE_NAMES.index(c) for c in CLASHES] + [FEATURE_NAMES.index("refute_phrase")]
PLACE = FEATURE_NAMES.index("place_conflict")
OTHER_CLASHES = [FEATURE_NAMES.index(c) for c in CLASHES if c != "place_conflict"]


def rest_coverage(claim: str, sentence: str) -> float:
    """The share of the claim's stems outside its place names that ``sentence`` holds."""
    analysed = analyse(claim)
    rest = set(analysed.stems) - set(analyze(" ".join(analysed.places)))
    return len(rest & set(analyse(sentence).stems)) / max(1, len(rest))


def place_only_decisions(model: StanceModel, pairs, golds, out: dict) -> None:
    _, _, _, scored, sides = model._analyse(pairs)
    for k, index in decisive_sentences(scored).items():
        features = alignment_features(pairs[k].claim, pairs[k].sentences[index])
        if sides.has[k] and features[PLACE] > 0 and not (features[OTHER_CLASHES] > 0).any():
            out[golds[k]].append(rest_coverage(pairs[k].claim, pairs[k].sentences[index]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    grounded: dict[bool, Counter] = {True: Counter(), False: Counter()}
    clashes: dict[str, Counter] = defaultdict(Counter)
    rest: dict[str, list[float]] = defaultdict(list)
    for model, test_pairs, golds in out_of_fold_models(args.data, args.seed):
        for pair, gold, prediction in zip(test_pairs, golds, model.predict(test_pairs)):
            if prediction.label != "disagree":
                continue
            rows = [alignment_features(pair.claim, r.text) for r in prediction.rationale]
            grounded[any((row[GROUNDS] > 0).any() for row in rows)][gold] += 1
            if rows:
                clashes[gold].update(c for c, v in zip(CLASHES, rows[0][GROUNDS[:-1]]) if v > 0)
        place_only_decisions(model, test_pairs, golds, rest)
        edited = contradicted_pairs([p for p, g in zip(test_pairs, golds) if g == "agree"])
        place_only_decisions(model, edited, ["edited claim"] * len(edited), rest)
        print(f"fold done ({len(test_pairs)} articles)", flush=True)
    print("1. read disagree out of fold, by gold label")
    for has, counts in grounded.items():
        print(f"   {'with' if has else 'without'} a clash or refute phrase in the rationale: {dict(counts)}")
    print("2. clashes of the first rationale sentence of the articles read disagree")
    for gold, counts in clashes.items():
        print(f"   gold {gold}: {dict(counts)}")
    print("3. sides taken by the explicit-clash rule on a place clash alone: rest coverage")
    for gold, values in rest.items():
        v = np.array(values)
        print(f"   {gold}: {len(v)}, quantiles 10/25/50/75/90 {np.quantile(v, [.1, .25, .5, .75, .9]).round(2)}, "
              f"≥ 0.8: {(v >= 0.8).mean():.2f}")


if __name__ == "__main__":
    main()

"""Articles the stance model reads as *agreeing* although their decisive sentence contradicts the
claim in so many words (issue 11, seventh session: the count behind a rule considered, «a clash
forbids agreement»).

    python tools/clashing_agreements.py [--data ../shared/datasets] [--seed 13]

One stance model per Unified-FC fold (``burhan.evaluation.stance.out_of_fold_models``). For the
test articles and for the edited claims of ``contradicted_pairs`` (a gold *agree* claim changed by
one refuting edit), an article *clashes* when its decisive sentence holds ``polarity_coverage`` of
the claim's stems and shows one of the predicate or count clashes — ``antonym_conflict``,
``failure_one_side``, ``negated_predicate``, ``quantity_conflict`` (not the place, actor, date or
bare-negation clashes, which on Unified-FC mostly mark another event: the thirty-fourth run).
Prints the articles read *agree* that clash, by gold label, and per fold and as the mean, macro-F1,
disagree F1 and the edited claims read *disagree* / *agree*: as fitted, and with the rule — a
clashing article cannot agree, its agree mass going to ``discuss`` or to ``disagree``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from burhan.evaluation.stance import classification_report, contradicted_pairs, out_of_fold_models, relabelled
from burhan.stance.alignment import FEATURE_NAMES as ALIGNMENT_FEATURES
from burhan.stance.model import decisive_sentences

ROOT = Path(__file__).resolve().parents[1]
STRONG = ("antonym_conflict", "failure_one_side", "negated_predicate", "quantity_conflict")


def clashing(model, pairs) -> tuple[list, np.ndarray]:
    """The model's predictions of ``pairs`` and, per pair, whether its decisive sentence clashes."""
    _, _, _, scored, _ = model._analyse(pairs)
    decisive = model._decisive_alignment(pairs, decisive_sentences(scored))
    strong = decisive[:, [ALIGNMENT_FEATURES.index(c) for c in STRONG]].any(axis=1)
    covered = decisive[:, ALIGNMENT_FEATURES.index("coverage")] >= model.polarity_coverage
    return model.predict(pairs), strong & covered


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    read_agree: Counter = Counter()
    scores: dict[str, list[tuple[float, float, float, float]]] = {"as fitted": [], "discuss": [], "disagree": []}
    for model, test_pairs, golds in out_of_fold_models(args.data, args.seed):
        predictions, clash = clashing(model, test_pairs)
        edited = contradicted_pairs([p for p, g in zip(test_pairs, golds) if g == "agree"])
        edited_predictions, edited_clash = clashing(model, edited)
        for prediction, c, gold in zip(predictions, clash, golds):
            if prediction.label == "agree" and c:
                read_agree[gold] += 1
        read_agree["edited claims"] += sum(1 for p, c in zip(edited_predictions, edited_clash) if p.label == "agree" and c)
        runs = {"as fitted": ([p.label for p in predictions], [p.label for p in edited_predictions])}
        for to in ("discuss", "disagree"):
            runs[to] = (relabelled(predictions, clash, "agree", to), relabelled(edited_predictions, edited_clash, "agree", to))
        for name, (labels, edited_labels) in runs.items():
            report = classification_report(golds, labels)
            n = max(1, len(edited_labels))
            scores[name].append((report["macro_f1"], report["per_class"]["disagree"]["f1"],
                                 edited_labels.count("disagree") / n, edited_labels.count("agree") / n))
        print(f"fold done ({len(test_pairs)} articles)", flush=True)
    print(f"read agree with a clash in the decisive sentence, by gold label: {dict(read_agree)}")
    print("per fold: macro-F1 / disagree F1 / edited claims read disagree / agree")
    for name, rows in scores.items():
        mean = np.mean(rows, axis=0)
        print(f"   {name:9}: " + "; ".join(" / ".join(f"{v:.4f}" for v in row) for row in rows)
              + "; mean " + " / ".join(f"{v:.4f}" for v in mean))


if __name__ == "__main__":
    main()

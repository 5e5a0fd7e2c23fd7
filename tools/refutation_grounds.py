"""Whether the stance model's out-of-fold *disagree* readings rest on a sentence that refutes the
claim: the count behind a rule considered and not run (issue 11, seventh session), "an article
none of whose scored sentences reads as refuting the claim cannot disagree".

    python tools/refutation_grounds.py [--data ../shared/datasets] [--seed 13]

One stance model per Unified-FC fold (``burhan.evaluation.stance.out_of_fold_models``, as ``burhan
eval stance --cv``). An article is *grounded* when a clash decided its side (``Sides.has``) or one
of its scored sentences reads P(refutes) > P(supports) — in the variant ``any``, whatever that
sentence's coverage of the claim; in ``covering``, only a sentence holding ``polarity_coverage``
of the claim's stems; in ``covering_or_cue``, that or a refutation cue anywhere in the article or
its title (``burhan.stance.features.REFUTE``: «نفى»، «لا صحة»، «شائعة» …, the features
``refute_article``, ``refute_title``; a denial claim's articles have none); in ``not_supported``,
every article but one whose decisive sentence supports the claim — holds ``polarity_coverage``
of its stems, reads P(supports) ≥ 0.8 (``STATEMENT_SUPPORT``), shows none of the model's
clashes — on a page with no refutation cue; in ``not_leaning_support`` (added after reading
probe paraphrase-01, declared: seed 001 states «روسيا ستواصل عملياتها في شرق حلب», its sentence
reads P(supports) 0.77, and the page reads *disagree* 0.68), the same with P(supports) >
P(refutes) in place of P(supports) ≥ 0.8. The rule, applied here to the model's out-of-fold probabilities: an article
that is not grounded cannot disagree — its disagree mass is shared among the other labels as the
model gave them. Prints per variant:

1. the articles read *disagree* (as fitted), by gold label, grounded or not;
2. the gold *disagree* articles, by what they are read as and whether they are grounded;
3. per fold and as the mean over folds, macro-F1 and disagree F1 as fitted and with the rule, and
   the share of edited claims (``contradicted_pairs``) read *disagree*.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from burhan.evaluation.stance import classification_report, contradicted_pairs, out_of_fold_models, relabelled
from burhan.stance.alignment import FEATURE_NAMES as ALIGNMENT_FEATURES
from burhan.stance.model import STATEMENT_SUPPORT, decisive_sentences, refutation_cue

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("any", "covering", "covering_or_cue", "not_supported", "not_leaning_support")


def grounded(model, pairs) -> tuple[list, dict[str, np.ndarray]]:
    """The model's predictions of ``pairs``, and per variant whether each article is grounded."""
    X, _, _, scored, sides = model._analyse(pairs)
    cue = refutation_cue(X)
    out = {}
    for variant in ("any", "covering", "covering_or_cue"):
        least = 0.0 if variant == "any" else model.polarity_coverage
        refuting = np.zeros(len(pairs), dtype=bool)
        for k, items in scored.items():
            refuting[k] = any(p[1] > p[0] and cov >= least for _, cov, p in items)
        out[variant] = sides.has | refuting | (cue if variant == "covering_or_cue" else False)
    # the decisive sentence holds polarity_coverage of the claim and clashes nowhere, and the page
    # holds no refutation cue: if it supports (P ≥ 0.8) or leans to support, it cannot disagree
    decisive = model._decisive_alignment(pairs, decisive_sentences(scored))
    clash = decisive[:, [ALIGNMENT_FEATURES.index(c) for c in model.polarity_clashes]].any(axis=1)
    plain = (decisive[:, ALIGNMENT_FEATURES.index("coverage")] >= model.polarity_coverage) & ~clash & ~cue
    out["not_supported"] = sides.has | ~(plain & (sides.supports >= STATEMENT_SUPPORT))
    out["not_leaning_support"] = sides.has | ~(plain & (sides.supports > sides.refutes))
    return model.predict(pairs), out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    read_disagree = {v: {True: Counter(), False: Counter()} for v in VARIANTS}
    gold_disagree = {v: Counter() for v in VARIANTS}
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in ("as fitted", *VARIANTS)}
    for model, test_pairs, golds in out_of_fold_models(args.data, args.seed):
        predictions, grounds = grounded(model, test_pairs)
        edited = contradicted_pairs([p for p, g in zip(test_pairs, golds) if g == "agree"])
        edited_predictions, edited_grounds = grounded(model, edited)
        fitted = [p.label for p in predictions]
        runs = {"as fitted": (fitted, [p.label for p in edited_predictions])}
        for variant in VARIANTS:
            runs[variant] = (relabelled(predictions, ~grounds[variant], "disagree"),
                             relabelled(edited_predictions, ~edited_grounds[variant], "disagree"))
            for k, (label, gold) in enumerate(zip(fitted, golds)):
                if label == "disagree":
                    read_disagree[variant][bool(grounds[variant][k])][gold] += 1
                if gold == "disagree":
                    gold_disagree[variant][(label, "grounded" if grounds[variant][k] else "not grounded")] += 1
        for name, (labels, edited_labels) in runs.items():
            report = classification_report(golds, labels)
            scores[name].append((report["macro_f1"], report["per_class"]["disagree"]["f1"],
                                 edited_labels.count("disagree") / max(1, len(edited_labels))))
        print(f"fold done ({len(test_pairs)} articles)", flush=True)
    for variant in VARIANTS:
        print(f"variant {variant}")
        print("1. read disagree out of fold (as fitted), by gold label")
        for ok, counts in read_disagree[variant].items():
            print(f"   {'grounded' if ok else 'not grounded'}: {dict(counts)}")
        print("2. gold disagree articles: (read as, grounded?)")
        for key, n in sorted(gold_disagree[variant].items()):
            print(f"   {key}: {n}")
    print("3. per fold: macro-F1 / disagree F1 / edited claims read disagree")
    for name, rows in scores.items():
        mean = np.mean(rows, axis=0)
        print(f"   {name:9}: " + "; ".join(" / ".join(f"{v:.4f}" for v in row) for row in rows)
              + f"; mean {mean[0]:.4f} / {mean[1]:.4f} / {mean[2]:.4f}")


if __name__ == "__main__":
    main()

"""Model selection for the evidence model (issue 11), by ANS dev only.

Protocol, written before the last measurement:
- round 1 (``--round 1``): features {alignment only, e5 embedding only, both} × training sources
  {ANS kept part, ANS + synthetic, all sources} × C {0.03, 0.1, 0.3, 1}, chosen by ANS dev alone.
  It chose ANS only, e5 + alignment, C 0.03 (ANS dev 0.784) — a model that gets 47% of the
  synthetic fold-4 pairs right (it cannot tell a changed count or place): ANS dev alone does not
  measure what the evidence model is for. So, before any final measurement, the criterion became:
- round 2 (default): the mean of ANS dev macro-F1 and synthetic fold-4 macro-F1, over
  encoders {e5, e5 + use-m3} (both with alignment) × sources {ANS + synthetic, ANS + synthetic +
  Unified-FC + AuSTR, all} × C {0.01, 0.03} × ANS weight {1, 3}; chose ANS + synthetic, e5,
  C 0.01, weight 1 (ANS dev 0.770, synthetic 0.918). On the seeds, that model read «روسيا أوقفت
  عملياتها» against «روسيا ستواصل عملياتها» as supports 0.71: its alignment columns, standardised
  beside 1,536 embedding columns under one penalty, had coefficients of about 0.2;
- round 3 (``--round 3``, same criterion): the alignment block unstandardised and multiplied by
  ``alignment_weight`` {1, 3, 10}, and half of the synthetic refutations also paraphrased (a
  clause dropped, the opening words, a reporting verb swapped), × C {0.01, 0.03}. Run again
  after an actor gazetteer (``burhan.text.actors``: an ``actor_conflict`` clash, organisations in
  the actor swaps) and durations without a number (duals, «لمدة شهر») were added — changes made
  after reading the probe set's misses (the probe score is therefore not a clean held-out figure),
  and a third time after ``first_word_missing`` was dropped: Unified-FC claims open with «قال …»,
  so it fired on 13 of 28 agree pairs whose decisive sentence read as refuting (in 60 sampled);
- round 4 (``--round 4``, 2026-12-04, same grid and criterion as round 3), after three changes
  to the alignment features and the synthetic dates, made after counting on the synthetic fold-4
  pairs how often a clash feature fires for the edit that made the pair (a one-off count: changed
  counts 50%, measures 50%, negations 82%) and after reading the probes' partly-true misses: a
  claimed count the sentence gives with another value now conflicts even when another count
  matches (counts 92%, measures 77%); ``negated_predicate``, a word one side negates and the
  other asserts («لم تخرج» / «خرجت»; negations 98%); a synthetic date edit picks among the
  sentence's years and months alike (it took a month only when no year was there);
- round 5 (``--round 5``, 2026-12-04, same grid and criterion): planned for ``predicate_cores``
  treating the words after a denial verb as negated (verdict_prior_study.py, fourteenth run);
  never run: that change was abandoned before any measurement;
- round 6 (``--round 6``, 2026-12-04, same grid and criterion): after a number right after a
  definite plural unit («الساعات الأربع والعشرين») began to measure that unit (fifteenth run);
- round 7 (``--round 7``, 2026-12-07, same criterion): round 6's logistic candidates (C {0.01,
  0.03} × alignment weight {1, 3, 10}) beside ensembles of five one-hidden-layer perceptrons
  (``EvidenceModel(hidden=…)``, ``burhan.mlp.MLPEnsemble``, seeds 13–17, probabilities averaged)
  of {16, 32, 64} units × L2 penalty alpha {1, 3}, alignment weight 3; only the ANS and synthetic
  pairs are built (the sources every candidate of rounds 2–7 kept). **Not a clean choice**: a
  prototype on these same development sets (``ANS dev``, synthetic fold 4) came first and is why
  this round exists — single perceptrons of 16–128 units, alpha 1–100, one seed each, then 5-seed
  means and ensembles for four settings (ensembles: ANS dev 0.780–0.806, synthetic 0.944–0.954;
  round 6's chosen logistic model, rebuilt in the same prototype: 0.759 / 0.944). Whether the
  gain carries is measured after the choice on what the prototype never looked at: the
  held-out part of ANS train (its fourth look), Unified-FC stance and verdict CV, the probes;
- synthetic and Unified-FC pairs come from fold 1–3 claims only here, so that the
  synthetic pairs of fold-4 articles are an evaluation set no candidate trained on;
- the candidate with the best ANS dev macro-F1 is chosen (ties: fewer features, then smaller C);
- the chosen settings are trained on everything (all folds) by ``burhan train evidence``;
  the held-out 15% of ANS train (by headline) is scored once, after that, by
  ``burhan eval evidence --held-out``.

``python tools/evidence_selection.py ../shared/datasets [--json out.json]``: every candidate's
ANS dev macro-F1 and synthetic fold-4 accuracy, one line each, and the choice.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from burhan.evaluation.evidence import evidence_report
from burhan.ingest.benchmarks import load_splits, load_unifiedfc
from burhan.stance.corpora import synthetic_from, training_data
from burhan.stance.evidence import EvidenceModel

ROUNDS = {
    1: {"features": ("alignment", "embedding", "both"), "encoders": (("e5-small",),),
        "sources": ("ans", "ans+synthetic", "all"), "C": (0.03, 0.1, 0.3, 1.0), "ans_weight": (1.0,)},
    2: {"features": ("both",), "encoders": (("e5-small",), ("e5-small", "use-m3")),
        "sources": ("ans+synthetic", "news", "all"), "C": (0.01, 0.03), "ans_weight": (1.0, 3.0)},
    3: {"features": ("both",), "encoders": (("e5-small",),), "sources": ("ans+synthetic",), "C": (0.01, 0.03),
        "ans_weight": (1.0,), "alignment_weight": (1.0, 3.0, 10.0)},
}
ROUNDS[4] = ROUNDS[6] = ROUNDS[3]  # round 5 was planned and never run (see above)
ROUNDS[7] = {**ROUNDS[3], "hidden": (0, 16, 32, 64), "alpha": (1.0, 3.0)}
FEATURES = {"alignment": (False, True), "embedding": (True, False), "both": (True, True)}
SOURCES = {"ans": ("ans",), "ans+synthetic": ("ans", "synthetic"),
           "news": ("ans", "synthetic", "unifiedfc", "austr"),
           "all": ("ans", "arnli", "arbteds", "austr", "unifiedfc", "synthetic")}


def candidates(grid: dict) -> list[tuple]:
    """(C, ANS weight, alignment weight, hidden units, alpha) of a round: a logistic model
    (hidden 0) for each C; a perceptron ensemble for each hidden size and alpha, at alignment
    weight 3 (the weight rounds 3–6 chose), C unused."""
    logistic = [(c, w, a, 0, 1.0) for c in grid["C"] for w in grid["ans_weight"]
                for a in grid.get("alignment_weight", (None,))]
    perceptrons = [(grid["C"][0], w, 3.0, h, alpha) for h in grid.get("hidden", (0,)) if h
                   for alpha in grid["alpha"] for w in grid["ans_weight"]]
    return logistic + perceptrons


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--round", type=int, default=3, choices=sorted(ROUNDS))
    args = parser.parse_args()
    grid = ROUNDS[args.round]
    folds = load_splits(args.data / "unifiedfc" / "train_test_splits.txt")
    fold4 = set(folds[3])
    needed = sorted({source for name in grid["sources"] for source in SOURCES[name]})
    data = training_data(args.data, sources=tuple(needed), exclude_claims=fold4, seed=args.seed)
    fold4_claims = [c for c in load_unifiedfc(args.data / "unifiedfc") if c.id in fold4]
    synthetic_test = synthetic_from(fold4_claims, [], per_kind=60, seed=args.seed + 1)
    encoders = sorted({e for group in grid["encoders"] for e in group})
    full = EvidenceModel(encoders=tuple(encoders))  # every feature group: candidates use column subsets
    t = time.time()
    X_train = full.features(data.train.claims, data.train.sentences)
    X_dev = full.features(data.ans_dev.claims, data.ans_dev.sentences)
    X_syn = full.features(synthetic_test.claims, synthetic_test.sentences)
    print(f"features in {time.time() - t:.0f} s: train {X_train.shape}, dev {X_dev.shape}, synthetic {X_syn.shape}",
          flush=True)
    width = {e: len(EvidenceModel(encoders=(e,), use_alignment=False).features(["ا"], ["ا"])[0]) for e in encoders}
    offsets, at = {}, 0
    for e in encoders:
        offsets[e], at = np.arange(at, at + width[e]), at + width[e]
    alignment = np.arange(at, X_train.shape[1])
    rows = []
    for source_name in grid["sources"]:
        sources = SOURCES[source_name]
        keep = np.array([o.split(":")[0] in sources for o in data.train.origins])
        labels = [l for l, k in zip(data.train.labels, keep) if k]
        for feature_name in grid["features"]:
            use_embedding, use_alignment = FEATURES[feature_name]
            for group in (grid["encoders"] if use_embedding else (("e5-small",),)):
                cols = np.concatenate(([offsets[e] for e in group] if use_embedding else [])
                                      + ([alignment] if use_alignment else []))
                for C, ans_weight, alignment_weight, hidden, alpha in candidates(grid):
                    weights = np.array([ans_weight if o == "ans" else 1.0 for o, k in zip(data.train.origins, keep) if k])
                    model = EvidenceModel(encoders=group, use_embedding=use_embedding, use_alignment=use_alignment,
                                          C=C, alignment_weight=alignment_weight or 1.0, hidden=hidden, alpha=alpha,
                                          seed=args.seed)
                    scale = np.ones(X_train.shape[1])
                    scale[alignment] = alignment_weight or 1.0
                    t = time.time()
                    if alignment_weight is None:  # rounds 1–2 standardised every column, alignment too
                        model.n_embedding_columns = lambda n: n
                    model.fit_features((X_train[keep] * scale)[:, cols], labels, weights)
                    dev = evidence_report(model, data.ans_dev, (X_dev * scale)[:, cols])
                    syn = evidence_report(model, synthetic_test, (X_syn * scale)[:, cols])
                    row = {"sources": source_name, "features": feature_name, "encoders": list(group), "C": C,
                           "ans_weight": ans_weight, "alignment_weight": alignment_weight,
                           "hidden": hidden, "alpha": alpha if hidden else None,
                           "train_pairs": int(keep.sum()),
                           "ans_dev_macro_f1": dev["macro_f1"], "ans_dev_accuracy": dev["accuracy"],
                           "synthetic_fold4_accuracy": syn["accuracy"], "synthetic_fold4_macro_f1": syn["macro_f1"],
                           "criterion": round((dev["macro_f1"] + syn["macro_f1"]) / 2, 4) if args.round >= 2
                           else dev["macro_f1"],
                           "synthetic_by_kind": syn.get("accuracy_by_origin", {}), "seconds": round(time.time() - t, 1)}
                    rows.append(row)
                    print(json.dumps({k: v for k, v in row.items() if k != "synthetic_by_kind"}), flush=True)
    order = {"alignment": 0, "embedding": 1, "both": 2}
    best = max(rows, key=lambda r: (r["criterion"], -order[r["features"]], -len(r["encoders"]), -r["hidden"],
                                    -r["C"]))
    print("chosen:", json.dumps(best, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({"candidates": rows, "chosen": best}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

"""How far can a reader of the article get on Unified-FC stance? Gold labels by claim overlap.

    python tools/stance_label_audit.py ../shared/datasets/unifiedfc [--examples 5] [--seed 5]

For every claim–article pair of the folder, the best article line's IDF-weighted coverage of
the claim's stems and the share of the claim's stem bigrams found in one line (the stance
model's own ``max_coverage`` and ``max_bigram`` features, IDF over all articles), then the
gold labels in each band. ``--examples N`` prints N random pairs labelled *unrelated* whose
best line holds ≥ 80% of the claim's bigrams, with that line and its neighbours, to read.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from burhan.evaluation.stance import unifiedfc_pairs
from burhan.ingest.benchmarks import load_unifiedfc
from burhan.stance.features import FEATURE_NAMES, PairFeaturizer, idf_table
from burhan.stance.model import LABELS
from burhan.text.tokens import analyze

BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.3, 0.5), (0.0, 0.3))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    pairs, labels, _, _ = unifiedfc_pairs(load_unifiedfc(args.directory))
    featurizer = PairFeaturizer(idf_table([analyze(" ".join(p.sentences)) for p in pairs]))
    coverage, bigram, best_line = [], [], []
    for pair in pairs:
        x, ranking = featurizer.features(pair.claim, pair.sentences)
        coverage.append(float(x[FEATURE_NAMES.index("max_coverage")]))
        bigram.append(float(x[FEATURE_NAMES.index("max_bigram")]))
        best_line.append(ranking[0].index if ranking else 0)

    print(f"{len(pairs)} pairs: " + ", ".join(f"{label} {n}" for label, n in Counter(labels).most_common()))
    print(f"{'best line covers':24} {'pairs':>5} " + " ".join(f"{label:>9}" for label in LABELS))
    for low, high in BANDS:
        chosen = [label for label, c in zip(labels, coverage) if low <= c < high]
        counts = Counter(chosen)
        print(f"{f'[{low:.1f}, {min(high, 1.0):.1f}) of the claim':24} {len(chosen):5} "
              + " ".join(f"{counts[label]:9}" for label in LABELS))
    verbatim = [i for i, b in enumerate(bigram) if b >= 0.8]
    counts = Counter(labels[i] for i in verbatim)
    print(f"{'≥ 80% of its bigrams':24} {len(verbatim):5} " + " ".join(f"{counts[label]:9}" for label in LABELS))

    unrelated = [i for i in verbatim if labels[i] == "unrelated"]
    for i in random.Random(args.seed).sample(unrelated, min(args.examples, len(unrelated))):
        pair, line = pairs[i], best_line[i]
        print(f"\n== unrelated, {len(pair.sentences)} lines, best line {line}\nCLAIM: {pair.claim}")
        for k in range(max(0, line - 1), min(len(pair.sentences), line + 2)):
            print(f"  [{k}] {pair.sentences[k][:300]}")


if __name__ == "__main__":
    main()

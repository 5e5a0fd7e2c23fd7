"""Why the stance classifier reads an article as it does: each feature's share of the log-odds
between two labels, largest first.

    python tools/stance_contributions.py "CLAIM" --db STORE --article ID [--labels disagree discuss]
        [--model src/burhan/stance/stance_model.json] [--top 15]

For the article's features (``StanceModel._analyse``, as a check computes them), prints the
classifier's probabilities (before the relevance gate and the side rules, then after), whether a
sentence decided the side (``Sides``), and per feature (lexical, evidence-model, bag-of-words
stem) its standardised value z and coef[first] − coef[second] times z: what pushes the article
from the second label towards the first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from burhan.stance.features import FEATURE_NAMES
from burhan.stance.model import EVIDENCE_FEATURES, LABELS, StanceModel, StancePair
from burhan.stance.training import SHIPPED_MODEL
from burhan.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("claim")
    parser.add_argument("--db", required=True)
    parser.add_argument("--article", type=int, required=True)
    parser.add_argument("--labels", nargs=2, default=["disagree", "discuss"], choices=LABELS)
    parser.add_argument("--model", type=Path, default=SHIPPED_MODEL)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    with Store(args.db) as store:
        found = store.articles([args.article])
    if not found:
        raise SystemExit(f"no article {args.article} in {args.db}")
    article = found[0]
    model = StanceModel.load(args.model)
    pair = StancePair(args.claim, [s.text for s in article.sentences], article.title)
    X, _, tops, _, sides = model._analyse([pair])
    design = model._design(X, tops)
    classifier = model.classifier
    raw = classifier.predict_proba(design)[0]
    final = model._proba(X, tops, sides)[0]
    print(f"article {article.id} ({article.source}): {article.title}")
    print("classifier  " + "  ".join(f"{c} {p:.2f}" for c, p in zip(classifier.classes, raw)))
    print("final       " + "  ".join(f"{c} {p:.2f}" for c, p in zip(LABELS, final)))
    if sides is not None:
        print(f"a sentence decided the side: {bool(sides.has[0])} (P(supports) {sides.supports[0]:.2f}, "
              f"P(refutes) {sides.refutes[0]:.2f}); a reported denial: {bool(sides.denied[0])}")
    vocabulary = {i: t for t, i in model.vectorizer.vocabulary_.items()}
    lexical = [n for n in FEATURE_NAMES if model.article_length or n != "log_sentences"]
    names = lexical + [f"pair:{i}" for i in range(X.shape[1] - len(FEATURE_NAMES) - len(EVIDENCE_FEATURES))]
    names += list(EVIDENCE_FEATURES) if model.evidence is not None else []
    names += [f"stem:{vocabulary.get(i, '?')}" for i in range(design.shape[1] - len(names))]
    z = classifier._standardise(design)[0]
    first, second = (classifier.classes.index(label) for label in args.labels)
    contributions = (classifier.coef[first] - classifier.coef[second]) * z
    print(f"{args.labels[0]} − {args.labels[1]}: intercept {classifier.intercept[first] - classifier.intercept[second]:+.3f}, "
          f"features {contributions.sum():+.3f}")
    for i in np.argsort(-np.abs(contributions))[: args.top]:
        print(f"  {names[i]:32} z {z[i]:+6.2f}   {contributions[i]:+.3f}")


if __name__ == "__main__":
    main()

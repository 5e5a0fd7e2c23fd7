"""Does the stance model see that a headline agrees with its own article? A probe beyond Unified-FC.

    python tools/headline_probe.py [--seeds ../shared/seeds] [--model PATH]

Every titled article of ``../shared/seeds`` and of the bundled demo corpus becomes a pair: the
title as the claim, the article's sentences without the title line as the text. Short
headline claims are what fact-checkers bring, and Unified-FC's claims are long sentences;
the right answer for all of these pairs is *agree*. Prints how many the model (default: the
shipped one) calls agree, and the misses.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from burhan.demo import DEMO_CORPUS
from burhan.ingest import ingest
from burhan.stance import StanceModel, StancePair
from burhan.stance.training import SHIPPED_MODEL
from burhan.store import Store


def headline_pairs(paths: list[Path]) -> list[StancePair]:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "probe.db") as store:
        ingest(paths, store)
        articles = store.articles(store.article_ids())
    pairs = []
    for article in articles:
        sentences = [s.text for s in article.sentences]
        if not article.title or len(sentences) < 2:
            continue
        if sentences[0].strip() == article.title.strip():  # the headline must not be its own evidence
            sentences = sentences[1:]
        pairs.append(StancePair(article.title, sentences))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "seeds")
    parser.add_argument("--model", type=Path, default=SHIPPED_MODEL)
    args = parser.parse_args()
    pairs = headline_pairs([args.seeds, DEMO_CORPUS] if args.seeds.exists() else [DEMO_CORPUS])
    predictions = StanceModel.load(args.model).predict(pairs)
    agree = sum(p.label == "agree" for p in predictions)
    print(f"{args.model.name}: headline vs own article, agree {agree} of {len(pairs)}")
    for pair, p in zip(pairs, predictions):
        if p.label != "agree":
            print(f"  {p.label:9} {p.probs[p.label]:.2f}  {pair.claim[:90]}")


if __name__ == "__main__":
    main()

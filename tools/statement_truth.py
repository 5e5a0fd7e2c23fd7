"""How often a Unified-FC claim is *stated* in one of its own articles, by the claim's truth (the
count behind ``StanceModel(statement_agrees=…)``, issue 11's thirty-seventh run).

    python tools/statement_truth.py [--data ../shared/datasets/unifiedfc]

A claim is stated in an article when one of its sentences holds ≥ 80% of the claim's stems and the
shipped evidence model reads it as supporting the claim with P ≥ 0.8. Prints the claims by truth and
whether some own article states them, and the gold stances of the stating articles: Unified-FC's
annotators judged the page as a whole, so a digest that states a claim in one paragraph is often
*discuss* or *unrelated* there. One-off count over all 338 claims' own articles (the gold
evidence, not retrieval); ~2 min.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from burhan.ingest.benchmarks import load_unifiedfc
from burhan.stance.evidence import EvidenceModel
from burhan.stance.training import SHIPPED_EVIDENCE
from burhan.text.analysis import analyse
from burhan.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = SUPPORT = 0.8


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets" / "unifiedfc")
    args = parser.parse_args()
    evidence = EvidenceModel.load(SHIPPED_EVIDENCE)
    claims, stances = Counter(), Counter()
    for claim in load_unifiedfc(args.data):
        stems = set(analyse(claim.claim).stems)
        covering = [(sentence, article.stance) for article in claim.articles for sentence in split_sentences(article.text)
                    if len(stems & set(analyse(sentence).stems)) >= COVERAGE * max(1, len(stems))]
        stating = []
        if covering:
            probs = evidence.predict_proba([claim.claim] * len(covering), [s for s, _ in covering])
            stating = [stance for (_, stance), p in zip(covering, probs) if p[0] >= SUPPORT]
        claims[(claim.fact, bool(stating))] += 1
        stances.update((claim.fact, stance) for stance in set(stating))
    print("claims (truth, stated in an own article):", dict(sorted(claims.items())))
    print("stating articles (truth, gold stance), one per stance and claim:", dict(sorted(stances.items())))


if __name__ == "__main__":
    main()

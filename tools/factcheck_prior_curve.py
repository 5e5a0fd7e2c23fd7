"""The fact-check ranker's trade between showing a claim its own fact-check and showing a claim
never checked another claim's fact-check, as the weight of "unmatched" training queries varies.

    python tools/factcheck_prior_curve.py [--data ../shared/datasets/checkthat2021_ar]
        [--weights 0 0.1 0.25 0.5 1]

Every CheckThat! 2021 query has a fact-check in the collection; a user's claim mostly has none.
Each train query is also ranked without its own fact-checks (every label false) and those rows
weigh ``w``: the ranker then assumes that a share 1 / (1 + w) of the claims it sees were checked
before. Per ``w``, at the shipped ranker's setting (query vectors, depth 50, C 0.1), on dev:
MAP@5, the share of tweets whose top match is shown (P ≥ 0.5) or decisive (P ≥ 0.8) and its
precision, and the share of tweets ranked without their own fact-checks that are still shown or
decided by another one (``burhan.evaluation.claim_matching.final_report``). ``w`` = 0 is the
shipped design, 1 the ``--unmatched`` ranker of 2026-12-07. A report for choosing the prior (the
search model card): nothing is chosen or shipped by it, and dev is the split the setting was
chosen on.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from burhan.evaluation.claim_matching import ClaimMatchingBenchmark, final_report
from burhan.ingest.benchmarks import load_checkthat_queries, load_qrels
from burhan.linear import StandardisedLogistic
from burhan.search.factchecks import FactCheckRanker

ROOT = Path(__file__).resolve().parents[1]
SETTING = {"document_kind": "query", "candidates": 50, "C": 0.1}  # the shipped ranker's


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets" / "checkthat2021_ar")
    parser.add_argument("--weights", type=float, nargs="*", default=[0.0, 0.1, 0.25, 0.5, 1.0])
    args = parser.parse_args()
    bench = ClaimMatchingBenchmark(args.data / "vclaims.tsv")
    try:
        train_q, train_r = load_checkthat_queries(args.data / "train_queries.tsv"), load_qrels(args.data / "train_qrels.txt")
        dev_q, dev_r = load_checkthat_queries(args.data / "dev_queries.tsv"), load_qrels(args.data / "dev_qrels.txt")
        first = bench.matcher(FactCheckRanker(document_kind=SETTING["document_kind"]))
        rows = bench.training_rows(first, train_q, train_r, SETTING["candidates"], unmatched=True)
        labels = ["match" if v else "other" for v in rows.y]
        print(f"{'w':>5} {'prior':>6} {'MAP@5':>6} {'shown':>6} {'prec':>6} {'decisive':>8} {'prec':>6} "
              f"{'false shown':>11} {'false decisive':>14}")
        for w in args.weights:
            ranker = FactCheckRanker(C=SETTING["C"], candidates=SETTING["candidates"],
                                     document_kind=SETTING["document_kind"])
            ranker.classifier = StandardisedLogistic(C=ranker.C, class_weight=None).fit(
                rows.X, labels, sample_weight=np.where(rows.unmatched, w, 1.0))
            matcher = bench.matcher(ranker)
            dev = final_report(bench, matcher, dev_q, dev_r)
            show, decisive = dev["thresholds"]["show"], dev["thresholds"]["decisive"]
            print(f"{w:5.2f} {1 / (1 + w):6.2f} {dev['map@5']:6.3f} {show['share_with_a_top_match']:6.3f} "
                  f"{show['precision_of_top_match']:6.3f} {decisive['share_with_a_top_match']:8.3f} "
                  f"{decisive['precision_of_top_match']:6.3f} {show['unmatched_queries_with_a_top_match']:11.3f} "
                  f"{decisive['unmatched_queries_with_a_top_match']:14.3f}")
    finally:
        bench.close()


if __name__ == "__main__":
    main()

"""Where the verdict CV's errors lie, by what the annotators found for each claim (issue 11).

    python tools/verdict_errors.py docs/studies/verdict_cv_features_counts_decide_stated.json [--json OUT]

Reads one kept verdict CV (``cross_validate_verdict(features_out=…)``), refits the verdict model
per outer fold on its kept rows as every verdict study does (``decide_kept_fold``, default
settings), and groups Unified-FC's 338 claims by their *gold* articles: ``has-disagree`` (some
article disagrees), ``has-agree`` (some agrees, none disagrees), ``discuss-only`` (some discuss,
none agrees or disagrees) and ``none-related`` (every article unrelated). Per group and truth:
the verdicts and the bases given.

It also prints a reliability table (per tenth of P(true): claims, mean P(true), share true) and the
accuracy of an oracle that reads the gold stances and follows the issue's basis rules — a
disagreeing story → refuted → false; an agreeing one → supported → true; discussion only →
unconfirmed → false; nothing related → no_evidence → not_enough_evidence, which the CV counts as
wrong — to show how far the claims' own annotated articles can take a verdict that never says
*false* for want of evidence it did not find. The retrieved-evidence CV searches all 2,336
articles, so a system can (and does) find related coverage beyond a claim's own articles; the
oracle is a reference point, not an upper bound.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from burhan.evaluation.verdict import decide_kept_fold
from burhan.ingest.benchmarks import LabelledClaim, load_unifiedfc

ROOT = Path(__file__).resolve().parents[1]
UNIFIEDFC = ROOT.parent / "shared" / "datasets" / "unifiedfc"
GROUPS = ("has-disagree", "has-agree", "discuss-only", "none-related")
ORACLE = {"has-disagree": "false", "has-agree": "true", "discuss-only": "false", "none-related": "not_enough_evidence"}


def gold_group(claim: LabelledClaim) -> str:
    stances = {a.stance for a in claim.articles}
    if "disagree" in stances:
        return "has-disagree"
    if "agree" in stances:
        return "has-agree"
    return "discuss-only" if "discuss" in stances else "none-related"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("features", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    claims = {c.id: c for c in load_unifiedfc(UNIFIEDFC)}
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    right = oracle_right = total = 0
    p_true: list[tuple[float, bool]] = []  # (P(true), whether the claim is true), for the reliability table
    for fold in json.loads(args.features.read_text(encoding="utf-8"))["folds"]:
        for claim_id, gold, basis, (verdict, _, p) in zip(fold["test"], fold["test_gold"], fold["test_bases"],
                                                         decide_kept_fold({}, fold)):
            p_true.append((p, gold == "true"))
            group = gold_group(claims[claim_id])
            table[(group, gold)][f"verdict {verdict}"] += 1
            table[(group, gold)][f"basis {basis}"] += 1
            right += verdict == gold
            oracle_right += ORACLE[group] == gold
            total += 1
    print(f"{total} claims: CV accuracy {right / total:.4f}; gold-stance oracle under the basis rules "
          f"{oracle_right / total:.4f}")
    rows = []
    for group in GROUPS:
        for gold in ("true", "false"):
            counts = table.get((group, gold))
            if not counts:
                continue
            n = sum(v for k, v in counts.items() if k.startswith("verdict"))
            verdicts = {k[8:]: v for k, v in sorted(counts.items()) if k.startswith("verdict")}
            bases = {k[6:]: v for k, v in sorted(counts.items()) if k.startswith("basis")}
            rows.append({"group": group, "gold": gold, "claims": n, "verdicts": verdicts, "bases": bases})
            print(f"{group:13} {gold:5} {n:4}  right {verdicts.get(gold, 0):3}  verdicts {verdicts}  bases {bases}")
    reliability = reliability_table(p_true)
    for row in reliability:
        print(f"P(true) {row['bin']}: {row['claims']:3} claims, mean P(true) {row['mean_p']:.2f}, "
              f"share true {row['share_true']:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"accuracy": right / total, "oracle_accuracy": oracle_right / total,
                                         "groups": rows, "reliability": reliability}, ensure_ascii=False, indent=1),
                             encoding="utf-8")


def reliability_table(p_true: list[tuple[float, bool]], bins: int = 10) -> list[dict]:
    """Per tenth of P(true) (the top bin closed): how many claims, their mean P(true) and the
    share that is true — where the ECE comes from."""
    rows = []
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [(p, t) for p, t in p_true if low <= p < high or (k == bins - 1 and p == 1.0)]
        if inside:
            rows.append({"bin": f"[{low:.1f}, {high:.1f})", "claims": len(inside),
                         "mean_p": round(sum(p for p, _ in inside) / len(inside), 4),
                         "share_true": round(sum(t for _, t in inside) / len(inside), 4)})
    return rows


if __name__ == "__main__":
    main()

"""Study (issue 11): do conflicting counts whose sentence is *about the claim* tell false claims
from true ones on Unified-FC? A descriptive count, no model is fitted or chosen by it.

    python tools/count_conflict_study.py --db ufc.db [--data ../shared/datasets/unifiedfc]
                                          [--out docs/studies/count_conflicts.json]

Every Unified-FC claim of the shared folds that states a quantity is checked with the shipped
engine on ``--db`` (retrieved evidence, k = 20; the shipped stance model was trained on these
folds, so the stances are in-sample — only the count checks are studied). For each count check
in a related lead story: its relation (match / conflict / context) and the share of the claim's
content stems (digits left out) that its sentence holds. Reported: claims with a conflict (and
with a match) at or above each share, by the claim's label and by the engine's stance of the
article.
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from burhan.engine import Engine
from burhan.ingest.benchmarks import load_splits, load_unifiedfc
from burhan.store import Store
from burhan.text.analysis import analyse
from burhan.verdict.model import related_leads

SHARES = (0.0, 0.2, 0.3, 0.4, 0.5)


def content(text: str) -> set[str]:
    return {s for s in analyse(text).stems if not any(ch.isdigit() for ch in s)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--data", default="../shared/datasets/unifiedfc")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "studies" / "count_conflicts.json"))
    args = parser.parse_args()
    splits = load_splits(Path(args.data) / "train_test_splits.txt")
    shared = set().union(*map(set, splits))
    claims = [c for c in load_unifiedfc(args.data) if c.id in shared and analyse(c.claim).quantities]
    rows, started = [], time.time()
    with Store(args.db, create=False) as store:
        engine = Engine(store)
        for c in claims:
            verdict = engine.check(c.claim)
            leads = {e.article_id: e.stance for e in related_leads(verdict.evidence)}
            claimed = content(c.claim)
            for n in verdict.numbers:
                if n.article_id in leads:
                    rows.append({"claim": c.id, "fact": c.fact, "stance": leads[n.article_id], "relation": n.relation,
                                 "share": round(len(claimed & content(n.sentence)) / max(1, len(claimed)), 4)})
    table = {}
    for share in SHARES:
        for relation in ("conflict", "match"):
            chosen = [r for r in rows if r["relation"] == relation and r["share"] >= share]
            facts = collections.Counter({r["claim"]: r["fact"] for r in chosen}.values())
            stances = collections.Counter(s for _, s in {(r["claim"], r["stance"]) for r in chosen})
            table[f"{relation} share>={share}"] = {"claims_by_label": dict(facts), "claim_articles_by_stance": dict(stances)}
    result = {"claims": len(claims), "seconds": round(time.time() - started, 1), "table": table}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

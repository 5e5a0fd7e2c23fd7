"""The probe set: hand-written claims over a known corpus, each with the verdict, basis and
article stances a fact-checker expects (``tests/data/probes.jsonl``).

A probe line: ``{"id", "kind", "claim", "verdict", "basis", "articles": {NAME: STANCE}}``;
an article NAME is a suffix of its stored origin (``news/05``, a seed's file name).
``evaluate_probes`` checks every claim with the engine (retrieval included, top ``k``) and
reports the share of right verdicts overall and per kind, right bases, and right stances of
the named articles, beside ``majority_baseline``: the most common expected verdict, basis and
article stance of the probe file, answered for every probe.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from burhan.domain import BASES, STANCES, VERDICTS
from burhan.ingest import json_lines


@dataclass
class Probe:
    id: str
    kind: str
    claim: str
    verdict: str
    basis: str
    articles: dict[str, str] = field(default_factory=dict)


def load_probes(path: str | Path) -> list[Probe]:
    probes = []
    for n, record, problem in json_lines(Path(path).read_text(encoding="utf-8")):
        if problem:
            raise ValueError(f"{path}, line {n}: {problem}")
        try:
            probe = Probe(**record)
        except TypeError as err:
            raise ValueError(f"{path}, line {n}: not a probe ({err})") from None
        if probe.verdict not in VERDICTS or probe.basis not in BASES or \
                any(s not in STANCES for s in probe.articles.values()):
            raise ValueError(f"{path}, line {n}: unknown verdict, basis or stance in probe {probe.id}")
        probes.append(probe)
    return probes


def _resolve(names: set[str], origins: dict[int, str]) -> dict[str, int]:
    found = {}
    for name in names:
        ids = [i for i, origin in origins.items() if origin.endswith(name)]
        if len(ids) != 1:
            raise ValueError(f"probe article {name!r} matches {len(ids)} stored articles (want exactly one)")
        found[name] = ids[0]
    return found


def evaluate_probes(engine, probes: list[Probe], k: int | None = None, on_progress=None) -> dict:
    origins = {a.id: a.origin for a in engine.store.list_articles()}
    ids = _resolve({name for p in probes for name in p.articles}, origins)
    rows = []
    for n, probe in enumerate(probes, start=1):
        verdict = engine.check(probe.claim, k=k)
        stances = {e.article_id: e.stance for e in verdict.evidence}
        articles = {name: {"expected": want, "got": stances.get(ids[name], "not_retrieved")}
                    for name, want in probe.articles.items()}
        rows.append({"id": probe.id, "kind": probe.kind, "claim": probe.claim,
                     "expected": {"verdict": probe.verdict, "basis": probe.basis},
                     "got": {"verdict": verdict.verdict, "basis": verdict.basis, "p_true": verdict.p_true},
                     "verdict_right": verdict.verdict == probe.verdict, "basis_right": verdict.basis == probe.basis,
                     "articles": articles})
        if on_progress:
            on_progress("probes", n, len(probes))
    return {**_scores(rows), "baselines": {"majority": majority_baseline(probes)}, "results": rows}


def majority_baseline(probes: list[Probe]) -> dict:
    """The scores of answering every probe with the probe file's most common expected verdict,
    basis and article stance (ties: the first met), overall and per kind."""
    def most_common(values: list[str]) -> str:
        return Counter(values).most_common(1)[0][0]

    verdict = most_common([p.verdict for p in probes])
    basis = most_common([p.basis for p in probes])
    stance = most_common([s for p in probes for s in p.articles.values()] or ["unrelated"])
    rows = [{"kind": p.kind, "verdict_right": p.verdict == verdict, "basis_right": p.basis == basis,
             "articles": {name: {"expected": want, "got": stance} for name, want in p.articles.items()}}
            for p in probes]
    return {"answers": {"verdict": verdict, "basis": basis, "stance": stance}, **_scores(rows)}


def _scores(rows: list[dict]) -> dict:
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)

    def share(items: list[bool]) -> float | None:
        return round(sum(items) / len(items), 4) if items else None

    def scores(items: list[dict]) -> dict:
        return {"verdict_accuracy": share([r["verdict_right"] for r in items]),
                "basis_accuracy": share([r["basis_right"] for r in items]),
                "article_stance_accuracy": share([a["expected"] == a["got"] for r in items for a in r["articles"].values()])}

    return {"probes": len(rows), **scores(rows),
            "per_kind": {kind: {"probes": len(items), **scores(items)} for kind, items in sorted(by_kind.items())}}

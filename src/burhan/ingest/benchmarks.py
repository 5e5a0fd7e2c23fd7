"""Readers for public benchmark layouts with their labels (for evaluation and training).

Unified-FC (Baly et al., NAACL 2018): ``dataset/<ID>.json`` per claim with parallel lists
``article``, ``url``, ``stance``, ``rationale`` and the claim's ``fact``; folds in
``train_test_splits.txt`` (``Fold_N: ID ID ...``). The claim ID is kept only to split by
claim: its ``R-``/``V-`` prefix leaks the verdict and must never be a feature.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from burhan.ingest.errors import IngestError


@dataclass
class LabelledArticle:
    text: str
    url: str | None
    stance: str
    rationale: list[int] = field(default_factory=list)


@dataclass
class LabelledClaim:
    id: str
    claim: str
    fact: str
    articles: list[LabelledArticle]


def load_unifiedfc(directory: str | Path) -> list[LabelledClaim]:
    """All claims of a Unified-FC folder (``DIR/dataset/*.json`` or ``DIR/*.json``), sorted by id."""
    directory = Path(directory)
    folder = directory / "dataset" if (directory / "dataset").is_dir() else directory
    files = sorted(folder.glob("*.json"))
    if not files:
        raise IngestError(f"no Unified-FC claim files (*.json) in {folder}")
    claims = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            articles = []
            for k, text in enumerate(data["article"]):
                rationale = data["rationale"][k] if k < len(data["rationale"]) else ""
                articles.append(LabelledArticle(
                    text=text,
                    url=data["url"][k] if k < len(data["url"]) else None,
                    stance=data["stance"][k],
                    rationale=json.loads(rationale) if rationale else [],
                ))
            claims.append(LabelledClaim(id=data["id"], claim=data["claim"], fact=data["fact"], articles=articles))
        except (KeyError, IndexError, json.JSONDecodeError, TypeError) as err:
            raise IngestError(f"{path}: not a Unified-FC claim file ({err})") from None
    return sorted(claims, key=lambda c: c.id)


def load_splits(path: str | Path) -> list[list[str]]:
    """Claim-level folds from a ``Fold_N: ID ID ...`` file, in file order."""
    folds = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if ":" in line:
            folds.append(line.split(":", 1)[1].split())
    if not folds:
        raise IngestError(f"{path}: no 'Fold_N: ID ...' lines")
    return folds


def load_checkthat_queries(path: str | Path) -> list[tuple[str, str]]:
    """CheckThat! 2021 Task 2A queries: ``tweet_id, tweet_text`` (TSV with a header)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()
    if not lines or not lines[0].startswith("tweet_id"):
        raise IngestError(f"{path}: not a CheckThat! queries TSV (expected the header tweet_id, tweet_text)")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        parts = line.split("\t", 1)
        if len(parts) != 2:
            raise IngestError(f"{path}: line {number}: expected tweet_id<TAB>tweet_text")
        rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def load_qrels(path: str | Path) -> dict[str, set[str]]:
    """TREC qrels (``query_id 0 doc_id relevance``): the relevant doc ids of each query."""
    relevant: dict[str, set[str]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise IngestError(f"{path}: line {number}: expected 'query_id 0 doc_id relevance'")
        if int(parts[3]) > 0:
            relevant.setdefault(parts[0], set()).add(parts[2])
    return relevant

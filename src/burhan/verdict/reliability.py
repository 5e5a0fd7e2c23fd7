"""How far a source's stances can be trusted, per domain.

Learned from labelled data: an article that takes a side (agree or disagree) on a claim
whose truth is known was either right (agreed with a true claim, disagreed with a false
one) or wrong. A domain's reliability is its share of right calls, smoothed toward the
prior (the share over all domains) with ``strength`` pseudo-observations, so a domain seen
twice stays near the prior. Unknown domains get the prior. A user file overrides any of it:
JSON ``{"domain": score}`` or CSV ``domain,reliability`` with scores in [0, 1].
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from burhan.ingest.errors import json_problem


class SourceReliability:
    def __init__(self, prior: float = 0.7, strength: float = 4.0):
        self.prior = prior
        self.strength = strength
        self.counts: dict[str, tuple[int, int]] = {}  # domain → (right calls, calls)
        self.overrides: dict[str, float] = {}

    def fit(self, calls: Iterable[tuple[str | None, bool]]) -> SourceReliability:
        """``calls``: (domain, whether its stance matched the known truth)."""
        counts: dict[str, list[int]] = {}
        for domain, right in calls:
            if domain:
                entry = counts.setdefault(domain, [0, 0])
                entry[0] += int(right)
                entry[1] += 1
        self.counts = {d: (r, n) for d, (r, n) in sorted(counts.items())}
        total = sum(n for _, n in self.counts.values())
        if total:
            self.prior = sum(r for r, _ in self.counts.values()) / total
        return self

    def score(self, domain: str | None) -> float:
        for candidate in _parents(domain):
            if candidate in self.overrides:
                return self.overrides[candidate]
        for candidate in _parents(domain):
            if candidate in self.counts:
                right, n = self.counts[candidate]
                return (right + self.strength * self.prior) / (n + self.strength)
        return self.prior

    def knows(self, domain: str | None) -> bool:
        """Whether ``domain`` (or a parent domain) has an override or a record; else its score is the prior."""
        return any(c in self.overrides or c in self.counts for c in _parents(domain))

    def load_overrides(self, path: str | Path) -> SourceReliability:
        """Read a user file of scores (JSON object or CSV ``domain,reliability``); errors name the line."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as err:
            raise ValueError(f"cannot read reliability file {path}: {err.strerror}") from None
        entries: list[tuple[str, object, str]] = []
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}: not valid JSON: {json_problem(err)}") from None
            if not isinstance(data, dict):
                raise ValueError(f"{path}: expected a JSON object of domain → reliability")
            entries = [(str(d), v, f"key {d!r}") for d, v in data.items()]
        else:
            for n, row in enumerate(csv.reader(text.splitlines()), start=1):
                if not row or row[0].strip().lower() in ("", "domain") or row[0].startswith("#"):
                    continue
                if len(row) < 2:
                    raise ValueError(f"{path}, line {n}: expected 'domain,reliability'")
                entries.append((row[0], row[1], f"line {n}"))
        overrides = {}
        for domain, value, where in entries:
            try:
                score = float(value)
            except (TypeError, ValueError):
                raise ValueError(f"{path}, {where}: reliability {value!r} is not a number") from None
            if not 0.0 <= score <= 1.0:
                raise ValueError(f"{path}, {where}: reliability {score} is outside [0, 1]")
            overrides[domain.strip().lower().removeprefix("www.")] = score
        self.overrides.update(overrides)
        return self

    def to_dict(self) -> dict:
        return {"prior": self.prior, "strength": self.strength, "counts": {d: list(c) for d, c in self.counts.items()}}

    @classmethod
    def from_dict(cls, data: dict) -> SourceReliability:
        table = cls(prior=data["prior"], strength=data["strength"])
        table.counts = {d: (int(r), int(n)) for d, (r, n) in data["counts"].items()}
        return table


def _parents(domain: str | None) -> list[str]:
    """``news.bbc.co.uk`` → itself, ``bbc.co.uk``, ``co.uk`` (most specific first)."""
    if not domain:
        return []
    parts = domain.lower().removeprefix("www.").split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]

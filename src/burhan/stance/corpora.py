"""Claim ↔ sentence training pairs from the public corpora under ``../shared/datasets``.

Every source is mapped onto the evidence labels ``supports`` / ``refutes`` / ``neutral``:

| source | claim side | evidence side | mapping |
|---|---|---|---|
| ANS stance (Khouja 2020) | headline ``s1`` | sentence ``s2`` | agree → supports, disagree → refutes, other → neutral |
| ArNLI (SICK translated) | hypothesis ``h`` | premise ``t`` | 1 → supports, 2 → refutes, 0 → neutral (verified below) |
| ArbTEDS | headline ``h`` | lead ``t`` | 1 (entailed) → supports, 0 → neutral (not entailed is not refuted) |
| AuSTR | rumour tweet | authority's tweet | agree → supports, disagree → refutes, other → neutral |
| Unified-FC | claim | rationale lines | agree pair → supports, disagree pair → refutes; the best-covering line of an unrelated pair → neutral |
| synthetic (``burhan.stance.synthetic``) | an edit of a news sentence | the sentence | by the edit |

ArNLI's integer labels are undocumented. Checked on its English columns (train): label 0
(2,642 pairs) has mean relatedness 2.96 and negation in 6% of pairs, label 1 (1,391) 4.57 and
0.2% («The men are putting / placing suitcases…»), label 2 (723) 3.62 and 26% («A family is
(not) purchasing…»): 0 = neutral, 1 = entailment, 2 = contradiction, as SICK's proportions say.

ArbTEDS is tokenised with clitics split off («نظير ه», «ب رباعية»); they are joined back.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from burhan.ingest.benchmarks import LabelledClaim, load_unifiedfc
from burhan.search.dense import clip
from burhan.stance.synthetic import synthetic_pairs
from burhan.text.tokens import analyze

EVIDENCE_LABELS = ("supports", "refutes", "neutral")
MAX_WORDS = 64  # scraped "sentences" can be hundreds of words of page furniture
_STANCE_TO_EVIDENCE = {"agree": "supports", "disagree": "refutes", "other": "neutral"}


@dataclass
class SentencePairs:
    """Parallel lists: a claim, an evidence sentence, its label, and where the pair came from."""

    claims: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)

    def add(self, claim: str, sentence: str, label: str, origin: str) -> None:
        if label not in EVIDENCE_LABELS:
            raise ValueError(f"{origin}: unknown evidence label {label!r}")
        self.claims.append(clip(claim, MAX_WORDS))
        self.sentences.append(clip(sentence, MAX_WORDS))
        self.labels.append(label)
        self.origins.append(origin)

    def __len__(self) -> int:
        return len(self.labels)

    def __add__(self, other: SentencePairs) -> SentencePairs:
        return SentencePairs(self.claims + other.claims, self.sentences + other.sentences,
                             self.labels + other.labels, self.origins + other.origins)

    def where(self, keep: list[bool]) -> SentencePairs:
        rows = [row for row, k in zip(zip(self.claims, self.sentences, self.labels, self.origins), keep) if k]
        return SentencePairs(*(list(column) for column in zip(*rows))) if rows else SentencePairs()


def _rows(path: Path, needed: set[str], delimiter: str = ",") -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter=delimiter)
        missing = needed - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
        return list(reader)


def ans_pairs(path: str | Path) -> SentencePairs:
    pairs = SentencePairs()
    for row in _rows(Path(path), {"s1", "s2", "stance"}):
        pairs.add(row["s1"], row["s2"], _STANCE_TO_EVIDENCE[row["stance"]], "ans")
    return pairs


def split_by_headline(pairs: SentencePairs, held_share: float = 0.15, seed: int = 13) -> tuple[SentencePairs, SentencePairs]:
    """(kept, held out): whole headlines are held out, so no headline is on both sides."""
    headlines = sorted(set(pairs.claims))
    random.Random(seed).shuffle(headlines)
    held = set(headlines[: round(held_share * len(headlines))])
    inside = [c in held for c in pairs.claims]
    return pairs.where([not x for x in inside]), pairs.where(inside)


def arnli_pairs(path: str | Path) -> SentencePairs:
    mapping = {"1": "supports", "2": "refutes", "0": "neutral"}
    pairs = SentencePairs()
    for row in _rows(Path(path), {"t", "h", "label"}):
        pairs.add(row["h"], row["t"], mapping[row["label"]], "arnli")
    return pairs


_SPLIT_PREFIX = re.compile(r"(?<!\w)([وفبلك]) (?=\w)")
_SPLIT_SUFFIX = re.compile(r"(?<=\w) (ه|ها|هم|هما|هن|ك|كم|ي|نا)(?!\w)")


def _join_clitics(text: str) -> str:
    return _SPLIT_SUFFIX.sub(r"\1", _SPLIT_PREFIX.sub(r"\1", text)).strip()


def arbteds_pairs(path: str | Path) -> SentencePairs:
    pairs = SentencePairs()
    for row in _rows(Path(path), {"t", "h", "label"}):
        pairs.add(_join_clitics(row["h"]), _join_clitics(row["t"]), "supports" if row["label"] == "1" else "neutral",
                  "arbteds")
    return pairs


def austr_pairs(path: str | Path) -> SentencePairs:
    pairs = SentencePairs()
    for row in _rows(Path(path), {"rumor_text", "evidence_text", "stance"}, delimiter="\t"):
        pairs.add(row["rumor_text"], row["evidence_text"], _STANCE_TO_EVIDENCE[row["stance"]], "austr")
    return pairs


def unifiedfc_line_pairs(claims: list[LabelledClaim]) -> SentencePairs:
    pairs = SentencePairs()
    for claim in claims:
        claim_stems = set(analyze(claim.claim))
        for article in claim.articles:
            lines = article.text.split("\n")
            if article.stance in ("agree", "disagree"):
                label = "supports" if article.stance == "agree" else "refutes"
                for i in article.rationale:
                    if 0 <= i < len(lines) and lines[i].strip():
                        pairs.add(claim.claim, lines[i], label, f"unifiedfc:{claim.id}")
            elif article.stance == "unrelated" and lines:
                best = max(lines, key=lambda line: (len(claim_stems & set(analyze(line))), -len(line)))
                if best.strip():
                    pairs.add(claim.claim, best, "neutral", f"unifiedfc:{claim.id}")
    return pairs


def synthetic_from(claims: list[LabelledClaim], extra_sentences: list[str], per_kind: int, seed: int) -> SentencePairs:
    groups = [a.text.split("\n") for c in claims for a in c.articles] + [[s] for s in extra_sentences]
    pairs = SentencePairs()
    for p in synthetic_pairs(groups, per_kind=per_kind, seed=seed):
        pairs.add(p.claim, p.evidence, p.label, f"synthetic:{p.kind}")
    return pairs


def without_claims(pairs: SentencePairs, claim_ids: set[str]) -> list[bool]:
    """Which pairs to keep when the Unified-FC claims ``claim_ids`` are held out: their labelled
    lines go. Synthetic pairs carry no stance or verdict label and stay."""
    return [not (o.startswith("unifiedfc:") and o.split(":", 1)[1] in claim_ids) for o in pairs.origins]


SOURCES = ("ans", "arnli", "arbteds", "austr", "unifiedfc", "synthetic")


@dataclass
class TrainingData:
    """Everything ``burhan train evidence`` learns from, and the two ANS parts it never trains on."""

    train: SentencePairs
    ans_dev: SentencePairs
    ans_held_out: SentencePairs


def training_data(data: str | Path, sources: tuple[str, ...] = SOURCES, exclude_claims: set[str] = frozenset(),
                  per_kind: int = 300, held_share: float = 0.15, seed: int = 13) -> TrainingData:
    """Pairs of the chosen ``sources`` under ``data`` (the ``../shared/datasets`` layout). The
    Unified-FC claims in ``exclude_claims`` (a test fold) give neither lines nor synthetic pairs;
    ANS train is split by headline and its held-out part is left out of everything. A Unified-FC
    pair's origin is ``unifiedfc:<claim id>``, so that a fold's labelled lines can be dropped
    later (``without_claims``)."""
    data = Path(data)
    ans_kept, ans_held = split_by_headline(ans_pairs(data / "ans/stance/train.csv"), held_share, seed)
    train = SentencePairs()
    if "ans" in sources:
        train = train + ans_kept
    if "arnli" in sources:
        train = train + arnli_pairs(data / "arabic_nli/ArNLI/train_nli.csv")
    if "arbteds" in sources:
        train = train + arbteds_pairs(data / "arabic_nli/ArbTEDS/train_ArbTEDS.csv")
    if "austr" in sources:
        train = train + austr_pairs(data / "austr/AuSTR_SNAM.tsv")
    claims = [c for c in load_unifiedfc(data / "unifiedfc") if c.id not in exclude_claims] \
        if {"unifiedfc", "synthetic"} & set(sources) else []
    if "unifiedfc" in sources:
        train = train + unifiedfc_line_pairs(claims)
    if "synthetic" in sources:
        train = train + synthetic_from(claims, sorted(set(ans_kept.sentences)), per_kind, seed)
    return TrainingData(train, ans_pairs(data / "ans/stance/dev.csv"), ans_held)

"""Has this claim been checked already? A claim (or a tweet) against published fact-checks.

Three steps, each replaceable:

1. ``clean_social`` (URLs, mentions, emoji, hashtags as words, «رسمياااا» → «رسميا»);
2. candidates: BM25 over each fact-check's claim and title (tantivy in memory, fed Burhan's
   analyser, like the article index) and cosine over their offline dense vectors (claim and
   title embedded apart, a fact-check scored by the closer of the two; e5's "query: " prefix
   on both sides, as its authors advise for symmetric tasks), the top ``candidates`` of each;
3. ``FactCheckRanker``: a logistic regression over the candidates' scores and ranks and over
   how much of each text the other covers, trained on CheckThat! 2021 train and chosen on
   dev (``burhan train claim-matching``). Its output is P(the same claim), calibrated on
   dev (reliability table in the model card).

Vectors are cached in the store (``vectors`` table, by text hash), so a fact-check is
embedded once; the index is rebuilt in memory when the store's fact-checks change.
"""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import tantivy

from burhan.domain import FactCheck, FactCheckMatch
from burhan.linear import StandardisedLogistic
from burhan.search.dense import CachedEncoder, clip, load_encoder
from burhan.search.lexical import any_term_query
from burhan.text.social import clean_social
from burhan.text.tokens import analyze

SHIPPED_RANKER = Path(__file__).parent / "factcheck_ranker.json"
CANDIDATES = 30
EMBED_WORDS = 64
QUERY_CACHE = 256
MATCH_MODES = ("bm25", "dense", "hybrid", "final")


class MatchError(ValueError):
    """A query that cannot be matched (nothing searchable in it)."""


@dataclass
class Candidate:
    """A fact-check considered for a query, with what each first-stage retriever said."""

    factcheck_id: int
    bm25: float = 0.0
    bm25_rank: int | None = None
    cosine: dict[str, float] = field(default_factory=dict)
    dense_rank: dict[str, int] = field(default_factory=dict)
    query_coverage: float = 0.0
    doc_coverage: float = 0.0
    score: float = 0.0


def feature_names(encoders: tuple[str, ...]) -> list[str]:
    names = ["bm25", "bm25_relative", "bm25_reciprocal_rank"]
    for e in encoders:
        names += [f"{e}_cosine", f"{e}_cosine_gap", f"{e}_reciprocal_rank"]
    return names + ["query_coverage", "doc_coverage"]


class FactCheckIndex:
    """BM25 and dense vectors over the fact-checks of one store (``refresh`` to follow it)."""

    def __init__(self, store, encoders: tuple[str, ...] = ("e5-small",), encoder_objects: dict | None = None,
                 document_kind: str = "query"):
        self.store = store
        self.encoders = tuple(encoders)
        # e5 asks for "query: " on both sides of a symmetric task (same claim ↔ same claim)
        # and "passage: " for documents that answer a query; the ranker records which it used
        self.document_kind = document_kind
        given = encoder_objects or {}
        raw = {name: given.get(name) or load_encoder(name) for name in self.encoders}
        # fact-checks' vectors are cached in the store; a query's only in memory (the last
        # QUERY_CACHE queries, by the encoder itself when it is a CachedEncoder's), so that
        # matching never writes to the store
        self._encoders = {name: CachedEncoder(encoder, store) for name, encoder in raw.items()}
        self._query_encoders = {name: getattr(encoder, "encoder", encoder) for name, encoder in raw.items()}
        self._query_vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._count = -1
        self.ids = np.zeros(0, dtype=np.int64)
        self._tokens: dict[int, set[str]] = {}
        self._idf: dict[str, float] = {}
        self._idf_sums: dict[int, float] = {}  # per fact-check, the IDF mass of its stems
        self.rows: dict[int, int] = {}  # fact-check id → its row in the vectors
        self._index: tantivy.Index | None = None
        self._matrices: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def refresh(self, on_progress=None) -> None:
        """Rebuild when the store's fact-checks changed (embedding any not yet embedded)."""
        count = self.store.factcheck_count()
        if count == self._count:
            return
        rows = self.store.factcheck_tokens()
        self.ids = np.array([r[0] for r in rows], dtype=np.int64)
        self._tokens = {i: set(t.split()) for i, t in rows}
        self.rows = {i: row for row, (i, _) in enumerate(rows)}
        df = Counter(t for tokens in self._tokens.values() for t in tokens)
        self._idf = {t: math.log(1 + (len(rows) + 1) / (n + 0.5)) for t, n in df.items()}
        self._unseen_idf = math.log(1 + (len(rows) + 1) / 0.5)
        self._idf_sums = {i: sum(self._idf[t] for t in tokens) for i, tokens in self._tokens.items()}
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        builder.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
        self._schema = builder.build()
        self._index = tantivy.Index(self._schema)
        writer = self._index.writer(heap_size=64_000_000, num_threads=1)
        for i, tokens in rows:
            writer.add_document(tantivy.Document(id=i, body=tokens))
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()
        self._embed(on_progress)
        self._count = count

    def _embed(self, on_progress=None) -> None:
        factchecks = self.store.factchecks()
        texts = [(clip(f.claim, EMBED_WORDS), clip(f.title or f.claim, EMBED_WORDS)) for f in factchecks]
        for name, encoder in self._encoders.items():
            flat = [t for pair in texts for t in pair]
            vectors = []
            step = 256
            for start in range(0, len(flat), step):
                vectors.append(encoder.encode(flat[start : start + step], self.document_kind))
                if on_progress:
                    on_progress(f"embedding fact-checks ({name})", min(start + step, len(flat)), len(flat))
            # rows 2k and 2k+1: the claim and the title of fact-check k
            self._matrices[name] = np.ascontiguousarray(np.vstack(vectors)) if vectors \
                else np.zeros((0, 1), dtype=np.float32)

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unseen_idf)

    def idf_sum(self, factcheck_id: int) -> float:
        return self._idf_sums.get(factcheck_id, 0.0)

    def tokens(self, factcheck_id: int) -> set[str]:
        return self._tokens.get(factcheck_id, set())

    def bm25(self, terms: list[str], k: int) -> list[tuple[int, float]]:
        if not terms or self._index is None or not len(self.ids):
            return []
        searcher = self._index.searcher()
        hits = searcher.search(any_term_query(self._schema, "body", terms), k).hits
        return [(searcher.doc(address)["id"][0], float(score)) for score, address in hits]

    def cosines(self, name: str, text: str) -> np.ndarray:
        """The cosine of ``text`` (as a query) with every fact-check (the closer of claim and title)."""
        matrix = self._matrices.get(name)
        if matrix is None or not len(self.ids):
            return np.zeros(0, dtype=np.float32)
        # einsum, not BLAS: a two-thread BLAS product leaves OpenBLAS threads spinning and the
        # next e5 encoding then ran 2× slower on 2 cores (match 120 → 55 ms with one BLAS thread)
        return np.einsum("ij,j->i", matrix, self.query_vector(name, text)).reshape(-1, 2).max(axis=1)

    def query_vector(self, name: str, text: str) -> np.ndarray:
        key = (name, clip(text, EMBED_WORDS))
        if key not in self._query_vectors:
            self._query_vectors[key] = self._query_encoders[name].encode([key[1]], "query")[0]
            while len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.popitem(last=False)
        self._query_vectors.move_to_end(key)
        return self._query_vectors[key]


class FactCheckRanker:
    """P(same claim) for a candidate, from its first-stage scores: fit / predict_proba / save / load."""

    def __init__(self, encoders: tuple[str, ...] = ("e5-small",), C: float = 1.0, candidates: int = CANDIDATES,
                 show_threshold: float = 0.5, decisive_threshold: float = 0.8, document_kind: str = "query"):
        self.encoders = tuple(encoders)
        self.document_kind = document_kind  # how fact-checks are embedded: "query" (symmetric) or "passage"
        self.C = C
        self.candidates = candidates
        # shown with a check from show_threshold; taken as the verdict's basis from decisive_threshold
        self.show_threshold = show_threshold
        self.decisive_threshold = decisive_threshold
        self.classifier: StandardisedLogistic | None = None
        self.card: dict = {}

    def fit(self, X: np.ndarray, y: list[bool]) -> FactCheckRanker:
        labels = ["match" if v else "other" for v in y]
        self.classifier = StandardisedLogistic(C=self.C, class_weight=None).fit(X, labels)
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """P(match) per row."""
        if self.classifier is None:
            raise RuntimeError("the ranker is not fitted")
        if not len(X):
            return np.zeros(0)
        return self.classifier.predict_proba(X)[:, self.classifier.classes.index("match")]

    def to_dict(self) -> dict:
        return {"format": 1, "encoders": list(self.encoders), "document_kind": self.document_kind,
                "C": self.C, "candidates": self.candidates,
                "show_threshold": self.show_threshold, "decisive_threshold": self.decisive_threshold,
                "features": feature_names(self.encoders), "classifier": self.classifier.to_dict(), "card": self.card}

    @classmethod
    def from_dict(cls, data: dict) -> FactCheckRanker:
        ranker = cls(tuple(data["encoders"]), data["C"], data["candidates"], data["show_threshold"],
                     data["decisive_threshold"], data.get("document_kind", "passage"))
        ranker.classifier = StandardisedLogistic.from_dict(data["classifier"])
        ranker.card = data.get("card", {})
        return ranker

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path = SHIPPED_RANKER) -> FactCheckRanker:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


class FactCheckMatcher:
    """``FactCheckMatcher(store).match("...")`` → the published fact-checks of that claim, best first."""

    def __init__(self, store, ranker: FactCheckRanker | None = None, encoder_objects: dict | None = None,
                 index: FactCheckIndex | None = None):
        self.store = store
        self.ranker = ranker or FactCheckRanker.load()
        # ``is None``, not ``or``: an index not yet refreshed has no rows and reads as false —
        # each benchmark matcher then built an index of its own with an encoder outside the
        # shared vector cache, and embedded the whole collection again in every process
        self.index = index if index is not None else FactCheckIndex(store, self.ranker.encoders, encoder_objects,
                                                                    self.ranker.document_kind)

    def refresh(self, on_progress=None) -> None:
        self.index.refresh(on_progress)

    def candidates(self, query: str, depth: int | None = None, exclude: frozenset[int] = frozenset()) -> list[Candidate]:
        """The first stage: union of the BM25 and dense top ``depth``, with their features.
        ``exclude``: fact-check ids ranked as if absent from the collection (a query whose
        fact-check was never published: how the ranker learns that the best of the rest is no match)."""
        self.index.refresh()
        text = clean_social(query)
        terms = analyze(text)
        if not terms:
            raise MatchError("the query has no searchable words (only links, mentions, emoji or punctuation)")
        depth = depth or self.ranker.candidates
        found: dict[int, Candidate] = {}
        bm25 = [(i, score) for i, score in self.index.bm25(terms, depth + len(exclude)) if i not in exclude]
        for rank, (i, score) in enumerate(bm25[:depth]):
            found[i] = Candidate(i, bm25=score, bm25_rank=rank)
        cosines = {name: self.index.cosines(name, text) for name in self.index.encoders}
        kept = ~np.isin(self.index.ids, list(exclude)) if exclude else None
        for name, scores in cosines.items():
            if kept is not None:
                scores = np.where(kept, scores, -np.inf)
            if not len(scores):
                continue
            top = np.argpartition(-scores, min(depth, len(scores)) - 1)[:depth]
            top = top[np.argsort(-scores[top], kind="stable")]
            top = top[np.isfinite(scores[top])]
            for rank, row in enumerate(top):
                found.setdefault(int(self.index.ids[row]), Candidate(int(self.index.ids[row]))).dense_rank[name] = rank
        query_stems = set(terms)
        query_mass = max(sum(self.index.idf(t) for t in query_stems), 1e-9)
        for c in found.values():
            for name, scores in cosines.items():
                c.cosine[name] = float(scores[self.index.rows[c.factcheck_id]]) if len(scores) else 0.0
            shared = sum(self.index.idf(t) for t in query_stems & self.index.tokens(c.factcheck_id))
            c.query_coverage = shared / query_mass
            c.doc_coverage = shared / max(self.index.idf_sum(c.factcheck_id), 1e-9)
        return list(found.values())

    def features(self, candidates: list[Candidate]) -> np.ndarray:
        if not candidates:
            return np.zeros((0, len(feature_names(self.index.encoders))))
        top_bm25 = max(c.bm25 for c in candidates) or 1.0
        best = {n: max(c.cosine.get(n, 0.0) for c in candidates) for n in self.index.encoders}
        rows = []
        for c in candidates:
            row = [c.bm25, c.bm25 / top_bm25, 0.0 if c.bm25_rank is None else 1 / (1 + c.bm25_rank)]
            for n in self.index.encoders:
                rank = c.dense_rank.get(n)
                row += [c.cosine.get(n, 0.0), c.cosine.get(n, 0.0) - best[n], 0.0 if rank is None else 1 / (1 + rank)]
            rows.append(row + [c.query_coverage, c.doc_coverage])
        return np.asarray(rows, dtype=np.float64)

    def rank(self, query: str, mode: str = "final", depth: int | None = None,
             exclude: frozenset[int] = frozenset()) -> list[Candidate]:
        """Candidates ordered by ``mode``: bm25, dense (the first encoder's cosine), hybrid
        (per-query z-scored BM25 and cosine, equal weights) or final (the ranker)."""
        if mode not in MATCH_MODES:
            raise ValueError(f"unknown mode {mode!r}; choose from {', '.join(MATCH_MODES)}")
        candidates = self.candidates(query, depth, exclude)
        if not candidates:
            return []
        first = self.index.encoders[0] if self.index.encoders else None
        if mode == "bm25":
            scores = [c.bm25 if c.bm25_rank is not None else -1.0 for c in candidates]
        elif mode == "dense":
            scores = [c.cosine.get(first, 0.0) for c in candidates]
        elif mode == "hybrid":
            scores = list(_z([c.bm25 for c in candidates]) + _z([c.cosine.get(first, 0.0) for c in candidates]))
        else:
            scores = list(self.ranker.predict_proba(self.features(candidates)))
        for c, s in zip(candidates, scores):
            c.score = float(s)
        return sorted(candidates, key=lambda c: (-c.score, c.factcheck_id))

    def match(self, query: str, k: int = 10, min_score: float | None = None) -> list[FactCheckMatch]:
        """The top ``k`` fact-checks with P(same claim); those under ``min_score`` left out."""
        ranked = [c for c in self.rank(query)[:k] if min_score is None or c.score >= min_score]
        by_id = {f.id: f for f in self.store.factchecks([c.factcheck_id for c in ranked])}
        return [to_match(by_id[c.factcheck_id], c.score) for c in ranked if c.factcheck_id in by_id]


def to_match(item: FactCheck, score: float) -> FactCheckMatch:
    return FactCheckMatch(factcheck_id=item.id, claim=item.claim, title=item.title, publisher=item.publisher,
                          url=item.url, rating=item.rating, rating_normalised=item.rating_normalised,
                          review_date=item.review_date, score=round(float(score), 4))


def _z(values: list[float]) -> np.ndarray:
    v = np.asarray(values, dtype=np.float64)
    return (v - v.mean()) / (v.std() or 1.0)

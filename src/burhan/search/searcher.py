"""The search façade: one ``Searcher`` over a store, its BM25 index and its vectors.

``sync`` brings the BM25 index and (optionally) the article vectors up to date with the
store; ``search`` answers in three modes. Hybrid ranking is reciprocal rank fusion
(RRF, k=60) of the BM25 and dense rankings. In sentence mode, BM25 ranks all sentences,
while the dense side ranks the sentences of the candidate articles (embedded on demand
and cached), since embedding every sentence of a large corpus is too slow on a CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from burhan.domain import SearchHit
from burhan.search.dense import DEFAULT_ENCODER, DenseIndex, Encoder, article_passage, load_encoder, text_key
from burhan.search.lexical import LexicalIndex
from burhan.store import Store

MODES = ("bm25", "dense", "hybrid")
RRF_K = 60
MAX_K = 1000
INDEX_BATCH = 500
EMBED_BATCH = 32

Progress = Callable[[int, int], None]


class SearchError(ValueError):
    """A query that cannot be searched (empty, only punctuation, bad mode or k)."""


def index_folder_for(store: Store) -> Path:
    return store.path.with_name(store.path.name + ".index")


def article_vector_key(content_hash: str) -> str:
    return "article:" + content_hash


def rrf(rankings: list[list[tuple]], k: int = RRF_K) -> dict:
    """Reciprocal rank fusion: ``{key: Σ 1/(k + rank)}`` over rankings of ``(key, ...)``."""
    fused: dict = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item[0]] = fused.get(item[0], 0.0) + 1.0 / (k + rank)
    return fused


class Searcher:
    """Search over ``store``. The encoder is loaded on first use (dense and hybrid modes)."""

    def __init__(self, store: Store, encoder: Encoder | str = DEFAULT_ENCODER, index_folder: str | Path | None = None):
        self.store = store
        self._encoder = encoder if not isinstance(encoder, str) else None
        self.encoder_name = encoder if isinstance(encoder, str) else encoder.name
        self.lexical = LexicalIndex(index_folder or index_folder_for(store))
        self._dense: DenseIndex | None = None

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.encoder_name)
        return self._encoder

    # -- keeping up with the store ---------------------------------------------------

    def sync(self, embed: bool = True, on_index: Progress | None = None, on_embed: Progress | None = None) -> None:
        """Index articles added since the last sync; with ``embed``, embed those lacking vectors."""
        pending = self.store.article_ids(after=self.lexical.last_article_id)
        for start in range(0, len(pending), INDEX_BATCH):
            self.lexical.add(self.store.articles(pending[start : start + INDEX_BATCH]))
            if on_index:
                on_index(min(start + INDEX_BATCH, len(pending)), len(pending))
        if embed:
            self.embed_articles(on_embed)

    def rebuild(self, on_index: Progress | None = None) -> None:
        """Drop and rebuild the BM25 index from the store (vectors are kept)."""
        folder = self.lexical.folder
        LexicalIndex.remove(folder)
        self.lexical = LexicalIndex(folder)
        self.sync(embed=False, on_index=on_index)

    def missing_vectors(self) -> list[tuple[int, str]]:
        rows = self.store.db.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
        have = self.store.get_vectors(self.encoder_name, [article_vector_key(r[1]) for r in rows])
        return [(r[0], r[1]) for r in rows if article_vector_key(r[1]) not in have]

    def embed_articles(self, on_progress: Progress | None = None) -> int:
        """Embed every article without a vector (resumable: each batch is saved). Returns how many."""
        missing = self.missing_vectors()
        for start in range(0, len(missing), EMBED_BATCH):
            chunk = missing[start : start + EMBED_BATCH]
            articles = self.store.articles([article_id for article_id, _ in chunk])
            vectors = self.encoder.encode([article_passage(a) for a in articles], "passage")
            self.store.put_vectors(self.encoder_name, {
                article_vector_key(a.content_hash): v for a, v in zip(articles, vectors)})
            if on_progress:
                on_progress(min(start + EMBED_BATCH, len(missing)), len(missing))
        if missing:
            self._dense = None
        return len(missing)

    def dense_index(self) -> DenseIndex:
        if self._dense is None:
            rows = self.store.db.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
            vectors = self.store.get_vectors(self.encoder_name, [article_vector_key(r[1]) for r in rows])
            missing = sum(1 for r in rows if article_vector_key(r[1]) not in vectors)
            if missing:
                raise SearchError(f"{missing} articles have no {self.encoder_name} vectors yet; run 'burhan embed'")
            matrix = np.stack([vectors[article_vector_key(r[1])] for r in rows]) if rows else np.zeros((0, 1))
            self._dense = DenseIndex([r[0] for r in rows], matrix)
        return self._dense

    def sentence_vectors(self, texts: list[str]) -> np.ndarray:
        """Vectors for sentence texts, from the cache or embedded now (and cached)."""
        keys = [text_key(t) for t in texts]
        cached = self.store.get_vectors(self.encoder_name, keys)
        todo = [(k, t) for k, t in dict(zip(keys, texts)).items() if k not in cached]
        for start in range(0, len(todo), EMBED_BATCH):
            chunk = todo[start : start + EMBED_BATCH]
            vectors = self.encoder.encode([t for _, t in chunk], "passage")
            fresh = {k: v for (k, _), v in zip(chunk, vectors)}
            self.store.put_vectors(self.encoder_name, fresh)
            cached.update(fresh)
        return np.stack([cached[k] for k in keys]) if keys else np.zeros((0, 1), dtype=np.float32)

    # -- searching -------------------------------------------------------------------

    def search(self, query: str, k: int = 10, mode: str = "hybrid", sentences: bool = False) -> list[SearchHit]:
        """Top ``k`` articles (or sentences) for ``query``; ``mode`` is bm25, dense or hybrid."""
        query = self._check(query, k, mode)
        if sentences:
            ranked = self._rank_sentences(query, k, mode)
        else:
            ranked = [(article_id, score, None) for article_id, score in self.rank_articles(query, k, mode)]
        return self._hits(ranked)

    def rank_articles(self, query: str, k: int, mode: str) -> list[tuple[int, float]]:
        pool = max(k * 5, 50)
        bm25 = [(h.article_id, h.score) for h in self.lexical.search(query, pool if mode == "hybrid" else k)]
        if mode == "bm25":
            return bm25
        dense = self.dense_index().search(self.encoder.encode([query], "query")[0], pool if mode == "hybrid" else k)
        if mode == "dense":
            return dense
        fused = rrf([bm25, dense])
        return sorted(fused.items(), key=lambda item: -item[1])[:k]

    def _rank_sentences(self, query: str, k: int, mode: str) -> list[tuple[int, float, int]]:
        pool = max(k * 10, 100)
        bm25 = [((h.article_id, h.sentence_index), h.score)
                for h in self.lexical.search(query, k if mode == "bm25" else pool, sentences=True)]
        if mode == "bm25":
            return [(a, score, s) for (a, s), score in bm25]
        candidates = self.store.articles([a for a, _ in self.rank_articles(query, max(k, 20), mode)])
        pairs = [((a.id, s.index), s.text) for a in candidates for s in a.sentences]
        if not pairs:
            return []
        vectors = self.sentence_vectors([text for _, text in pairs])
        scores = vectors @ self.encoder.encode([query], "query")[0]
        order = np.argsort(-scores)
        dense = [(pairs[i][0], float(scores[i])) for i in order[: pool if mode == "hybrid" else k]]
        if mode == "dense":
            return [(a, score, s) for (a, s), score in dense]
        fused = rrf([bm25, dense])
        return [(a, score, s) for (a, s), score in sorted(fused.items(), key=lambda item: -item[1])[:k]]

    def _hits(self, ranked: list[tuple[int, float, int | None]]) -> list[SearchHit]:
        articles = {a.id: a for a in self.store.articles([a for a, _, _ in ranked])}
        hits = []
        for article_id, score, sentence_index in ranked:
            a = articles[article_id]
            hits.append(SearchHit(
                article_id=a.id, title=a.title, origin=a.origin, source=a.source, date=a.date, url=a.url,
                score=round(score, 6), story_id=a.story_id, sentence_index=sentence_index,
                sentence=a.sentences[sentence_index].text if sentence_index is not None else None,
            ))
        return hits

    @staticmethod
    def _check(query: str, k: int, mode: str) -> str:
        if mode not in MODES:
            raise SearchError(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
        if not 1 <= k <= MAX_K:
            raise SearchError(f"k must be between 1 and {MAX_K}")
        query = (query or "").strip()
        if not any(ch.isalnum() for ch in query):
            raise SearchError("the query is empty or only punctuation: give words to search for")
        return query

"""The search façade: one ``Searcher`` over a store, its BM25 index and its vectors.

``sync`` brings the BM25 index and (optionally) the passage vectors up to date with the
store; ``search`` answers in three modes. Hybrid ranking fuses per-query standardised
BM25 and cosine scores (``zscore_fusion``): equal-weight reciprocal rank fusion was
measured and lost to BM25 alone on Unified-FC (recall@10 0.52 vs 0.60). In sentence mode, BM25 ranks all sentences,
while the dense side ranks the sentences of the candidate articles (embedded on demand
and cached), since embedding every sentence of a large corpus is too slow on a CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from burhan.domain import SearchHit
from burhan.search.dense import (DEFAULT_ENCODER, CachedEncoder, DenseIndex, Encoder, article_passages, load_encoder,
                                 vector_key)
from burhan.search.lexical import LexicalIndex, TermStatistics, analyse_article
from burhan.store import Store
from burhan.text.tokens import analyze

MODES = ("bm25", "dense", "hybrid")
# Weight of the dense side in hybrid fusion, and how deep each side's list goes. Chosen by
# claim-level 4-fold CV on Unified-FC folds 1–4 (per-fold choices 0.0–0.3; see README).
DENSE_WEIGHT = 0.2
FUSION_DEPTH = 30
MAX_K = 1000
INDEX_BATCH = 500
EMBED_BATCH = 32

Progress = Callable[[int, int], None]


class SearchError(ValueError):
    """A query that cannot be searched (empty, only punctuation, bad mode or k)."""


def index_folder_for(store: Store) -> Path:
    return store.path.with_name(store.path.name + ".index")


def verify_index(store: Store) -> list[str]:
    """Problems between ``store`` and its BM25 index (empty: in step). Opens the index as it is:
    unlike a ``Searcher``, it never rebuilds or extends it."""
    folder = index_folder_for(store)
    if not folder.is_dir():
        return [f"no BM25 index at {folder} (run 'burhan reindex')"]
    lexical = LexicalIndex(folder)
    if not lexical.belongs_to(store.store_id):
        return [f"the BM25 index at {folder} belongs to another store (run 'burhan reindex')"]
    ids, problems = store.article_ids(), []
    last = ids[-1] if ids else 0
    if lexical.last_article_id != last:
        problems.append(f"BM25 index: last indexed article {lexical.last_article_id}, the store's last is {last} "
                        f"(run 'burhan reindex')")
    if lexical.count() != len(ids):
        problems.append(f"BM25 index holds {lexical.count()} articles, the store {len(ids)} (run 'burhan reindex')")
    return problems


def hits_from(store, ranked: list[tuple[int, float, int | None]]) -> list[SearchHit]:
    """``SearchHit``s for ranked ``(article id, score, sentence index or None)``, read from ``store``."""
    articles = {a.id: a for a in store.articles([a for a, _, _ in ranked])}
    hits = []
    for article_id, score, sentence_index in ranked:
        a = articles[article_id]
        hits.append(SearchHit(
            article_id=a.id, title=a.title, origin=a.origin, source=a.source, date=a.date, url=a.url,
            score=round(score, 6), story_id=a.story_id, sentence_index=sentence_index,
            sentence=a.sentences[sentence_index].text if sentence_index is not None else None,
        ))
    return hits


def zscore_fusion(lexical: list[tuple], dense: list[tuple], dense_weight: float) -> list[tuple]:
    """``(1-w)·z(bm25) + w·z(cosine)`` over the union of two top lists (scores standardised
    per query; an item missing from one list gets that list's lowest z-score)."""
    def standardise(ranking: list[tuple]) -> dict:
        if not ranking:
            return {}
        values = np.array([score for _, score in ranking], dtype=np.float64)
        mean, sd = values.mean(), values.std() + 1e-9
        return {key: (score - mean) / sd for key, score in ranking}

    lex, den = standardise(lexical), standardise(dense)
    lex_floor, den_floor = min(lex.values(), default=0.0), min(den.values(), default=0.0)
    fused = {key: (1 - dense_weight) * lex.get(key, lex_floor) + dense_weight * den.get(key, den_floor)
             for key in lex.keys() | den.keys()}
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))  # ties (copies of one story) by key


class Searcher:
    """Search over ``store``. The encoder is loaded on first use (dense and hybrid modes)."""

    def __init__(self, store: Store, encoder: Encoder | str = DEFAULT_ENCODER, index_folder: str | Path | None = None):
        self.store = store
        self._encoder = encoder if not isinstance(encoder, str) else None
        self.encoder_name = encoder if isinstance(encoder, str) else encoder.name
        self.lexical = LexicalIndex(index_folder or index_folder_for(store))
        if not self.lexical.belongs_to(store.store_id):
            # left over from an earlier store of the same name: never trust it
            self._fresh_index()
        self.lexical.claim(store.store_id)
        self._seen_version = store.data_version()
        self._seen_content = store.content_version()
        self._dense: DenseIndex | None = None
        self._passage_encoder: CachedEncoder | None = None
        self._last_query: tuple[str, np.ndarray] | None = None

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.encoder_name)
        return self._encoder

    @property
    def passage_encoder(self) -> CachedEncoder:
        """The encoder for passages and sentences, its vectors cached in the store."""
        if self._passage_encoder is None:
            self._passage_encoder = CachedEncoder(self.encoder, self.store)
        return self._passage_encoder

    def query_vector(self, query: str) -> np.ndarray:
        """The query's vector (not stored; remembered for the query being answered)."""
        if self._last_query is None or self._last_query[0] != query:
            self._last_query = (query, self.encoder.encode([query], "query")[0])
        return self._last_query[1]

    def _fresh_index(self) -> None:
        folder = self.lexical.folder
        LexicalIndex.remove(folder)
        self.lexical = LexicalIndex(folder)
        self.lexical.claim(self.store.store_id)

    # -- keeping up with the store ---------------------------------------------------

    def sync(self, embed: bool = True, on_index: Progress | None = None, on_embed: Progress | None = None) -> None:
        """Index articles added since the last sync; with ``embed``, embed those lacking vectors.
        Under the store's write lock: another process (a server worker) may be doing the same."""
        with self.store.write_lock():
            version = self.store.data_version()  # read first: a commit after it is seen next time
            content = self.store.content_version()
            pending = self.store.article_ids(after=self.lexical.last_article_id)
            for start in range(0, len(pending), INDEX_BATCH):
                self.lexical.add(self.store.articles(pending[start : start + INDEX_BATCH]))
                if on_index:
                    on_index(min(start + INDEX_BATCH, len(pending)), len(pending))
            if embed:
                self.embed_articles(on_embed)
            self._seen_version, self._seen_content = version, content

    def follow(self) -> bool:
        """Catch up with corpus writes made by other processes since this searcher last looked
        (index what they left unindexed, drop the in-memory dense index). True if there were
        any. A check saved to the history by another worker is no such write."""
        version = self.store.data_version()
        if version == self._seen_version:
            return False
        self._seen_version = version
        if self.store.content_version() == self._seen_content:
            return False
        self.sync(embed=False)
        self._dense = None
        return True

    def count_tokens(self) -> None:
        """Count the tokens of a BM25 index made before they were counted (a sharded corpus adds
        them up for its average document length): every article is analysed as the index has it."""
        if self.lexical.token_totals() is not None:
            return
        with self.store.write_lock():
            ids = [i for i in self.store.article_ids() if i <= self.lexical.last_article_id]
            self.lexical.record_token_totals(analyse_article(a) for start in range(0, len(ids), INDEX_BATCH)
                                             for a in self.store.articles(ids[start : start + INDEX_BATCH]))

    def rebuild(self, on_index: Progress | None = None) -> None:
        """Drop and rebuild the BM25 index from the store (vectors are kept)."""
        with self.store.write_lock():
            self._fresh_index()
            self.sync(embed=False, on_index=on_index)

    def embed_articles(self, on_progress: Progress | None = None) -> int:
        """Cut new articles into passages and embed every passage without a vector.
        Resumable: each batch is saved as it is done. Returns how many passages were embedded."""
        pending = self.store.articles_without_passages()
        for start in range(0, len(pending), INDEX_BATCH):
            articles = self.store.articles(pending[start : start + INDEX_BATCH])
            self.store.put_passages({a.id: [(vector_key(p, "passage"), p) for p in article_passages(a)] for a in articles})
        missing = self.store.passages_without_vectors(self.encoder_name)
        for start in range(0, len(missing), EMBED_BATCH):
            self.passage_encoder.encode([text for _, text in missing[start : start + EMBED_BATCH]], "passage")
            if on_progress:
                on_progress(min(start + EMBED_BATCH, len(missing)), len(missing))
        if missing:
            self.store.mark_content_changed()  # other processes' dense indexes lack these vectors
        if pending or missing:
            self._dense = None
        return len(missing)

    def dense_index(self) -> DenseIndex:
        if self._dense is None:
            # under the write lock: another process's ingest stores articles, then embeds them, all
            # under it; looked at before, its articles seemed to lack vectors (a search answered 422
            # in the soak test while the other worker was embedding)
            with self.store.write_lock():  # the ANN graph file may be written too
                without = len(self.store.articles_without_passages()) + \
                    len(self.store.passages_without_vectors(self.encoder_name))
                if without:
                    raise SearchError(f"{without} articles or passages have no {self.encoder_name} vectors yet; "
                                      f"run 'burhan embed'")
                self._dense = DenseIndex(*self.store.passage_vectors(self.encoder_name),
                                         ann_path=self.lexical.folder / f"dense-{self.encoder_name}.faiss")
        return self._dense

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
        depth = max(k, FUSION_DEPTH) if mode == "hybrid" else k
        bm25 = [(h.article_id, h.score) for h in self.lexical.search(query, depth)] if mode != "dense" else []
        if mode == "bm25":
            return bm25
        dense = self.dense_index().search(self.query_vector(query), depth)
        if mode == "dense":
            return dense
        return zscore_fusion(bm25, dense, DENSE_WEIGHT)[:k]

    def _rank_sentences(self, query: str, k: int, mode: str,
                        statistics: TermStatistics | None = None) -> list[tuple[int, float, int]]:
        """``statistics``: a sharded corpus's, for BM25 scores that compare across its shards (with
        the corpus's IDF and this shard's lengths: ``ShardedSearcher`` ranks BM25 alone exactly)."""
        pool = max(k * 10, 100)
        terms, depth = analyze(query), k if mode == "bm25" else pool
        found = self.lexical.search_terms(terms, depth, sentences=True) if statistics is None else \
            self.lexical.candidates_in_collection(terms, depth, statistics, sentences=True).retrieved()
        bm25 = [((h.article_id, h.sentence_index), h.score) for h in found]
        if mode == "bm25":
            return [(a, score, s) for (a, s), score in bm25]
        candidates = self.store.articles([a for a, _ in self.rank_articles(query, max(k, 20), mode)])
        pairs = [((a.id, s.index), s.text) for a in candidates for s in a.sentences]
        if not pairs:
            return []
        vectors = self.passage_encoder.encode([text for _, text in pairs], "passage")
        scores = vectors @ self.query_vector(query)
        order = np.argsort(-scores)
        dense = [(pairs[i][0], float(scores[i])) for i in order[: pool if mode == "hybrid" else k]]
        if mode == "dense":
            return [(a, score, s) for (a, s), score in dense]
        return [(a, score, s) for (a, s), score in zscore_fusion(bm25, dense, DENSE_WEIGHT)[:k]]

    def _hits(self, ranked: list[tuple[int, float, int | None]]) -> list[SearchHit]:
        return hits_from(self.store, ranked)

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

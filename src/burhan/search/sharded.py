"""Search over a sharded corpus (``burhan.store.corpus``): the query goes to every shard's own
``Searcher`` and the answers are merged under global ids.

Dense scores (cosines of one encoder) compare across shards as they are. BM25 scores are made
comparable with the whole corpus's document frequencies: tantivy keeps them per index, so each
query first sums its terms' frequencies over the shards (``TermStatistics``) and every shard then
scores with the global IDF (a boost of global / local IDF per term). What stays per shard is the
length normalisation (each shard's average document length), close to the corpus's when the
shards are large samples of one collection, which is how ``burhan spark ingest`` fills them;
``bench/shards.py`` measures the agreement with one store of the same articles. Hybrid fuses the
merged BM25 and dense lists once, like one searcher. Sentences are ranked the same way.
"""

from __future__ import annotations

from burhan.domain import SearchHit
from burhan.search.dense import DEFAULT_ENCODER, load_encoder
from burhan.search.lexical import TermStatistics
from burhan.search.searcher import DENSE_WEIGHT, FUSION_DEPTH, Searcher, hits_from, zscore_fusion
from burhan.store import Store
from burhan.store.corpus import ShardedStore
from burhan.text.tokens import analyze


class ShardedSearcher:
    """``Searcher``'s reads (``search``, ``rank_articles``) over every shard of ``store``."""

    def __init__(self, store: ShardedStore, encoder: str = DEFAULT_ENCODER, global_statistics: bool = True):
        """``global_statistics=False``: each shard scores BM25 with its own document frequencies
        (the behaviour before them, kept for ``bench/shards.py``'s comparison)."""
        self.store = store
        self.global_statistics = global_statistics
        self.encoder_name = encoder
        self._encoder = None
        self.shards = [Searcher(shard, encoder=self) for shard in store.shards]

    # the shards' searchers share this object as their encoder: one model, one query vector
    @property
    def name(self) -> str:
        return self.encoder_name

    def encode(self, texts: list[str], kind: str):
        if self._encoder is None:
            self._encoder = load_encoder(self.encoder_name)
        return self._encoder.encode(texts, kind)

    def follow(self) -> bool:
        return any([s.follow() for s in self.shards])

    def search(self, query: str, k: int = 10, mode: str = "hybrid", sentences: bool = False) -> list[SearchHit]:
        query = Searcher._check(query, k, mode)
        if sentences:
            statistics = self.statistics(analyze(query), sentences=True) if mode != "dense" else None
            ranked = sorted(((self.store.global_id(n, a), score, i) for n, shard in enumerate(self.shards)
                             for a, score, i in shard._rank_sentences(query, k, mode, statistics)),
                            key=lambda r: -r[1])[:k]
        else:
            ranked = [(a, score, None) for a, score in self.rank_articles(query, k, mode)]
        return hits_from(self.store, ranked)

    def rank_articles(self, query: str, k: int, mode: str) -> list[tuple[int, float]]:
        depth = max(k, FUSION_DEPTH) if mode == "hybrid" else k
        bm25 = []
        if mode != "dense":
            terms = analyze(query)
            statistics = self.statistics(terms)
            bm25 = self._merge([[(h.article_id, h.score) for h in shard.lexical.search_terms(terms, depth, statistics=statistics)]
                                for shard in self.shards], depth)
        if mode == "bm25":
            return bm25[:k]
        vector = self.shards[0].query_vector(query)
        dense = self._merge([shard.dense_index().search(vector, depth) for shard in self.shards], depth)
        if mode == "dense":
            return dense[:k]
        return zscore_fusion(bm25, dense, DENSE_WEIGHT)[:k]

    def statistics(self, terms: list[str], sentences: bool = False) -> TermStatistics | None:
        """The whole corpus's document count and the document frequencies of ``terms``."""
        if not self.global_statistics:
            return None
        return sum((shard.lexical.statistics(terms, sentences) for shard in self.shards), TermStatistics())

    def _merge(self, per_shard: list[list[tuple[int, float]]], depth: int) -> list[tuple[int, float]]:
        merged = [(self.store.global_id(n, a), score) for n, hits in enumerate(per_shard) for a, score in hits]
        return sorted(merged, key=lambda hit: (-hit[1], hit[0]))[:depth]


def searcher_for(store: Store | ShardedStore, encoder: str = DEFAULT_ENCODER) -> Searcher | ShardedSearcher:
    """The searcher of a store (its BM25 index brought up to date) or of a sharded corpus."""
    if isinstance(store, ShardedStore):
        return ShardedSearcher(store, encoder=encoder)
    searcher = Searcher(store, encoder=encoder)
    searcher.sync(embed=False)
    return searcher

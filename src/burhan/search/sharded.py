"""Search over a sharded corpus (``burhan.store.corpus``): the query goes to every shard's own
``Searcher`` and the answers are merged under global ids.

Dense scores (cosines of one encoder) compare across shards as they are. BM25 scores are each
shard's own (tantivy keeps document frequencies per index): merged by score they rank like one
index when the shards are large samples of one collection, which is how ``burhan spark ingest``
fills them (whole stories by a hash); ``bench/spark.py`` measures the agreement with one store
of the same articles. Hybrid fuses the merged BM25 and dense lists once, like one searcher.
Sentence results are each shard's ranking, merged by score.
"""

from __future__ import annotations

from burhan.domain import SearchHit
from burhan.search.dense import DEFAULT_ENCODER, load_encoder
from burhan.search.searcher import DENSE_WEIGHT, FUSION_DEPTH, Searcher, hits_from, zscore_fusion
from burhan.store import Store
from burhan.store.corpus import ShardedStore


class ShardedSearcher:
    """``Searcher``'s reads (``search``, ``rank_articles``) over every shard of ``store``."""

    def __init__(self, store: ShardedStore, encoder: str = DEFAULT_ENCODER):
        self.store = store
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
            ranked = sorted(((self.store.global_id(n, a), score, i) for n, shard in enumerate(self.shards)
                             for a, score, i in shard._rank_sentences(query, k, mode)), key=lambda r: -r[1])[:k]
        else:
            ranked = [(a, score, None) for a, score in self.rank_articles(query, k, mode)]
        return hits_from(self.store, ranked)

    def rank_articles(self, query: str, k: int, mode: str) -> list[tuple[int, float]]:
        depth = max(k, FUSION_DEPTH) if mode == "hybrid" else k
        bm25 = self._merge([[(h.article_id, h.score) for h in shard.lexical.search(query, depth)]
                            for shard in self.shards], depth) if mode != "dense" else []
        if mode == "bm25":
            return bm25[:k]
        vector = self.shards[0].query_vector(query)
        dense = self._merge([shard.dense_index().search(vector, depth) for shard in self.shards], depth)
        if mode == "dense":
            return dense[:k]
        return zscore_fusion(bm25, dense, DENSE_WEIGHT)[:k]

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

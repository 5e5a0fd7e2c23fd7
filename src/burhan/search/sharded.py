"""Search over a sharded corpus (``burhan.store.corpus``): the query goes to every shard's own
``Searcher`` and the answers are merged under global ids.

Dense scores (cosines of one encoder) compare across shards as they are. BM25 scores are those
of one index of the whole corpus: tantivy keeps its statistics per index, so each query first
adds up its terms' document frequencies, the document and the token counts over the shards
(``TermStatistics``), and every shard answers with its top hits retrieved with the corpus's IDF
(``LexicalIndex.candidates_in_collection``), the range their corpus scores can lie in, and a bound
on what any document it did not return would score. Only the hits that can reach the top k are
rescored with the corpus's statistics (``CollectionCandidates.rescored``), and a shard is asked for
more (four times as deep) until no shard's bound exceeds the k-th merged score: the top k is the
one index's (up to the order of documents that tie).
Hybrid fuses the merged BM25 and dense lists once, like one searcher. Sentences are ranked the
same way in BM25 mode; in dense and hybrid sentence modes each shard fuses its own lists.
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
        if sentences and mode == "bm25":
            ranked = [(a, score, i) for (a, i), score in self.bm25(analyze(query), k, sentences=True)]
        elif sentences:
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
            bm25 = [(a, score) for (a, _), score in self.bm25(analyze(query), depth)]
        if mode == "bm25":
            return bm25[:k]
        vector = self.shards[0].query_vector(query)
        dense = self._merge([shard.dense_index().search(vector, depth) for shard in self.shards], depth)
        if mode == "dense":
            return dense[:k]
        return zscore_fusion(bm25, dense, DENSE_WEIGHT)[:k]

    def bm25(self, terms: list[str], k: int, sentences: bool = False) -> list[tuple[tuple[int, int | None], float]]:
        """The corpus's BM25 top ``k`` as ``((global article id, sentence index or None), score)``."""
        if not terms:
            return []
        statistics = self.statistics(terms, sentences)
        if statistics is None:
            answers = [shard.lexical.search_terms(terms, k, sentences) for shard in self.shards]
            return self._merge_hits(answers, k)
        depths = [k] * len(self.shards)
        candidates = [None] * len(self.shards)
        deeper = list(range(len(self.shards)))
        while deeper:
            for n in deeper:
                candidates[n] = self.shards[n].lexical.candidates_in_collection(terms, depths[n], statistics, sentences)
                depths[n] *= 4
            # a hit whose highest possible score is under the k-th of the lowest ones cannot be
            # in the top k: only the others are rescored
            lowest = sorted((score for c in candidates for score in c.lowest()), reverse=True)
            floor = lowest[k - 1] if len(lowest) >= k else 0.0
            merged = self._merge_hits([c.rescored(floor) for c in candidates], k)
            kth = merged[k - 1][1] if len(merged) >= k else 0.0
            deeper = [n for n, c in enumerate(candidates) if c.bound > kth]
        return merged

    def _merge_hits(self, per_shard: list[list], k: int) -> list[tuple[tuple[int, int | None], float]]:
        merged = [((self.store.global_id(n, h.article_id), h.sentence_index), h.score)
                  for n, hits in enumerate(per_shard) for h in hits]
        return sorted(merged, key=lambda hit: (-hit[1], hit[0]))[:k]

    def statistics(self, terms: list[str], sentences: bool = False) -> TermStatistics | None:
        """The whole corpus's document and token counts and the document frequencies of ``terms``."""
        if not self.global_statistics:
            return None
        for shard in self.shards:
            shard.count_tokens()  # once, for a shard indexed before token counts were kept
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

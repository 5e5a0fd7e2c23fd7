"""Near-duplicate signatures: MinHash (datasketch) over word 3-shingles of the matching form.

Syndicated wire copies differ by a dateline, a credit line or page furniture; their
shingle sets overlap far more than two different stories on the same event. ``bands``
cuts a signature into LSH bands so the store can find candidates with an indexed
lookup; ``similarity`` then estimates the Jaccard similarity of a candidate pair.
With 32 bands of 4 rows, pairs at Jaccard 0.5 become candidates with probability
≈ 0.87 and pairs at 0.3 with ≈ 0.23; ``DUPLICATE_THRESHOLD`` decides.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from burhan.text.tokens import tokenize

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 3
DUPLICATE_THRESHOLD = 0.5
SEED = 1


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of ``text``: datasketch's ``MinHash``
    with its default SHA-1 hash and scheme, fed pre-computed hashes (see ``_shingle_hashes``)."""
    from datasketch.minhash import MinHash  # not the package: its __init__ pulls in scipy (0.3 s)

    words = tokenize(text)
    shingles = _shingles(words)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, permutations=_permutations(),
                      scheme=_SCHEME)
    minhash.update_batch(_shingle_hashes(shingles))
    return minhash.hashvalues.astype(np.uint32)


def _shingles(words: list[str]) -> set[str]:
    """The word ``SHINGLE``-grams of ``words``, space-joined (a shorter text: itself, joined)."""
    if len(words) < SHINGLE:
        return {" ".join(words)}
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)))))


_SCHEME = "affine32"  # datasketch 2's default: the scheme every stored signature was made with


def _shingle_hashes(shingles: set[str]) -> list[int]:
    """datasketch's default hash of each shingle (``sha1_hash32``: the first 4 bytes of its
    SHA-1, little-endian), read from one buffer instead of one ``struct.unpack`` call each —
    the per-shingle Python calls were a fifth of ingest time."""
    digests = b"".join([hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles])
    return np.frombuffer(digests, dtype="<u4").tolist()


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The seeded permutations, drawn once per process instead of once per signature."""
    from datasketch.minhash import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    if minhash.scheme != _SCHEME:
        raise RuntimeError(f"datasketch's default MinHash scheme is {minhash.scheme}, not {_SCHEME}")
    return minhash.permutations


def bands(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (fits an SQLite INTEGER)."""
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))

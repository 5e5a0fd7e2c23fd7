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
from operator import methodcaller

import numpy as np

from burhan.text.tokens import tokenize

try:  # CPython's own SHA-1: the same digests, ~40% less time per short message than OpenSSL's
    from _sha1 import sha1 as _sha1  # (hashlib's default), whose per-object set-up dominates
except ImportError:  # a Python built without its own hash modules
    from hashlib import sha1 as _sha1

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 3
DUPLICATE_THRESHOLD = 0.5
SEED = 1


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of ``text``."""
    return signature_of_tokens(tokenize(text))


def signature_of_tokens(words: list[str]) -> np.ndarray:
    """The signature of a text from its ``tokenize`` tokens: datasketch's ``MinHash`` (default
    SHA-1 hash, ``affine32`` scheme, ``SEED``'s permutations) computed as one array operation
    over the shingles' hashes (``tests/test_ingest.py`` checks it against datasketch itself)."""
    hashes = _fmix32(_shingle_hashes(_shingles(words)))
    a, b = permutations()
    return (hashes[:, None] * a + b).min(axis=0)


def _shingles(words: list[str]) -> set[bytes]:
    """The word ``SHINGLE``-grams of ``words``, space-joined, UTF-8 (a shorter text: itself,
    joined). Each word is encoded once, not once per shingle it is in."""
    encoded = list(map(str.encode, words))  # UTF-8
    if len(encoded) < SHINGLE:
        return {b" ".join(encoded)}
    return set(map(b" ".join, zip(*(encoded[i:] for i in range(SHINGLE)))))


_DIGEST = methodcaller("digest")
_SCHEME = "affine32"  # datasketch 2's default: the scheme every stored signature was made with


def _shingle_hashes(shingles: set[bytes]) -> np.ndarray:
    """datasketch's default hash of each shingle (``sha1_hash32``: the first 4 bytes of its
    SHA-1, little-endian). The 20-byte digests are joined in C (map, methodcaller) and read as
    five little-endian words each, of which the first is kept: no Python call per shingle."""
    digests = b"".join(map(_DIGEST, map(_sha1, shingles)))
    return np.frombuffer(digests, dtype="<u4").reshape(-1, 5)[:, 0].astype(np.uint32)


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, which datasketch's ``affine32`` scheme applies to every
    hash before its permutations (multiplications wrap modulo 2³², as intended)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


@lru_cache(maxsize=1)
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's seeded permutations (``a``, ``b``, uint32), drawn once per process."""
    from datasketch.minhash import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    if minhash.scheme != _SCHEME:
        raise RuntimeError(f"datasketch's default MinHash scheme is {minhash.scheme}, not {_SCHEME}")
    a, b = minhash.permutations
    return a.astype(np.uint32), b.astype(np.uint32)


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

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

import numpy as np

from burhan.text.tokens import tokenize

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 3
DUPLICATE_THRESHOLD = 0.5
SEED = 1


def signature(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint32 values) of ``text``."""
    from datasketch.minhash import MinHash  # not the package: its __init__ pulls in scipy (0.3 s)

    words = tokenize(text)
    shingles = {" ".join(words[k : k + SHINGLE]) for k in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint32)


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

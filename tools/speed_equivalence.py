"""The checks that issue 14's speed work left outputs as they were, on a whole store (the tests
run the same comparisons on small samples).

    python tools/speed_equivalence.py places STORE          # gazetteer trie vs the flat alternation
    python tools/speed_equivalence.py index-tokens STORE    # article-index tokens vs analysing the whole text
    python tools/speed_equivalence.py shingle-hash STORE    # links of an order-free word hash vs SHA-1 (rejected)
    python tools/speed_equivalence.py check-outputs STORE OUT.pkl [--claims 40] [--unifiedfc DIR]
    python tools/speed_equivalence.py compare A.pkl B.pkl

``check-outputs`` writes, for the first Unified-FC claims, the stance features, predictions,
verdict, evidence (stance, places, rationale) and count checks over their 20 BM25 candidates
(each claim twice: the second pass reads the caches). Run it with two trees (``PYTHONPATH=<worktree>/src``)
on the same store and BM25 index (copy the store's ``.index`` folder with it), then ``compare``. Two
index builds of one store ordered tied candidates (copies of one story) differently until the
thirty-first judgement run put ties in article order (``tests/test_search.py``); a tree older than
that still needs the same index.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def flat_place_pattern() -> re.Pattern:
    """The gazetteer regex as first written: a flat alternation of the names, longest first."""
    from burhan.text.places import _CLITIC, VARIANTS

    names = "|".join(sorted((re.escape(v) for v in VARIANTS if len(v) >= 3), key=len, reverse=True))
    return re.compile(rf"(?<!\w){_CLITIC}(?P<name>{names})(?!\w)")


def places(store) -> None:
    from burhan.text.normalize import normalize
    from burhan.text.places import _PLACE

    flat = flat_place_pattern()
    normals = [normalize(row[0]) for row in store.db.execute("SELECT text FROM sentences")]
    found = [[(m.span(), m.group("name")) for m in _PLACE.finditer(n)] for n in normals]
    first = [[(m.span(), m.group("name")) for m in flat.finditer(n)] for n in normals]
    differ = sum(a != b for a, b in zip(found, first))
    print(f"{len(normals)} sentences, {sum(map(len, first))} place mentions; sentences that differ: {differ}")


def index_tokens(store) -> None:
    from burhan.search.lexical import analyse_article
    from burhan.text.tokens import analyze

    ids, differ = store.article_ids(), 0
    for start in range(0, len(ids), 200):
        for article in store.articles(ids[start : start + 200]):
            differ += analyse_article(article).tokens != analyze((article.title or "") + "\n" + article.text)
    print(f"{len(ids)} articles; article-index tokens that differ: {differ}")


def shingle_hash(store) -> None:
    """Near-duplicate pairs (estimated Jaccard ≥ the threshold) with SHA-1 shingle hashes, as
    stored, against an order-free combination of cached word hashes (3× cheaper; not adopted)."""
    from burhan.ingest.dedup import DUPLICATE_THRESHOLD, _fmix32, permutations, signature_of_tokens
    from burhan.text.tokens import tokenize

    word_hash: dict[str, int] = {}

    def cheap(words: list[str]) -> np.ndarray:
        for w in words:
            if w not in word_hash:
                word_hash[w] = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "little")
        h = np.array([word_hash[w] for w in words] + [0] * max(0, 3 - len(words)), dtype=np.uint32)
        x = _fmix32(_fmix32(h[:-2] * np.uint32(0x9E3779B1) + h[1:-1]) * np.uint32(0x85EBCA77) + h[2:])
        a, b = permutations()
        return (_fmix32(x)[:, None] * a + b).min(axis=0)

    texts = [row[0] for row in store.db.execute("SELECT text FROM articles ORDER BY id")]
    tokens = [tokenize(t) for t in texts]

    def links(signatures: np.ndarray) -> set[tuple[int, int]]:
        out = set()
        for i in range(len(signatures)):
            similar = (signatures[i + 1:] == signatures[i]).mean(axis=1) >= DUPLICATE_THRESHOLD
            out |= {(i, i + 1 + int(j)) for j in np.flatnonzero(similar)}
        return out

    stored, other = links(np.array([signature_of_tokens(w) for w in tokens])), links(np.array([cheap(w) for w in tokens]))
    print(f"{len(texts)} articles; pairs at or above {DUPLICATE_THRESHOLD}: SHA-1 {len(stored)}, word hash {len(other)}; "
          f"only SHA-1 {len(stored - other)}, only word hash {len(other - stored)}")


def check_outputs(store, out: Path, claims: int, unifiedfc: Path) -> None:
    from burhan.engine import Engine
    from burhan.ingest.benchmarks import load_unifiedfc
    from burhan.search import Searcher
    from burhan.stance.model import StancePair

    searcher = Searcher(store)
    searcher.sync(embed=False)
    engine = Engine(store, searcher, k=20)
    rows = []
    for _ in range(2):  # the second pass reads what the first left in the caches
        for claim in load_unifiedfc(unifiedfc)[:claims]:
            articles = store.articles([a for a, _ in searcher.rank_articles(claim.claim, 20, "bm25")])
            pairs = [StancePair(claim.claim, [s.text for s in a.sentences], a.title) for a in articles]
            X = engine.stance_model._analyse(pairs)[0]
            predictions = [(p.label, p.probs) for p in engine.stance_model.predict(pairs)]
            verdict = engine.check(claim.claim)
            rows.append((X, predictions, (verdict.verdict, verdict.p_true, verdict.basis),
                         [(e.article_id, e.stance, e.places, e.rationale) for e in verdict.evidence], verdict.numbers))
    out.write_bytes(pickle.dumps(rows))
    print(f"{len(rows)} claim checks written to {out}")


def compare(a: Path, b: Path) -> None:
    first, second = pickle.loads(a.read_bytes()), pickle.loads(b.read_bytes())
    differ = sum(not (x[0].shape == y[0].shape and np.array_equal(x[0], y[0]) and x[1:] == y[1:])
                 for x, y in zip(first, second))
    print(f"{len(first)} / {len(second)} claim checks; differing (features, predictions or verdict): {differ}")


def main() -> None:
    from burhan.store import Store

    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("places", "index-tokens", "shingle-hash", "check-outputs", "compare"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--claims", type=int, default=40)
    parser.add_argument("--unifiedfc", type=Path, default=ROOT.parent / "shared" / "datasets" / "unifiedfc")
    args = parser.parse_args()
    if args.what == "compare":
        return compare(*args.paths)
    with Store(args.paths[0], create=False) as store:
        if args.what == "check-outputs":
            return check_outputs(store, args.paths[1], args.claims, args.unifiedfc)
        {"places": places, "index-tokens": index_tokens, "shingle-hash": shingle_hash}[args.what](store)


if __name__ == "__main__":
    main()

"""Ingest on Spark into a sharded corpus: N ordinary Burhan stores and a manifest.

The executors run the very functions of ``burhan ingest`` — ``analyze_file`` (readers,
cleaning, sentence stems, MinHash signature) on each input file, then ``Store.add_articles``
and the BM25 index on each shard — so there is one implementation of every step. What Spark
adds is the whole-input view that near-duplicate linking needs:

1. every article gets its place in the single-machine order (input file, then position);
2. the keys that can link two articles in a store — same origin and text, same text, or an
   LSH band in common with estimated Jaccard ≥ ``DUPLICATE_THRESHOLD`` (``burhan.ingest.dedup``)
   — are grouped across the input (a banded join: the band keys carry article places only, and
   each candidate pair meets the two signatures in a join), and the linked pairs form
   components (union-find on the driver: the pairs, not the articles, travel there);
3. each component goes whole to one shard (``crc32`` of its first article's place, modulo
   the shard count), and each shard stores its articles in the single-machine order.

A store links an article only to earlier articles it could link to, all of them in its own
component, so every shard makes exactly the story links one store would have made (tests
compare the two). The output folder holds ``shard-0000.db`` … (each usable alone, with its
BM25 index beside it) and ``corpus.json``.

On a cluster, ``--out`` must be a folder every executor can write (a shared file system);
inputs may be any path Hadoop reads (``hdfs://``, ``s3a://`` …), read with ``binaryFiles``.
"""

from __future__ import annotations

import json
import tempfile
import zlib
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import numpy as np

from burhan.ingest.dedup import DUPLICATE_THRESHOLD, bands, similarity
from burhan.ingest.pipeline import FileError, IngestReport, analyze_file
from burhan.ingest.readers import ReadOptions, expand_paths
from burhan.store.corpus import FORMAT_VERSION, MANIFEST, shard_name

BATCH = 256  # articles per store transaction, as single-machine ingest


@dataclass
class SparkIngestReport(IngestReport):
    shards: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def spark_ingest(spark, inputs: list[str], out: str | Path, shards: int, options: ReadOptions | None = None,
                 embed: bool = False, encoder: str | None = None) -> SparkIngestReport:
    """Ingest ``inputs`` (files, folders, globs; Hadoop URIs) into ``shards`` stores under ``out``."""
    if shards < 1:
        raise ValueError("--shards must be at least 1")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty: give a new folder for the corpus")
    out.mkdir(parents=True, exist_ok=True)
    options = options or ReadOptions()
    sc = spark.sparkContext

    results = _input_rdd(sc, inputs).map(lambda item: (item[0], _analyse(item[1][0], item[1][1], options))).cache()
    report = SparkIngestReport(shards=shards)
    for errors, skipped in results.map(lambda r: (r[1].errors, r[1].skipped)).collect():
        report.errors += errors
        report.skipped += skipped
    articles = results.flatMap(lambda r: [((r[0], k), a) for k, a in enumerate(r[1].articles)]).cache()

    # pairs a store would link: same origin and text, or same text, directly; a shared LSH band
    # only at the similarity threshold, checked once per candidate pair by joining the signatures
    direct = articles.flatMap(_exact_keys).groupByKey().flatMap(_chain)
    signatures = articles.map(lambda oa: (oa[0], np.asarray(oa[1].signature, dtype=np.uint32)))
    candidates = articles.flatMap(_band_keys).groupByKey().flatMap(_all_pairs).distinct()
    near = (candidates.join(signatures).map(lambda r: (r[1][0], (r[0], r[1][1]))).join(signatures)
            .filter(lambda r: similarity(r[1][0][1], r[1][1]) >= DUPLICATE_THRESHOLD)
            .map(lambda r: (r[1][0][0], r[0])))
    roots = _components(direct.union(near).distinct().collect())
    roots = sc.broadcast(roots)
    counts = (articles.map(lambda oa: (_shard_of(roots.value.get(oa[0], oa[0]), shards), oa))
              .partitionBy(shards, lambda shard: shard)
              .mapPartitionsWithIndex(lambda k, rows: [_write_shard(out, k, rows, embed, encoder)])
              .collect())
    for added, unchanged, duplicates in counts:
        report.added += added
        report.unchanged += unchanged
        report.duplicates += duplicates
    manifest = {"format": FORMAT_VERSION, "shards": [shard_name(k) for k in range(shards)],
                "articles": report.added + report.duplicates, "duplicate_threshold": DUPLICATE_THRESHOLD,
                "inputs": [str(i) for i in inputs], "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    results.unpersist()
    articles.unpersist()
    return report


def _input_rdd(sc, inputs: list[str]):
    """``(place, (name, bytes or None))`` per input file. Local files (folders walked, globs
    expanded) come first, in single-machine order (``expand_paths``), read by name on the
    executors; then each Hadoop URI (``scheme://``), read with ``binaryFiles``, sorted by path."""
    import glob

    local, remote = [], []
    for raw in inputs:
        if "://" in raw and not raw.startswith("file://"):
            remote.append(raw)
            continue
        raw = raw.removeprefix("file://")
        matches = sorted(glob.glob(raw)) if any(ch in raw for ch in "*?[") else [raw]
        local += [str(p) for p in expand_paths(matches)]
    rdd = sc.parallelize([(k, (name, None)) for k, name in enumerate(local)],
                         max(1, min(len(local), 4 * sc.defaultParallelism)))
    offset = len(local)
    for uri in remote:
        files = sc.binaryFiles(uri).sortByKey()
        rdd = rdd.union(files.zipWithIndex().map(lambda fk, offset=offset: (offset + fk[1], fk[0])))
        offset += files.count()
    return rdd


def _analyse(name: str, data: bytes | None, options: ReadOptions):
    """``analyze_file`` on an executor; a Hadoop file's bytes go through a local temporary file."""
    if data is None:
        return analyze_file(Path(name), options)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / PurePosixPath(name).name
        path.write_bytes(data)
        result = analyze_file(path, options)
    for a in result.articles:
        a.origin = a.origin.replace(str(path), name)
    result.errors = [FileError(e.path.replace(str(path), name), e.error) for e in result.errors]
    return result


def _exact_keys(item):
    """Keys that link two articles in a store whatever their signatures: the same origin and
    text (``unchanged``), the same text (an exact copy)."""
    order, article = item
    yield ("origin", article.origin, article.content_hash), order
    yield ("text", article.content_hash), order


def _band_keys(item):
    """Each LSH band of the article's signature (``burhan.ingest.dedup.bands``)."""
    order, article = item
    for band, key in enumerate(bands(np.asarray(article.signature, dtype=np.uint32))):
        yield (band, key), order


def _chain(group):
    """One key's articles linked to the first (enough for the components)."""
    members = sorted(group[1])
    return [(members[0], m) for m in members[1:]]


def _all_pairs(group):
    """Every pair of one band's articles: candidates, checked against the threshold after."""
    members = sorted(group[1])
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]


def _components(pairs: list) -> dict:
    """Each linked article's component root (its first article in single-machine order)."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def _shard_of(root, shards: int) -> int:
    return zlib.crc32(repr(tuple(root)).encode()) % shards


def _write_shard(out: Path, k: int, rows, embed: bool, encoder: str | None) -> tuple[int, int, int]:
    """Store one shard's articles in single-machine order, then build its BM25 index."""
    from burhan.search import Searcher
    from burhan.store import Store

    items = sorted(((order, article) for _, (order, article) in rows), key=lambda oa: oa[0])
    added = unchanged = duplicates = 0
    with Store(out / shard_name(k)) as store:
        for start in range(0, len(items), BATCH):
            statuses = store.add_articles([a for _, a in items[start : start + BATCH]])
            added += statuses.count("added")
            unchanged += statuses.count("unchanged")
            duplicates += statuses.count("duplicate")
        searcher = Searcher(store, encoder=encoder) if encoder else Searcher(store)
        searcher.sync(embed=embed)
    return added, unchanged, duplicates


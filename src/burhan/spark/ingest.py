"""Ingest on Spark into a sharded corpus: N ordinary Burhan stores and a manifest.

The executors run the very functions of ``burhan ingest`` — ``analyze_file`` (readers,
cleaning, sentence stems, MinHash signature) on each input file, then ``Store.add_articles``
and the BM25 index on each shard — so there is one implementation of every step. What Spark
adds is the whole-input view that near-duplicate linking needs:

1. every article gets its place in the single-machine order (input file, then position);
2. the keys that can link two articles in a store — same origin and text, same text, or an
   LSH band in common with estimated Jaccard ≥ ``DUPLICATE_THRESHOLD`` (``burhan.ingest.dedup``)
   — are grouped across the input (a banded join), and the linked pairs form components
   (union-find on the driver: the pairs, not the articles, travel there);
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
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np

from burhan.ingest.dedup import DUPLICATE_THRESHOLD, bands, similarity
from burhan.ingest.pipeline import FileError, IngestReport, analyze_file
from burhan.ingest.readers import ReadOptions, expand_paths
from burhan.search.dense import DEFAULT_ENCODER
from burhan.store.corpus import FORMAT_VERSION, MANIFEST, shard_name
from burhan.store.sqlite import utc_now

BATCH = 256  # articles per store transaction, as single-machine ingest


@dataclass
class SparkIngestReport(IngestReport):
    shards: int = 0


def spark_ingest(spark, inputs: list[str], out: str | Path, shards: int, options: ReadOptions | None = None,
                 embed: bool = False, encoder: str = DEFAULT_ENCODER) -> SparkIngestReport:
    """Ingest ``inputs`` (files, folders, globs; Hadoop URIs) into ``shards`` stores under ``out``."""
    if shards < 1:
        raise ValueError("--shards must be at least 1")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty: give a new folder for the corpus")
    out.mkdir(parents=True, exist_ok=True)
    options = options or ReadOptions()
    sc = spark.sparkContext

    from pyspark import StorageLevel

    # kept for the two passes over them; spilled to disk rather than recomputed when they do not fit
    keep = StorageLevel.MEMORY_AND_DISK
    results = _input_rdd(sc, inputs).map(lambda item: (item[0], _analyse(item[1][0], item[1][1], options))).persist(keep)
    report = SparkIngestReport(shards=shards)
    for errors, skipped in results.map(lambda r: (r[1].errors, r[1].skipped)).collect():
        report.errors += errors
        report.skipped += skipped
    articles = results.flatMap(lambda r: [((r[0], k), a) for k, a in enumerate(r[1].articles)]).persist(keep)

    roots = _components(articles.flatMap(_link_keys).groupByKey().flatMap(_linked_pairs).distinct().collect())
    roots = sc.broadcast(roots)
    per_shard = (articles.map(lambda oa: (_shard_of(roots.value.get(oa[0], oa[0]), shards), oa))
              .partitionBy(shards, lambda shard: shard)
              .mapPartitionsWithIndex(lambda k, rows: [_write_shard(out, k, rows, embed, encoder)])
              .collect())
    for shard in per_shard:
        report.added += shard.added
        report.unchanged += shard.unchanged
        report.duplicates += shard.duplicates
    manifest = {"format": FORMAT_VERSION, "shards": [shard_name(k) for k in range(shards)],
                "articles": report.added + report.duplicates, "duplicate_threshold": DUPLICATE_THRESHOLD,
                "inputs": [str(i) for i in inputs], "created": utc_now()}
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


def _link_keys(item):
    """The keys under which two articles could be linked by a store (see the module docstring)."""
    order, article = item
    sig = np.asarray(article.signature, dtype=np.uint32)
    yield ("origin", article.origin, article.content_hash), (order, None)
    yield ("text", article.content_hash), (order, None)
    for band, key in enumerate(bands(sig)):
        yield ("band", band, key), (order, sig)


def _linked_pairs(group):
    """Pairs of one key's articles that a store would link (a band: only at the threshold)."""
    key, members = group
    members = sorted(members, key=lambda m: m[0])
    if len(members) < 2:
        return []
    if key[0] != "band":
        return [(members[0][0], m[0]) for m in members[1:]]
    return [(a[0], b[0]) for i, a in enumerate(members) for b in members[i + 1:]
            if similarity(a[1], b[1]) >= DUPLICATE_THRESHOLD]


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


def _write_shard(out: Path, k: int, rows, embed: bool, encoder: str) -> IngestReport:
    """Store one shard's articles in single-machine order, then build its BM25 index; its counts."""
    from burhan.search import Searcher
    from burhan.store import Store

    items = sorted(((order, article) for _, (order, article) in rows), key=lambda oa: oa[0])
    counts = IngestReport()
    with Store(out / shard_name(k)) as store:
        for start in range(0, len(items), BATCH):
            counts.count(store.add_articles([a for _, a in items[start : start + BATCH]]))
        Searcher(store, encoder=encoder).sync(embed=embed)
    return counts

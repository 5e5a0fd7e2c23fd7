"""A sharded corpus: N ordinary stores in one folder, with ``corpus.json`` (made by
``burhan spark ingest``), read as one store.

``ShardedStore`` answers the reads the commands, the engine and the searcher make of a
``Store`` (stats, listings, articles by id, story copies) across the shards. Ids are global:
article ``i`` of shard ``s`` of ``n`` is ``i * n + s`` (and a story id likewise), so every id a
command prints names one article, and a shard is found from the id alone. A corpus is read
only: new articles go into a new corpus (or into one shard, opened as a store of its own).
"""

from __future__ import annotations

import json
from pathlib import Path

from burhan.domain import Article
from burhan.store.sqlite import Store, StoreError

MANIFEST = "corpus.json"
FORMAT_VERSION = 1


def shard_name(k: int) -> str:
    return f"shard-{k:04d}.db"


def is_corpus(path: str | Path) -> bool:
    return (Path(path) / MANIFEST).is_file()


def open_store(path: str | Path, create: bool = False) -> Store | ShardedStore:
    """The store file ``path``, or the sharded corpus in the folder ``path`` (read only)."""
    if is_corpus(path):
        if create:
            raise StoreError(f"{path} is a sharded corpus, read only: write into a store file, or make a new "
                             f"corpus with 'burhan spark ingest'")
        return ShardedStore(path)
    return Store(path, create=create)


def read_manifest(folder: str | Path) -> dict:
    """The manifest of a sharded corpus (``StoreError`` naming the problem)."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise StoreError(f"{folder} is not a Burhan corpus: cannot read {MANIFEST} ({err})") from None
    if manifest.get("format") != FORMAT_VERSION or not manifest.get("shards"):
        raise StoreError(f"{path}: unsupported corpus format {manifest.get('format')}")
    return manifest


class ShardedStore:
    """The shards of a corpus folder, read as one store (see the module docstring)."""

    def __init__(self, folder: str | Path):
        self.path = Path(folder)
        self.manifest = read_manifest(self.path)
        self.shards = [Store(self.path / name, create=False) for name in self.manifest["shards"]]
        self.n = len(self.shards)

    # -- ids ---------------------------------------------------------------------------

    def global_id(self, shard: int, local: int) -> int:
        return local * self.n + shard

    def locate(self, global_id: int) -> tuple[int, int]:
        return global_id % self.n, global_id // self.n

    def _globalise(self, shard: int, article: Article) -> Article:
        article.id = self.global_id(shard, article.id)
        article.story_id = self.global_id(shard, article.story_id)
        return article

    # -- the reads of a Store ------------------------------------------------------------

    def stats(self) -> dict:
        """As ``Store.stats``, plus ``shards``; a story never spans shards, so stories add up."""
        per_shard = [s.stats() for s in self.shards]
        return {"articles": sum(p["articles"] for p in per_shard), "sentences": sum(p["sentences"] for p in per_shard),
                "stories": sum(p["stories"] for p in per_shard),
                "sources": len(set().union(*(s.sources() for s in self.shards))), "factchecks": 0,
                "checks": 0, "schema_version": min(p["schema_version"] for p in per_shard), "shards": self.n}

    def article_count(self) -> int:
        return sum(s.article_count() for s in self.shards)

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        listed = sorted((self._globalise(k, a) for k, s in enumerate(self.shards) for a in s.list_articles()),
                        key=lambda a: a.id)
        return listed[offset : None if limit is None else offset + limit]

    def get(self, article_id: int) -> Article | None:
        shard, local = self.locate(article_id)
        found = self.shards[shard].get(local)
        return self._globalise(shard, found) if found else None

    def articles(self, ids: list[int]) -> list[Article]:
        by_shard: dict[int, list[int]] = {}
        for gid in dict.fromkeys(ids):  # each once: an article read twice would be globalised twice
            shard, local = self.locate(gid)
            by_shard.setdefault(shard, []).append(local)
        found = {a.id: a for shard, local_ids in by_shard.items()
                 for a in (self._globalise(shard, x) for x in self.shards[shard].articles(local_ids))}
        return [found[i] for i in ids if i in found]

    def story(self, story_id: int) -> list[int]:
        shard, local = self.locate(story_id)
        return [self.global_id(shard, i) for i in self.shards[shard].story(local)]

    def factcheck_count(self) -> int:
        return 0  # fact-checks are imported into a store, not into a corpus

    def close(self) -> None:
        for s in self.shards:
            s.close()

    def __enter__(self) -> ShardedStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

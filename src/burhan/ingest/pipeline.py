"""Paths → articles → a sink (the store), with per-file error reporting.

The analyser (decode, extract, clean, split, sign) runs per file, optionally in worker
processes; writing is sequential in the caller, one transaction per batch. A file that
cannot be read is reported and skipped; in a collection (JSON/JSONL/CSV) a record with
no usable text is reported as ``path#record`` and the file's other records are kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from burhan.domain import Article, Document
from burhan.ingest.clean import clean
from burhan.ingest.dedup import permutations
from burhan.ingest.errors import IngestError, RecordError
from burhan.ingest.readers import ReadOptions, expand_paths, read_file
from burhan.ingest.warc import ARABIC_PAGE, is_warc
from burhan.text.normalize import arabic_ratio


class ArticleSink(Protocol):
    def add_articles(self, articles: list[Article]) -> list[str]:
        """Store a batch atomically; one status per article (added/unchanged/duplicate)."""
        ...


@dataclass
class FileError:
    path: str
    error: str


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[FileError] = field(default_factory=list)
    skipped: int = 0  # web-archive pages left out because their text is not Arabic

    def count(self, statuses: list[str]) -> None:
        """Add a batch's ``ArticleSink.add_articles`` statuses to the counts."""
        self.added += statuses.count("added")
        self.unchanged += statuses.count("unchanged")
        self.duplicates += statuses.count("duplicate")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FileResult:
    path: str
    articles: list[Article] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    skipped: int = 0  # pages of a web archive left out as not Arabic


def analyze_file(path: Path, options: ReadOptions) -> FileResult:
    """Read, clean and sign every document of one file. Never raises for bad input."""
    result = FileResult(path=str(path))
    try:
        items = read_file(path, options)
    except IngestError as err:
        result.errors.append(FileError(str(path), str(err)))
        return result
    except OSError as err:
        result.errors.append(FileError(str(path), f"cannot read: {err.strerror or err}"))
        return result
    documents = [item for item in items if isinstance(item, Document)]
    result.errors += [FileError(item.where, item.error) for item in items if isinstance(item, RecordError)]
    for document in documents:
        try:
            article = clean(document)
        except IngestError as err:
            where = str(path) if len(documents) == 1 and not is_warc(path) else document.origin
            result.errors.append(FileError(where, str(err)))
            continue
        if document.arabic_only and arabic_ratio(article.text) < ARABIC_PAGE:
            result.skipped += 1  # a web archive's page in another language: not an error
            continue
        result.articles.append(article)
    if not items:
        result.errors.append(FileError(str(path), "no articles in file"))
    return result


def analyze_files(files: list[Path], options: ReadOptions, workers: int = 1) -> Iterator[FileResult]:
    """``analyze_file`` over ``files`` in order; ``workers > 1`` uses that many processes."""
    if workers <= 1 or len(files) < 2 * workers:
        for path in files:
            yield analyze_file(path, options)
        return
    permutations()  # datasketch imported (0.5 s) and its permutations drawn once, before the workers fork
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(analyze_file, files, [options] * len(files), chunksize=8)


def default_workers(n_files: int) -> int:
    return max(1, min(os.cpu_count() or 1, n_files // 50))


def ingest(
    paths: Iterable[str | Path],
    sink: ArticleSink,
    options: ReadOptions | None = None,
    workers: int | None = None,
    batch_size: int = 256,
    on_file: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest ``paths`` (files or directories) into ``sink``; ``on_file(done, total)`` reports progress."""
    options = options or ReadOptions()
    files = expand_paths(list(paths))
    workers = default_workers(len(files)) if workers is None else workers
    report = IngestReport()
    batch: list[Article] = []

    def flush() -> None:
        report.count(sink.add_articles(batch))
        batch.clear()

    for done, result in enumerate(analyze_files(files, options, workers), start=1):
        report.errors.extend(result.errors)
        report.skipped += result.skipped
        batch.extend(result.articles)
        if len(batch) >= batch_size:
            flush()
        if on_file:
            on_file(done, len(files))
    if batch:
        flush()
    return report

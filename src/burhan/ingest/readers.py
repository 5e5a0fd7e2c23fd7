"""File readers: each turns one file into ``Document`` objects, or raises ``IngestError``.

Supported: ``.txt`` (one article; the first lines may hold title and date), ``.html``/
``.htm`` (main text extracted later by trafilatura), ``.json`` (one object, a list of
objects, or a Unified-FC claim file with its ``article``/``url`` lists), ``.jsonl``
(one object per line), ``.csv``/``.tsv``, and web archives ``.warc``/``.warc.gz``
(``burhan.ingest.warc``). Field names for JSON and CSV are chosen by
``ReadOptions`` (defaults try the usual names).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from burhan.domain import Document
from burhan.ingest.encoding import decode
from burhan.ingest.errors import IngestError, RecordError, json_problem

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
WARC_SUFFIXES = {".warc", ".warc.gz"}  # read by burhan.ingest.warc
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | WARC_SUFFIXES | {".json", ".jsonl", ".ndjson", ".csv", ".tsv"}


def suffix_of(path: Path | str) -> str:
    """The file type: the lower-cased suffix, with ``.warc.gz`` as one."""
    name = Path(path).name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix


@dataclass
class ReadOptions:
    """Where to find each field in JSON/CSV records; ``None`` tries the usual names."""

    text_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None
    date_field: str | None = None
    source_field: str | None = None
    # the publisher of every article read that names none itself, by a field or a URL (``--source``)
    source: str | None = None
    max_document_bytes: int = 5_000_000
    max_file_bytes: int = 2_000_000_000
    # a bad record (JSONL line, CSV row) in a collection: "fail" refuses the whole file (nothing
    # of it is stored), "skip" names the record and stores the others
    on_error: str = "fail"

    def __post_init__(self) -> None:
        if self.on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {self.on_error!r}")


ON_ERROR = ("fail", "skip")


DEFAULT_FIELDS = {
    "text": ("text", "body", "content", "article", "article_text", "story", "النص"),
    "title": ("title", "headline", "العنوان"),
    "url": ("url", "link", "source_url", "الرابط"),
    "date": ("date", "published", "published_at", "pub_date", "datetime", "التاريخ"),
    "source": ("source", "publisher", "site_name", "المصدر", "الناشر"),
}


def expand_paths(paths: list[str | Path], suffixes: set[str] = SUPPORTED_SUFFIXES) -> list[Path]:
    """Files to read: named files as given, directories walked (sorted) for files ending in
    one of ``suffixes`` (by default the news types read here).

    Paths are made absolute, so an article's origin does not depend on the working
    directory. A Unified-FC release folder contributes only its ``dataset/*.json``. A missing path is returned as is, so that reading it reports the error.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(os.path.abspath(raw))
        if is_unifiedfc_root(path):
            files.extend(sorted((path / "dataset").glob("*.json")))
        elif path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and suffix_of(name) in suffixes:
                        files.append(Path(root) / name)
        else:
            files.append(path)
    return files


def is_unifiedfc_root(path: Path) -> bool:
    """The Unified-FC release folder: ``dataset/*.json`` beside ``train_test_splits.txt``.
    Only its claim files hold articles (its README and splits file are not news)."""
    return (path / "dataset").is_dir() and (path / "train_test_splits.txt").is_file()


def read_file(path: Path, options: ReadOptions) -> list[Document | RecordError]:
    """All documents in ``path``. Raises ``IngestError`` for anything unreadable; with
    ``options.on_error="skip"`` a collection's bad records come back as ``RecordError``s.
    ``options.source`` names the publisher of those that name none."""
    documents = _read_documents(path, options)
    if options.source:
        for d in documents:
            if isinstance(d, Document) and not d.source and not d.url:  # a URL names its site
                d.source = options.source
    return documents


def _read_documents(path: Path, options: ReadOptions) -> list[Document | RecordError]:
    require_file(path)
    suffix = suffix_of(path)
    if suffix in WARC_SUFFIXES:
        from burhan.ingest.warc import read_warc  # it reads this module's suffix table

        return list(read_warc(path, options.max_document_bytes))
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"unsupported file type {suffix or '(none)'!r}; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    single = suffix in TEXT_SUFFIXES | HTML_SUFFIXES
    text = read_text(path, options.max_document_bytes if single else options.max_file_bytes,
                     "an article" if single else "a collection")
    origin = str(path)
    if suffix in TEXT_SUFFIXES:
        return [Document(origin=origin, raw_text=text)]
    if suffix in HTML_SUFFIXES:
        return [Document(origin=origin, raw_text=text, is_html=True)]
    if suffix == ".json":
        return _read_json(text, origin, options)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(text, origin, options)
    return _read_csv(text, origin, options, delimiter="\t" if suffix == ".tsv" else ",")


def require_file(path: Path) -> None:
    """Raise ``IngestError`` unless ``path`` is an existing regular file."""
    if not path.exists():
        raise IngestError("no such file or directory")
    if not path.is_file():
        raise IngestError("not a regular file")


def read_text(path: Path, limit: int, what: str) -> str:
    """The decoded text of a file of at most ``limit`` bytes (``what`` names it in the error)."""
    size = path.stat().st_size
    if size > limit:
        raise IngestError(f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit for {what}")
    return decode(path.read_bytes())[0]


def _read_json(text: str, origin: str, options: ReadOptions) -> list[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise IngestError(f"invalid JSON: {json_problem(err)}") from None
    if isinstance(data, dict) and isinstance(data.get("article"), list) and "claim" in data:
        return _read_unifiedfc(data, origin)
    records = data if isinstance(data, list) else [data]
    return [_record(r, f"{origin}#{k}", options) for k, r in enumerate(records)]


def json_lines(text: str) -> Iterator[tuple[int, Any, str | None]]:
    """``(line number, record, problem)`` for each non-blank line of JSON Lines text; a line
    that is not JSON comes with ``record=None`` and the problem in words. Callers decide
    whether one bad line stops the read or all are collected first."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except json.JSONDecodeError as err:
            yield number, None, f"invalid JSON: {json_problem(err, line=False)}"


def _read_jsonl(text: str, origin: str, options: ReadOptions) -> list[Document | RecordError]:
    items: list[Document | RecordError] = []
    for lineno, record, problem in json_lines(text):
        try:
            if problem:
                raise IngestError(problem)
            items.append(_record(record, f"{origin}#{lineno}", options))
        except IngestError as err:
            if options.on_error == "fail":
                raise IngestError(f"line {lineno}: {err} (nothing of this file was stored; "
                                  f"--on-error skip stores its good lines)") from None
            items.append(RecordError(f"{origin}#{lineno}", f"line {lineno}: {err}"))
    if not items:
        raise IngestError("no records")
    return items


def _read_csv(text: str, origin: str, options: ReadOptions, delimiter: str) -> list[Document | RecordError]:
    csv.field_size_limit(options.max_document_bytes)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = reader.fieldnames or []
        fields = {name: _pick_field(name, columns, options, required=(name == "text")) for name in DEFAULT_FIELDS}
        documents = []
        for rowno, row in enumerate(reader, start=2):
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            body = (row.get(fields["text"]) or "").strip()
            if not body:
                if options.on_error == "fail":
                    raise IngestError(f"row {rowno}: empty {fields['text']!r} column (nothing of this file was "
                                      f"stored; --on-error skip stores its good rows)")
                documents.append(RecordError(f"{origin}#{rowno}", f"row {rowno}: empty {fields['text']!r} column"))
                continue
            url = _clean(row.get(fields["url"])) if fields["url"] else None
            documents.append(
                Document(
                    origin=url or f"{origin}#{rowno}",
                    raw_text=body,
                    title=_clean(row.get(fields["title"])) if fields["title"] else None,
                    url=url,
                    date=_clean(row.get(fields["date"])) if fields["date"] else None,
                    source=_clean(row.get(fields["source"])) if fields["source"] else None,
                )
            )
    except csv.Error as err:
        raise IngestError(f"malformed CSV at line {reader.line_num}: {err}") from None
    if not documents:
        raise IngestError("no rows")
    return documents


def _pick_field(name: str, columns: list[str], options: ReadOptions, required: bool) -> str | None:
    chosen = getattr(options, f"{name}_field")
    if chosen is not None:
        if chosen not in columns:
            raise IngestError(f"column {chosen!r} not found; columns are: {', '.join(columns) or '(none)'}")
        return chosen
    lowered = {c.lower().strip(): c for c in columns}
    for candidate in DEFAULT_FIELDS[name]:
        if candidate in lowered:
            return lowered[candidate]
    if required:
        raise IngestError(
            f"no text column (tried {', '.join(DEFAULT_FIELDS[name][:5])}; use --text-field); "
            f"columns are: {', '.join(columns) or '(none)'}"
        )
    return None


def _record(record: object, origin: str, options: ReadOptions) -> Document:
    if isinstance(record, str):
        return Document(origin=origin, raw_text=record)
    if not isinstance(record, dict):
        raise IngestError(f"record is a {type(record).__name__}, expected an object with a text field")
    keys = list(record)
    fields = {name: _pick_field(name, keys, options, required=(name == "text")) for name in DEFAULT_FIELDS}
    body = record.get(fields["text"])
    if not isinstance(body, str) or not body.strip():
        raise IngestError(f"record {origin.rsplit('#', 1)[-1]}: field {fields['text']!r} is empty or not text")
    url = _clean(record.get(fields["url"])) if fields["url"] else None
    return Document(
        origin=url or origin,
        raw_text=body,
        title=_clean(record.get(fields["title"])) if fields["title"] else None,
        url=url,
        date=_clean(record.get(fields["date"])) if fields["date"] else None,
        source=_clean(record.get(fields["source"])) if fields["source"] else None,
    )


def _read_unifiedfc(data: dict, origin: str) -> list[Document]:
    """A Unified-FC claim file: its articles (with their URLs), never the claim or labels."""
    urls = data.get("url") or []
    documents = []
    for k, body in enumerate(data["article"]):
        if not isinstance(body, str) or not body.strip():
            continue
        url = urls[k] if k < len(urls) and isinstance(urls[k], str) and urls[k].startswith("http") else None
        documents.append(Document(origin=url or f"{origin}#{k}", raw_text=body, url=url))
    return documents


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def domain_of(url: str | None) -> str | None:
    """``https://www.dw.com/ar/...`` → ``dw.com``."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None

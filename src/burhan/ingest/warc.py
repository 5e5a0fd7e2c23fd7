"""Web archives: ``.warc`` / ``.warc.gz`` (as Common Crawl's CC-NEWS), read with warcio.

Every HTTP ``response`` record with status 200 and an HTML body becomes one ``Document``: its
target URI is the origin and URL, its ``WARC-Date`` the fetch date (used when the page itself
gives no date), the body is decoded like any HTML file and cleaned later; ``arabic_only`` makes
ingest keep the page only if its main text is Arabic (an archive holds every language). Other
records (requests, metadata, redirects, images) are passed over.

A record that cannot be used is yielded as a ``RecordError`` naming it (``path#recordN``) and
the reading goes on; a record cut short (a truncated download: fewer bytes than its declared
length) or bytes that are not a WARC record end the reading, since nothing after them can be
trusted — the pages before have been yielded already, so ingest keeps them.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from burhan.domain import Document
from burhan.ingest.encoding import decode
from burhan.ingest.errors import IngestError, RecordError
from burhan.ingest.readers import WARC_SUFFIXES, suffix_of

ARABIC_PAGE = 0.5  # a page is kept when at least half the letters of its main text are Arabic
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return suffix_of(path) in WARC_SUFFIXES


def read_warc(path: Path, max_document_bytes: int) -> Iterator[Document | RecordError]:
    """The HTML pages of a web archive, one ``Document`` each, and a ``RecordError`` for each
    record that cannot be used (see the module docstring)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _starts_like_warc(path):  # warcio would read other text as old ARC records
        yield RecordError(str(path), "not a web archive: the file does not start with a WARC record (WARC/1.x)")
        return
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        number = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
                yield RecordError(f"{path}#record{number + 1}", f"not a readable WARC record ({err}); reading stopped")
                return
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            where = f"{path}#record{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            status = record.http_headers.get_statuscode()
            kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if status != "200" or kind not in HTML_TYPES:
                continue
            try:
                body = record.content_stream().read(max_document_bytes + 1)
            except (OSError, EOFError, ValueError) as err:
                yield RecordError(where, f"{url}: cannot read its body ({err}); reading stopped")
                return
            if record.raw_stream.limit > 0:  # the stream ended before the record's declared length
                yield RecordError(where, f"{url}: truncated — the file ends {record.raw_stream.limit} bytes "
                                         f"before the record does; reading stopped")
                return
            if len(body) > max_document_bytes:
                yield RecordError(where, f"{url}: page over the {max_document_bytes / 1e6:.1f} MB limit")
                continue
            try:
                text = decode(body)[0]
            except IngestError as err:
                yield RecordError(where, f"{url}: {err}")
                continue
            fetched = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield Document(origin=url or where, raw_text=text, url=url, is_html=True, fetched=fetched,
                           arabic_only=True)


def _starts_like_warc(path: Path) -> bool:
    with open(path, "rb") as raw:
        head = raw.read(2)
    try:
        with (gzip.open(path, "rb") if head == b"\x1f\x8b" else open(path, "rb")) as stream:
            return stream.read(5) == b"WARC/"
    except (OSError, EOFError):
        return False

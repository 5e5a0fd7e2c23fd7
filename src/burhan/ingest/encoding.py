"""Bytes → text for Arabic news files.

Order of trust: a BOM (UTF-8, UTF-16); strict UTF-8; then the legacy Arabic code pages
Windows-1256 and ISO-8859-6, keeping the one whose decoding is most Arabic. A file that
is almost valid UTF-8 but has a few bad bytes is reported as invalid UTF-8 (with the
byte offset) rather than silently read in a legacy code page: that is what it is.
"""

from __future__ import annotations

import codecs

from burhan.ingest.errors import IngestError
from burhan.text.normalize import arabic_ratio

LEGACY_ARABIC = ("cp1256", "iso8859_6")


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``IngestError`` naming the problem."""
    if not data.strip():
        raise IngestError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if _looks_binary(data):
        raise IngestError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    as_utf8 = data.decode("utf-8", errors="replace")
    if as_utf8.count("\ufffd") <= max(3, len(as_utf8) // 200) and arabic_ratio(as_utf8) > 0.3:
        raise IngestError(f"invalid UTF-8 at byte {first_bad}")
    best: tuple[float, str, str] | None = None
    for encoding in LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = arabic_ratio(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < 0.5:
        raise IngestError(f"invalid UTF-8 at byte {first_bad}, and not Windows-1256 or ISO-8859-6 Arabic either")
    return best[1], best[2]


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestError(f"invalid {encoding.upper()} at byte {err.start}") from None


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))  # the bytes left are the control bytes
    return control > len(head) * 0.01


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))

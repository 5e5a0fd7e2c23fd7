"""Sentence splitting for Arabic news text.

A sentence ends at a newline, at ``. ! ? ؟ ؛ …`` (runs such as ``?!`` or ``...``
count once), with closing quotes or brackets kept on the sentence they close.
The comma ``،`` never ends a sentence. Not boundaries: decimals (``3.5``,
``٣٫٥``), URLs and e-mail addresses, one-letter abbreviations (``د.`` for
doctor, ``أ.`` for professor), Latin initialisms (``U.S.``), and a stop inside
«…» quotes (unless the quote is left unclosed for more than ``MAX_QUOTE`` characters,
as happens in scraped text). Glued sentences such as ``الأسد.وأضاف`` are split.
"""

from __future__ import annotations

import re

TERMINATORS = ".!?؟؛…"
CLOSERS = "»\"'”’)]}"
MAX_QUOTE = 300

_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S*[^\s.!?؟؛…,،»)\]]"      # URLs (not their final stop)
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"               # e-mail addresses
    r"|\d+(?:[.,٫]\d+)+"                           # decimals, 1.300, 3.5
    r"|(?<![\w])[\u0621-\u064a]\.(?=\s|$)"         # one-letter Arabic abbreviations: د. أ.
    r"|(?:[A-Za-z]\.){2,}"                         # U.S. U.N.
    r"|(?<![\w])(?:[a-z]{2,}\.)+(?:com|net|org|info|gov|edu|sy|eg|sa|ae|qa|lb|iq|jo|tv|ch|de|uk|fr)\b",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences (display text, stripped, empty ones dropped)."""
    out: list[str] = []
    for paragraph in text.splitlines():
        out.extend(_split_paragraph(paragraph))
    return out


def _split_paragraph(paragraph: str) -> list[str]:
    protected = _protected_spans(paragraph)
    sentences: list[str] = []
    start = 0
    quote_open_at: int | None = None
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch == "«":
            quote_open_at = i
        elif ch == "»":
            quote_open_at = None
        if ch in TERMINATORS and not protected[i]:
            inside_quote = quote_open_at is not None and i - quote_open_at <= MAX_QUOTE
            j = i
            while j + 1 < n and paragraph[j + 1] in TERMINATORS:
                j += 1
            while j + 1 < n and paragraph[j + 1] in CLOSERS:
                if paragraph[j + 1] == "»":
                    quote_open_at = None
                    inside_quote = False
                j += 1
            if not inside_quote:
                _append(sentences, paragraph[start : j + 1])
                start = j + 1
            i = j + 1
            continue
        i += 1
    _append(sentences, paragraph[start:])
    return sentences


def _protected_spans(text: str) -> list[bool]:
    mask = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        for k in range(m.start(), m.end()):
            mask[k] = True
    return mask


def _append(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if any(ch.isalnum() for ch in piece):
        sentences.append(piece)

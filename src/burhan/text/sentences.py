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

# Possessive quantifiers (``++``) where giving characters back can never let the match go on
# (the next token is not in the class): the same matches, without the backtracking that made
# this search most of the splitter's time on long paragraphs.
_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S*[^\s.!?؟؛…,،»)\]]"      # URLs (not their final stop)
    r"|[\w.+-]++@[\w-]+(?:\.[\w-]+)+"              # e-mail addresses
    r"|\d+(?:[.,٫]\d+)+"                           # decimals, 1.300, 3.5
    r"|(?<![\w])[\u0621-\u064a]\.(?=\s|$)"         # one-letter Arabic abbreviations: د. أ.
    r"|(?:[A-Za-z]\.){2,}"                         # U.S. U.N.
    r"|(?<![\w])(?:[a-z]{2,}+\.)+(?:com|net|org|info|gov|edu|sy|eg|sa|ae|qa|lb|iq|jo|tv|ch|de|uk|fr)\b",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences (display text, stripped, empty ones dropped)."""
    out: list[str] = []
    for paragraph in text.splitlines():
        out.extend(_split_paragraph(paragraph))
    return out


# the only characters the splitter acts on: it jumps from one to the next (compiled search),
# not through every character in Python
_EVENTS = re.compile("[«»" + re.escape(TERMINATORS) + "]")
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum, as a regex class


def _split_paragraph(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    resume = 0  # characters before this were taken in a run of terminators and closers
    quote_open_at: int | None = None
    n = len(paragraph)
    token_end, token_spans = -1, []
    for event in _EVENTS.finditer(paragraph):
        i = event.start()
        if i < resume:
            continue
        ch = paragraph[i]
        if ch == "«":
            quote_open_at = i
            continue
        if ch == "»":
            quote_open_at = None
            continue
        if i >= token_end:
            token_end, token_spans = _protected_in_token(paragraph, i)
        if any(a <= i < b for a, b in token_spans):
            continue  # a stop inside a URL, a decimal, an abbreviation …
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
        resume = j + 1
    _append(sentences, paragraph[start:])
    return sentences


_NON_SPACE = re.compile(r"\S*")


def _protected_in_token(paragraph: str, i: int) -> tuple[int, list[tuple[int, int]]]:
    """The end of the white-space-delimited token holding position ``i``, and the protected
    spans in it. No ``_PROTECTED`` match holds white space, and its look-arounds at a token's
    edges see white space or the paragraph's ends either way, so searching each token alone
    gives exactly the spans of searching the whole paragraph — and only tokens holding a
    terminator need searching."""
    a = i
    while a > 0 and not paragraph[a - 1].isspace():
        a -= 1
    b = _NON_SPACE.match(paragraph, i).end()
    return b, [(a + m.start(), a + m.end()) for m in _PROTECTED.finditer(paragraph[a:b])]


def _append(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if _ALNUM.search(piece):
        sentences.append(piece)
